"""An officer copies an offer in one click from its editor, and extends offers' expiry with the bulk action; the
copy's confirmation page (without JavaScript) and the bulk action's form pass axe-core."""

import datetime

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from offers.models import OfferPage
from tests.browser.test_registration_admin import log_in_to_the_admin


def demo_offer():
    return OfferPage.objects.live().filter(locale__language_code="fr").order_by("path").first()


def assert_no_violations(page, context):
    results = Axe().run(page, context=context)
    assert not results.violations_count, f"{page.url}:\n{results.generate_report()}"


def test_an_officer_copies_an_offer_from_its_editor(demo, page):
    offer = demo_offer()
    log_in_to_the_admin(page, demo.url)

    # Without JavaScript the button leads to a confirmation page: it must be accessible too.
    page.goto(demo.url + reverse("cms_quick_copy", args=[offer.pk]))
    expect(page.get_by_role("button", name="Copier")).to_be_visible()
    assert_no_violations(page, "main")

    page.goto(demo.url + reverse("wagtailadmin_pages:edit", args=[offer.pk]))
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_text("Copier (brouillon)").click()
    expect(page.locator("#id_title")).to_have_value(f"{offer.title} (copie)")
    copy = OfferPage.objects.get(title=f"{offer.title} (copie)")
    assert not copy.live and copy.get_parent().pk == offer.get_parent().pk and copy.expire_at is None


def test_an_officer_extends_the_expiry_of_an_offer(demo, page):
    offer = demo_offer()
    offer.expire_at = timezone.now() + datetime.timedelta(days=3)
    offer.save_revision().publish()
    new_day = timezone.localdate() + datetime.timedelta(days=90)
    log_in_to_the_admin(page, demo.url)

    # As the explorer's bulk bar links it: the selected ids and the listing to come back to.
    explorer = reverse("wagtailadmin_explore", args=[offer.get_parent().pk])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "extend_expiry"))
    url += f"?id={offer.pk}&next={explorer}"
    page.goto(demo.url + url)
    expect(page.get_by_role("link", name=offer.title)).to_be_visible()
    assert_no_violations(page, "main")

    page.get_by_label("Nouvelle date d'expiration").fill(new_day.isoformat())
    # Typing opens Wagtail's date picker, which can stay over the form's button for a moment (a mouse click then
    # lands on the calendar): submit from the keyboard, as a keyboard user does.
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Prolonger").press("Enter")
    expect(page.locator(".messages")).to_contain_text("L'expiration d'une page a été prolongée.")
    expect(page).to_have_url(demo.url + explorer)
    offer.refresh_from_db()
    assert timezone.localtime(offer.expire_at).date() == new_day
