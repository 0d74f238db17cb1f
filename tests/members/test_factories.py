"""The members' factories build valid objects (a broken factory fails here, not in a confusing test)."""

import pytest

from members.access import is_member
from tests.factories.members import (
    MemberAreaPageFactory,
    MemberOrganisationFactory,
    MemberProfileFactory,
    MembershipFactory,
)
from tests.members.conftest import day

pytestmark = pytest.mark.django_db


def test_member_factories(site_tree):
    organisation = MemberOrganisationFactory()
    membership = MembershipFactory(organisation=organisation, year=2026)
    profile = MemberProfileFactory(organisation=organisation)
    area = MemberAreaPageFactory(parent=site_tree.home)
    for instance in (organisation, membership, profile, area):
        instance.full_clean()
    assert (membership.valid_from, membership.valid_until) == (day("2026-01-01"), day("2026-12-31"))
    assert is_member(profile.user, on=day("2026-06-15"))
    assert area.live and area.url == "/fr/espace-adherents/"
