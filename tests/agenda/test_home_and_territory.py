"""The next events on the home page (regional and local) and on each territory page: one card per event (its next
date), visible events of the page's language only, and a link to the agenda."""

import pytest
import time_machine

from django.db import reset_queries

from agenda.models import DateStatus
from tests.agenda.agenda_data import HIDDEN_TITLES, NOW, at, build_agenda_data
from tests.conftest import soup
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_agenda_data(site_tree)


def card_titles(section):
    return [
        "".join(a.find_all(string=True, recursive=False)).strip() for a in section.select(".event-card .card__title a")
    ]


def home_events(client, url="/fr/"):
    return soup(client.get(url)).select_one("section.upcoming-events")


def territory_events(client, territory):
    return soup(client.get(territory.url)).select_one("section.territory__events")


def test_home_shows_the_next_four_events_regional_and_local_and_links_to_the_agenda(client, data):
    section = home_events(client)
    assert section.h2.get_text(strip=True) == "Prochains événements"
    # One card per event: the atelier's cancelled July session does not take a second card.
    assert card_titles(section) == [
        "Salon des métiers ruraux",  # regional
        "Atelier installation",  # local
        "Webinaire reprise",
        "Visite de ferme",
    ]
    times = [t["datetime"] for t in section.select(".event-card__when time")][:2]
    assert times == ["2027-06-05", "2027-06-06"]
    assert section.find("a", string="Tout l’agenda")["href"] == data.url
    text = section.get_text(" ")
    assert not [title for title in HIDDEN_TITLES if title in text]


def test_home_prefers_a_scheduled_date_to_a_cancelled_one(client, data):
    EventPageFactory(
        parent=data.index,
        title="Cycle de formation",
        dates=[
            {"start": at(6, 3, 9), "end": at(6, 3, 12), "status": DateStatus.CANCELLED},
            (at(6, 4, 9), at(6, 4, 12)),
        ],
    )
    only_cancelled = EventPageFactory(
        parent=data.index,
        title="Journée annulée",
        dates=[{"start": at(6, 4, 14), "end": at(6, 4, 15), "status": DateStatus.CANCELLED}],
    )
    section = home_events(client)
    assert card_titles(section)[:2] == ["Cycle de formation", "Journée annulée"]
    cards = section.select(".event-card")
    assert cards[0].select_one(".event-card__when time")["datetime"] == "2027-06-04"
    assert "event-card--cancelled" not in cards[0]["class"]
    assert "event-card--cancelled" in cards[1]["class"]  # its only date: shown, and marked
    assert only_cancelled.url in [a["href"] for a in section.select("a")]


def test_the_english_home_shows_the_english_events(client, data):
    section = home_events(client, data.index_en.get_parent().url)
    assert card_titles(section) == ["Rural trades fair", "Settlement workshop"]
    assert section.select_one("a.more-link")["href"] == data.url_en


def test_home_shows_no_event_block_without_upcoming_events(client, site_tree):
    with time_machine.travel(NOW, tick=False):
        assert home_events(client) is None


def test_hidden_events_never_reach_the_home_page(client, data):
    # Hidden events on the soonest days: they would come first if they leaked.
    for key in ("draft", "expired", "private"):
        page = data.hidden[key]
        page.dates.update(start=at(6, 2, 11), end=at(6, 2, 12))
    section = home_events(client)
    assert not [title for title in HIDDEN_TITLES if title in section.get_text(" ")]
    client.force_login(UserFactory())
    assert "Événement réservé" in card_titles(home_events(client))


def test_a_territory_page_lists_its_upcoming_events_and_links_to_the_filtered_agenda(client, data):
    section = territory_events(client, data.territories["roannais"])
    assert section.h2.get_text(strip=True) == "Prochains événements"
    # Its local event and the regional fair held for it; not the private one, nor the other territory's.
    assert card_titles(section) == ["Salon des métiers ruraux", "Visite de ferme"]
    more = section.select_one("a.more-link")
    assert more["href"] == data.url + "?territory=roannais"
    assert more.get_text(strip=True) == "Les événements de Roannais dans l’agenda"

    diois = territory_events(client, data.territories["pays-diois"])
    assert card_titles(diois) == ["Atelier installation"]  # one card for its two dates; not the draft or expired
    text = diois.get_text(" ")
    assert not [title for title in HIDDEN_TITLES if title in text]
    assert "Forum de printemps" not in text  # past


def test_a_territory_page_shows_six_events_and_says_there_are_more(client, data):
    diois = data.territories["pays-diois"]
    for n in range(7):
        EventPageFactory(parent=diois, title=f"Permanence {n}", dates=[(at(6, 20 + n, 9), at(6, 20 + n, 12))])
    section = territory_events(client, diois)
    assert len(card_titles(section)) == 6
    assert card_titles(section)[0] == "Atelier installation"
    assert section.select_one("a.more-link").get_text(strip=True) == "Tous les événements de Pays Diois dans l’agenda"


def test_a_territory_without_events_says_so(client, data):
    diois = data.territories["pays-diois"]
    data.events["atelier"].unpublish()
    section = territory_events(client, diois)
    assert "Aucun événement à venir sur ce territoire pour le moment." in section.get_text(" ")
    assert section.find("a", string="Voir tout l’agenda")["href"] == data.url


def test_the_english_territory_page_links_to_the_english_agenda_with_the_french_slug(client, data):
    section = territory_events(client, data.territories_en["pays-diois"])
    assert card_titles(section) == ["Settlement workshop"]
    # The filter value is the French page's slug, the same in every language.
    assert section.select_one("a.more-link")["href"] == data.url_en + "?territory=pays-diois"


def test_home_and_territory_queries_do_not_grow_with_events(client, data, django_assert_max_num_queries):
    diois = data.territories["pays-diois"]
    budgets = {}
    for url in ("/fr/", diois.url):
        client.get(url)
        reset_queries()
        with django_assert_max_num_queries(80) as captured:
            client.get(url)
        budgets[url] = len(captured.captured_queries)
    with time_machine.travel(NOW, tick=False):
        for n in range(12):
            EventPageFactory(parent=diois, title=f"Permanence {n}", dates=[(at(6, 3 + n, 9), at(6, 3 + n, 12))])
    for url, budget in budgets.items():
        client.get(url)
        reset_queries()
        with django_assert_max_num_queries(budget):
            client.get(url)
