"""Who is a member on which day: valid, lapsing and lapsed organisations around the boundaries of a membership."""

import datetime

import pytest
import time_machine

from members.access import is_member
from members.models import MemberOrganisation, MemberProfile
from tests.factories.members import MemberOrganisationFactory, MembershipFactory
from tests.members.conftest import day, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    """2026 only; 2025 only (lapsed); 2026 and 2027 (renewed); 2027 only (not yet); never a member."""
    only_2026 = MemberOrganisationFactory(name="Pays Diois")
    MembershipFactory(organisation=only_2026, year=2026)
    only_2025 = MemberOrganisationFactory(name="Pays Voironnais")
    MembershipFactory(organisation=only_2025, year=2025)
    renewed = MemberOrganisationFactory(name="Ronalpia")
    MembershipFactory(organisation=renewed, year=2026)
    MembershipFactory(organisation=renewed, year=2027)
    future = MemberOrganisationFactory(name="Cap Rural")
    MembershipFactory(organisation=future, year=2027)
    MemberOrganisationFactory(name="Jamais adhérente")
    return only_2026, only_2025, renewed, future


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def test_valid_includes_both_bounds(organisations):
    assert names(MemberOrganisation.objects.valid(on=day("2026-01-01"))) == ["Pays Diois", "Ronalpia"]
    assert names(MemberOrganisation.objects.valid(on=day("2026-12-31"))) == ["Pays Diois", "Ronalpia"]
    assert names(MemberOrganisation.objects.valid(on=day("2025-12-31"))) == ["Pays Voironnais"]
    assert names(MemberOrganisation.objects.valid(on=day("2027-01-01"))) == ["Cap Rural", "Ronalpia"]


def test_lapsing_within_30_days_leaves_renewed_organisations_out(organisations):
    assert names(MemberOrganisation.objects.lapsing(within_days=30, on=day("2026-12-01"))) == ["Pays Diois"]
    # 31 days before the end: not yet lapsing.
    assert names(MemberOrganisation.objects.lapsing(within_days=30, on=day("2026-11-30"))) == []
    assert names(MemberOrganisation.objects.lapsing(within_days=30, on=day("2026-12-31"))) == ["Pays Diois"]


def test_lapsed_are_former_members_not_valid_that_day(organisations):
    assert names(MemberOrganisation.objects.lapsed(on=day("2026-06-15"))) == ["Pays Voironnais"]
    assert names(MemberOrganisation.objects.lapsed(on=day("2027-01-01"))) == ["Pays Diois", "Pays Voironnais"]
    # Nobody had ended a membership yet.
    assert names(MemberOrganisation.objects.lapsed(on=day("2025-06-01"))) == []


def test_today_is_the_paris_day_not_the_utc_day(organisations):
    with time_machine.travel("2026-12-31 23:30 +00:00", tick=False):  # 1 January 2027, 00:30 in Paris
        assert names(MemberOrganisation.objects.valid()) == ["Cap Rural", "Ronalpia"]
        assert names(MemberOrganisation.objects.lapsed()) == ["Pays Diois", "Pays Voironnais"]
    with time_machine.travel("2026-12-31 22:30 +00:00", tick=False):  # 31 December, 23:30 in Paris
        assert names(MemberOrganisation.objects.valid()) == ["Pays Diois", "Ronalpia"]
        assert names(MemberOrganisation.objects.lapsing()) == ["Pays Diois"]


def test_is_member_follows_the_organisation_and_the_day(organisations):
    only_2026, only_2025, renewed, future = organisations
    person = make_person(only_2026, years=())
    assert is_member(person, on=day("2026-12-31"))
    assert not is_member(person, on=day("2027-01-01"))
    with time_machine.travel("2026-06-15 10:00 +02:00", tick=False):
        assert is_member(person)
        person.is_active = False
        assert not is_member(person, on=day("2026-06-16"))


def test_people_without_a_profile_are_not_members(organisations):
    from django.contrib.auth.models import AnonymousUser

    from tests.factories import UserFactory

    assert not is_member(UserFactory(), on=day("2026-06-15"))
    assert not is_member(AnonymousUser(), on=day("2026-06-15"))
    assert not is_member(None)


def test_valid_until_follows_a_renewal(organisations):
    only_2026, only_2025, renewed, future = organisations
    assert only_2026.valid_until(day("2026-06-15")) == day("2026-12-31")
    assert renewed.valid_until(day("2026-06-15")) == day("2027-12-31")
    assert only_2025.valid_until(day("2026-06-15")) is None
    assert future.valid_until(day("2026-06-15")) is None


def test_profiles_valid(organisations):
    only_2026, only_2025, *_ = organisations
    valid = make_person(only_2026, years=(), username="valide")
    make_person(only_2025, years=(), username="echue")
    assert list(MemberProfile.objects.valid(on=day("2026-06-15")).values_list("user__username", flat=True)) == [
        valid.username
    ]
    assert MemberProfile.objects.valid(on=datetime.date(2027, 1, 1)).count() == 0
