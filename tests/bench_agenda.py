"""The agenda's part of `make bench`: generated dates for the listing and feeds, and one import of a big feed.

Used by :mod:`tests.bench` in its child process (Django set up, demo loaded). Generated events are valid
pages written in bulk, as the generated offers are: treebeard paths, URL paths, one EventDate row per date.
"""

import datetime
import random
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

DEFAULT_DATES = 20_000
DATES_PER_EVENT = 4
IMPORT_EVENTS = 3_000
BATCH = 500
PARIS = ZoneInfo("Europe/Paris")
TOPICS = [
    "Atelier « S'installer à la campagne »",
    "Café installation",
    "Visite d'un tiers-lieu",
    "Forum de l'emploi",
    "Marché de producteurs",
    "Réunion d'information reprise d'entreprise",
    "Formation des agents d'accueil",
    "Rencontre des porteurs de projet",
]


def agenda_urls(territory_slug):
    return [
        ("agenda", "/fr/agenda/"),
        ("agenda filtered", f"/fr/agenda/?territory={territory_slug}"),
        ("agenda month", "/fr/agenda/?view=month"),
        ("agenda ical", "/fr/agenda/ical/"),
        ("agenda rss", "/fr/agenda/rss/"),
    ]


def generate_events(dates_count, seed=2026):
    """Write live French events under the demo territories, ``DATES_PER_EVENT`` dates each, in bulk, and index
    them for search (the site search is measured over them and the generated offers)."""
    from modelsearch.backends import get_search_backend

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from django.utils.text import slugify

    from wagtail.models import Locale, Page

    from agenda.models import EventDate, EventPage, EventType
    from cms.models import TerritoryPage

    rng = random.Random(seed)
    fr = Locale.objects.get(language_code="fr")
    territories = list(TerritoryPage.objects.filter(locale=fr).order_by("path"))
    types = list(EventType.objects.filter(locale=fr)) or [None]
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    event_fields = EventPage._meta.local_concrete_fields
    events = []
    for number in range(dates_count // DATES_PER_EVENT):
        territory = territories[number % len(territories)]
        title = f"{TOPICS[number % len(TOPICS)]} – {territory.title} n° {number}"
        slug = f"{slugify(title)[:60]}-{number}"
        events.append(
            EventPage(
                title=title,
                draft_title=title,
                slug=slug,
                locale=fr,
                translation_key=uuid.uuid4(),
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                url_path=f"{territory.url_path}{slug}/",
                depth=territory.depth + 1,
                territory=territory,
                event_type=types[number % len(types)],
                summary=f"Une rencontre à {territory.title}.",
                body=[],
                commune=territory.title,
                attendance_mode="offline" if number % 5 else "online",
                is_free=bool(number % 3),
            )
        )
    with transaction.atomic():
        for territory in territories:
            children = [event for event in events if event.territory is territory]
            last = territory.get_last_child()
            step = Page._str2int(last.path[-Page.steplen :]) if last else 0
            for offset, event in enumerate(children, start=1):
                event.path = Page._get_path(territory.path, territory.depth + 1, step + offset)
            Page.objects.filter(pk=territory.pk).update(numchild=F("numchild") + len(children))
        for start in range(0, len(events), BATCH):
            batch = events[start : start + BATCH]
            rows = Page._base_manager._insert(batch, fields=page_fields, returning_fields=[Page._meta.pk])
            for event, (pk,) in zip(batch, rows, strict=True):
                event.pk = event.id = event.page_ptr_id = pk
            EventPage._base_manager._insert(batch, fields=event_fields)
        dates = []
        for event in events:
            first = now + datetime.timedelta(days=rng.randrange(-60, 540), hours=rng.randrange(8, 18))
            for repeat in range(DATES_PER_EVENT):
                start = first + datetime.timedelta(days=7 * repeat)
                dates.append(
                    EventDate(
                        page=event,
                        locale=fr,
                        translation_key=uuid.uuid4(),
                        start=start,
                        end=start + datetime.timedelta(hours=2),
                        status="cancelled" if rng.random() < 0.02 else "scheduled",
                    )
                )
        EventDate.objects.bulk_create(dates, batch_size=BATCH)
        index = get_search_backend().get_index_for_model(EventPage)
        for start in range(0, len(events), BATCH):
            index.add_items(EventPage, events[start : start + BATCH])
    return len(dates)


def big_feed(count):
    """An iCalendar feed of ``count`` events (one in ten weekly for six weeks), as a territory would export."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//Agenda//FR", "X-WR-TIMEZONE:Europe/Paris"]
    first = datetime.datetime.now(PARIS).replace(hour=9, minute=0, second=0, microsecond=0)
    for number in range(count):
        start = first + datetime.timedelta(days=1 + number % 400, hours=number % 8)
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{number}@agenda.example",
            "DTSTAMP:20261120T090000Z",
            f"DTSTART;TZID=Europe/Paris:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/Paris:{start + datetime.timedelta(hours=2):%Y%m%dT%H%M%S}",
            f"SUMMARY:{TOPICS[number % len(TOPICS)]} n° {number}",
            "DESCRIPTION:Rencontre ouverte à tous\\, sur inscription.",
            "LOCATION:Maison des services\\, 26150 Die",
        ]
        if number % 10 == 0:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=6")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def serve(body):
    """Serve ``body`` on 127.0.0.1 in a thread; return (url, server)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/bench.ics", server


def measure_import(count=IMPORT_EVENTS):
    """Seconds for a first import of a ``count``-event feed and for a second, unchanged run, with their counts."""
    from django.conf import settings

    from agenda.imports import import_source
    from agenda.models import EventSource
    from cms.models import TerritoryPage

    settings.AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS = True
    url, server = serve(big_feed(count))
    try:
        territory = TerritoryPage.objects.filter(locale__language_code="fr").order_by("path").first()
        source = EventSource.objects.create(name="Bench", territory=territory, url=url, trusted=True)
        results = {}
        for name in ("first", "second"):
            start = time.perf_counter()
            run = import_source(source, force=True)
            results[name] = {
                "seconds": time.perf_counter() - start,
                "status": run.status,
                "created": run.created,
                "unchanged": run.unchanged,
                "rejected": len(run.rejected),
                "error": run.error,
            }
        return results
    finally:
        server.shutdown()
