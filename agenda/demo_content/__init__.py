"""Demo agenda: the "Agenda" page, the network's real sessions since 2016, 60-odd upcoming events, one feed.

Found by ``cms.demo`` (see its docstring for the hooks). The archive holds the sessions the client's documents
date (seeds 000, 001, 003, 004): the Lyon information session of 19 May 2016, the shared stand at the Lyon
entrepreneurs' fair on 15-16 June 2016, the training days of 3 March and 6 December 2016 and of 24 September
2021, the workshop of 26 September 2016, the first meeting of the collective-entrepreneurship working group on
27 April 2021. Where a seed gives no time the date is all day; the 2021 working group met "en matinée"
(9:30-12:30 here).
Upcoming events are invented from the actions the seeds plan (information sessions in Lyon, Saint-Étienne and
Grenoble, shared stands at fairs, training for territorial agents, workshops with urban advisers, the regional
city–countryside event, local events valued regionally) and spread over the nine demo territories. People,
e-mail addresses (example.org) and phone numbers (the 04 65 71 range ARCEP keeps for fiction) are invented.

Upcoming dates are counted in days from the Monday of the week of the load (so day 4 is a Friday), never
from the import of this module. A later run keeps the days of an event that is not over, so re-running the
loader the next day, or the next week, republishes nothing; an event whose dates have all passed moves
back into the coming months.

Recurring events carry their rule (``FREQ=WEEKLY;COUNT=8``…) and every date it gives: the rows are computed
with ``agenda.recurrence.occurrences``, like ``generate_dates`` does, and stored in the page's revision, so
wagtail-localize copies them to the English page; ``after_sync`` then calls ``generate_dates``, which has
nothing left to add.

The "Agenda du Pays Diois" source points at ``agenda/static/agenda/demo/pays-diois.ics``, a Google Calendar
export with dates in 2027 (``/static/`` is served by the development server). The loader does not import it:
with ``make run`` serving the site on http://127.0.0.1:8000, run ``manage.py import_events`` (or the source's
import button); the source is not trusted, so its six events arrive as drafts under Pays Diois.

The data live in ``events.py`` (event types, archive, regional events) and ``local_events.py`` (five events per
territory); this module holds the loader hooks and the date arithmetic.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from agenda.demo_content.events import ARCHIVE, CAP_RURAL, EVENT_TYPES, REGIONAL
from agenda.demo_content.local_events import LOCAL
from agenda.demo_content.registrations import ensure_registrations
from agenda.models import (
    DateStatus,
    EventDate,
    EventPage,
    EventSource,
    EventType,
    RegistrationMode,
    SourceFormat,
)
from agenda.recurrence import generate_dates, occurrence_id, occurrences
from cms.demo.streams import ImageRef, PageRef, heading, paragraph
from cms.demo.territories import TERRITORIES
from cms.demo.texts import N, T
from cms.demo.tree import HOME_SLUG, PageSpec, find_spec
from cms.models import Audience, Theme

PARIS = ZoneInfo("Europe/Paris")
AGENDA_SLUG = "agenda"
CATALOGUE_SLUG = "offres"
TERRITORY_INDEX_SLUG = "territoires"
DEMO_SOURCE_NAME = "Agenda du Pays Diois"
DEMO_SOURCE_TERRITORY = "pays-diois"
DEMO_SOURCE_URL = "http://127.0.0.1:8000/static/agenda/demo/pays-diois.ics"

UPCOMING = [*REGIONAL, *LOCAL]
EVENTS = [*ARCHIVE, *UPCOMING]

AGENDA_TEXTS = {
    "title": ("Agenda", "Calendar"),
    "summary": (
        "Sessions d'information, salons, formations et événements des territoires ruraux du réseau.",
        "Information sessions, fairs, training and events of the network's rural territories.",
    ),
    "intro": (
        "<p>Retrouvez les rendez-vous du réseau et ceux que chaque territoire organise. Filtrez par territoire, "
        "type d'événement ou public, et abonnez-vous au calendrier pour ne rien manquer.</p>",
        "<p>Find the network's events and those each territory runs. Filter by territory, type of event or "
        "audience, and subscribe to the calendar so you miss nothing.</p>",
    ),
    "entry": (
        "L'agenda",
        "The calendar",
        "Sessions d'information, salons, formations et rendez-vous locaux près de chez vous.",
        "Information sessions, fairs, training and local events near you.",
    ),
}


def _taxonomy(model, slug, names, descriptions, fr, en):
    """Create or update a French term and its English translation (same slug)."""
    source = model.objects.filter(slug=slug, locale=fr).first() or model(slug=slug, locale=fr)
    source.name, source.description = T(*names), T(*descriptions)
    source.save()
    translated = source.get_translation_or_none(en) or source.copy_for_translation(en)
    translated.slug, translated.name, translated.description = slug, names[1], descriptions[1]
    translated.save()


def prepare(fr, en):
    """Event types in both languages (the Communication role manages them: cms/roles.py)."""
    for slug, names, descriptions in EVENT_TYPES:
        _taxonomy(EventType, slug, names, descriptions, fr, en)


# --- Dates -----------------------------------------------------------------------------------------


def reference_monday(now):
    """The Monday of the week of ``now`` (Paris time): upcoming dates are counted in days from it."""
    today = timezone.localdate(now, PARIS)
    return today - datetime.timedelta(days=today.weekday())


def _at(day, hour_minute):
    hour, minute = (int(part) for part in hour_minute.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=PARIS)


def _day_of(when, reference):
    if isinstance(when.day, datetime.date):
        return when.day
    day = reference + datetime.timedelta(days=when.day)
    while when.first_of_month and day.day > 7:
        day += datetime.timedelta(days=7)
    return day


def typed_rows(event, reference, kept_days=()):
    """The event's typed dates as EventDate values; ``kept_days``: the first days of the rows already stored,
    reused while the event is not over so that a later run changes nothing."""
    rows = []
    for index, when in enumerate(event.dates):
        day = kept_days[index] if index < len(kept_days) else _day_of(when, reference)
        last = day + datetime.timedelta(days=when.days - 1)
        if when.start:
            start, end = _at(day, when.start), _at(last, when.end or when.start)
        else:  # all day: midnight to midnight after the last day (exclusive), as EventDate stores it
            start, end = _midnight(day), _midnight(last + datetime.timedelta(days=1))
        if isinstance(when.deadline, datetime.date):
            deadline = _at(when.deadline, "23:59")
        elif when.deadline is not None:
            deadline = _at(day - datetime.timedelta(days=when.deadline), "23:59")
        else:
            deadline = None
        rows.append(
            {
                "start": start,
                "end": end,
                "all_day": not when.start,
                "status": when.status,
                "capacity": when.capacity,
                "registration_deadline": deadline,
                "recurrence_id": "",
                "generated": False,
            }
        )
    return rows


def exception_days(event, typed):
    first = timezone.localtime(typed[0]["start"], PARIS).date()
    return [first + datetime.timedelta(days=days) for days in event.exceptions]


def generated_rows(event, typed, now):
    """The rows ``generate_dates`` would add for the event's rule, computed on an unsaved page."""
    if not event.recurrence:
        return []
    page = EventPage(
        recurrence=event.recurrence,
        recurrence_exceptions="\n".join(day.isoformat() for day in exception_days(event, typed)),
    )
    page.dates = [
        EventDate(start=row["start"], end=row["end"], all_day=row["all_day"], capacity=row["capacity"]) for row in typed
    ]
    model = min(typed, key=lambda row: row["start"])
    return [
        {
            "start": start,
            "end": end,
            "all_day": model["all_day"],
            "status": DateStatus.SCHEDULED,
            "capacity": model["capacity"],
            "registration_deadline": None,
            "recurrence_id": occurrence_id(start),
            "generated": True,
        }
        for start, end in occurrences(page, now)
    ]


def _stored_dates(fr):
    """For each French event (by path below the home page): the first days of its typed rows, its last end."""
    stored = {}
    rows = (
        EventDate.objects.filter(page__locale=fr)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page__url_path", "start", "end", "generated")
    )
    for url_path, start, end, generated in rows:
        path = url_path.strip("/").removeprefix(HOME_SLUG).strip("/")
        days, last_end = stored.get(path, ([], end))
        if not generated:
            days.append(timezone.localtime(start, PARIS).date())
        stored[path] = (days, max(last_end, end))
    return stored


def event_rows(event, reference, stored, now):
    """Typed then generated rows; an event not over keeps the days it was given by an earlier run."""
    days, last_end = stored if stored else ([], None)
    kept = days if last_end is not None and last_end >= now else []
    typed = typed_rows(event, reference, kept)
    return [*typed, *generated_rows(event, typed, now)]


# --- Pages -----------------------------------------------------------------------------------------


def _same(text):
    return N(text) if text else ""


def _body(event):
    body = [paragraph(T(f"<p>{event.body[0]}</p>", f"<p>{event.body[1]}</p>"))]
    if event.programme:
        french, english = event.programme
        body.append(heading(T("Au programme", "Programme")))
        body.append(
            paragraph(
                T(
                    "<ul>" + "".join(f"<li>{item}</li>" for item in french) + "</ul>",
                    "<ul>" + "".join(f"<li>{item}</li>" for item in english) + "</ul>",
                )
            )
        )
    return body


def event_spec(event, rows, types, themes, audiences, organiser, image_key):
    """The PageSpec of one event."""
    venue, address, commune, postcode, latitude, longitude = event.place or ("", "", "", "", None, None)
    mode, target = event.registration
    name, email, phone = event.contact or ("", "", "")
    exceptions = exception_days(event, rows) if event.exceptions else []
    fields = {
        "event_type": types[event.event_type],
        # Many-to-many values in the order the database returns them, so that a re-run compares equal.
        "themes": [term for slug, term in themes.items() if slug in event.themes],
        "audiences": [term for slug, term in audiences.items() if slug in event.audiences],
        "summary": T(*event.summary),
        "image": ImageRef(image_key),
        "body": _body(event),
        "attendance_mode": event.attendance,
        "online_link": event.online_link,
        "venue_name": _same(venue),
        "address": _same(address),
        "commune": _same(commune),
        "postcode": postcode,
        "latitude": latitude,
        "longitude": longitude,
        "accessibility": T(*event.accessibility) if event.accessibility[0] else "",
        "organiser": _same(event.organiser or organiser),
        "contact_name": _same(name),
        "contact_email": email,
        "contact_phone": phone,
        "is_free": event.price is None,
        "price": Decimal(event.price) if event.price is not None else None,
        "price_details": T(*event.price_details) if event.price_details[0] else "",
        "membership_required": event.membership_required,
        "registration_mode": mode,
        "registration_url": target if mode == RegistrationMode.LINK else "",
        "registration_email": target if mode == RegistrationMode.EMAIL else "",
        "recurrence": event.recurrence,
        "recurrence_exceptions": "\n".join(day.isoformat() for day in exceptions),
    }
    return PageSpec("agenda.EventPage", T(*event.slug), T(*event.title), fields=fields, relations={"dates": rows})


def agenda_spec():
    texts = AGENDA_TEXTS
    return PageSpec(
        "agenda.EventIndexPage",
        T(AGENDA_SLUG, "calendar"),
        T(*texts["title"]),
        fields={"show_in_menus": True, "summary": T(*texts["summary"]), "intro": T(*texts["intro"])},
    )


def _add_entry_point(home_spec):
    entry_points = home_spec.fields.get("entry_points")
    if entry_points is None or len(entry_points) >= 6:
        return
    after = next(
        (
            index
            for index, (_, value) in enumerate(entry_points)
            if value.get("link", {}).get("page") == PageRef(CATALOGUE_SLUG)
        ),
        0,
    )
    title_fr, title_en, text_fr, text_en = AGENDA_TEXTS["entry"]
    link = {"page": PageRef(AGENDA_SLUG), "url": "", "label": ""}
    entry = {"title": T(title_fr, title_en), "text": T(text_fr, text_en), "link": link}
    entry_points.insert(after + 1, ("entry", entry))


def extend_tree(home_spec, fr):
    """The agenda after the offer catalogue in the menu, an entry point to it on the home page, the events:
    regional ones under the agenda, local ones under their territory."""
    if find_spec(home_spec, AGENDA_SLUG) is None:
        slugs = [child.slug for child in home_spec.children]
        after = slugs.index(CATALOGUE_SLUG) if CATALOGUE_SLUG in slugs else slugs.index(TERRITORY_INDEX_SLUG)
        home_spec.children.insert(after + 1, agenda_spec())
    _add_entry_point(home_spec)

    now = timezone.now()
    reference = reference_monday(now)
    # Dicts keep the database's order (the models' ``ordering``), whatever the collation.
    types = {term.slug: term for term in EventType.objects.filter(locale=fr)}
    themes = {term.slug: term for term in Theme.objects.filter(locale=fr)}
    audiences = {term.slug: term for term in Audience.objects.filter(locale=fr)}
    stored = _stored_dates(fr)
    territories = {row[0]: (row[1], row[4]) for row in TERRITORIES}
    for event in EVENTS:
        if event.where:
            parent_path = f"{TERRITORY_INDEX_SLUG}/{event.where}"
            organiser, image_key = territories[event.where]
        else:
            parent_path, organiser, image_key = AGENDA_SLUG, CAP_RURAL, event.image or "hills"
        path = f"{parent_path}/{event.slug[0]}"
        rows = event_rows(event, reference, stored.get(path), now)
        spec = event_spec(event, rows, types, themes, audiences, organiser, event.image or image_key)
        find_spec(home_spec, parent_path).children.append(spec)


def ensure_source(territory, fr):
    """The demo event source of Pays Diois: its feed is a fixture served by the development server."""
    source = EventSource.objects.filter(name=DEMO_SOURCE_NAME).first() or EventSource(name=DEMO_SOURCE_NAME)
    wanted = {
        "territory_id": territory.pk,
        "url": DEMO_SOURCE_URL,
        "format": SourceFormat.ICAL,
        "trusted": False,
        "active": True,
        "event_type_id": EventType.objects.get(slug="evenement-local", locale=fr).pk,
    }
    if source.pk is None or any(getattr(source, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(source, name, value)
        source.save()
    return source


def after_sync(pages, translations, fr, en):
    """Keep the recurring events' rows in step with their rule (nothing to add: the specs hold every date),
    create the demo event source and the demo registrations."""
    for page in pages.values():
        if isinstance(page, EventPage) and page.recurrence:
            generate_dates(page)
    ensure_source(pages[f"{TERRITORY_INDEX_SLUG}/{DEMO_SOURCE_TERRITORY}"], fr)
    ensure_registrations()
