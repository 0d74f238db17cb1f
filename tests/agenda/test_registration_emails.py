"""The registrations' emails as people receive them: each kind's subject, recipient, wording and links, in
French and English, the .ics of a confirmed seat read back with icalendar, and the outbox surviving a mail
server that is down."""

import socket
import threading
from unittest import mock
from urllib.parse import urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection as db_connection
from django.db import connections
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from agenda import registrations
from agenda.models import AttendanceMode, EmailKind, Registration, RegistrationEmail, RegistrationStatus
from agenda.registrations import registration_from_token
from agenda.registrations.emails import MAX_ATTEMPTS, send_pending_emails
from tests.agenda.registration_support import (
    END,
    NOW,
    ORGANISER_EMAIL,
    START,
    build_workshop,
    calendar_of,
    person,
)

pytestmark = pytest.mark.django_db

FRENCH_PLACE = "Maison des services, 2 rue de la Gare, 26150 Die"


@pytest.fixture
def workshop(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_workshop(site_tree, capacity=1)


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Register as the form does, running what waits for the commit (the sending)."""

    def register(date, n=1, language="fr", **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return registrations.register(date, person(n, **fields), language=language)

    return register


@pytest.fixture
def cancel(django_capture_on_commit_callbacks):
    def cancel(registration):
        with django_capture_on_commit_callbacks(execute=True):
            return registrations.cancel(registration)

    return cancel


def messages_to(outbox, address):
    return [message for message in outbox if message.to == [address]]


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return BeautifulSoup(html, "html.parser")


def assert_cancel_link(url, registration, language):
    """``url`` is absolute, on the site, and names ``registration`` through the cancellation view."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("http", "localhost")
    assert parts.path.startswith(f"/{language}/")
    with translation.override(language):
        match = resolve(parts.path)
    assert match.view_name == "registrations:cancel"
    assert registration_from_token(match.kwargs["token"]).pk == registration.pk


def cancel_links(message, language="fr"):
    """The links of the HTML part that lead to the cancellation view."""
    links = []
    for a in html_of(message).find_all("a", href=True):
        parts = urlsplit(a["href"])
        if parts.netloc != "localhost":
            continue
        with translation.override(language):
            try:
                match = resolve(parts.path)
            except Resolver404:
                continue
        if match.view_name == "registrations:cancel":
            links.append(a["href"])
    return links


def test_the_french_confirmation(workshop, register, mailoutbox):
    registration = register(workshop.date)
    [message] = messages_to(mailoutbox, "alex1@example.org")
    assert message.subject == "Inscription confirmée : Atelier installation"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.reply_to == [ORGANISER_EMAIL]
    body = message.body
    assert "Bonjour Alex1," in body
    assert "jeudi 10 juin 2027, de 14:00 à 16:30" in body
    assert FRENCH_PLACE in body
    assert "http://localhost/fr/agenda/atelier-installation/" in body
    assert registrations.cancel_url(registration) in body

    html = html_of(message)
    assert html.html["lang"] == "fr"
    assert "Votre inscription est confirmée" in html.get_text()
    assert html.find("a", string="Voir la page de l’événement")["href"] == (
        "http://localhost/fr/agenda/atelier-installation/"
    )
    [link] = cancel_links(message)
    assert_cancel_link(link, registration, "fr")

    part, calendar = calendar_of(message)
    assert part.get_param("method") == "PUBLISH"
    assert part.get_filename().endswith(".ics")
    assert calendar["METHOD"] == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert event["UID"] == str(workshop.date.translation_key)
    assert event.decoded("DTSTART") == START
    assert event.decoded("DTEND") == END
    assert str(event["SUMMARY"]) == "Atelier installation"
    assert str(event["LOCATION"]) == FRENCH_PLACE
    assert str(event["URL"]) == "http://localhost/fr/agenda/atelier-installation/"
    assert RegistrationEmail.objects.get(registration=registration, kind=EmailKind.CONFIRMATION).sent_at == NOW


def test_the_english_confirmation(workshop, register, mailoutbox):
    registration = register(workshop.date_en, language="en")
    [message] = messages_to(mailoutbox, "alex1@example.org")
    # The wording's English comes with the catalogue; the title, date and links are English already.
    assert message.subject.endswith("Settlement workshop")
    assert "Thursday 10 June 2027" in message.body
    assert "http://localhost/en/events/settlement-workshop/" in message.body
    html = html_of(message)
    assert html.html["lang"] == "en"
    [link] = cancel_links(message, "en")
    assert_cancel_link(link, registration, "en")
    _, calendar = calendar_of(message)
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Settlement workshop"
    assert event.decoded("DTSTART") == START
    assert str(event["URL"]) == "http://localhost/en/events/settlement-workshop/"


def test_the_organiser_hears_of_each_registration_in_french(workshop, register, mailoutbox):
    register(workshop.date, 1, phone="04 75 00 00 00")
    register(workshop.date_en, 2, language="en")
    first, second = messages_to(mailoutbox, ORGANISER_EMAIL)
    assert first.subject == second.subject == "Nouvelle inscription : Atelier installation"
    assert first.reply_to == ["alex1@example.org"]
    assert "Alex1 Durand – Mairie de Die (Chargée de mission)" in first.body
    assert "Statut : Confirmée" in first.body
    assert "Places prises : 1 sur 1" in first.body
    assert "Téléphone : 04 75 00 00 00" in first.body
    assert "Statut : Liste d'attente" in second.body
    assert "Liste d’attente : 1" in second.body
    html = html_of(second)
    assert html.html["lang"] == "fr"
    admin = html.find("a", string="Voir les inscriptions dans l’administration")["href"]
    assert admin == f"http://testserver/admin/agenda/registrations/{workshop.date.pk}/"
    assert not cancel_links(second)
    assert calendar_of(second) == (None, None)


def test_an_editor_adding_someone_does_not_notify_the_organiser(
    workshop, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(workshop.date, person(1), by_editor=True)
    assert [message.to for message in mailoutbox] == [["alex1@example.org"]]


def test_the_waiting_list_notice_gives_the_position(workshop, register, mailoutbox):
    register(workshop.date, 1)
    register(workshop.date, 2)
    third = register(workshop.date, 3)
    [second_notice] = messages_to(mailoutbox, "alex2@example.org")
    [message] = messages_to(mailoutbox, "alex3@example.org")
    assert second_notice.subject == "Liste d'attente : Atelier installation"
    assert "Vous êtes en 1re position." in second_notice.body
    assert "Vous êtes en 2e position." in message.body
    assert "Cette date est complète" in message.body
    [link] = cancel_links(message)
    assert_cancel_link(link, third, "fr")
    assert calendar_of(message) == (None, None)


def test_a_freed_seat_is_announced_and_the_cancellation_acknowledged(workshop, register, cancel, mailoutbox):
    first = register(workshop.date, 1)
    second = register(workshop.date, 2)
    mailoutbox.clear()
    assert cancel(first).pk == second.pk
    [ack] = messages_to(mailoutbox, "alex1@example.org")
    assert ack.subject == "Inscription annulée : Atelier installation"
    assert "Votre inscription est annulée" in ack.body
    assert "/annuler/" not in ack.body
    assert calendar_of(ack) == (None, None)

    [promotion] = messages_to(mailoutbox, "alex2@example.org")
    assert promotion.subject == "Une place s'est libérée : Atelier installation"
    assert "une place s’est libérée, vous êtes inscrit·e" in promotion.body
    [link] = cancel_links(promotion)
    assert_cancel_link(link, second, "fr")
    _, calendar = calendar_of(promotion)
    assert calendar.walk("VEVENT")[0].decoded("DTSTART") == START
    assert len(mailoutbox) == 2


def test_an_organiser_message_is_sent_as_plain_text(workshop, register, django_capture_on_commit_callbacks, mailoutbox):
    registration = register(workshop.date, 1)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registrations.queue_email(
            registration,
            EmailKind.MESSAGE,
            subject="Changement de salle\n",
            body="<b>Salle 2</b>, à l'étage.\nApportez vos questions.",
        )
    [message] = mailoutbox
    assert message.subject == "Changement de salle"
    assert message.reply_to == [ORGANISER_EMAIL]
    assert "<b>Salle 2</b>, à l'étage.\nApportez vos questions." in message.body
    assert "Pays Diois vous écrit" in message.body
    html = html_of(message)
    assert not html.find("b", string="Salle 2")
    assert "<b>Salle 2</b>, à l'étage." in html.get_text()
    [link] = cancel_links(message)
    assert_cancel_link(link, registration, "fr")


def test_an_online_event_gives_its_connection_link_to_confirmed_people(site_tree, register, mailoutbox):
    with time_machine.travel(NOW, tick=False):
        workshop = build_workshop(
            site_tree,
            english=False,
            attendance_mode=AttendanceMode.ONLINE,
            online_link="https://visio.example.org/atelier",
        )
        register(workshop.date)
    [message] = messages_to(mailoutbox, "alex1@example.org")
    assert "Où : En ligne" in message.body
    assert "https://visio.example.org/atelier" in message.body
    _, calendar = calendar_of(message)
    assert str(calendar.walk("VEVENT")[0]["LOCATION"]) == "En ligne"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 2
    settings.EMAIL_USE_TLS = False
    return settings


def test_a_mail_server_down_loses_nothing(workshop, register, smtp_down, mailoutbox):
    registration = register(workshop.date)  # does not raise
    assert registration.pk and registration.status == RegistrationStatus.CONFIRMED
    rows = RegistrationEmail.objects.filter(registration=registration)
    assert {(row.kind, row.sent_at, row.attempts) for row in rows} == {
        (EmailKind.CONFIRMATION, None, 1),
        (EmailKind.ORGANISER, None, 1),
    }
    assert all("ConnectionRefusedError" in row.last_error for row in rows)
    assert mailoutbox == []

    call_command("send_registration_emails")  # still down: one more attempt each
    assert {row.attempts for row in rows.all()} == {2}

    smtp_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_registration_emails")
    assert sorted(message.to[0] for message in mailoutbox) == ["alex1@example.org", ORGANISER_EMAIL]
    assert all(row.sent_at and row.last_error == "" and row.attempts == 3 for row in rows.all())
    call_command("send_registration_emails")
    send_pending_emails([row.pk for row in rows])
    assert len(mailoutbox) == 2


def test_a_stale_email_is_not_sent_after_the_registration_changed(workshop, register, cancel, smtp_down, mailoutbox):
    registration = register(workshop.date)
    smtp_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cancel(registration)
    # The old confirmation is left unsent for good; the organiser's notice and the cancellation go out.
    call_command("send_registration_emails")
    confirmation = RegistrationEmail.objects.get(kind=EmailKind.CONFIRMATION)
    assert confirmation.sent_at is None
    assert confirmation.attempts == MAX_ATTEMPTS
    assert "cancelled" in confirmation.last_error
    subjects = sorted(message.subject for message in mailoutbox)
    assert subjects == ["Inscription annulée : Atelier installation", "Nouvelle inscription : Atelier installation"]


def test_sending_never_raises_and_gives_up_after_the_last_attempt(workshop, register, mailoutbox):
    with mock.patch("agenda.registrations.emails.build_message", side_effect=ValueError("gabarit cassé")):
        registration = register(workshop.date)
    row = RegistrationEmail.objects.get(registration=registration, kind=EmailKind.CONFIRMATION)
    assert (row.sent_at, row.attempts, row.last_error) == (None, 1, "ValueError: gabarit cassé")
    RegistrationEmail.objects.update(attempts=MAX_ATTEMPTS)
    assert send_pending_emails().sent == 0
    assert mailoutbox == []


def test_an_anonymised_registration_is_never_emailed(workshop, register, smtp_down, mailoutbox):
    registration = register(workshop.date)
    smtp_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    RegistrationEmail.objects.filter(registration=registration).update(attempts=0)
    registration.anonymised_at = timezone.now()
    registration.save()
    result = send_pending_emails()
    assert (result.sent, result.failed) == (0, 0)
    assert mailoutbox == []


def test_a_sent_email_is_not_sent_again(workshop, register, mailoutbox):
    registration = register(workshop.date)
    ids = list(RegistrationEmail.objects.filter(registration=registration).values_list("pk", flat=True))
    assert len(mailoutbox) == 2
    result = send_pending_emails(ids)
    assert (result.sent, result.skipped) == (0, 0)  # not even pending any more
    assert len(mailoutbox) == 2


class GatedBackend(BaseEmailBackend):
    """A mail server that holds each message until the test lets it go (``release``)."""

    entered = threading.Event()
    release = threading.Event()
    sent = []

    def send_messages(self, messages):
        GatedBackend.entered.set()
        GatedBackend.release.wait(10)
        GatedBackend.sent.extend(messages)
        return len(messages)


def in_thread(function):
    """Start ``function`` in a thread of its own (its own database connection, in autocommit)."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function()
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    return thread, outcome


def committed(function):
    """Run ``function`` in a thread, so that what it writes is committed and seen by other threads."""
    thread, outcome = in_thread(function)
    thread.join(10)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_two_senders_at_once_send_an_email_once(settings):
    """The sender after a commit and the command, at the same instant: the second leaves the row alone."""
    if db_connection.vendor == "sqlite":
        # The test's own transaction holds SQLite's write lock from its start (transaction_mode IMMEDIATE), so
        # other threads cannot write; this runs on PostgreSQL (make test-postgres), where rows are locked.
        pytest.skip("two senders in threads need PostgreSQL's row locks")
    settings.EMAIL_BACKEND = "tests.agenda.test_registration_emails.GatedBackend"
    GatedBackend.entered.clear()
    GatedBackend.release.clear()
    GatedBackend.sent = []

    def create():
        registration = Registration.objects.create(
            event_title="Atelier installation",
            date_start=NOW,
            status=RegistrationStatus.CANCELLED,
            **person(1),
        )
        email = RegistrationEmail.objects.create(registration=registration, kind=EmailKind.CANCELLATION)
        return registration.pk, email.pk

    registration_pk, pk = committed(create)
    try:
        first, first_outcome = in_thread(send_pending_emails)
        assert GatedBackend.entered.wait(10)
        second, second_outcome = in_thread(send_pending_emails)
        second.join(1)  # PostgreSQL: passed over at once; SQLite: refused by the write lock, or waiting for it
        GatedBackend.release.set()
        first.join(10)
        second.join(10)
        assert first_outcome["value"].sent == 1
        assert second_outcome["value"].sent == 0
        assert len(GatedBackend.sent) == 1
        row = committed(lambda: RegistrationEmail.objects.get(pk=pk))
        assert row.sent_at is not None
        assert row.attempts == 1
    finally:
        GatedBackend.release.set()
        committed(lambda: Registration.objects.filter(pk=registration_pk).delete())
