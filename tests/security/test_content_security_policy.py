"""The strict Content-Security-Policy on the public site, the relaxed one in the admin (cms/content_security.py)."""

import datetime

import pytest

from django.utils import timezone

from cms.content_security import tile_origin
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    # The video block's players (and nothing else) may be framed.
    "frame-src": "https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com "
    "https://www.dailymotion.com https://geo.dailymotion.com",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return dict((part.strip().split(" ", 1) + [""])[:2] for part in header.split(";") if part.strip())


@pytest.fixture
def public_pages(site_tree):
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")
    catalogue = OfferIndexPageFactory(parent=site_tree.home)
    offer = OfferPageFactory(parent=diois, title="Boulangerie à Die")
    agenda = EventIndexPageFactory(parent=site_tree.home)
    start = timezone.now() + datetime.timedelta(days=10)
    dates = [(start, start + datetime.timedelta(hours=2))]
    event = EventPageFactory(parent=agenda, title="Café installation", dates=dates)
    return {
        "home": site_tree.home.url,
        "catalogue": catalogue.url,
        "offer": offer.url,
        "agenda": agenda.url,
        "event": event.url,
    }


@pytest.mark.parametrize("name", ["home", "catalogue", "offer", "agenda", "event"])
def test_public_pages_send_the_strict_policy(client, public_pages, name, settings):
    settings.OFFERS_MAP_TILE_URL = ""
    response = client.get(public_pages[name])
    assert response.status_code == 200
    assert directives(response) == STRICT
    assert "unsafe" not in response.headers["Content-Security-Policy"]


def test_the_map_tile_server_is_allowed_for_images_only(client, public_pages, settings):
    settings.OFFERS_MAP_TILE_URL = "https://tiles.example.org/osm/{z}/{x}/{y}.png"
    policy = directives(client.get(public_pages["catalogue"]))
    assert policy["img-src"] == "'self' data: https://tiles.example.org"
    assert policy["default-src"] == "'self'"


def test_tile_origin_is_derived_from_the_template():
    assert tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_origin("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png") == "http://127.0.0.1:8080"
    assert tile_origin("") is None
    assert tile_origin("javascript:alert(1)") is None


def test_search_login_and_errors_are_strict_too(client, site_tree):
    for url in ("/fr/recherche/?q=ferme", "/fr/compte/connexion/", "/fr/page-qui-n-existe-pas/", "/robots.txt"):
        response = client.get(url)
        assert directives(response) == STRICT, url


def test_the_admin_and_its_previews_get_the_relaxed_policy(client, site_tree):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    home = site_tree.home.pk
    # The dashboard, the page editor and a draft rendered by the admin (as the preview panel does).
    for url in ("/admin/", f"/admin/pages/{home}/edit/", f"/admin/pages/{home}/view_draft/"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == "'self' 'unsafe-inline'"
        assert policy["style-src"] == "'self' 'unsafe-inline'"
        # Still framed by nobody else (the preview panel frames the admin's own preview view).
        assert policy["frame-ancestors"] == "'self'"
        assert policy["object-src"] == "'none'"
