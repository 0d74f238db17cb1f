"""The whole-page cache for anonymous visitors (cms/page_cache.py): kept, shared only when nobody's own, and
replaced at once when anything it shows changes; the feeds answer conditional requests; a CDN is purged of
the listings that show a published page."""

import datetime
import http.server
import threading
import uuid

import pytest
import time_machine

from django.test import Client
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from wagtail.models import PageViewRestriction

from agenda.registrations import register
from tests.agenda.registration_support import person, site_session
from tests.conftest import build_pays_diois, local_redis_answers, publish, soup
from tests.factories import (
    EventIndexPageFactory,
    FormFieldFactory,
    FormPageFactory,
    OfferIndexPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def tree(site_tree):
    catalogue = OfferIndexPageFactory(parent=site_tree.home)
    agenda = EventIndexPageFactory(parent=site_tree.home)
    territory, offer, event = build_pays_diois(site_tree.home)
    return dict(catalogue=catalogue, agenda=agenda, territory=territory, offer=offer, event=event, home=site_tree.home)


def get(client, url, **headers):
    return client.get(url, **headers)


def test_an_anonymous_page_is_kept_then_served_from_the_cache(client, tree):
    url = tree["catalogue"].url
    first = get(client, url)
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    # A proxy or CDN may keep it as long as we do; a browser checks back (with its ETag) each time.
    assert "s-maxage=300" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    second = get(Client(), url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Reprise de la boulangerie de Luc-en-Diois" in second.content.decode()


def test_query_strings_are_kept_apart(client, tree):
    url = tree["catalogue"].url
    plain = get(client, url)
    filtered = get(client, f"{url}?q=introuvable-xyz")
    assert filtered["X-Cache"] == "MISS"
    assert get(client, f"{url}?q=introuvable-xyz").content == filtered.content
    assert get(client, url).content == plain.content
    assert "boulangerie" in plain.content.decode().lower()
    assert "Reprise de la boulangerie" not in filtered.content.decode()


@pytest.mark.parametrize("where", ["offer", "catalogue", "territory", "home"])
def test_a_published_change_shows_at_once_wherever_the_offer_is_listed(client, tree, where):
    url = tree[where].url
    assert "Reprise de la boulangerie de Luc-en-Diois" in get(client, url).content.decode()
    assert get(client, url)["X-Cache"] == "HIT"

    offer = tree["offer"]
    offer.title = "Boulangerie de Luc-en-Diois : reprise en 2027"
    publish(offer)
    response = get(client, url)
    assert response["X-Cache"] == "MISS"
    assert "Boulangerie de Luc-en-Diois : reprise en 2027" in response.content.decode()
    assert "Reprise de la boulangerie de Luc-en-Diois" not in response.content.decode()


@pytest.mark.parametrize("where", ["catalogue", "territory", "home"])
def test_an_unpublished_offer_leaves_every_listing_at_once(client, tree, where):
    url = tree[where].url
    offer_url = tree["offer"].url
    assert "Reprise de la boulangerie" in get(client, url).content.decode()
    assert get(client, offer_url).status_code == 200
    tree["offer"].unpublish()
    assert "Reprise de la boulangerie" not in get(client, url).content.decode()
    assert get(client, offer_url).status_code == 404


@pytest.mark.parametrize("where", ["agenda", "territory", "event"])
def test_a_cancelled_event_date_shows_at_once_in_the_agenda(client, tree, where):
    url = tree[where].url
    assert "Accueil des nouveaux arrivants" in get(client, url).content.decode()
    event = tree["event"]
    event.title = "Accueil des nouveaux habitants"
    publish(event)
    assert "Accueil des nouveaux habitants" in get(client, url).content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, tree):
    url = tree["offer"].url
    assert get(client, url).status_code == 200
    assert get(client, url)["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(page=tree["offer"], restriction_type=PageViewRestriction.LOGIN)
    response = get(client, url)
    assert response.status_code == 302  # to the login page
    assert response["X-Cache"] == "BYPASS"


def test_the_catalogue_map_is_cached_for_anonymous_visitors_and_changes_with_an_offer(client, tree):
    url = tree["catalogue"].url + "map/"
    first = get(client, url)
    assert first["X-Cache"] == "MISS" and "s-maxage=300" in first["Cache-Control"]
    assert get(client, url)["X-Cache"] == "HIT"
    offer = tree["offer"]
    offer.title = "Boulangerie : reprise en 2027"
    publish(offer)
    assert [point["title"] for point in get(client, url).json()["points"]] == ["Boulangerie : reprise en 2027"]


def test_a_members_catalogue_map_is_never_served_to_others(client, tree):
    PageViewRestriction.objects.create(page=tree["offer"], restriction_type=PageViewRestriction.LOGIN)
    url = tree["catalogue"].url + "map/"
    client.force_login(UserFactory(username="membre"))
    mine = get(client, url)
    assert [point["title"] for point in mine.json()["points"]] == [tree["offer"].title]
    assert mine["X-Cache"] == "BYPASS" and "private" in mine["Cache-Control"]
    client.logout()
    assert get(client, url).json()["points"] == []


def test_a_logged_in_visitor_is_never_served_nor_stored_for_others(client, tree):
    editor = UserFactory(username="camille.redaction", is_superuser=True)
    url = tree["offer"].url
    client.force_login(editor)
    mine = get(client, url)
    assert mine["X-Cache"] == "BYPASS"
    assert "private" in mine["Cache-Control"] and "Cookie" in mine["Vary"]
    anonymous = Client()
    theirs = get(anonymous, url)
    assert theirs["X-Cache"] == "MISS"  # the editor's visit stored nothing
    assert b"camille.redaction" not in theirs.content
    assert b"wagtail-userbar" not in theirs.content
    # Nor is the anonymous copy served to the editor.
    assert get(client, url)["X-Cache"] == "BYPASS"


def test_an_anonymous_session_bypasses_the_cache(client, tree):
    url = tree["catalogue"].url
    get(Client(), url)
    client.cookies["sessionid"] = "anything"
    assert get(client, url)["X-Cache"] == "BYPASS"


def test_a_page_with_a_csrf_form_is_never_shared(client, site_tree):
    form = FormPageFactory(parent=site_tree.home, locale=site_tree.fr)
    FormFieldFactory(page=form, label="Votre message", field_type="multiline")
    publish(form)
    first, second = Client(), Client()
    one = get(first, form.url)
    two = get(second, form.url)
    assert one.status_code == two.status_code == 200
    assert one["X-Cache"] == two["X-Cache"] == "BYPASS"
    assert "private" in one["Cache-Control"]
    token_one = soup(one).find("input", {"name": "csrfmiddlewaretoken"})["value"]
    token_two = soup(two).find("input", {"name": "csrfmiddlewaretoken"})["value"]
    assert token_one != token_two
    # Each visitor can post with their own token: nobody got someone else's.
    response = second.post(form.url, {"csrfmiddlewaretoken": token_two, "votre_message": "Bonjour"})
    assert response.status_code == 200


def test_a_registration_replaces_the_cached_seats_left(client, site_tree):
    page, date = site_session(site_tree, capacity=3)
    assert b'data-seats-left="3"' in get(client, page.url).content
    assert get(client, page.url)["X-Cache"] == "HIT"
    register(date, person(1))
    response = get(client, page.url)
    assert response["X-Cache"] == "MISS"
    assert b'data-seats-left="2"' in response.content


def test_the_cache_can_be_turned_off(client, tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = tree["catalogue"].url
    get(client, url)
    response = get(client, url)
    assert response["X-Cache"] == "BYPASS"
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_the_admin_and_documents_are_never_kept(client, tree):
    assert get(client, "/admin/login/")["X-Cache"] == "BYPASS"


# Feeds: ETag and Last-Modified, and 304 answers.


FEEDS = ["offers rss", "offers csv", "offers json", "agenda rss", "agenda ical", "event ical"]


@pytest.mark.parametrize("route", FEEDS)
def test_feeds_answer_conditional_requests(client, tree, route):
    kind, _, name = route.partition(" ")
    page = {"offers": tree["catalogue"], "agenda": tree["agenda"], "event": tree["event"]}[kind]
    url = page.url + page.reverse_subpage(name).lstrip("/")
    first = get(client, url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert get(client, url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert get(client, url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
        offer = tree["offer"] if kind == "offers" else tree["event"]
        offer.title = f"{offer.title} (mis à jour)"
        publish(offer)
        changed = get(client, url, HTTP_IF_NONE_MATCH=etag)
        assert changed.status_code == 200 and changed["ETag"] != etag
        assert "(mis à jour)" in changed.content.decode()
        assert parse_http_date(changed["Last-Modified"]) > parse_http_date(last_modified)
        assert get(client, url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200


def test_the_agenda_feed_is_modified_when_a_date_ends(client, tree):
    url = tree["agenda"].url + "rss/"
    date = tree["event"].dates.get()
    before = get(client, url)
    assert "Accueil des nouveaux arrivants" in before.content.decode()
    with time_machine.travel(date.end + datetime.timedelta(minutes=1)):
        after = get(client, url, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
        assert after.status_code == 200
        assert "Accueil des nouveaux arrivants" not in after.content.decode()
        assert parse_http_date(after["Last-Modified"]) >= int(date.end.timestamp())


def test_the_offers_feed_is_modified_when_an_offer_expires(client, tree):
    url = tree["catalogue"].url + "rss/"
    offer = tree["offer"]
    offer.expire_at = timezone.now() + datetime.timedelta(days=2)
    publish(offer)
    before = get(client, url)
    assert "Reprise de la boulangerie" in before.content.decode()
    with time_machine.travel(offer.expire_at + datetime.timedelta(minutes=1)):
        after = get(client, url, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
        assert after.status_code == 200
        assert "Reprise de la boulangerie" not in after.content.decode()
        assert after["Last-Modified"] == http_date(offer.expire_at.timestamp())


# A CDN in front: Wagtail's HTTP purger, sending PURGE to a real server on 127.0.0.1.


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_and_every_listing_that_shows_it_from_the_cdn(tree, cdn):
    offer = tree["offer"]
    offer.title = "Boulangerie : reprise en 2027"
    publish(offer)
    paths = {path for host, path in cdn}
    assert {host for host, path in cdn} == {"localhost"}
    assert {
        "/fr/territoires/pays-diois/boulangerie/",  # the page (Wagtail)
        "/fr/territoires/pays-diois/",  # its territory
        "/fr/territoires/",
        "/fr/",  # the home page
        "/fr/offres/",  # the catalogue
        "/fr/offres/map/",  # its map's points
        "/fr/offres/rss/",  # and its feeds
        "/fr/offres/json/",
        "/fr/agenda/",  # the agenda
    } <= paths
    cdn.clear()
    offer.unpublish()
    assert {"/fr/territoires/pays-diois/boulangerie/", "/fr/offres/", "/fr/"} <= {path for host, path in cdn}


def test_no_cdn_no_purge(tree, settings):
    settings.WAGTAILFRONTENDCACHE = None
    publish(tree["offer"])  # nothing to reach, nothing raised


# The production cache: Redis, shared by every app server.


@pytest.mark.skipif(not local_redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_pages_go_through_redis(client, tree, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/11",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    url = tree["offer"].url
    first = get(client, url)
    second = get(Client(), url)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    offer = tree["offer"]
    offer.title = "Boulangerie : reprise en 2027"
    publish(offer)
    assert b"Boulangerie : reprise en 2027" in get(client, url).content


def test_a_search_answered_from_the_cache_still_counts_in_the_search_terms_report(client, tree):
    from wagtail.contrib.search_promotions.models import Query

    url = "/fr/recherche/?q=boulangerie"
    assert get(client, url)["X-Cache"] == "MISS"
    assert get(Client(), url)["X-Cache"] == "HIT"
    assert get(Client(), url + "&page=2")["X-Cache"] == "MISS"  # a following page is not a new search
    assert get(Client(), url + "&page=2")["X-Cache"] == "HIT"
    assert Query.get("boulangerie").hits == 2
