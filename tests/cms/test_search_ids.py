"""The ``q`` filter of the catalogue and of the agenda: Wagtail search runs once per content version and query
(``cms.filters.matching_ids``), and a page published or renamed meanwhile is found, or not, at once."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import build_pays_diois, publish, soup
from tests.factories import EventIndexPageFactory, OfferIndexPageFactory, OfferPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    OfferIndexPageFactory(parent=site_tree.home, slug="offres")
    EventIndexPageFactory(parent=site_tree.home, slug="agenda")
    territory, offer, event = build_pays_diois(site_tree.home)
    return dict(territory=territory, offer=offer, event=event)


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def search_queries(captured):
    """The queries of the search backend (its index table, on SQLite and PostgreSQL)."""
    return [q["sql"] for q in captured.captured_queries if "indexentry" in q["sql"].lower()]


@pytest.mark.parametrize("url", ["/fr/offres/?q=boulangerie", "/fr/agenda/?q=arrivants"])
def test_a_repeated_search_does_not_ask_the_search_backend_again(client, tree, url):
    with CaptureQueriesContext(connection) as searched:
        first = titles(client.get(url))
    assert len(first) == 1
    assert search_queries(searched)
    with CaptureQueriesContext(connection) as again:
        assert titles(client.get(url + "&page=1")) == first
    assert search_queries(again) == []


def test_an_offer_published_after_a_search_is_found_at_once(client, tree):
    assert titles(client.get("/fr/offres/?q=boulangerie")) == [tree["offer"].title]
    OfferPageFactory(parent=tree["territory"], title="Boulangerie-épicerie de Die", slug="epicerie")
    assert sorted(titles(client.get("/fr/offres/?q=boulangerie"))) == sorted(
        [tree["offer"].title, "Boulangerie-épicerie de Die"]
    )
    offer = tree["offer"]
    offer.title = "Reprise du fournil de Luc-en-Diois"
    offer.summary = ""
    publish(offer)
    assert titles(client.get("/fr/offres/?q=boulangerie")) == ["Boulangerie-épicerie de Die"]
