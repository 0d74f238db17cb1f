"""An organiser opens a date's registrations in the admin, marks someone present, and opens the attendance sheet:
the date's page (our part of it, inside Wagtail's frame) and the sheet pass axe-core."""

import datetime

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from agenda.models import EventIndexPage, RegistrationMode, RegistrationStatus
from agenda.registrations import register
from tests.factories import EventPageFactory, UserFactory

PASSWORD = "motdepasse-de-test"  # UserFactory's


def site_event_with_registrations():
    index = EventIndexPage.objects.filter(locale__language_code="fr").first()
    start = timezone.now() + datetime.timedelta(days=10)
    event = EventPageFactory(
        parent=index,
        title="Atelier d'accueil des nouveaux habitants",
        slug="atelier-accueil-test-inscriptions",
        registration_mode=RegistrationMode.SITE,
        dates=[{"start": start, "end": start + datetime.timedelta(hours=2), "capacity": 2}],
    )
    date = event.dates.get()
    for n, last_name in enumerate(["Martin", "Bernard", "Durand"], start=1):
        register(
            date,
            {
                "first_name": f"Camille{n}",
                "last_name": last_name,
                "email": f"camille{n}@example.org",
                "organisation": "Communauté de communes",
                "role": "Chargée d'accueil",
                "territory": "Pays Diois",
                "needs": "Boucle magnétique" if n == 1 else "",
            },
            by_editor=True,
        )
    return date


def log_in_to_the_admin(page, base_url):
    user = UserFactory(is_superuser=True, is_staff=True)
    page.goto(base_url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base_url + reverse("wagtailadmin_home"))


def test_an_organiser_marks_someone_present_and_prints_the_sheet(demo, page):
    date = site_event_with_registrations()
    log_in_to_the_admin(page, demo.url)
    axe, failures = Axe(), []

    page.goto(demo.url + reverse("agenda_registrations:date", args=[date.pk]))
    expect(page.locator("#confirmed")).to_have_text("Confirmée (2)")
    expect(page.locator("#waiting")).to_have_text("Liste d'attente (1)")
    # Our content only: Wagtail's own frame is Wagtail's to test.
    results = axe.run(page, context=".nice-padding")
    if results.violations_count:
        failures.append(f"{page.url}:\n{results.generate_report()}")

    page.get_by_role("button", name="Noter présent·e : Camille1 Martin").click()
    expect(page.locator(".messages")).to_contain_text("Camille1 Martin est noté·e présent·e.")
    expect(page.locator("#attended")).to_have_text("Présent·e (1)")
    assert date.registrations.get(last_name="Martin").status == RegistrationStatus.ATTENDED

    page.goto(demo.url + reverse("agenda_registrations:sheet", args=[date.pk]))
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.locator("h1")).to_have_text("Atelier d'accueil des nouveaux habitants")
    expect(page.locator("table").first.locator("tbody th")).to_have_text(["BERNARD", "MARTIN"])
    results = axe.run(page)
    if results.violations_count:
        failures.append(f"{page.url}:\n{results.generate_report()}")
    page.emulate_media(media="print")
    expect(page.locator(".sheet-back")).to_be_hidden()
    assert not failures, "\n\n".join(failures)
