"""End-to-end imports: a real HTTP server on 127.0.0.1 serves feeds; ``import_source`` upserts EventPages."""

import datetime
import json
from io import StringIO

import pytest

from django.core.management import call_command
from django.urls import reverse

from agenda.imports import import_source
from agenda.models import DateStatus, EventPage, EventSource
from agenda.models.sources import RunStatus
from tests.agenda.support import FIXTURES, NOW, PARIS
from tests.conftest import publish
from tests.factories import EventTypeFactory, TerritoryIndexPageFactory, TerritoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db

GOOGLE = (FIXTURES / "google-export.ics").read_bytes()


def ics(*events):
    """A minimal calendar of VEVENT bodies (each a list of property lines)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Agenda//FR"]
    for event in events:
        lines += ["BEGIN:VEVENT", "DTSTAMP:20261120T090000Z", *event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def one(uid, start="20270302T090000", end="20270302T123000", summary="Matinée découverte", extra=()):
    return [
        f"UID:{uid}",
        f"DTSTART;TZID=Europe/Paris:{start}",
        f"DTEND;TZID=Europe/Paris:{end}",
        f"SUMMARY:{summary}",
        *extra,
    ]


@pytest.fixture
def territory(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home)
    return TerritoryPageFactory(parent=index, title="Pays Diois", slug="pays-diois")


@pytest.fixture
def source_for(territory, feed_server):
    def make(path, body, *, trusted=True, fmt="ical", headers=None):
        content_type = "application/json" if fmt == "openagenda" else "text/calendar; charset=utf-8"
        url = feed_server.add(path, body, headers={"Content-Type": content_type, **(headers or {})})
        return EventSource.objects.create(
            name="Agenda du Pays Diois", territory=territory, url=url, format=fmt, trusted=trusted
        )

    return make


def imported(source):
    return EventPage.objects.filter(source=source).order_by("external_uid")


def test_google_export_creates_one_page_per_uid_with_its_dates(source_for, territory):
    source = source_for("/diois.ics", GOOGLE)
    run = import_source(source, now=NOW)

    assert run.status == RunStatus.SUCCESS, run.error
    pages = {page.external_uid: page for page in imported(source)}
    assert set(pages) == {
        "7kq2m3v9d1b0s8h4t6c5r2p1aa@google.com",
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9@google.com",
        "visio-cafe-installation-2027-03@google.com",
        "annule-visite-tiers-lieu@google.com",
    }
    assert run.created == 4
    workshop = pages["7kq2m3v9d1b0s8h4t6c5r2p1aa@google.com"]
    assert workshop.live and workshop.get_parent().pk == territory.pk and workshop.territory_id == territory.pk
    assert workshop.title == "Atelier « S'installer dans le Diois »"
    starts = [d.start.astimezone(PARIS) for d in workshop.dates.order_by("start")]
    # Six Tuesdays from 12 January, minus the EXDATE of 26 January, the 9 February one moved to Wednesday 10.
    assert [(s.month, s.day, s.hour, s.minute) for s in starts] == [
        (1, 12, 18, 0),
        (1, 19, 18, 0),
        (2, 2, 18, 0),
        (2, 10, 18, 30),
        (2, 16, 18, 0),
    ]
    fair = pages["0a1b2c3d4e5f60718293a4b5c6d7e8f9@google.com"].dates.get()
    assert fair.all_day and fair.first_day == datetime.date(2027, 6, 5) and fair.last_day == datetime.date(2027, 6, 6)
    cancelled = pages["annule-visite-tiers-lieu@google.com"].dates.get()
    assert cancelled.status == DateStatus.CANCELLED


def test_second_run_changes_nothing(source_for):
    source = source_for("/diois.ics", GOOGLE)
    import_source(source, now=NOW)
    revisions = {page.pk: page.latest_revision_id for page in imported(source)}

    run = import_source(source, now=NOW, force=True)

    assert (run.created, run.updated, run.cancelled, run.unchanged) == (0, 0, 0, 4)
    assert {page.pk: page.latest_revision_id for page in imported(source)} == revisions


def test_conditional_get_reports_not_modified(source_for, feed_server):
    source = source_for("/etag.ics", GOOGLE, headers={"ETag": '"v1"'})
    import_source(source, now=NOW)
    source.refresh_from_db()
    assert source.etag == '"v1"'

    run = import_source(source, now=NOW)

    assert run.status == RunStatus.NOT_MODIFIED
    assert feed_server.requests_to("/etag.ics")[-1].headers["If-None-Match"] == '"v1"'


def test_changed_event_is_updated_as_a_new_revision(source_for, feed_server):
    source = source_for("/one.ics", ics(one("a-1")))
    import_source(source, now=NOW)
    page = imported(source).get()
    first_revision = page.latest_revision_id

    feed_server.add("/one.ics", ics(one("a-1", start="20270303T140000", end="20270303T170000", summary="Après-midi")))
    run = import_source(source, now=NOW)

    page.refresh_from_db()
    assert run.updated == 1
    assert page.title == "Après-midi" and page.latest_revision_id != first_revision
    date = page.dates.get()
    assert date.start.astimezone(PARIS) == datetime.datetime(2027, 3, 3, 14, 0, tzinfo=PARIS)


def test_event_gone_from_the_feed_has_its_future_dates_cancelled_not_deleted(source_for, feed_server):
    source = source_for("/two.ics", ics(one("a-1"), one("a-2", summary="Deuxième")))
    import_source(source, now=NOW)

    feed_server.add("/two.ics", ics(one("a-1")))
    run = import_source(source, now=NOW)

    gone = imported(source).get(external_uid="a-2")
    assert run.cancelled == 1
    assert gone.live
    assert [d.status for d in gone.dates.all()] == [DateStatus.CANCELLED]


def test_event_coming_back_cancelled_is_marked_cancelled(source_for, feed_server):
    source = source_for("/c.ics", ics(one("a-1")))
    import_source(source, now=NOW)

    feed_server.add("/c.ics", ics(one("a-1", extra=["STATUS:CANCELLED"])))
    import_source(source, now=NOW)

    assert imported(source).get().dates.get().status == DateStatus.CANCELLED


def test_event_edited_by_hand_is_not_overwritten(source_for, feed_server):
    source = source_for("/h.ics", ics(one("a-1")))
    import_source(source, now=NOW)
    page = imported(source).get()
    page.title = "Titre corrigé par l'agente"
    page.save_revision(user=UserFactory()).publish()

    feed_server.add("/h.ics", ics(one("a-1", summary="Nouveau titre à la source")))
    run = import_source(source, now=NOW)

    page.refresh_from_db()
    assert page.title == "Titre corrigé par l'agente"
    assert run.skipped == 1
    assert run.conflicts[0]["uid"] == "a-1" and "à la main" in run.conflicts[0]["reason"]


def test_untrusted_source_creates_drafts(source_for):
    source = source_for("/u.ics", ics(one("a-1")), trusted=False)
    run = import_source(source, now=NOW)

    page = imported(source).get()
    assert run.created == 1
    assert not page.live and page.latest_revision is not None
    # The network's "Relecture communication" workflow covers the whole tree (cms/workflow.py).
    assert page.current_workflow_state is not None
    assert page.current_workflow_task.name == "Relecture communication"


def test_source_event_type_is_given_to_imported_events(source_for):
    source = source_for("/t.ics", ics(one("a-1")))
    source.event_type = EventTypeFactory(slug="atelier", name="Atelier")
    source.save()
    import_source(source, now=NOW)
    assert imported(source).get().event_type.slug == "atelier"


def many_events(count):
    return ics(*[one(f"n-{number}", summary=f"Réunion {number}") for number in range(count)])


BROKEN_FEEDS = [
    ("empty.ics", (FIXTURES / "broken" / "empty.ics").read_bytes(), "ical", "vide"),
    ("html-page.ics", (FIXTURES / "broken" / "html-page.ics").read_bytes(), "ical", "page web"),
    ("not-a-calendar.txt", (FIXTURES / "broken" / "not-a-calendar.txt").read_bytes(), "ical", "begin:vcalendar"),
    ("truncated.ics", (FIXTURES / "broken" / "truncated.ics").read_bytes(), "ical", "incomplet"),
    ("half.ics", GOOGLE[: len(GOOGLE) // 2], "ical", "incomplet"),
    ("binary.ics", bytes(range(256)) * 8, "ical", "agenda"),
    ("thousands.ics", many_events(5_001), "ical", "5"),
    ("invalid.json", (FIXTURES / "broken" / "invalid.json").read_bytes(), "openagenda", "json"),
    ("wrong-shape.json", (FIXTURES / "broken" / "wrong-shape.json").read_bytes(), "openagenda", "openagenda"),
]


@pytest.mark.parametrize(("name", "body", "fmt", "expected"), BROKEN_FEEDS)
def test_broken_feed_leaves_published_events_untouched(source_for, feed_server, name, body, fmt, expected):
    source = source_for(f"/{name}", GOOGLE)
    import_source(source, now=NOW)
    before = {
        page.pk: (page.title, page.latest_revision_id, [(d.start, d.status) for d in page.dates.order_by("start")])
        for page in imported(source)
    }
    assert len(before) == 4

    source.format = fmt
    source.save()
    feed_server.add(f"/{name}", body, headers={"Content-Type": "text/calendar"})
    run = import_source(source, now=NOW)

    assert run.status == RunStatus.FAILED
    assert expected in run.error.lower(), run.error
    after = {
        page.pk: (page.title, page.latest_revision_id, [(d.start, d.status) for d in page.dates.order_by("start")])
        for page in imported(source)
    }
    assert after == before


BROKEN_ITEMS = [
    ("bad-rrule.ics", "Règle de répétition illisible"),
    ("end-before-start.ics", "est avant le début"),
    ("impossible-date.ics", "Date impossible : 2027-02-30."),
    ("missing-dtstart.ics", "Pas de date de début."),
    ("missing-uid.ics", "Pas d'identifiant (UID)."),
]


@pytest.mark.parametrize(("name", "reason"), BROKEN_ITEMS)
def test_broken_items_are_refused_with_their_reason_and_the_rest_imported(source_for, name, reason):
    source = source_for(f"/{name}", (FIXTURES / "broken" / name).read_bytes())

    run = import_source(source, now=NOW)
    again = import_source(source, now=NOW, force=True)

    assert run.status == RunStatus.SUCCESS
    assert run.created == 1 and imported(source).count() == 1
    assert any(reason in item["reason"] for item in run.rejected), run.rejected
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


@pytest.mark.parametrize("name", ["latin1.ics", "windows-1252.ics"])
def test_feeds_in_legacy_encodings_keep_their_accents(source_for, name):
    source = source_for(f"/{name}", (FIXTURES / "broken" / name).read_bytes())
    run = import_source(source, now=NOW)
    assert run.created == 1
    title = imported(source).get().title
    assert any(letter in title for letter in "éèàçôÉ"), title


def test_http_error_is_recorded_on_the_source(source_for, feed_server):
    source = source_for("/missing.ics", GOOGLE)
    feed_server.add("/missing.ics", b"Not found", status=404)

    run = import_source(source, now=NOW)

    assert run.status == RunStatus.FAILED and "404" in run.error
    assert "échec" in str(source.last_run())
    assert not imported(source).exists()


def test_rejected_items_are_recorded_with_their_reason(source_for):
    body = ics(
        one("ok-1"),
        ["SUMMARY:Sans identifiant", "DTSTART;TZID=Europe/Paris:20270302T090000"],
        ["UID:no-start", "SUMMARY:Sans date"],
    )
    source = source_for("/r.ics", body)

    run = import_source(source, now=NOW)

    assert run.created == 1
    reasons = {item["title"]: item["reason"] for item in run.rejected}
    assert set(reasons) == {"Sans identifiant", "Sans date"}
    assert all(reasons.values())


def test_openagenda_export_is_imported_the_same_way(source_for):
    document = {
        "events": [
            {
                "uid": 4242,
                "title": {"fr": "Forum de l'installation"},
                "description": {"fr": "Rencontrer les élus et les agents."},
                "timings": [
                    {"begin": "2027-04-10T09:00:00+0200", "end": "2027-04-10T12:00:00+0200"},
                    {"begin": "2027-04-11T09:00:00+0200", "end": "2027-04-11T12:00:00+0200"},
                ],
                "location": {"name": "Salle des fêtes", "city": "Saillans", "postalCode": "26340"},
                "attendanceMode": 1,
                "status": 1,
            }
        ]
    }
    source = source_for("/oa.json", json.dumps(document), fmt="openagenda")

    run = import_source(source, now=NOW)

    assert run.created == 1, run.rejected
    page = imported(source).get()
    assert page.external_uid == "4242" and page.commune == "Saillans"
    assert page.dates.count() == 2


def test_published_import_appears_in_the_agenda_dates(source_for, site_tree):
    from agenda.listing import visible_dates

    source = source_for("/v.ics", ics(one("a-1")))
    import_source(source, now=NOW)
    page = imported(source).get()
    assert visible_dates(None, site_tree.fr).filter(page=page).count() == 1


def test_command_prints_a_line_per_source_and_a_summary(source_for):
    source_for("/cmd.ics", GOOGLE)
    out = StringIO()
    call_command("import_events", stdout=out)
    text = out.getvalue()
    assert "Agenda du Pays Diois : Réussi – 4 créés" in text
    assert "1 source(s), 0 en échec" in text


def test_republishing_a_translated_import_keeps_it_unique(source_for, site_tree):
    source = source_for("/tr.ics", ics(one("a-1")))
    import_source(source, now=NOW)
    page = imported(source).get()
    publish(page)
    run = import_source(source, now=NOW)
    assert run.unchanged == 1


def test_an_imported_description_opens_in_the_editor_as_paragraphs(source_for, admin_client):
    description = "DESCRIPTION:Venez avec vos questions.\\nCafé offert.\\n\\nInscription <conseillée> & gratuite."
    source = source_for("/lines.ics", ics(one("lines-1", extra=[description])))
    import_source(source, now=NOW)

    page = imported(source).get()
    assert page.body.raw_data[0]["value"] == (
        "<p>Venez avec vos questions.<br/>Café offert.</p><p>Inscription &lt;conseillée&gt; &amp; gratuite.</p>"
    )
    # An officer reviewing the imported draft opens it in Wagtail's rich-text editor.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "Café offert." in response.content.decode()
