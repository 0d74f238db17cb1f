"""schema.org JSON-LD of an event page: one Event per date, as search engines read it."""

import datetime
import json
from decimal import Decimal

import pytest
import time_machine
import wagtail_factories
from bs4 import BeautifulSoup

from django.template import Context, Template

from agenda.jsonld import MAX_DATES, event_jsonld, event_jsonld_data, jsonld_dates
from agenda.models import AttendanceMode, DateStatus, RegistrationMode
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
SCHEMA = "https://schema.org/"


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def index(site_tree):
    return EventIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def territories(site_tree):
    return TerritoryIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def diois(territories):
    return TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")


def event(parent, **fields):
    fields.setdefault("event_type", EventTypeFactory(name="Salon", slug="salon"))
    return publish(EventPageFactory(parent=parent, **fields))


def data_of(page, request):
    return event_jsonld_data(page, jsonld_dates(page), request)


def render_tag(page, request):
    return Template("{% load agenda_jsonld %}{% event_jsonld page %}").render(
        Context({"page": page, "request": request})
    )


def scripts_in(html):
    return BeautifulSoup(html, "html.parser").find_all("script", type="application/ld+json")


def test_an_event_on_site_is_a_complete_event(rf, diois):
    page = event(
        diois,
        title="Forum de l'installation",
        slug="forum",
        summary="Rencontrer les élus et les porteurs de projet.",
        venue_name="Maison des services",
        address="12 rue de la Gare",
        postcode="26150",
        commune="Die",
        latitude=44.753,
        longitude=5.37,
        contact_email="accueil@diois.example",
        dates=[(paris(2026, 12, 3, 14), paris(2026, 12, 3, 17))],
    )
    (data,) = data_of(page, rf.get("/"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Forum de l'installation",
        "description": "Rencontrer les élus et les porteurs de projet.",
        "url": "http://localhost/fr/territoires/pays-diois/forum/",
        "inLanguage": "fr",
        "organizer": {
            "@type": "Organization",
            "name": "Pays Diois",
            "url": "http://localhost/fr/territoires/pays-diois/",
            "email": "accueil@diois.example",
        },
        "startDate": "2026-12-03T14:00:00+01:00",
        "endDate": "2026-12-03T17:00:00+01:00",
        "eventStatus": f"{SCHEMA}EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Maison des services",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "12 rue de la Gare",
                "postalCode": "26150",
                "addressLocality": "Die",
                "addressRegion": "Auvergne-Rhône-Alpes",
                "addressCountry": "FR",
            },
            "geo": {"@type": "GeoCoordinates", "latitude": 44.753, "longitude": 5.37},
        },
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "availability": f"{SCHEMA}InStock",
            "url": "http://localhost/fr/territoires/pays-diois/forum/",
            "validFrom": "2026-11-22T10:00:00+01:00",
        },
    }


def test_one_event_per_date_with_its_status(rf, index):
    page = event(
        index,
        title="Cycle découverte",
        slug="cycle",
        dates=[
            dict(start=paris(2026, 12, 15, 18), end=paris(2026, 12, 15, 20), status=DateStatus.CANCELLED),
            dict(start=paris(2027, 1, 12, 18), end=paris(2027, 1, 12, 20), status=DateStatus.POSTPONED),
            dict(start=paris(2027, 2, 9, 18), end=paris(2027, 2, 9, 20), status=DateStatus.FULL),
            dict(start=paris(2027, 6, 8, 18), end=paris(2027, 6, 8, 18)),
            dict(start=paris(2026, 11, 3, 18), end=paris(2026, 11, 3, 20)),  # over: not described any more
        ],
    )
    events = data_of(page, rf.get("/"))
    assert [e["startDate"] for e in events] == [
        "2026-12-15T18:00:00+01:00",
        "2027-01-12T18:00:00+01:00",
        "2027-02-09T18:00:00+01:00",
        "2027-06-08T18:00:00+02:00",
    ]
    assert [e["eventStatus"].removeprefix(SCHEMA) for e in events] == [
        "EventCancelled",
        "EventPostponed",
        "EventScheduled",
        "EventScheduled",
    ]
    assert [e["offers"]["availability"].removeprefix(SCHEMA) for e in events] == [
        "InStock",
        "InStock",
        "SoldOut",
        "InStock",
    ]
    assert "endDate" not in events[3]  # no end time
    # A regional event with no organiser named: the network organises it.
    assert events[0]["organizer"] == {
        "@type": "Organization",
        "name": "Coopérations et mobilités ville–campagne",
        "url": "http://localhost/",
    }


def test_an_all_day_date_gives_days_with_the_last_day_included(rf, index):
    page = event(index, dates=[dict(start=paris(2026, 12, 10), end=paris(2026, 12, 13), all_day=True)])
    (data,) = data_of(page, rf.get("/"))
    assert (data["startDate"], data["endDate"]) == ("2026-12-10", "2026-12-12")


def test_online_mixed_and_moved_online_locations(rf, index):
    online = event(
        index,
        slug="webinaire",
        attendance_mode=AttendanceMode.ONLINE,
        online_link="https://visio.example/salle",
        dates=[(paris(2026, 12, 1, 12), paris(2026, 12, 1, 13))],
    )
    (data,) = data_of(online, rf.get("/"))
    assert data["eventAttendanceMode"] == f"{SCHEMA}OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://visio.example/salle"}

    mixed = event(
        index,
        slug="mixte",
        attendance_mode=AttendanceMode.MIXED,
        dates=[
            (paris(2026, 12, 2, 12), paris(2026, 12, 2, 13)),
            dict(start=paris(2026, 12, 9, 12), end=paris(2026, 12, 9, 13), status=DateStatus.MOVED_ONLINE),
        ],
    )
    both, moved = data_of(mixed, rf.get("/"))
    assert both["eventAttendanceMode"] == f"{SCHEMA}MixedEventAttendanceMode"
    place, virtual = both["location"]
    assert place["@type"] == "Place" and place["geo"]["latitude"] == 44.753
    assert virtual == {"@type": "VirtualLocation", "url": "http://localhost/fr/agenda/mixte/"}  # no link: the page
    assert moved["eventStatus"] == f"{SCHEMA}EventMovedOnline"
    assert moved["eventAttendanceMode"] == f"{SCHEMA}OnlineEventAttendanceMode"
    assert moved["location"]["@type"] == "VirtualLocation"


def test_a_paying_event_with_registration_elsewhere(rf, index):
    page = event(
        index,
        is_free=False,
        price=Decimal("12.50"),
        organiser="Chambre d'agriculture",
        registration_mode=RegistrationMode.LINK,
        registration_url="https://inscriptions.example/forum",
        dates=[
            dict(
                start=paris(2026, 12, 3, 14),
                end=paris(2026, 12, 3, 17),
                registration_deadline=paris(2026, 12, 1, 12),
            )
        ],
    )
    (data,) = data_of(page, rf.get("/"))
    assert data["offers"] == {
        "@type": "Offer",
        "price": 12.5,
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}InStock",
        "url": "https://inscriptions.example/forum",
        "validFrom": "2026-11-22T10:00:00+01:00",
        "validThrough": "2026-12-01T12:00:00+01:00",
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Chambre d'agriculture"}


def test_the_image_is_the_open_graph_image(rf, index):
    page = event(
        index,
        image=wagtail_factories.ImageFactory(title="Salle"),
        dates=[(paris(2026, 12, 3, 14), paris(2026, 12, 3, 17))],
    )
    (data,) = data_of(page, rf.get("/"))
    (url,) = data["image"]
    assert url.startswith("http://testserver/") and "fill-1200x630" in url


def test_a_translation_describes_itself_in_its_language(rf, site_tree, territories, diois):
    page = event(diois, title="Forum de l'installation", slug="forum", dates=[(paris(2026, 12, 3, 14), None)])
    translate(territories, site_tree.en, title="Territories", slug="territories")
    translate(diois, site_tree.en, title="Diois area", slug="diois-area")
    english = translate(page, site_tree.en, title="Settling-in forum", slug="settling-in-forum")
    (data,) = data_of(english, rf.get("/"))
    assert data["name"] == "Settling-in forum"
    assert data["inLanguage"] == "en"
    assert data["url"] == "http://localhost/en/territories/diois-area/settling-in-forum/"
    # The territory link is synchronised on the French page: the organiser is its English translation.
    assert data["organizer"]["url"] == "http://localhost/en/territories/diois-area/"


def test_a_title_cannot_close_the_script_element(rf, index):
    page = event(index, title="</script><script>alert('x')</script> & <b>", dates=[(paris(2026, 12, 3, 14), None)])
    html = render_tag(page, rf.get("/"))
    assert html.count("</script>") == 1 and html.endswith("</script>")
    assert "<script>alert" not in html and "<b>" not in html
    (script,) = scripts_in(html)
    assert json.loads(script.string)[0]["name"] == "</script><script>alert('x')</script> & <b>"
    assert "\\u003C/script\\u003E" in event_jsonld(page, jsonld_dates(page), rf.get("/"))


def test_the_tag_renders_one_script_with_the_page_dates_only(rf, index, diois):
    page = event(index, title="Atelier", dates=[(paris(2026, 12, 3, 14), None), (paris(2026, 12, 10, 14), None)])
    event(index, title="Un autre événement", dates=[(paris(2026, 12, 4, 14), None)])
    html = render_tag(page, rf.get("/"))
    (script,) = scripts_in(html)
    assert [e["name"] for e in json.loads(script.string)] == ["Atelier", "Atelier"]
    assert render_tag(diois, rf.get("/")) == ""
    assert render_tag(None, rf.get("/")) == ""


def test_a_past_event_keeps_its_last_dates_and_a_long_cycle_is_capped(rf, index):
    past = event(index, dates=[(paris(2026, 10, 1, 14), None), (paris(2026, 11, 2, 14), None)])
    assert [e["startDate"][:10] for e in data_of(past, rf.get("/"))] == ["2026-10-01", "2026-11-02"]
    weekly = [(paris(2026, 12, 1, 18) + datetime.timedelta(weeks=n), None) for n in range(MAX_DATES + 10)]
    cycle = event(index, dates=weekly)
    events = data_of(cycle, rf.get("/"))
    assert len(events) == MAX_DATES
    assert events[0]["startDate"] == "2026-12-01T18:00:00+01:00"
