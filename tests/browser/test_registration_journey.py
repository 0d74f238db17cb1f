"""The whole journey of a participant: register on the event page, read the confirmation email, cancel through
its link; the first person waiting gets the seat and is told.

The browser test's transaction never commits (the live server shares it), so the emails queued with each
registration are sent by ``send_registration_emails``, the command that retries the outbox in production.
"""

import datetime
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

from agenda import registrations as service
from agenda.models import EventIndexPage, Registration, RegistrationMode, RegistrationStatus
from tests.agenda.registration_support import calendar_of, person
from tests.factories import EventPageFactory


def full_session():
    """A session with one seat, already taken by someone, and nobody waiting."""
    agenda = EventIndexPage.objects.live().get(locale=Locale.objects.get(language_code="fr"))
    start = (timezone.now() + datetime.timedelta(days=20)).replace(hour=9, minute=30, second=0, microsecond=0)
    page = EventPageFactory(
        parent=agenda,
        title="Session « Accueillir de nouveaux actifs »",
        registration_mode=RegistrationMode.SITE,
        contact_email="sessions@example.org",
        dates=[{"start": start, "end": start + datetime.timedelta(hours=7), "capacity": 1}],
    )
    date = page.dates.get()
    return page, date, service.register(date, person(1))


def send_outbox():
    mail.outbox.clear()
    call_command("send_registration_emails", verbosity=0)
    return list(mail.outbox)


def test_register_on_the_waiting_list_get_the_seat_when_it_frees_then_cancel_through_the_email(demo, page):
    cache.clear()
    event, date, first = full_session()
    axe = Axe()

    page.goto(demo.url + event.url)
    expect(page.locator(".event-date__seats").first).to_contain_text("liste d’attente")
    page.get_by_role("link", name=re.compile("^S’inscrire")).first.click()
    expect(page.locator(".registration__full")).to_contain_text("liste d’attente")
    for field, value in {
        "first_name": "Dominique",
        "last_name": "Bernier",
        "email": "dominique.bernier@example.org",
        "organisation": "Parc naturel régional du Vercors",
        "role": "Chargé de mission économie",
        "territory": "Vercors",
    }.items():
        page.locator(f"#id_{field}").fill(value)
    page.locator("#id_consent").check()
    page.get_by_role("button", name=re.compile("M’inscrire")).click()
    expect(page.locator("h1")).to_contain_text("liste d’attente")

    sent = send_outbox()
    waiting_notice = next(m for m in sent if m.to == ["dominique.bernier@example.org"])
    assert "liste d'attente" in waiting_notice.subject.lower() or "liste d’attente" in waiting_notice.subject.lower()

    # The person holding the seat cancels: the seat goes to Dominique, who is told, with the calendar file.
    service.cancel(first)
    sent = send_outbox()
    promotion = next(m for m in sent if m.to == ["dominique.bernier@example.org"])
    _, calendar = calendar_of(promotion)
    vevent = next(iter(calendar.walk("VEVENT")))
    assert vevent.decoded("DTSTART") == date.start
    assert str(vevent["SUMMARY"]).startswith("Session « Accueillir de nouveaux actifs »")

    # Dominique cancels through the link of that email, with no account.
    link = re.search(r"https?://\S+/inscriptions/annuler/\S+/", promotion.body).group(0)
    path = "/" + link.split("/", 3)[3]
    page.goto(demo.url + path)
    expect(page.locator("h1")).to_have_text("Annuler mon inscription")
    assert not axe.run(page).violations_count
    page.get_by_role("button", name="Confirmer l'annulation").click()
    expect(page.locator(".notice")).to_contain_text("est annulée")
    assert not axe.run(page).violations_count
    registration = Registration.objects.get(email="dominique.bernier@example.org")
    assert registration.status == RegistrationStatus.CANCELLED

    # The same link again: a clear page, nothing changes.
    page.goto(demo.url + path)
    expect(page.locator(".form-errors")).to_contain_text("déjà annulée")
    assert not axe.run(page).violations_count
    acknowledgement = [m for m in send_outbox() if m.to == ["dominique.bernier@example.org"]]
    assert len(acknowledgement) == 1 and "annul" in acknowledgement[0].subject.lower()
