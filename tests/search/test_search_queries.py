"""The search page runs as many queries for 40 matching pages as for 5: no query per result shown."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    StandardPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db

URLS = ["/fr/recherche/?q=permaculture", "/fr/recherche/?q=permaculture&page=2"]
# The ceiling of every search page, whatever the number of results (the site frame, the search, the facets).
QUERY_BUDGET = 25
# ``.specific()`` costs one query per page type on the results page: standard pages and offers here, so a page
# of results may take one query more than another with the same number of queries per request.
PAGE_TYPES = 2


def add_matching_pages(site_tree, territory, count, start):
    """``count`` pages matching "permaculture", every other one an offer of ``territory``.

    A word without accents: the count must not depend on the backend's accent handling.
    """
    for number in range(start, start + count):
        if number % 2:
            OfferPageFactory(parent=territory, title=f"Terres en permaculture n° {number}", slug=f"terres-{number}")
        else:
            StandardPageFactory(
                parent=site_tree.home, title=f"La permaculture en rural n° {number}", slug=f"page-{number}"
            )


def query_counts(client):
    """Queries of each URL, once the caches it shares with other requests are warm."""
    counts = {}
    for url in URLS:
        client.get(url)  # warm the caches every request shares (site, locales, menus)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured.captured_queries)
    return counts


def result_count(client):
    from tests.conftest import soup

    return len(soup(client.get(URLS[0])).select(".search-results h3 a"))


def test_query_count_does_not_grow_with_the_results(client, site_tree, django_assert_max_num_queries):
    OfferIndexPageFactory(parent=site_tree.home)
    territory = TerritoryPageFactory(
        parent=TerritoryIndexPageFactory(parent=site_tree.home), title="Pays Diois", slug="pays-diois"
    )
    add_matching_pages(site_tree, territory, 5, start=0)
    assert result_count(client) == 5
    small = query_counts(client)
    bound = min(QUERY_BUDGET, max(small.values()) + PAGE_TYPES - 1)
    for url in URLS:
        with django_assert_max_num_queries(bound):
            client.get(url)

    add_matching_pages(site_tree, territory, 35, start=5)
    assert result_count(client) > 5  # a full page of results now
    for url in URLS:
        with django_assert_max_num_queries(bound):
            client.get(url)
