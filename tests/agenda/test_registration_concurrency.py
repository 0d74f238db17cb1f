"""No overbooking under concurrency, on PostgreSQL: many people asking for the seats of one date at the same
instant, each through its own database connection, as gunicorn workers would.

The data is committed (other connections must see it): these tests are transactional, pytest-django empties the
database after each, and the migrated state comes back before the next one and after the module.
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from django.db import connections

from wagtail.models import Locale

from agenda import registrations as service
from agenda.models import EmailKind, Registration, RegistrationEmail, RegistrationStatus
from tests.agenda.registration_support import person, site_session
from tests.conftest import build_site_tree, restore_migrated_state

SEATS = 20
PEOPLE = 60


pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="row locks under concurrent connections are tested on PostgreSQL (make test-postgres)",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def committed(migrated_state_afterwards, migrated_state):
    """The migrated state, which the previous test of this module emptied."""
    if not Locale.objects.exists():
        restore_migrated_state(migrated_state)


@pytest.fixture
def session_date(committed):
    fr = Locale.objects.get(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    _, date = site_session(build_site_tree(fr, en), capacity=SEATS)
    return date


def all_at_once(function, arguments):
    """Call ``function`` on every argument, each in its own thread and connection, all released together."""
    barrier = threading.Barrier(len(arguments))

    def run(argument):
        try:
            barrier.wait(timeout=30)
            return function(argument)
        except service.RegistrationError as error:
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        return list(pool.map(run, arguments))


def statuses(date):
    return sorted(Registration.objects.filter(date=date).values_list("status", flat=True))


def test_sixty_people_at_once_get_twenty_seats_and_forty_places_on_the_waiting_list(session_date):
    results = all_at_once(lambda n: service.register(session_date, person(n)), list(range(PEOPLE)))

    assert all(isinstance(result, Registration) for result in results)  # no error for anyone
    rows = Registration.objects.filter(date=session_date)
    assert rows.filter(status=RegistrationStatus.CONFIRMED).count() == SEATS
    assert rows.filter(status=RegistrationStatus.WAITING).count() == PEOPLE - SEATS
    assert rows.values("email").distinct().count() == PEOPLE
    # Each person is told once, and told what they got.
    for registration in rows:
        kinds = list(registration.emails.exclude(kind=EmailKind.ORGANISER).values_list("kind", flat=True))
        expected = (
            EmailKind.CONFIRMATION if registration.status == RegistrationStatus.CONFIRMED else EmailKind.WAITING_LIST
        )
        assert kinds == [expected]
    # The seats went in the order the rows were written: nobody waits while a later arrival has a seat.
    ordered = list(rows.order_by("created_at", "pk").values_list("status", flat=True))
    assert ordered == [RegistrationStatus.CONFIRMED] * SEATS + [RegistrationStatus.WAITING] * (PEOPLE - SEATS)


def test_concurrent_cancellations_promote_each_freed_seat_exactly_once(session_date):
    for number in range(PEOPLE):
        service.register(session_date, person(number))
    confirmed = list(Registration.objects.filter(status=RegistrationStatus.CONFIRMED).order_by("pk")[:10])
    queue = list(Registration.objects.filter(date=session_date).waiting_list())

    # Ten people cancel at once, and one of them clicks ten times.
    targets = confirmed + [confirmed[0]] * 9
    results = all_at_once(service.cancel, targets)

    assert not [result for result in results if isinstance(result, Exception)]
    promoted = [result for result in results if isinstance(result, Registration)]
    assert len(promoted) == 10
    assert {r.pk for r in promoted} == {r.pk for r in queue[:10]}  # first come, first served
    assert statuses(session_date).count(RegistrationStatus.CONFIRMED) == SEATS
    assert statuses(session_date).count(RegistrationStatus.CANCELLED) == 10
    assert statuses(session_date).count(RegistrationStatus.WAITING) == PEOPLE - SEATS - 10
    assert RegistrationEmail.objects.filter(kind=EmailKind.PROMOTION).count() == 10
    assert RegistrationEmail.objects.filter(kind=EmailKind.CANCELLATION).count() == 10


def test_the_same_address_sent_ten_times_at_once_gets_one_seat(session_date):
    results = all_at_once(
        lambda n: service.register(session_date, person(1, email="Double.Clic@example.org")), list(range(10))
    )
    assert sum(isinstance(result, Registration) for result in results) == 1
    assert sum(isinstance(result, service.AlreadyRegistered) for result in results) == 9
    assert Registration.objects.filter(date=session_date).count() == 1
