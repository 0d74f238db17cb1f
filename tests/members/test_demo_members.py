"""The demo members: the area in both languages, private; three organisations; three accounts printed with the
others (passwords only with DEBUG)."""

from io import StringIO

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from wagtail.models import PageViewRestriction

from members.access import MEMBERS_GROUP, is_member
from members.models import MemberAreaPage, MemberOrganisation

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 10:00 +02:00"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    out = StringIO()
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media), DEBUG=True),
        time_machine.travel(NOW, tick=False),
        transaction.atomic(),
    ):
        cache.clear()
        call_command("load_demo", "--print-accounts", stdout=out, stderr=StringIO())
        yield out.getvalue()
        transaction.set_rollback(True)
    cache.clear()


def test_the_area_exists_in_both_languages_and_is_private(demo, client):
    areas = MemberAreaPage.objects.order_by("locale__language_code")
    assert [(area.locale.language_code, area.url_path.split("/")[-2], area.live) for area in areas] == [
        ("en", "members-area", True),
        ("fr", "espace-adherents", True),
    ]
    for area in areas:
        restrictions = PageViewRestriction.objects.filter(page=area)
        assert [list(r.groups.values_list("name", flat=True)) for r in restrictions] == [[MEMBERS_GROUP]]
    with time_machine.travel(NOW, tick=False):
        assert client.get("/fr/espace-adherents/").status_code == 302
        assert client.get("/en/members-area/").status_code == 302


def test_three_organisations_valid_lapsed_and_renewed(demo):
    with time_machine.travel(NOW, tick=False):
        assert sorted(MemberOrganisation.objects.valid().values_list("name", flat=True)) == [
            "Communauté de communes du Diois (démo)",
            "Ronalpia (démo)",
        ]
        assert list(MemberOrganisation.objects.lapsed().values_list("name", flat=True)) == [
            "Association Ville-Campagne Loire (démo)"
        ]
        renewed = MemberOrganisation.objects.get(name="Ronalpia (démo)")
        assert str(renewed.valid_until()) == "2027-12-31"


def test_demo_accounts_are_printed_with_a_password_and_behave(demo, client):
    users = {user.username: user for user in get_user_model().objects.filter(username__endswith="-demo")}
    users["adherent-echu"] = get_user_model().objects.get(username="adherent-echu")
    for login in ("adherent-demo", "adherent-echu", "visiteur-demo"):
        line = next(line for line in demo.splitlines() if line.strip().startswith(login))
        assert "/fr/compte/connexion/" in line
        assert users[login].has_usable_password()
    with time_machine.travel(NOW, tick=False):
        assert is_member(users["adherent-demo"])
        assert not is_member(users["adherent-echu"])
        assert users["adherent-echu"].groups.filter(name=MEMBERS_GROUP).exists()
        assert not users["visiteur-demo"].groups.exists()
        client.force_login(users["adherent-demo"])
        assert client.get("/fr/espace-adherents/").status_code == 200
        client.force_login(users["adherent-echu"])
        assert client.get("/fr/espace-adherents/").status_code == 403


def test_the_demo_resources_are_in_both_languages_with_a_pdf_in_the_members_collection(demo, client):
    from members.models import TrainingResourcePage

    french = TrainingResourcePage.objects.filter(locale__language_code="fr")
    english = TrainingResourcePage.objects.filter(locale__language_code="en", live=True)
    assert french.count() == english.count() == 10
    assert french.filter(kind="memento").count() == 6
    assert sorted(str(d) for d in french.exclude(session_date=None).values_list("session_date", flat=True)) == [
        "2016-03-03",
        "2016-09-26",
        "2016-12-06",
        "2021-09-24",
    ]
    for resource in french:
        documents = resource.document_items()
        assert len(documents) == 1
        document, _caption = documents[0]
        assert document.collection.name == "Documents adhérents"
        assert document.file.read(5) == b"%PDF-"
        assert resource.themes.exists()
    contract = english.get(slug="reciprocity-contract-2016")
    assert contract.title == "Town–country reciprocity contracts: a new opportunity to cooperate better?"
    assert [t.slug for t in contract.themes.all()] == ["cooperation-ville-campagne"]
