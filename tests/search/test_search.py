"""The site search returns what the visitor may see, in their language."""

import pytest

from django.conf import settings

from wagtail.models import PageViewRestriction

from tests.conftest import soup, translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".search-results h3 a")]


def test_database_backend_is_configured():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "wagtail.search.backends.database"


def test_search_finds_public_pages_of_the_active_language(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Économie circulaire en rural", slug="economie")
    translate(page, site_tree.en, title="Circular economy in rural areas", slug="circular")
    private = StandardPageFactory(parent=site_tree.home, title="Économie réservée", slug="reservee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=site_tree.home, title="Économie brouillon", slug="brouillon", live=False)
    assert result_titles(client.get("/fr/recherche/?q=économie")) == ["Économie circulaire en rural"]
    assert result_titles(client.get("/en/search/?q=circular")) == ["Circular economy in rural areas"]


def test_empty_and_oversized_queries_are_not_errors(client, site_tree):
    assert client.get("/fr/recherche/").status_code == 200
    assert client.get("/fr/recherche/?q=").status_code == 200
    response = client.get("/fr/recherche/?q=" + "a" * 500)
    assert response.status_code == 200
    assert soup(response).select(".form-field--error")
    assert client.get("/fr/recherche/?q=%00&page=-1").status_code == 200
