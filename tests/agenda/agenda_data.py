"""A small bilingual agenda for the listing tests: two territories, typed and classified events, regional and
local, a cancelled and a full date, a past event, and the events no listing may show (draft, expired, private)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from wagtail.models import PageViewRestriction

from agenda.models import AttendanceMode, DateStatus
from tests.conftest import translate
from tests.factories import (
    AudienceFactory,
    EventIndexPageFactory,
    EventPageFactory,
    EventTypeFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
    ThemeFactory,
)

PARIS = ZoneInfo("Europe/Paris")
# "Now" in these tests: Wednesday 2 June 2027, 10:00 in Paris. Time is frozen there.
NOW = datetime.datetime(2027, 6, 2, 10, 0, tzinfo=PARIS)

# Upcoming French dates, soonest first, as the list shows them.
UPCOMING = [
    "Salon des métiers ruraux",  # 5–6 June, all day, regional (territory: Roannais), paid
    "Atelier installation",  # 10 June 14:00–16:00, Pays Diois
    "Webinaire reprise",  # 15 June 18:00, online, full
    "Atelier installation",  # 8 July, cancelled
    "Visite de ferme",  # 20 August, all day, Roannais, on site and online
]
PAST = ["Forum de printemps"]  # 10 May
# The titles no French listing may show: draft, expired, private, and the English translations.
HIDDEN_TITLES = {"Brouillon caché", "Événement expiré", "Événement réservé", "Settlement workshop", "Rural trades fair"}


def at(month, day, hour=0, minute=0):
    """An aware datetime in 2027, Europe/Paris."""
    return datetime.datetime(2027, month, day, hour, minute, tzinfo=PARIS)


def all_day(month, day, last_day=None):
    """An all-day date from ``day`` to ``last_day`` included (the end is midnight after it)."""
    last = at(month, last_day or day)
    return {"start": at(month, day), "end": last + datetime.timedelta(days=1), "all_day": True}


@dataclass
class AgendaData:
    index: object
    index_en: object
    territory_index: object
    territories: dict
    territories_en: dict
    types: dict
    themes: dict
    audiences: dict
    events: dict = field(default_factory=dict)
    hidden: dict = field(default_factory=dict)
    events_en: dict = field(default_factory=dict)

    @property
    def url(self):
        return self.index.url

    @property
    def url_en(self):
        return self.index_en.url


def translate_term(term, locale, name):
    translated = term.copy_for_translation(locale)
    translated.name = name
    translated.save()
    return translated


def build_agenda_data(site_tree):
    """Create the agenda, its territories and events (French), and two English translations."""
    en = site_tree.en
    index = EventIndexPageFactory(parent=site_tree.home, title="Agenda", slug="agenda")
    index_en = translate(index, en, title="Events", slug="events")
    territory_index = TerritoryIndexPageFactory(parent=site_tree.home)
    territory_index_en = translate(territory_index, en, title="Territories", slug="territories")
    territories = {
        "pays-diois": TerritoryPageFactory(parent=territory_index, title="Pays Diois", slug="pays-diois"),
        "roannais": TerritoryPageFactory(
            parent=territory_index,
            title="Roannais",
            slug="roannais",
            department="42",
            latitude=Decimal("46.03600"),
            longitude=Decimal("4.06800"),
        ),
    }
    territories_en = {
        "pays-diois": translate(territories["pays-diois"], en, title="Diois country", slug="diois-country"),
        "roannais": translate(territories["roannais"], en, title="Roanne area", slug="roanne-area"),
    }
    assert territory_index_en.pk
    types = {
        "atelier": EventTypeFactory(name="Atelier", slug="atelier"),
        "salon": EventTypeFactory(name="Salon", slug="salon"),
        "webinaire": EventTypeFactory(name="Webinaire", slug="webinaire"),
    }
    translate_term(types["atelier"], en, "Workshop")
    themes = {
        "alimentation": ThemeFactory(name="Alimentation", slug="alimentation"),
        "tourisme": ThemeFactory(name="Tourisme", slug="tourisme"),
    }
    audiences = {
        "porteurs": AudienceFactory(name="Porteurs de projet", slug="porteurs-de-projet"),
        "elus": AudienceFactory(name="Élus", slug="elus"),
    }
    data = AgendaData(
        index=index,
        index_en=index_en,
        territory_index=territory_index,
        territories=territories,
        territories_en=territories_en,
        types=types,
        themes=themes,
        audiences=audiences,
    )
    diois, roannais = territories["pays-diois"], territories["roannais"]

    def event(key, title, parent, dates, themes=(), audiences=(), **fields):
        page = EventPageFactory(parent=parent, title=title, dates=dates, **fields)
        if themes or audiences:
            page.themes.set(themes)
            page.audiences.set(audiences)
            page.save_revision().publish()
        data.events[key] = page
        return page

    event(
        "atelier",
        "Atelier installation",
        diois,
        [
            (at(6, 10, 14), at(6, 10, 16)),
            {"start": at(7, 8, 14), "end": at(7, 8, 16), "status": DateStatus.CANCELLED},
        ],
        themes=[themes["alimentation"]],
        audiences=[audiences["porteurs"]],
        event_type=types["atelier"],
        summary="Deux heures pour préparer son installation.",
    )
    event(
        "salon",
        "Salon des métiers ruraux",
        index,
        [all_day(6, 5, 6)],
        themes=[themes["tourisme"]],
        event_type=types["salon"],
        territory=roannais,
        is_free=False,
        price=Decimal("5"),
        commune="Roanne",
    )
    event(
        "webinaire",
        "Webinaire reprise",
        index,
        [{"start": at(6, 15, 18), "end": at(6, 15, 19, 30), "status": DateStatus.FULL}],
        audiences=[audiences["elus"]],
        event_type=types["webinaire"],
        attendance_mode=AttendanceMode.ONLINE,
        online_link="https://visio.example.org/reprise",
        venue_name="",
        commune="",
    )
    event(
        "visite",
        "Visite de ferme",
        roannais,
        [all_day(8, 20)],
        themes=[themes["alimentation"]],
        event_type=types["atelier"],
        attendance_mode=AttendanceMode.MIXED,
        commune="Renaison",
        summary="Une ferme ouvre ses portes.",
    )
    event("forum", "Forum de printemps", diois, [(at(5, 10, 9), at(5, 10, 17))], event_type=types["salon"])

    data.hidden["draft"] = EventPageFactory(
        parent=diois, title="Brouillon caché", live=False, dates=[(at(6, 11, 9), at(6, 11, 10))]
    )
    data.hidden["expired"] = EventPageFactory(
        parent=diois,
        title="Événement expiré",
        expire_at=NOW - datetime.timedelta(hours=1),
        dates=[(at(6, 12, 9), at(6, 12, 10))],
    )
    private = EventPageFactory(parent=roannais, title="Événement réservé", dates=[(at(6, 13, 9), at(6, 13, 10))])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    data.hidden["private"] = private

    data.events_en["atelier"] = translate_event(
        data.events["atelier"], territories_en["pays-diois"], "Settlement workshop"
    )
    data.events_en["salon"] = translate_event(data.events["salon"], index_en, "Rural trades fair")
    return data


def translate_event(event, parent_en, title):
    """The English translation of ``event`` (its dates follow the source's), published."""
    translated = translate(event, parent_en.locale, title=title, slug=title.lower().replace(" ", "-"))
    assert translated.get_parent().pk == parent_en.pk
    return translated
