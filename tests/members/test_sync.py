"""``sync_members`` puts the people of valid organisations in the group, takes the others out, and says so."""

import io

import pytest
import time_machine

from django.core.management import call_command

from members.access import MEMBERS_GROUP
from tests.factories import UserFactory
from tests.members.conftest import make_person

pytestmark = pytest.mark.django_db


def in_group(user):
    return user.groups.filter(name=MEMBERS_GROUP).exists()


def test_sync_adds_valid_members_and_removes_lapsed_ones(frozen):
    newcomer = make_person(years=(2026,), in_group=False, username="nouvelle", email="nouvelle@example.org")
    lapsed = make_person(years=(2025,), in_group=True, username="echue", email="echue@example.org")
    kept = make_person(years=(2026,), in_group=True, username="fidele")
    outsider = UserFactory(username="visiteur")
    inactive = make_person(years=(2026,), in_group=False, username="partie", is_active=False)

    out = io.StringIO()
    call_command("sync_members", stdout=out)
    printed = out.getvalue()

    assert in_group(newcomer) and in_group(kept)
    assert not in_group(lapsed) and not in_group(outsider) and not in_group(inactive)
    assert "+ nouvelle (nouvelle@example.org)" in printed
    assert "- echue (echue@example.org)" in printed
    assert "fidele" not in printed
    assert "1 ajout(s), 1 retrait(s)." in printed

    again = io.StringIO()
    call_command("sync_members", stdout=again)
    assert again.getvalue().strip() == "0 ajout(s), 0 retrait(s)."


def test_sync_on_the_first_day_of_the_year_removes_last_years_members():
    person = make_person(years=(2026,), in_group=True, username="annuelle")
    with time_machine.travel("2027-01-01 00:05 +01:00", tick=False):
        call_command("sync_members", stdout=io.StringIO())
    assert not in_group(person)
