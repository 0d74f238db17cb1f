"""Recurring events typed in the admin: a rule turns the first date into one row per occurrence."""

import datetime
from io import StringIO

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command

from agenda.models import EventDate
from agenda.models.events import PARIS
from agenda.recurrence import RecurrenceError, generate_dates, parse_rule
from tests.conftest import publish
from tests.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 22, 10, 0, tzinfo=PARIS)
FIRST = datetime.datetime(2027, 1, 12, 18, 0, tzinfo=PARIS)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def agenda(site_tree):
    return EventIndexPageFactory(parent=site_tree.home)


def weekly(agenda, **fields):
    page = EventPageFactory(
        parent=agenda, dates=[(FIRST, FIRST + datetime.timedelta(hours=2))], recurrence="FREQ=WEEKLY;COUNT=6", **fields
    )
    return publish(page)


def local_starts(page):
    return [d.start.astimezone(PARIS) for d in page.dates.order_by("start")]


def test_publishing_a_rule_generates_the_dates(frozen, agenda):
    page = weekly(agenda, recurrence_exceptions="2027-01-26\nnot a date")

    starts = local_starts(page)
    assert [s.date() for s in starts] == [
        datetime.date(2027, 1, 12),
        datetime.date(2027, 1, 19),
        datetime.date(2027, 2, 2),
        datetime.date(2027, 2, 9),
        datetime.date(2027, 2, 16),
    ]
    assert all(s.hour == 18 for s in starts)  # across the change to summer time, still 18:00 in Paris
    assert all(d.end - d.start == datetime.timedelta(hours=2) for d in page.dates.all())


def test_generated_dates_survive_the_next_edit(frozen, agenda):
    page = weekly(agenda)
    ids = set(page.dates.values_list("pk", flat=True))

    # An editor opens the live revision and publishes it again, as the admin does.
    edited = page.get_latest_revision_as_object()
    edited.title = "Atelier renommé"
    edited.save_revision().publish()

    assert set(page.dates.values_list("pk", flat=True)) == ids


def test_changing_the_rule_removes_future_occurrences_it_no_longer_makes(frozen, agenda):
    page = weekly(agenda)
    page.recurrence = "FREQ=WEEKLY;COUNT=3"
    publish(page)

    assert len(local_starts(page)) == 3


def test_generation_stops_at_the_horizon(frozen, agenda, settings):
    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 60
    page = EventPageFactory(parent=agenda, dates=[(FIRST, FIRST)], recurrence="FREQ=DAILY")
    publish(page)

    last = max(local_starts(page))
    assert last <= NOW + datetime.timedelta(days=60)
    assert last > NOW + datetime.timedelta(days=58)


def test_extend_recurrences_moves_the_horizon(frozen, agenda, settings, time_machine):
    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 60
    page = publish(EventPageFactory(parent=agenda, dates=[(FIRST, FIRST)], recurrence="FREQ=WEEKLY"))
    before = page.dates.count()

    time_machine.move_to(NOW + datetime.timedelta(days=30), tick=False)
    out = StringIO()
    call_command("extend_recurrences", stdout=out)

    assert page.dates.count() > before
    assert "1 événement(s) répété(s)" in out.getvalue()
    assert generate_dates(page) == (0, 0)  # a second run adds nothing


def test_rule_typed_badly_is_a_form_error(agenda):
    page = EventPageFactory(parent=agenda, dates=[(FIRST, FIRST)])
    page.recurrence = "tous les mardis"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "recurrence" in error.value.message_dict
    with pytest.raises(RecurrenceError):
        parse_rule("FREQ=SOMETIMES")


def test_all_day_date_from_the_admin_is_stored_with_an_exclusive_end():
    date = EventDate(
        start=datetime.datetime(2027, 6, 5, 10, 0, tzinfo=PARIS),
        end=datetime.datetime(2027, 6, 6, 0, 0, tzinfo=PARIS),
        all_day=True,
    )
    date.clean()
    assert date.start == datetime.datetime(2027, 6, 5, tzinfo=PARIS)
    assert date.end == datetime.datetime(2027, 6, 7, tzinfo=PARIS)
    assert (date.first_day, date.last_day, date.is_multi_day) == (
        datetime.date(2027, 6, 5),
        datetime.date(2027, 6, 6),
        True,
    )


def test_saving_an_all_day_date_again_keeps_its_days(agenda):
    page = EventPageFactory(parent=agenda)
    date = EventDate(
        page=page,
        start=datetime.datetime(2027, 6, 5, tzinfo=PARIS),
        end=datetime.datetime(2027, 6, 6, tzinfo=PARIS),
        all_day=True,
    )
    date.clean()
    date.save()
    assert date.end == datetime.datetime(2027, 6, 7, tzinfo=PARIS)

    # The admin form shows the stored end back; saving it untouched keeps the same days.
    again = EventDate.objects.get(pk=date.pk)
    again.clean()
    assert again.end == datetime.datetime(2027, 6, 7, tzinfo=PARIS)
    assert again.last_day == datetime.date(2027, 6, 6)


def test_end_before_start_is_refused():
    date = EventDate(start=FIRST, end=FIRST - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError):
        date.clean()
