"""Offers in the admin: the filtered flat listing, the taxonomy snippets and the expiring-offers report."""

import datetime
import re

import pytest
import time_machine

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import GroupPagePermission

from offers.models import OfferStatus
from tests.conftest import soup, translate
from tests.factories import (
    OfferPageFactory,
    OfferTypeFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 8, 0, tzinfo=datetime.UTC)
LISTING_URL = "/admin/offres/"


def in_days(days):
    return NOW + datetime.timedelta(days=days)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tree(site_tree):
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")
    roannais = TerritoryPageFactory(parent=territories, title="Roannais", slug="roannais")
    job = OfferTypeFactory(name="Emploi", slug="emploi", is_job=True)
    takeover = OfferTypeFactory(name="Reprise d'entreprise", slug="reprise-d-entreprise")
    offers = {
        "soon": OfferPageFactory(parent=diois, title="Boulangerie à Die", offer_type=takeover, expire_at=in_days(10)),
        "later": OfferPageFactory(parent=diois, title="Ferme à Luc", offer_type=takeover, expire_at=in_days(60)),
        "expired": OfferPageFactory(parent=roannais, title="Poste expiré", offer_type=job, expire_at=in_days(-3)),
        "open": OfferPageFactory(
            parent=roannais, title="Technicien textile", offer_type=job, status=OfferStatus.FILLED
        ),
    }
    return {"site": site_tree, "diois": diois, "roannais": roannais, "job": job, "takeover": takeover, **offers}


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def listing(client, **params):
    response = client.get(LISTING_URL, params)
    assert response.status_code == 200
    return response


def rows(response):
    """The titles of the listed pages (edit links of the title column)."""
    html = soup(response)
    return {
        link.get_text(strip=True)
        for link in html.select("table.listing td.title .title-wrapper > a[href]")
        if re.search(r"/admin/pages/\d+/edit/", link["href"])
    }


def test_listing_shows_every_offer_with_territory_type_status_and_expiry(admin_client, tree):
    response = listing(admin_client)
    assert rows(response) == {"Boulangerie à Die", "Ferme à Luc", "Poste expiré", "Technicien textile"}
    table = soup(response).select_one("table.listing")
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    for heading in ["Territoire", "Type d'offre", "Statut de l'offre", "Expire le"]:
        assert any(heading in header for header in headers), headers
    text = table.get_text(" ", strip=True)
    assert "Pays Diois" in text and "Reprise d'entreprise" in text and "Pourvue" in text


def test_listing_shows_a_future_expiry_as_its_date(admin_client, tree):
    row = next(
        row
        for row in soup(listing(admin_client)).select("table.listing tbody tr")
        if "Boulangerie à Die" in row.get_text()
    )
    expected = date_format(timezone.localtime(tree["soon"].expire_at), "j F Y")
    assert expected in row.get_text(" ", strip=True)
    assert "Il y a" not in row.get_text()


def test_listing_filters_by_territory_type_and_status(admin_client, tree):
    assert rows(listing(admin_client, territory=tree["diois"].pk)) == {"Boulangerie à Die", "Ferme à Luc"}
    assert rows(listing(admin_client, offer_type=tree["job"].pk)) == {"Poste expiré", "Technicien textile"}
    assert rows(listing(admin_client, status=OfferStatus.FILLED)) == {"Technicien textile"}


@pytest.mark.parametrize(
    ("expiry", "expected"),
    [
        ("expired", {"Poste expiré"}),
        ("soon", {"Boulangerie à Die"}),
        ("later", {"Ferme à Luc"}),
        ("none", {"Technicien textile"}),
    ],
)
def test_listing_filters_by_expiry(admin_client, tree, expiry, expected):
    assert rows(listing(admin_client, expiry=expiry)) == expected


def test_territory_filter_matches_the_translations_too(admin_client, tree):
    site = tree["site"]
    index_en = translate(tree["diois"].get_parent(), site.en, title="Territories", slug="territories")
    assert index_en.live
    translate(tree["diois"], site.en, title="Pays Diois (EN)", slug="pays-diois")
    tree["takeover"].copy_for_translation(site.en).save()
    translate(tree["soon"], site.en, title="Bakery in Die", slug="bakery-in-die")
    assert rows(listing(admin_client, territory=tree["diois"].pk)) == {
        "Boulangerie à Die",
        "Ferme à Luc",
        "Bakery in Die",
    }
    assert rows(listing(admin_client, territory=tree["diois"].pk, locale="en")) == {"Bakery in Die"}
    assert rows(listing(admin_client, offer_type=tree["takeover"].pk, locale="en")) == {"Bakery in Die"}


def test_an_unknown_filter_value_is_an_error_not_a_crash(admin_client, tree):
    response = admin_client.get(LISTING_URL, {"territory": "999999", "expiry": "someday"})
    assert response.status_code == 200


def test_listing_columns_add_no_query_per_row(admin_client, tree):
    """Territory and type come with the rows; what grows is wagtail-localize's per-row buttons only."""

    def queries():
        with CaptureQueriesContext(connection) as captured:
            listing(admin_client)
        sqls = [query["sql"] for query in captured.captured_queries]
        ours = [sql for sql in sqls if re.search(r'FROM "(cms_territorypage|offers_offertype)"', sql)]
        return len(sqls), len(ours)

    total_small, ours_small = queries()
    for number in range(8):
        OfferPageFactory(parent=tree["roannais"], title=f"Offre {number}", offer_type=tree["job"])
    total_large, ours_large = queries()
    assert ours_large == ours_small
    assert total_large - total_small <= 4 * 8  # wagtail-localize: "Translate" / "Sync" buttons of each row


def test_listing_is_in_the_admin_menu(admin_client, tree):
    response = admin_client.get("/admin/")
    assert LISTING_URL in response.text
    assert "offer-taxonomies" in response.text  # the "Offres – taxonomies" submenu


def test_offer_types_and_sectors_are_snippets(admin_client, tree):
    response = admin_client.get("/admin/snippets/offers/offertype/")
    assert response.status_code == 200
    assert "Reprise d'entreprise" in soup(response).get_text()
    assert admin_client.get("/admin/snippets/offers/sector/").status_code == 200


REPORT_URL = "/admin/reports/offres-expirant/"


def test_report_lists_live_offers_expiring_within_30_days(admin_client, tree):
    draft = OfferPageFactory(parent=tree["diois"], title="Brouillon qui expire", expire_at=in_days(5), live=False)
    assert not draft.live
    response = admin_client.get(REPORT_URL)
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert "Boulangerie à Die" in text  # in 10 days
    assert "Ferme à Luc" not in text  # in 60 days
    assert "Poste expiré" not in text  # already expired
    assert "Technicien textile" not in text  # no expiry date
    assert "Brouillon qui expire" not in text  # not live
    assert reverse("offers_expiring_report") == REPORT_URL


def test_report_lists_soonest_first_and_exports_csv(admin_client, tree):
    OfferPageFactory(parent=tree["roannais"], title="Local à Roanne", expire_at=in_days(2))
    response = admin_client.get(REPORT_URL, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    lines = content.splitlines()
    assert lines[0].startswith("Titre,Territoire,Type d'offre,Statut de l'offre")
    assert [line.split(",")[0] for line in lines[1:]] == ["Local à Roanne", "Boulangerie à Die"]


def test_report_runs_the_same_queries_whatever_the_number_of_offers(admin_client, tree):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(REPORT_URL).status_code == 200
        return len(captured.captured_queries)

    count()  # warm-up: caches (content types, locales) filled on the first request
    small = count()
    for number in range(10):
        OfferPageFactory(parent=tree["roannais"], title=f"Bientôt {number}", expire_at=in_days(number + 1))
    assert count() == small


def test_report_shows_an_agent_only_the_offers_of_their_territory(client, tree):
    group = Group.objects.create(name="Agents du Roannais (test)")  # not the role sync_roles keeps
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=tree["roannais"], permission=Permission.objects.get(codename="change_page")
    )
    agent = UserFactory()
    agent.groups.add(group)
    OfferPageFactory(parent=tree["roannais"], title="Local à Roanne", expire_at=in_days(2))
    client.force_login(agent)
    text = soup(client.get(REPORT_URL)).get_text(" ", strip=True)
    assert "Local à Roanne" in text
    assert "Boulangerie à Die" not in text
    assert REPORT_URL in client.get("/admin/").text  # in the reports menu


def test_report_is_refused_to_users_without_page_rights(client, tree):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT_URL).status_code in (302, 403)
