"""The listings' cards rendered once per item under the content version (``cms.card_cache``): a warm page of the
catalogue or the agenda runs no card query, and a change to an offer, an event or a date shows at once."""

import datetime

import pytest

from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from agenda.models import EventDate
from cms.card_cache import rendered_cards
from tests.conftest import build_pays_diois, publish, soup
from tests.factories import EventIndexPageFactory, OfferIndexPageFactory, OfferPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    catalogue = OfferIndexPageFactory(parent=site_tree.home, slug="offres")
    agenda = EventIndexPageFactory(parent=site_tree.home, slug="agenda")
    territory, offer, event = build_pays_diois(site_tree.home)
    return dict(site_tree=site_tree, catalogue=catalogue, agenda=agenda, territory=territory, offer=offer, event=event)


def card_titles(response, selector):
    return [a.get_text(strip=True) for a in soup(response).select(f"{selector} .card__title a")]


def queries_on(captured, table):
    """The queries that read rows of ``table`` as a card shows them (its commune column)."""
    return [q["sql"] for q in captured.captured_queries if f'"{table}"."commune"' in q["sql"]]


def test_a_warm_catalogue_page_runs_no_card_query(client, tree):
    assert card_titles(client.get("/fr/offres/"), ".offer-list") == [tree["offer"].title]
    with CaptureQueriesContext(connection) as warm:
        response = client.get("/fr/offres/")
    assert card_titles(response, ".offer-list") == [tree["offer"].title]
    assert queries_on(warm, "offers_offerpage") == []


def test_a_warm_agenda_page_runs_no_query_for_its_dates_nor_for_their_cards(client, tree):
    assert card_titles(client.get("/fr/agenda/"), ".agenda-list") == [tree["event"].title]
    with CaptureQueriesContext(connection) as warm:
        response = client.get("/fr/agenda/")
    assert card_titles(response, ".agenda-list") == [tree["event"].title]
    # The dates' ids and starts come from the agenda's index (agenda.date_index).
    assert [q["sql"] for q in warm.captured_queries if '"agenda_eventdate"' in q["sql"]] == []
    assert queries_on(warm, "agenda_eventpage") == []


def test_a_renamed_offer_shows_its_new_card_at_once(client, tree):
    client.get("/fr/offres/")
    offer = tree["offer"]
    offer.title = "Boulangerie de Luc-en-Diois : reprise en 2027"
    publish(offer)
    assert card_titles(client.get("/fr/offres/"), ".offer-list") == ["Boulangerie de Luc-en-Diois : reprise en 2027"]


def test_a_cancelled_date_shows_on_its_card_at_once(client, tree):
    client.get("/fr/agenda/")
    date = EventDate.objects.get(page=tree["event"])
    date.status = "cancelled"
    date.save()
    card = soup(client.get("/fr/agenda/")).select_one(".agenda-list .event-card")
    assert "event-card--cancelled" in card["class"]
    assert "Annulé" in card.get_text()


def test_each_language_has_its_own_cards(tree):
    offer = tree["offer"]
    offer.expire_at = timezone.now() + datetime.timedelta(days=60)
    publish(offer)
    request = RequestFactory().get("/")

    def fetch(ids):
        return {page.pk: page for page in type(offer).objects.filter(pk__in=ids)}

    cards = {}
    for language in ("fr", "en"):
        with translation.override(language):
            cards[language] = rendered_cards(request, "components/offer_card.html", [offer.pk], fetch, as_name="offer")
    assert "Jusqu’au" in cards["fr"][offer.pk]
    assert "Until" in cards["en"][offer.pk]


def test_the_card_cache_fetches_only_what_it_misses_and_leaves_out_what_is_gone(tree):
    request = RequestFactory().get("/fr/offres/")
    other = OfferPageFactory(parent=tree["territory"], title="Local commercial à Die", slug="local")
    fetched = []

    def fetch(ids):
        fetched.append(sorted(ids))
        return {page.pk: page for page in type(other).objects.filter(pk__in=ids)}

    with translation.override("fr"):
        first = rendered_cards(request, "components/offer_card.html", [tree["offer"].pk], fetch, as_name="offer")
        both = rendered_cards(
            request, "components/offer_card.html", [tree["offer"].pk, other.pk, 0], fetch, as_name="offer"
        )
        expected = render_to_string("components/offer_card.html", {"offer": other}, request)
    assert fetched == [[tree["offer"].pk], sorted([other.pk, 0])]
    assert list(both) == [tree["offer"].pk, other.pk]  # the unknown id is left out
    assert both[tree["offer"].pk] == first[tree["offer"].pk]
    assert both[other.pk] == expected


def test_a_card_is_kept_per_template_argument(tree):
    request = RequestFactory().get("/fr/")
    pk = tree["offer"].pk

    def fetch(ids):
        return {page.pk: page for page in type(tree["offer"]).objects.filter(pk__in=ids)}

    with translation.override("fr"):
        h2 = rendered_cards(request, "components/offer_card.html", [pk], fetch, as_name="offer", heading_level="h2")
        h3 = rendered_cards(request, "components/offer_card.html", [pk], fetch, as_name="offer", heading_level="h3")
    assert '<h2 class="card__title">' in h2[pk] and '<h3 class="card__title">' in h3[pk]


def test_an_event_moved_to_another_day_shows_its_new_date_at_once(client, tree):
    client.get("/fr/agenda/")
    date = EventDate.objects.get(page=tree["event"])
    new_start = timezone.localtime(date.start) + datetime.timedelta(days=3)
    date.start, date.end = new_start, new_start + datetime.timedelta(hours=2)
    date.save()
    text = soup(client.get("/fr/agenda/")).select_one(".agenda-list .event-card__when").get_text(" ", strip=True)
    assert str(new_start.day) in text
