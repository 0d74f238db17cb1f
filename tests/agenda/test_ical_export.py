"""The agenda's iCalendar feed and each event's .ics, parsed back the way calendar applications read them."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine

from wagtail.models import PageViewRestriction

from agenda.ical import build_calendar
from agenda.models import AttendanceMode, DateStatus
from agenda.models.events import PARIS
from tests.conftest import publish, translate
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventTypeFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 22, 10, 0, tzinfo=PARIS)

# What every VEVENT must carry for Google Calendar, Outlook and Apple Calendar to keep it up to date.
REQUIRED = ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "SEQUENCE", "LAST-MODIFIED", "URL", "STATUS", "DESCRIPTION"]


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def build_agenda_events(site_tree):
    """An agenda at /fr/agenda/, two territories, the events a feed lists, and one of each it must not list.

    Plain function (not a fixture) so that the RSS and JSON-LD tests build the same data.
    """
    index = EventIndexPageFactory(parent=site_tree.home)
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")
    roannais = TerritoryPageFactory(parent=territories, title="Roannais", slug="roannais")
    fair_type = EventTypeFactory(name="Salon", slug="salon")
    session = EventTypeFactory(name="Réunion d'information", slug="reunion")

    forum = publish(
        EventPageFactory(
            parent=diois,
            title="Forum de l'installation",
            slug="forum",
            summary="Rencontrer les élus et les porteurs de projet.",
            event_type=fair_type,
            venue_name="Maison des services",
            address="12 rue de la Gare",
            postcode="26150",
            commune="Die",
            latitude=44.753,
            longitude=5.37,
            organiser="Pays Diois",
            contact_email="accueil@diois.example",
            dates=[(paris(2026, 12, 3, 14), paris(2026, 12, 3, 17))],
        )
    )
    fair = publish(
        EventPageFactory(
            parent=roannais,
            title="Salon des campagnes",
            slug="salon",
            event_type=fair_type,
            venue_name="Parc des expositions",
            commune="Roanne",
            postcode="42300",
            latitude=46.036,
            longitude=4.068,
            dates=[dict(start=paris(2026, 12, 10), end=paris(2026, 12, 13), all_day=True)],
        )
    )
    cycle = publish(
        EventPageFactory(
            parent=index,
            title="Cycle découverte",
            slug="cycle",
            event_type=session,
            dates=[
                dict(start=paris(2026, 12, 15, 18), end=paris(2026, 12, 15, 20), status=DateStatus.CANCELLED),
                dict(start=paris(2027, 1, 12, 18), end=paris(2027, 1, 12, 20), status=DateStatus.POSTPONED),
                dict(start=paris(2027, 6, 8, 18), end=paris(2027, 6, 8, 18)),  # no end time, in summer time
            ],
        )
    )
    webinar = publish(
        EventPageFactory(
            parent=index,
            title="Webinaire s'installer",
            slug="webinaire",
            event_type=session,
            attendance_mode=AttendanceMode.ONLINE,
            online_link="https://visio.example/salle",
            venue_name="",
            commune="",
            postcode="",
            dates=[(paris(2026, 12, 1, 12), paris(2026, 12, 1, 13))],
        )
    )
    past = publish(
        EventPageFactory(
            parent=diois,
            title="Rencontre passée",
            slug="passee",
            dates=[(paris(2026, 11, 2, 14), paris(2026, 11, 2, 16))],
        )
    )
    # Never in a public feed: a draft, a private event, an expired one still live, an English translation.
    EventPageFactory(
        parent=diois, title="Brouillon secret", slug="brouillon", live=False, dates=[(paris(2026, 12, 4, 9), None)]
    )
    private = publish(
        EventPageFactory(
            parent=diois,
            title="Réunion réservée",
            slug="reservee",
            dates=[(paris(2026, 12, 5, 9), paris(2026, 12, 5, 12))],
        )
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    expired = publish(
        EventPageFactory(
            parent=diois,
            title="Événement expiré",
            slug="expire",
            dates=[(paris(2026, 12, 6, 9), paris(2026, 12, 6, 12))],
        )
    )
    expired.expire_at = NOW - datetime.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])
    en = site_tree.en
    translate(territories, en, title="Territories", slug="territories")
    translate(diois, en, title="Diois area", slug="diois-area")
    forum_en = translate(forum, en, title="Settling-in forum", slug="settling-in-forum")
    return SimpleNamespace(
        site_tree=site_tree,
        index=index,
        territories=territories,
        diois=diois,
        roannais=roannais,
        forum=forum,
        fair=fair,
        cycle=cycle,
        webinar=webinar,
        past=past,
        private=private,
        expired=expired,
        forum_en=forum_en,
    )


VISIBLE_TITLES = {"Forum de l'installation", "Salon des campagnes", "Cycle découverte", "Webinaire s'installer"}
HIDDEN_TITLES = {"Brouillon secret", "Réunion réservée", "Événement expiré", "Settling-in forum", "Rencontre passée"}


@pytest.fixture
def events(site_tree):
    return build_agenda_events(site_tree)


def calendar_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def as_datetime(value):
    """A DTSTART as an aware datetime (an all-day date starts at midnight in Paris)."""
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.combine(value, datetime.time(), PARIS)


def vevents(calendar):
    return calendar.walk("VEVENT")


def by_title(calendar):
    """The VEVENTs by title (the summary without a status prefix), each title to a list in feed order."""
    found = {}
    for event in vevents(calendar):
        title = str(event["SUMMARY"]).split("] ", 1)[-1]
        found.setdefault(title, []).append(event)
    return found


def test_the_feed_is_a_complete_calendar(client, events):
    response = client.get("/fr/agenda/ical/")
    calendar = calendar_of(response)
    assert response["Content-Disposition"] == 'inline; filename="agenda.ics"'

    raw = response.content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # folded
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in raw
    assert b"X-PUBLISHED-TTL:PT6H\r\n" in raw

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//")
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == calendar["NAME"] == "Agenda – Coopérations et mobilités ville–campagne"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Paris"
    assert calendar["SOURCE"] == "http://localhost/fr/agenda/ical/"
    assert calendar["URL"] == "http://localhost/fr/agenda/"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert calendar.get_missing_tzids() == set()

    found = vevents(calendar)
    assert len(found) == 6  # forum, fair, three dates of the cycle, webinar
    for event in found:
        for name in REQUIRED:
            assert name in event, (name, event["SUMMARY"])
        assert event["URL"].startswith("http://localhost/fr/")
        assert event.decoded("DTSTAMP") == NOW.astimezone(datetime.UTC)
        assert event["DTSTART"].params.get("TZID", "Europe/Paris") == "Europe/Paris"
        assert ("TZID" in event["DTSTART"].params) != (event["DTSTART"].params.get("VALUE") == "DATE")
    assert len({str(event["UID"]) for event in found}) == len(found)
    # In the list's order: upcoming dates, soonest first.
    starts = [as_datetime(event.decoded("DTSTART")) for event in found]
    assert starts == sorted(starts)


def test_a_timed_date_in_paris_time_with_its_place(client, events):
    calendar = calendar_of(client.get("/fr/agenda/ical/"))
    (forum,) = by_title(calendar)["Forum de l'installation"]
    date = events.forum.dates.get()

    assert str(forum["UID"]) == str(date.translation_key)
    assert forum["DTSTART"].params["TZID"] == "Europe/Paris"
    assert forum["DTEND"].params["TZID"] == "Europe/Paris"
    assert b"DTSTART;TZID=Europe/Paris:20261203T140000" in calendar.to_ical()
    assert forum.decoded("DTSTART") == paris(2026, 12, 3, 14)
    assert forum.decoded("DTEND") == paris(2026, 12, 3, 17)
    assert forum["SUMMARY"] == "Forum de l'installation"
    assert forum["STATUS"] == "CONFIRMED"
    assert forum["TRANSP"] == "OPAQUE"
    assert forum["URL"] == "http://localhost/fr/territoires/pays-diois/forum/"
    assert forum["LOCATION"] == "Maison des services, 12 rue de la Gare, 26150 Die"
    assert (forum["GEO"].latitude, forum["GEO"].longitude) == (44.753, 5.37)
    assert forum["CATEGORIES"].cats == ["Salon"]
    assert forum["ORGANIZER"] == "mailto:accueil@diois.example"
    assert forum["ORGANIZER"].params["CN"] == "Pays Diois"
    assert forum["DESCRIPTION"] == (
        "Rencontrer les élus et les porteurs de projet.\n\nhttp://localhost/fr/territoires/pays-diois/forum/"
    )
    assert forum["SEQUENCE"] == events.forum.live_revision_id > 0
    assert forum.decoded("LAST-MODIFIED") == events.forum.last_published_at
    assert forum.decoded("CREATED") == events.forum.first_published_at


def test_an_all_day_date_is_a_date_with_an_exclusive_end(client, events):
    calendar = calendar_of(client.get("/fr/agenda/ical/"))
    (fair,) = by_title(calendar)["Salon des campagnes"]
    assert fair["DTSTART"].params["VALUE"] == "DATE"
    assert fair.decoded("DTSTART") == datetime.date(2026, 12, 10)
    assert fair.decoded("DTEND") == datetime.date(2026, 12, 13)  # 10, 11 and 12 December
    assert b"DTSTART;VALUE=DATE:20261210\r\n" in calendar.to_ical()
    assert fair["TRANSP"] == "TRANSPARENT"
    assert fair["LOCATION"] == "Parc des expositions, 42300 Roanne"


def test_each_date_carries_its_status(client, events):
    calendar = calendar_of(client.get("/fr/agenda/ical/"))
    cancelled, postponed, summer = by_title(calendar)["Cycle découverte"]
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["SUMMARY"] == "[Annulé] Cycle découverte"
    assert postponed["STATUS"] == "TENTATIVE"
    assert postponed["SUMMARY"] == "[Reporté] Cycle découverte"
    assert summer["STATUS"] == "CONFIRMED"
    # Summer time: 18:00 in Paris is 16:00 UTC. A date without an end time has no DTEND (it must follow DTSTART).
    assert summer.decoded("DTSTART") == paris(2027, 6, 8, 18)
    assert summer.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)
    assert "DTEND" not in summer
    assert len({str(event["UID"]) for event in (cancelled, postponed, summer)}) == 3
    assert cancelled["SEQUENCE"] == postponed["SEQUENCE"] == summer["SEQUENCE"]


def test_an_online_event_has_no_place(client, events):
    (webinar,) = by_title(calendar_of(client.get("/fr/agenda/ical/")))["Webinaire s'installer"]
    assert webinar["LOCATION"] == "En ligne"
    assert "GEO" not in webinar
    assert "ORGANIZER" not in webinar  # no contact email


def test_uids_stay_put_and_sequence_grows_when_an_event_is_republished(client, events):
    def forum_event():
        return by_title(calendar_of(client.get("/fr/agenda/ical/")))["Forum de l'installation"][0]

    first, again = forum_event(), forum_event()
    assert first["UID"] == again["UID"] and first["SEQUENCE"] == again["SEQUENCE"]
    all_uids = {str(event["UID"]) for event in vevents(calendar_of(client.get("/fr/agenda/ical/")))}

    # An editor changes the title and publishes again, as the admin does.
    edited = events.forum.get_latest_revision_as_object()
    edited.title = "Forum de l'installation 2026"
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        edited.save_revision().publish()
        after = by_title(calendar_of(client.get("/fr/agenda/ical/")))["Forum de l'installation 2026"][0]
        assert after.decoded("LAST-MODIFIED") == (NOW + datetime.timedelta(hours=1)).astimezone(datetime.UTC)
        assert {str(event["UID"]) for event in vevents(calendar_of(client.get("/fr/agenda/ical/")))} == all_uids

    assert after["UID"] == first["UID"]
    assert after["SEQUENCE"] > first["SEQUENCE"]


def test_a_translation_keeps_the_uids_of_its_dates(client, events):
    translate(events.index, events.site_tree.en, title="Events", slug="events")
    calendar = calendar_of(client.get("/en/events/ical/"))
    (forum,) = by_title(calendar)["Settling-in forum"]
    assert str(forum["UID"]) == str(events.forum.dates.get().translation_key)
    assert forum["URL"] == "http://localhost/en/territories/diois-area/settling-in-forum/"
    assert "Forum de l'installation" not in by_title(calendar)
    assert calendar["X-WR-CALNAME"].startswith("Events – ")


def test_the_feed_follows_the_filters(client, events):
    calendar = calendar_of(client.get("/fr/agenda/ical/?territory=roannais&page=2&view=month"))
    assert set(by_title(calendar)) == {"Salon des campagnes"}
    assert calendar["X-WR-CALNAME"] == "Agenda – Territoire : Roannais – Coopérations et mobilités ville–campagne"
    assert calendar["SOURCE"] == "http://localhost/fr/agenda/ical/?territory=roannais"

    calendar = calendar_of(client.get("/fr/agenda/ical/?type=reunion"))
    assert set(by_title(calendar)) == {"Cycle découverte", "Webinaire s'installer"}
    calendar = calendar_of(client.get("/fr/agenda/ical/?mode=online"))
    assert set(by_title(calendar)) == {"Webinaire s'installer"}


def test_past_dates_only_on_request(client, events):
    assert "Rencontre passée" not in by_title(calendar_of(client.get("/fr/agenda/ical/")))
    assert set(by_title(calendar_of(client.get("/fr/agenda/ical/?past=1")))) == {"Rencontre passée"}


@pytest.mark.parametrize("query", ["", "?past=1", "?territory=pays-diois", "?start=2026-12-01&end=2026-12-31"])
def test_drafts_private_expired_and_english_events_never_leak(client, events, query):
    content = client.get(f"/fr/agenda/ical/{query}").content.decode()
    for title in HIDDEN_TITLES - {"Rencontre passée"}:
        assert title not in content


def test_a_logged_in_visitor_gets_the_private_event(client, events, django_user_model):
    client.force_login(django_user_model.objects.create_user("agent", password="x"))
    response = client.get("/fr/agenda/ical/")
    titles = set(by_title(calendar_of(response)))
    assert "Réunion réservée" in titles
    assert "Brouillon secret" not in titles
    # A shared cache must not hand this feed to anonymous subscribers.
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize(
    "query",
    ["territory=nulle-part", "start=demain", "month=2027-13", "type=%00", "page=-1", "q=" + "a" * 3000, "%ff=%fe"],
)
def test_bad_query_strings_never_break_the_feed(client, events, query):
    assert client.get(f"/fr/agenda/ical/?{query}").status_code == 200


def test_the_vtimezone_gives_the_offsets_of_the_tz_database():
    """Outlook reads the VTIMEZONE itself: its rules must give Paris's offset around every change until 2037."""
    calendar = icalendar.Calendar.from_ical(build_calendar([], None, name="Agenda").to_ical())
    (zone,) = calendar.walk("VTIMEZONE")
    from_vtimezone = zone.to_tz(lookup_tzid=False)
    database = ZoneInfo("Europe/Paris")
    for year in range(2024, 2038):
        for month in (3, 10):
            start = datetime.datetime(year, month, 24, tzinfo=datetime.UTC)
            for hour in range(8 * 24):
                instant = start + datetime.timedelta(hours=hour)
                assert instant.astimezone(from_vtimezone).utcoffset() == instant.astimezone(database).utcoffset(), (
                    instant
                )


# One event's download --------------------------------------------------------------------------------


def test_an_event_downloads_as_an_attachment_with_its_dates(client, events):
    response = client.get("/fr/agenda/cycle/ical/")
    calendar = calendar_of(response)
    assert response["Content-Disposition"] == 'attachment; filename="cycle.ics"'
    assert calendar["X-WR-CALNAME"] == "Cycle découverte"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    dates = vevents(calendar)
    assert [event["STATUS"] for event in dates] == ["CANCELLED", "TENTATIVE", "CONFIRMED"]
    assert {str(event["UID"]) for event in dates} == {str(d.translation_key) for d in events.cycle.dates.all()}
    assert all(event["CATEGORIES"].cats == ["Réunion d'information"] for event in dates)
    assert all(name in event for event in dates for name in REQUIRED)
    # The same VEVENTs as in the agenda's feed, so adding both does not duplicate them.
    feed = {str(e["UID"]): e for e in vevents(calendar_of(client.get("/fr/agenda/ical/")))}
    for event in dates:
        assert feed[str(event["UID"])]["SEQUENCE"] == event["SEQUENCE"]
        assert feed[str(event["UID"])].decoded("DTSTART") == event.decoded("DTSTART")


def test_a_past_event_still_downloads(client, events):
    calendar = calendar_of(client.get("/fr/territoires/pays-diois/passee/ical/"))
    (event,) = vevents(calendar)
    assert event.decoded("DTSTART") == paris(2026, 11, 2, 14)


def test_a_private_event_download_asks_to_log_in(client, events, django_user_model):
    response = client.get("/fr/territoires/pays-diois/reservee/ical/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/connexion/?next=")  # the site's login page (members)
    assert b"VCALENDAR" not in response.content
    client.force_login(django_user_model.objects.create_user("agent", password="x"))
    assert vevents(calendar_of(client.get("/fr/territoires/pays-diois/reservee/ical/")))


def test_a_draft_or_expired_event_download_is_not_found(client, events):
    assert client.get("/fr/territoires/pays-diois/brouillon/ical/").status_code == 404
    assert client.get("/fr/territoires/pays-diois/expire/ical/").status_code == 404


# Query budget -----------------------------------------------------------------------------------------


def test_feeds_run_the_same_number_of_queries_with_5_and_40_events(client, site_tree, django_assert_max_num_queries):
    index = EventIndexPageFactory(parent=site_tree.home)
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")
    event_type = EventTypeFactory(name="Atelier", slug="atelier")

    def create(first, count):
        for n in range(first, first + count):
            start = paris(2026, 12, 1, 9) + datetime.timedelta(days=n)
            dates = [(start, start + datetime.timedelta(hours=2)), dict(start=start, end=start, all_day=True)]
            EventPageFactory(parent=diois if n % 2 else index, event_type=event_type, dates=dates)

    create(0, 5)
    routes = ["ical/", "rss/", "ical/?territory=pays-diois", "rss/?type=atelier&mode=onsite"]
    for route in routes:  # warm the caches (site root paths, content types)
        client.get(f"/fr/agenda/{route}")
    small = {}
    for route in routes:
        with django_assert_max_num_queries(40) as captured:
            assert client.get(f"/fr/agenda/{route}").status_code == 200
        small[route] = len(captured.captured_queries)
    create(5, 35)
    for route in routes:
        client.get(f"/fr/agenda/{route}")  # new pages dropped the cached counts and filter choices: warm them again
    for route in routes:
        with django_assert_max_num_queries(small[route]):
            response = client.get(f"/fr/agenda/{route}")
        assert response.status_code == 200
    assert len(vevents(calendar_of(client.get("/fr/agenda/ical/")))) == 80
    with django_assert_max_num_queries(25):
        assert client.get(f"/fr/agenda/{index.get_children().first().slug}/ical/").status_code == 200
