"""The registrations' scheduled commands: the outbox retried, the J-2 reminder sent once to confirmed people,
and past registrations anonymised after the retention period."""

import datetime
from io import StringIO

import pytest
import time_machine
from icalendar import Calendar

from django.core.management import CommandError, call_command
from django.core.validators import validate_email

from agenda import registrations
from agenda.management.commands.anonymise_registrations import ANONYMOUS_EMAIL, months_before
from agenda.models import EmailKind, Registration, RegistrationEmail, RegistrationStatus
from agenda.registrations import BadToken, cancel_token, registration_from_token
from tests.agenda.registration_support import NOW, build_workshop, person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_send_registration_emails_reports_its_counts(site_tree, frozen, mailoutbox):
    workshop = build_workshop(site_tree, english=False)
    registrations.register(workshop.date, person(1))  # no commit in this test: the rows wait in the outbox
    assert mailoutbox == []
    assert run("send_registration_emails") == "2 courriel(s) en attente : 2 envoyé(s), 0 en échec, 0 sans objet.\n"
    assert len(mailoutbox) == 2
    assert run("send_registration_emails").startswith("0 courriel(s) en attente : 0 envoyé(s)")
    assert len(mailoutbox) == 2


@pytest.fixture
def soon(site_tree, frozen):
    """A workshop with a date tomorrow (one seat) and one in five days; people in every state."""
    workshop = build_workshop(
        site_tree,
        english=False,
        dates=[
            {"start": NOW + DAY, "end": NOW + DAY + datetime.timedelta(hours=2), "capacity": 1},
            {"start": NOW + 5 * DAY, "end": NOW + 5 * DAY + datetime.timedelta(hours=2)},
        ],
    )
    tomorrow, later = workshop.page.dates.order_by("start")
    people = {
        "confirmed": registrations.register(tomorrow, person(1)),
        "waiting": registrations.register(tomorrow, person(2)),
        "cancelled": registrations.register(later, person(3)),
        "later": registrations.register(later, person(4)),
    }
    registrations.cancel(people["cancelled"])
    RegistrationEmail.objects.update(sent_at=NOW)  # the earlier emails are out
    return workshop, tomorrow, people


def test_the_reminder_goes_once_to_confirmed_people_of_dates_within_two_days(soon, mailoutbox):
    workshop, tomorrow, people = soon
    assert run("send_registration_reminders", "--dry-run") == "1 rappel(s) à envoyer (essai : rien n'est envoyé).\n"
    assert not RegistrationEmail.objects.filter(kind=EmailKind.REMINDER).exists()

    assert run("send_registration_reminders").startswith("1 rappel(s) : 1 envoyé(s), 0 en échec")
    [message] = mailoutbox
    assert message.to == ["alex1@example.org"]
    assert message.subject == "Rappel : Atelier installation, jeudi 3 juin 2027, de 10:00 à 12:00"
    assert registrations.cancel_url(people["confirmed"]) in message.body
    [part] = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    [event] = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")
    assert event.decoded("DTSTART") == tomorrow.start

    assert run("send_registration_reminders").startswith("0 rappel(s)")
    assert len(mailoutbox) == 1
    assert RegistrationEmail.objects.filter(kind=EmailKind.REMINDER).count() == 1


def test_the_reminder_reaches_the_later_date_when_it_comes_near(soon, frozen, mailoutbox):
    frozen.shift(4 * DAY)  # tomorrow's date is over; the later one starts in a day
    run("send_registration_reminders")
    assert [message.to for message in mailoutbox] == [["alex4@example.org"]]
    # With --days 0 nothing is near.
    assert run("send_registration_reminders", "--days", "0").startswith("0 rappel(s)")


def test_no_reminder_for_a_cancelled_date(soon, mailoutbox):
    _, tomorrow, _ = soon
    tomorrow.status = "cancelled"
    tomorrow.save()
    assert run("send_registration_reminders").startswith("0 rappel(s)")
    assert mailoutbox == []


def test_months_before_keeps_the_day_when_it_can():
    moment = datetime.datetime(2027, 3, 31, 10, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2027, 2, 28, 10, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2026, 3, 31, 10, tzinfo=datetime.UTC)
    assert months_before(moment, 15) == datetime.datetime(2025, 12, 31, 10, tzinfo=datetime.UTC)


def test_past_registrations_are_anonymised_after_the_retention_period(site_tree, frozen):
    workshop = build_workshop(site_tree, english=False, capacity=None)
    user = UserFactory()
    old = registrations.register(
        workshop.date, person(1, phone="06 00 00 00 00", needs="Fauteuil", comment="Merci"), user=user
    )
    recent = registrations.register(workshop.date, person(2, phone="06 11 11 11 11"))
    old_link = cancel_token(old)
    Registration.objects.filter(pk=old.pk).update(date_start=NOW - datetime.timedelta(days=400))
    Registration.objects.filter(pk=recent.pk).update(date_start=NOW - datetime.timedelta(days=300))

    assert run("anonymise_registrations") == "1 inscription(s) anonymisée(s) (dates de plus de 12 mois).\n"
    old.refresh_from_db()
    assert (old.first_name, old.last_name, old.email) == ("Anonyme", "", ANONYMOUS_EMAIL)
    assert (old.organisation, old.role, old.phone, old.needs, old.comment, old.user) == ("", "", "", "", "", None)
    assert old.territory == "Pays Diois"
    assert old.status == RegistrationStatus.CONFIRMED
    assert old.anonymised_at == NOW
    validate_email(old.email)  # what an EmailField accepts, and never delivered (.invalid)
    assert not RegistrationEmail.objects.filter(registration=old).exists()
    with pytest.raises(BadToken):
        registration_from_token(old_link)

    recent.refresh_from_db()
    assert (recent.first_name, recent.email, recent.phone) == ("Alex2", "alex2@example.org", "06 11 11 11 11")
    assert recent.anonymised_at is None
    assert RegistrationEmail.objects.filter(registration=recent).exists()

    assert run("anonymise_registrations").startswith("0 inscription(s)")  # idempotent
    assert run("anonymise_registrations", "--months", "6").startswith("1 inscription(s)")
    recent.refresh_from_db()
    assert recent.first_name == "Anonyme" and recent.anonymised_at == NOW
    # Two anonymised rows of the same date share the placeholder: the one-address constraint ignores them.
    assert Registration.objects.filter(email=ANONYMOUS_EMAIL, date=workshop.date).count() == 2
    with pytest.raises(CommandError):
        run("anonymise_registrations", "--months", "-1")
