"""The map of offers: the component, its points (visible offers only, one query) and its tile setting."""

import datetime
import json

import pytest

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction

from offers.models import OfferPage
from offers.templatetags.offers_extras import map_points
from tests.conftest import soup
from tests.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db

POINTS = [
    {"title": "Atelier </script> à Die", "url": "/fr/territoires/diois/atelier/", "lat": 44.753, "lng": 5.37},
    {"title": "Ferme", "url": "/fr/territoires/diois/ferme/", "lat": 44.6821, "lng": 5.3, "commune": "Luc"},
]


def html_of(text):
    return soup(type("Response", (), {"content": text.encode()}))


def render_map(points, **extra):
    with translation.override("fr"):
        return render_to_string("components/offer_map.html", {"points": points, **extra})


def test_component_renders_points_as_json_with_decimal_dots():
    html = html_of(render_map(POINTS))
    section = html.select_one("section.offer-map")
    assert section.has_attr("hidden")  # shown by map.js once the map is drawn: nothing without JavaScript
    assert section.select_one("h2").get_text(strip=True) == "Carte des offres"
    raw = html.select_one("script#offer-map-points").string
    assert "44.753" in raw and "44,753" not in raw and "</script>" not in raw
    assert json.loads(raw) == POINTS
    canvas = html.select_one(".offer-map__canvas")
    assert canvas["data-points"] == "offer-map-points"
    outline = json.loads(html.select_one("script#offer-map-outline").string)
    assert all(44 < lat < 47 and 2 < lng < 7.5 for lat, lng in outline)
    scripts = [s["src"] for s in html.select("script[src]")]
    assert scripts == ["/static/leaflet/leaflet.js", "/static/offers/map.js"]
    assert all(s.has_attr("defer") for s in html.select("script[src]"))
    assert {link["href"] for link in html.select("link[rel=stylesheet]")} == {
        "/static/leaflet/leaflet.css",
        "/static/offers/map.css",
    }
    assert "style=" not in str(html)


def test_component_renders_nothing_without_points():
    assert render_map([]).strip() == ""
    assert render_map(None).strip() == ""


def test_two_maps_on_a_page_have_distinct_ids():
    html = html_of(render_map(POINTS, map_id="territory-map", heading_level="h3"))
    assert html.select_one("section#territory-map")["aria-labelledby"] == "territory-map-title"
    assert html.select_one("h3#territory-map-title")
    assert html.select_one("script#territory-map-points")
    assert html.select_one(".offer-map__canvas")["data-points"] == "territory-map-points"


def test_tests_download_no_tiles(settings):
    assert settings.OFFERS_MAP_TILE_URL == ""
    canvas = html_of(render_map(POINTS)).select_one(".offer-map__canvas")
    assert canvas["data-tiles"] == ""
    settings.OFFERS_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    canvas = html_of(render_map(POINTS)).select_one(".offer-map__canvas")
    assert canvas["data-tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png"


def test_leaflet_is_served_from_our_static_files(client):
    from django.contrib.staticfiles import finders

    assert finders.find("leaflet/leaflet.js") and finders.find("leaflet/leaflet.css")
    assert finders.find("leaflet/images/marker-icon.png")
    assert "OFFERS_MAP_TILE_URL" in dir(settings)


@pytest.fixture
def territory(site_tree):
    OfferIndexPageFactory(parent=site_tree.home, slug="offres")
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")
    OfferPageFactory(parent=diois, title="Atelier", slug="atelier", latitude=44.753, longitude=5.37)
    OfferPageFactory(parent=diois, title="Sans coordonnées", slug="sans", latitude=None, longitude=None)
    OfferPageFactory(parent=diois, title="Brouillon", slug="brouillon", live=False)
    OfferPageFactory(
        parent=diois, title="Expirée", slug="expiree", expire_at=timezone.now() - datetime.timedelta(days=1)
    )
    private = OfferPageFactory(parent=diois, title="Réservée", slug="reservee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return diois


def test_points_come_from_visible_offers_with_coordinates(rf, territory):
    request = rf.get("/fr/")
    with translation.override("fr"):
        points = map_points(territory.visible_offers(request), request)
    assert points == [
        {
            "title": "Atelier",
            "url": "/fr/territoires/pays-diois/atelier/",
            "lat": 44.753,
            "lng": 5.37,
            "commune": "Die",
        }
    ]


def test_points_take_one_query_whatever_their_number(rf, territory, django_assert_num_queries):
    request = rf.get("/fr/")
    offers = OfferPage.objects.live().filter(territory=territory)
    map_points(offers, request)  # warm the site root paths
    with django_assert_num_queries(1):
        assert len(map_points(offers, request)) == 3
    for n in range(10):
        OfferPageFactory(parent=territory, slug=f"offre-{n}", latitude=45 + n / 100, longitude=5.0)
    with django_assert_num_queries(1):
        assert len(map_points(offers, request)) == 13


def map_points_on(response):
    script = soup(response).select_one("script[id$='-points']")
    return json.loads(script.string) if script else None


def catalogue_map(client, url="/fr/offres/"):
    """The map's data as offers/map.js fetches it: from the URL the catalogue page gives its map."""
    response = client.get(url)
    assert map_points_on(response) is None, "the catalogue's points are fetched, not in the page"
    canvas = soup(response).select_one(".offer-map__canvas")
    data = client.get(canvas["data-points-url"])
    assert data.status_code == 200
    assert data["Content-Type"] == "application/json"
    return canvas["data-points-url"], data.json()


def test_catalogue_map_shows_only_visible_offers(client, territory):
    url, data = catalogue_map(client)
    assert url == "/fr/offres/map/"
    assert [p["title"] for p in data["points"]] == ["Atelier"]
    assert data["points"][0]["url"] == "/fr/territoires/pays-diois/atelier/"
    assert data["note"] == "1 offre située sur la carte."


def test_catalogue_map_shows_private_offers_to_whoever_may_see_them(client, territory, django_user_model):
    client.force_login(django_user_model.objects.create_user("lectrice", password="x"))
    _url, data = catalogue_map(client)
    assert sorted(p["title"] for p in data["points"]) == ["Atelier", "Réservée"]
    assert data["note"] == "2 offres situées sur la carte."


def test_catalogue_map_follows_the_filters_of_the_page(client, territory):
    other = OfferPageFactory(parent=territory, title="Ferme", slug="ferme", latitude=44.68, longitude=5.3)
    type_slug = other.offer_type.slug
    url, data = catalogue_map(client, f"/fr/offres/?type={type_slug}&page=1")
    assert url == f"/fr/offres/map/?type={type_slug}"  # the filters, not the page number
    assert [p["title"] for p in data["points"]] == ["Ferme"]
    ignored = client.get("/fr/offres/map/?type=inconnu").json()["points"]  # an unknown type is ignored
    assert sorted(p["title"] for p in ignored) == ["Atelier", "Ferme"]


def test_catalogue_without_results_has_no_map(client, territory):
    response = client.get("/fr/offres/?q=introuvable")
    assert soup(response).select_one(".offer-map") is None


def test_territory_page_maps_its_visible_offers(client, territory):
    points = map_points_on(client.get(territory.url))
    assert points is not None, "components/offer_map.html is not included in templates/cms/territory_page.html"
    assert [p["title"] for p in points] == ["Atelier"]
