"""A visitor registers for a date from the event page: the event page, the form, the form with its errors and the
confirmation pass axe-core, and the error summary leads to the fields."""

import datetime
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Locale

from agenda.models import EventIndexPage, RegistrationMode
from agenda.models.registrations import Registration, RegistrationStatus
from tests.conftest import translate
from tests.factories import EventPageFactory


def axe_failures(page, axe, failures):
    results = axe.run(page)
    if results.violations_count:
        failures.append(f"{page.url}:\n{results.generate_report()}")


def site_event():
    agenda = EventIndexPage.objects.live().get(locale=Locale.objects.get(language_code="fr"))
    start = (timezone.now() + datetime.timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    return EventPageFactory(
        parent=agenda,
        title="Journée d'essai des inscriptions",
        registration_mode=RegistrationMode.SITE,
        membership_required=False,
        dates=[
            {
                "start": start,
                "end": start + datetime.timedelta(hours=3),
                "capacity": 4,
                "registration_deadline": start - datetime.timedelta(days=2),
            }
        ],
    )


def test_a_visitor_registers_through_pages_without_axe_violation(demo, page):
    cache.clear()  # the rate limits' counters
    event = site_event()
    axe, failures = Axe(), []

    page.goto(demo.url + event.url)
    expect(page.locator(".event-date__seats").first).to_have_text("plus que 4 places")
    axe_failures(page, axe, failures)
    page.get_by_role("link", name="S’inscrire – ").first.click()
    expect(page.locator("h1")).to_have_text("S’inscrire")
    box = page.locator(".form-field--honeypot").bounding_box()
    assert box["x"] + box["width"] <= 0  # out of sight
    # The demo's privacy notice, linked from the consent's label.
    expect(page.locator('label[for="id_consent"] a')).to_have_attribute("href", "/fr/donnees-personnelles/")
    axe_failures(page, axe, failures)

    page.locator("#id_first_name").fill("Camille")
    page.locator("#id_email").fill("camille@")
    page.get_by_role("button", name="M’inscrire").click()
    expect(page).to_have_title(re.compile(r"^Erreur"))
    summary = page.locator("#form-errors")
    expect(summary).to_contain_text("Saisissez une adresse électronique valide")
    axe_failures(page, axe, failures)
    summary.get_by_role("link", name="Structure").click()
    expect(page.locator("#id_organisation")).to_be_focused()

    page.locator("#id_last_name").fill("Martin")
    page.locator("#id_email").fill("camille@example.org")
    page.locator("#id_organisation").fill("Communauté de communes du Diois")
    page.locator("#id_role").fill("Chargée de mission")
    page.locator("#id_territory").fill("Pays Diois")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="M’inscrire").click()
    expect(page.locator("h1")).to_have_text("Votre inscription est confirmée")
    expect(page.locator(".registration__done")).to_contain_text("camille@example.org")
    axe_failures(page, axe, failures)
    page.reload()
    expect(page.locator("h1")).to_have_text("Votre inscription est confirmée")
    assert Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count() == 1

    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(demo.url + event.url + page.url.split(event.url)[1].removesuffix("merci/"))
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the form scrolls horizontally by {overflow}px at 320px"
    axe_failures(page, axe, failures)
    assert not failures, "\n\n".join(failures)


def test_the_english_form_with_errors_passes_axe(demo, page):
    cache.clear()
    event = site_event()
    event_en = translate(event, Locale.objects.get(language_code="en"), title="Registration trial day", slug="trial")
    date_en = event_en.dates.get()
    page.goto(demo.url + event_en.url)
    page.locator("a.event-date__register").click()
    expect(page).to_have_url(demo.url + f"{event_en.url}inscription/{date_en.pk}/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("form.registration-form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    failures = []
    axe_failures(page, Axe(), failures)
    assert not failures, "\n\n".join(failures)
