"""The agenda's RSS feed: upcoming dates, one item each, following the filters and never leaking."""

import xml.etree.ElementTree as ET

import pytest
import time_machine

from tests.agenda.test_ical_export import HIDDEN_TITLES, NOW, build_agenda_events
from tests.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def events(site_tree):
    return build_agenda_events(site_tree)


def rss_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.get("version") == "2.0"
    return root.find("channel"), root.findall("channel/item")


def titles(items):
    return [item.findtext("title") for item in items]


def test_one_item_per_upcoming_date_soonest_first(client, events):
    channel, items = rss_of(client.get("/fr/agenda/rss/"))
    assert channel.findtext("title") == "Agenda – Coopérations et mobilités ville–campagne"
    assert channel.findtext("link") == "http://localhost/fr/agenda/"
    assert channel.findtext("language") == "fr"
    assert channel.findtext("ttl") == "360"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "http://localhost/fr/agenda/rss/"
    assert titles(items) == [
        "Webinaire s'installer – mardi 1 décembre 2026, de 12:00 à 13:00",
        "Forum de l'installation – jeudi 3 décembre 2026, de 14:00 à 17:00",
        "Salon des campagnes – du 10 au 12 décembre 2026",
        "[Annulé] Cycle découverte – mardi 15 décembre 2026, de 18:00 à 20:00",
        "[Reporté] Cycle découverte – mardi 12 janvier 2027, de 18:00 à 20:00",
        "Cycle découverte – mardi 8 juin 2027 à 18:00",
    ]
    forum = items[1]
    assert forum.findtext("link") == "http://localhost/fr/territoires/pays-diois/forum/"
    assert forum.findtext("description") == (
        "Maison des services, 12 rue de la Gare, 26150 Die · Rencontrer les élus et les porteurs de projet."
    )
    assert forum.findtext("category") == "Salon"
    assert forum.findtext("pubDate") == "Sun, 22 Nov 2026 10:00:00 +0100"
    guid = forum.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert guid.text == f"urn:uuid:{events.forum.dates.get().translation_key}"
    # Each date of the cycle is its own item: a reader must not merge them.
    assert len({item.findtext("guid") for item in items}) == len(items)
    assert items[5].findtext("link") == items[4].findtext("link") == "http://localhost/fr/agenda/cycle/"


def test_the_rss_follows_the_filters(client, events):
    channel, items = rss_of(client.get("/fr/agenda/rss/?territory=pays-diois&page=3"))
    assert titles(items) == ["Forum de l'installation – jeudi 3 décembre 2026, de 14:00 à 17:00"]
    assert channel.findtext("link") == "http://localhost/fr/agenda/?territory=pays-diois"
    assert channel.findtext("title") == "Agenda – Territoire : Pays Diois – Coopérations et mobilités ville–campagne"
    _channel, items = rss_of(client.get("/fr/agenda/rss/?start=2027-01-01"))
    assert [title.split(" – ")[0] for title in titles(items)] == ["[Reporté] Cycle découverte", "Cycle découverte"]


@pytest.mark.parametrize("query", ["", "?territory=pays-diois", "?past=1", "?q=forum"])
def test_drafts_private_expired_and_english_events_never_leak(client, events, query):
    content = client.get(f"/fr/agenda/rss/{query}").content.decode()
    for title in HIDDEN_TITLES - {"Rencontre passée"}:
        assert title not in content
    assert ("Rencontre passée" in content) == (query == "?past=1")


def test_the_english_agenda_lists_the_english_events(client, events):
    translate(events.index, events.site_tree.en, title="Events", slug="events")
    channel, items = rss_of(client.get("/en/events/rss/"))
    assert channel.findtext("language") == "en"
    assert [title.split(" – ")[0] for title in titles(items)] == ["Settling-in forum"]
    assert items[0].findtext("link") == "http://localhost/en/territories/diois-area/settling-in-forum/"


@pytest.mark.parametrize("query", ["type=zzz", "start=2027-02-30", "month=abc", "view=%00", "free=maybe", "%ff=%fe"])
def test_bad_query_strings_never_break_the_rss(client, events, query):
    assert client.get(f"/fr/agenda/rss/?{query}").status_code == 200


def test_the_rss_is_capped(client, events, monkeypatch):
    monkeypatch.setattr("agenda.feeds.RSS_LIMIT", 2)
    _channel, items = rss_of(client.get("/fr/agenda/rss/"))
    assert [title.split(" – ")[0] for title in titles(items)] == ["Webinaire s'installer", "Forum de l'installation"]
