"""Fixtures of the members' tests: the members' area in both languages and people with and without a membership."""

import datetime

import pytest
import time_machine

from members.access import members_group
from tests.conftest import translate
from tests.factories import UserFactory
from tests.factories.members import (
    MemberAreaPageFactory,
    MemberOrganisationFactory,
    MemberProfileFactory,
    MembershipFactory,
)

# Mid-2026, Paris: the default day of these tests.
NOW = "2026-06-15 10:00 +02:00"
PASSWORD = "motdepasse-de-test"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def member_area(site_tree):
    return MemberAreaPageFactory(parent=site_tree.home, locale=site_tree.fr)


@pytest.fixture
def member_area_en(member_area, site_tree):
    return translate(member_area, site_tree.en, title="Members' area", slug="members-area")


def make_person(organisation=None, *, years=(2026,), in_group=True, **user_fields):
    """A user in an organisation with memberships for ``years`` (calendar years), in the members' group or not."""
    organisation = organisation or MemberOrganisationFactory()
    for year in years:
        MembershipFactory(organisation=organisation, year=year)
    user = UserFactory(**user_fields)
    MemberProfileFactory(user=user, organisation=organisation)
    if in_group:
        user.groups.add(members_group())
    return user


@pytest.fixture
def member(db):
    """A valid member in 2026, in the group."""
    return make_person(first_name="Anne", last_name="Adhérente")


@pytest.fixture
def lapsed_member(db):
    """A member whose organisation paid for 2025 only, still in the group (``sync_members`` has not run)."""
    return make_person(years=(2025,))


@pytest.fixture
def non_member(db):
    return UserFactory()


def day(text):
    return datetime.date.fromisoformat(text)
