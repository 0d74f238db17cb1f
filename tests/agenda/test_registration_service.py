"""Registering for a date: seats then waiting list, cancellation and first-come promotion, refusals, and the
seats of a translated date (the French row's)."""

import datetime

import pytest
import time_machine

from agenda import registrations
from agenda.models import DateStatus, EmailKind, Registration, RegistrationEmail, RegistrationStatus
from agenda.registrations import AlreadyRegistered, NoSeatFree, RegistrationClosed
from tests.agenda.registration_support import NOW, build_workshop, person

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def workshop(site_tree, frozen):
    return build_workshop(site_tree, capacity=2)


def register_people(date, numbers, **options):
    return [registrations.register(date, person(n), **options) for n in numbers]


def statuses(*people):
    return [Registration.objects.get(pk=r.pk).status for r in people]


def kinds(registration):
    return sorted(RegistrationEmail.objects.filter(registration=registration).values_list("kind", flat=True))


def test_confirmed_while_seats_are_free_then_on_the_waiting_list(workshop):
    people = register_people(workshop.date, [1, 2, 3, 4])
    assert [r.status for r in people] == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    assert kinds(people[0]) == [EmailKind.CONFIRMATION, EmailKind.ORGANISER]
    assert kinds(people[2]) == [EmailKind.ORGANISER, EmailKind.WAITING_LIST]
    first = people[0]
    assert first.event_title == "Atelier installation"
    assert first.date_start == workshop.date.start
    assert first.event_id == workshop.page.pk
    assert first.email == "alex1@example.org"
    assert first.consent_at == NOW
    [date] = registrations.annotate_seats([workshop.date])
    assert (date.seats_taken, date.waiting_count, date.seats_left) == (2, 2, 0)


def test_a_cancelled_seat_goes_to_the_first_person_waiting_once(workshop):
    first, second, third, fourth = register_people(workshop.date, [1, 2, 3, 4])
    promoted = registrations.cancel(first)
    assert promoted.pk == third.pk
    assert statuses(first, second, third, fourth) == [CANCELLED, CONFIRMED, CONFIRMED, WAITING]
    assert Registration.objects.get(pk=third.pk).promoted_at == NOW
    assert kinds(third).count(EmailKind.PROMOTION) == 1
    assert kinds(first).count(EmailKind.CANCELLATION) == 1

    # Cancelling again changes nothing: no second promotion, no second email.
    assert registrations.cancel(first) is None
    assert statuses(first, second, third, fourth) == [CANCELLED, CONFIRMED, CONFIRMED, WAITING]
    assert kinds(first).count(EmailKind.CANCELLATION) == 1
    assert RegistrationEmail.objects.filter(kind=EmailKind.PROMOTION).count() == 1


def test_leaving_the_waiting_list_promotes_no_one(workshop):
    first, second, third, fourth = register_people(workshop.date, [1, 2, 3, 4])
    assert registrations.cancel(third) is None
    assert statuses(first, second, third, fourth) == [CONFIRMED, CONFIRMED, CANCELLED, WAITING]
    assert not RegistrationEmail.objects.filter(kind=EmailKind.PROMOTION).exists()


def test_the_same_address_registers_once_whatever_its_case(workshop):
    registrations.register(workshop.date, person(1))
    with pytest.raises(AlreadyRegistered):
        registrations.register(workshop.date, person(1, email="  ALEX1@Example.ORG "))
    assert Registration.objects.count() == 1
    # Once cancelled, the address may register again.
    registrations.cancel(Registration.objects.get())
    again = registrations.register(workshop.date, person(1, email="Alex1@example.org"))
    assert again.status == CONFIRMED
    assert Registration.objects.active().count() == 1


def test_registrations_close_with_the_deadline(workshop, frozen):
    workshop.date.registration_deadline = NOW + datetime.timedelta(hours=1)
    workshop.date.save()
    registrations.register(workshop.date, person(1))
    frozen.shift(datetime.timedelta(hours=2))
    with pytest.raises(RegistrationClosed):
        registrations.register(workshop.date, person(2))
    # An organiser may still add someone by hand after the deadline.
    assert registrations.register(workshop.date, person(3), by_editor=True).status == CONFIRMED
    assert Registration.objects.count() == 2
    assert not RegistrationEmail.objects.filter(kind=EmailKind.ORGANISER, registration__email="alex3@example.org")


@pytest.mark.parametrize("status", [DateStatus.CANCELLED, DateStatus.POSTPONED])
def test_a_cancelled_or_postponed_date_takes_no_one(workshop, status):
    workshop.date.status = status
    workshop.date.save()
    with pytest.raises(RegistrationClosed):
        registrations.register(workshop.date, person(1))
    with pytest.raises(RegistrationClosed):
        registrations.register(workshop.date, person(1), by_editor=True)
    assert not Registration.objects.exists()


def test_a_date_without_capacity_has_no_limit(site_tree, frozen):
    workshop = build_workshop(site_tree, capacity=None, english=False)
    people = register_people(workshop.date, range(1, 8))
    assert {r.status for r in people} == {CONFIRMED}
    [date] = registrations.annotate_seats([workshop.date])
    assert (date.seats_taken, date.seats_left) == (7, None)


def test_the_english_date_shares_the_french_seats(workshop):
    french = registrations.register(workshop.date, person(1), language="fr")
    english = registrations.register(workshop.date_en, person(2), language="en")
    late = registrations.register(workshop.date_en, person(3), language="en")
    assert workshop.date_en.pk != workshop.date.pk
    assert english.date_id == late.date_id == french.date_id == workshop.date.pk
    assert english.event_id == workshop.page.pk
    assert english.language == "en"
    assert [french.status, english.status, late.status] == [CONFIRMED, CONFIRMED, WAITING]
    with pytest.raises(AlreadyRegistered):
        registrations.register(workshop.date, person(2), language="fr")
    [date_en] = registrations.annotate_seats([workshop.date_en])
    assert (date_en.seats_taken, date_en.waiting_count) == (2, 1)


def test_an_organiser_promotes_by_hand_or_fills_raised_seats(workshop):
    first, second, third, fourth, fifth = register_people(workshop.date, [1, 2, 3, 4, 5])
    with pytest.raises(NoSeatFree):
        registrations.promote(fourth)
    workshop.date.capacity = 4
    workshop.date.save()
    assert registrations.promote(fourth).status == CONFIRMED  # chosen, ahead of the third
    assert [r.pk for r in registrations.fill_free_seats(workshop.date)] == [third.pk]
    assert statuses(first, second, third, fourth, fifth) == [CONFIRMED] * 4 + [WAITING]
    assert registrations.fill_free_seats(workshop.date) == []


def test_attendance_is_marked_on_confirmed_people_only(workshop):
    first, second, third = register_people(workshop.date, [1, 2, 3])
    assert registrations.set_attended(first) == 1
    assert registrations.set_attended(third) == 0  # waiting
    assert statuses(first, third) == [RegistrationStatus.ATTENDED, WAITING]
    assert registrations.set_attended(first, attended=False) == 1
    assert statuses(first) == [CONFIRMED]
