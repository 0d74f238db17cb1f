"""The home page's latest offers and territories map: visible content of the page's language only."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from offers.models import OfferStatus
from tests.conftest import soup, translate
from tests.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    OfferTypeFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def published(days_ago):
    return NOW - datetime.timedelta(days=days_ago)


@pytest.fixture
def network(site_tree):
    """A catalogue, two territories and offers published on different days, some of which must not show."""
    catalogue = OfferIndexPageFactory(parent=site_tree.home)
    index = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=index, title="Pays Diois", slug="pays-diois")
    roannais = TerritoryPageFactory(
        parent=index, title="Roannais", slug="roannais", latitude=Decimal("46.036"), longitude=Decimal("4.068")
    )
    TerritoryPageFactory(parent=index, title="Territoire en préparation", live=False)
    kind = OfferTypeFactory(name="Reprise d'entreprise", slug="reprise-d-entreprise")

    def offer(title, days_ago, parent=diois, **fields):
        return OfferPageFactory(
            parent=parent, title=title, offer_type=kind, first_published_at=published(days_ago), **fields
        )

    offers = {
        "newest": offer("Boulangerie à Die", 1),
        "second": offer("Atelier à Roanne", 2, parent=roannais),
        "third": offer("Ferme à Luc-en-Diois", 3),
        "fourth": offer("Coworking à Die", 4),
        "fifth": offer("Local à Riorges", 5, parent=roannais),
        "filled": offer("Poste pourvu", 0, status=OfferStatus.FILLED),
        "expired": offer("Offre expirée", 0, expire_at=NOW - datetime.timedelta(hours=1)),
        "draft": offer("Brouillon", 0, live=False),
        "private": offer("Offre réservée", 0),
    }
    PageViewRestriction.objects.create(page=offers["private"], restriction_type=PageViewRestriction.LOGIN)
    return {"site": site_tree, "catalogue": catalogue, "index": index, "diois": diois, "roannais": roannais, **offers}


def offer_section(response):
    return soup(response).select_one("section.latest-offers")


def test_home_shows_the_four_newest_open_visible_offers_and_links_to_the_catalogue(client, network):
    section = offer_section(client.get("/fr/"))
    titles = [link.get_text(strip=True) for link in section.select(".offer-card .card__title a")]
    assert titles == ["Boulangerie à Die", "Atelier à Roanne", "Ferme à Luc-en-Diois", "Coworking à Die"]
    assert section.h2.get_text(strip=True) == "Dernières offres"
    assert section.select_one(".offer-card .card__meta").get_text(" ", strip=True).startswith("Reprise d'entreprise")
    assert section.find("a", href="/fr/offres/", class_="more-link")


def test_home_in_english_shows_english_offers_only(client, network):
    site = network["site"]
    translate(network["catalogue"], site.en, title="Offers", slug="offers")
    index_en = translate(network["index"], site.en, title="Territories", slug="territories")
    assert index_en.live
    translate(network["diois"], site.en, title="Pays Diois", slug="pays-diois")
    translate(network["newest"], site.en, title="Bakery in Die", slug="bakery-in-die")
    section = offer_section(client.get("/en/"))
    assert [link.get_text(strip=True) for link in section.select(".offer-card .card__title a")] == ["Bakery in Die"]
    assert section.find("a", href="/en/offers/", class_="more-link")
    territories = soup(client.get("/en/")).select_one("section.home-territories")
    assert [a["aria-label"] for a in territories.select(".territory-map__point")] == ["Pays Diois"]


def test_home_without_visible_offers_has_no_offer_section(client, site_tree):
    assert offer_section(client.get("/fr/")) is None


def test_territory_map_shows_the_visible_territories_and_links_to_their_index(client, network):
    section = soup(client.get("/fr/")).select_one("section.home-territories")
    points = section.select(".territory-map__point")
    assert [point["aria-label"] for point in points] == ["Pays Diois", "Roannais"]
    assert [point["href"] for point in points] == ["/fr/territoires/pays-diois/", "/fr/territoires/roannais/"]
    assert section.find("a", href="/fr/territoires/", class_="more-link")


def test_home_queries_do_not_grow_with_offers_or_territories(client, network):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/").status_code == 200
        return len(captured.captured_queries)

    count()  # warm-up: image renditions, caches
    small = count()
    for number in range(6):
        territory = TerritoryPageFactory(parent=network["index"], title=f"Territoire {number}")
        OfferPageFactory(parent=territory, title=f"Offre récente {number}", first_published_at=NOW)
    count()
    assert count() == small
