"""The agenda's facet counts and number of dates come from its facet index, its filter choices from the cache
(the cost of the page at 20,000 dates, see ``make bench-scale``), and never outlive what they show: a date that
ends, a date added, a term renamed."""

import pytest
import time_machine

from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.models import EventDate, EventPage
from tests.agenda.agenda_data import NOW, at, build_agenda_data
from tests.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_agenda_data(site_tree)


def count_text(response):
    return soup(response).select_one("[role=status][aria-live=polite]").get_text(" ", strip=True)


def territory_option(response, value):
    return soup(response).select_one(f"select[name=territory] option[value={value}]").get_text(strip=True)


def test_a_query_first_asked_is_counted_by_the_index_without_sql(client, data):
    client.get(data.url + "?type=salon")  # the index built, for any query
    with CaptureQueriesContext(connection) as captured:
        response = client.get(data.url + "?type=atelier")
    assert count_text(response) == "3 événements à venir"  # one of them cancelled
    assert territory_option(response, "pays-diois") == "Pays Diois (2)"
    counting = [query["sql"] for query in captured.captured_queries if "COUNT(" in query["sql"].upper()]
    assert counting == []
    # Dates are read only for the cards not cached yet, by id.
    dates = [query["sql"] for query in captured.captured_queries if '"agenda_eventdate"' in query["sql"]]
    assert all('WHERE "agenda_eventdate"."id" IN' in sql for sql in dates)
    # The choices of the filters too: no query reads the themes, audiences or territories.
    tables = ('FROM "cms_theme"', 'FROM "cms_audience"', 'FROM "cms_territorypage"')
    assert [query["sql"] for query in captured.captured_queries if any(t in query["sql"] for t in tables)] == []
    # Another query is counted on its own.
    assert count_text(client.get(data.url)) == "5 événements à venir"


def test_a_date_that_ends_leaves_the_counts_without_any_edit(client, data):
    response = client.get(data.url)
    assert count_text(response) == "5 événements à venir"
    assert territory_option(response, "roannais") == "Roannais (2)"
    # The fair of 5–6 June (Roannais) is over on the 7th: nobody edited anything.
    with time_machine.travel(at(6, 7, 1), tick=False):
        response = client.get(data.url)
    assert count_text(response) == "4 événements à venir"
    assert territory_option(response, "roannais") == "Roannais (1)"


def test_a_date_added_is_counted_at_once(client, data):
    assert count_text(client.get(data.url)) == "5 événements à venir"
    page = EventPage.objects.get(title="Visite de ferme", locale__language_code="fr")
    EventDate.objects.create(page=page, locale=page.locale, start=at(9, 1, 10), end=at(9, 1, 12))
    response = client.get(data.url)
    assert count_text(response) == "6 événements à venir"
    assert territory_option(response, "roannais") == "Roannais (3)"


def theme_labels(response):
    options = soup(response).select_one("fieldset:has(input[name=theme])")
    return [li.get_text(" ", strip=True) for li in options.select("li")]


def test_a_renamed_theme_shows_at_once(client, data):
    assert "Alimentation (3)" in theme_labels(client.get(data.url))
    theme = data.themes["alimentation"]
    theme.name = "Alimentation locale"
    theme.save()
    assert "Alimentation locale (3)" in theme_labels(client.get(data.url))
