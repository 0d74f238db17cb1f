"""sitemap.xml of both languages, robots.txt, canonical and social meta."""

import xml.etree.ElementTree as ET

import pytest

from wagtail.models import PageViewRestriction

from tests.conftest import soup, translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_both_languages_and_only_public_pages(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    translate(page, site_tree.en, title="The approach", slug="the-approach")
    private = StandardPageFactory(parent=site_tree.home, title="Privée", slug="privee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=site_tree.home, title="Brouillon", slug="brouillon", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)  # noqa: S314 (our own response, not untrusted input)
    locations = {loc.text for loc in tree.findall(".//sm:loc", NS)}
    assert locations == {
        "http://testserver/fr/",
        "http://testserver/en/",
        "http://testserver/fr/la-demarche/",
        "http://testserver/en/the-approach/",
    }


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_page_has_canonical_title_and_open_graph(client, site_tree):
    StandardPageFactory(
        parent=site_tree.home, title="Organisation", slug="organisation", summary="Qui fait quoi dans la démarche."
    )
    html = soup(client.get("/fr/organisation/"))
    assert html.title.get_text(strip=True) == "Organisation – Coopérations ville–campagne"
    assert html.select_one('link[rel="canonical"]')["href"] == "http://localhost/fr/organisation/"
    assert html.select_one('meta[property="og:title"]')["content"] == "Organisation"
    assert html.select_one('meta[name="description"]')["content"] == "Qui fait quoi dans la démarche."
    assert html.select_one('meta[property="og:locale"]')["content"] == "fr_FR"
    assert html.select_one('link[rel="icon"][type="image/svg+xml"]')


def test_favicon_ico_redirects_to_the_static_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("cms/img/favicon.ico")


def test_local_media_never_serves_documents_directly(client, db, settings):
    documents = settings.MEDIA_ROOT / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "prive.txt").write_text("confidentiel")
    (settings.MEDIA_ROOT / "public.txt").write_text("public")
    response = client.get("/media/documents/prive.txt")
    assert response.status_code == 403  # refused, not redirected by LocaleMiddleware as a 404 would be
    assert b"confidentiel" not in response.content
    assert client.get("/media/public.txt").status_code == 200
