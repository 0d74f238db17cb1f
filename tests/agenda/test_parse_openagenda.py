"""OpenAgenda JSON exports read into the same ParsedFeed as iCalendar feeds."""

import json
from datetime import UTC, datetime

import pytest

from agenda.importing import FeedError, parse_feed
from agenda.importing.openagenda import parse_openagenda
from tests.agenda.support import NOW, PARIS, fixture_bytes


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


def parse(content=None, **options):
    content = fixture_bytes("openagenda-events.v2.json") if content is None else content
    return parse_openagenda(content, now=NOW, horizon_days=548, **options)


def export(*events, wrap=True):
    return json.dumps({"total": len(events), "events": list(events)} if wrap else list(events)).encode()


def event(**fields):
    base = {
        "uid": 1,
        "title": {"fr": "Atelier"},
        "timings": [{"begin": "2027-03-02T09:00:00+0100", "end": "2027-03-02T12:00:00+0100"}],
    }
    return {**base, **fields}


def by_uid(feed):
    return {e.uid: e for e in feed.events}


def test_full_event_is_mapped_field_by_field():
    workshop = by_uid(parse())["41290877"]

    assert workshop.title == "Atelier « Reprendre une ferme »"
    assert workshop.summary == "Les étapes d'une reprise agricole, avec la chambre d'agriculture."
    assert workshop.description == (
        "Au programme\n\n"
        "- Diagnostic de l'exploitation\n"
        "- Financements : voir le guide (https://www.paysdiois.example/guide-reprise)\n\n"
        "Accueil café dès 8 h 45."
    )
    assert (workshop.location_name, workshop.address, workshop.postcode, workshop.commune) == (
        "Maison des services",
        "42 rue Camille Buffardel, 26150 Die",
        "26150",
        "Die",
    )
    assert (workshop.latitude, workshop.longitude) == (44.7536, 5.3703)
    assert workshop.keywords == ["Agriculture", "Reprise d'entreprise"]
    assert workshop.registration_url == "https://www.paysdiois.example/inscription-reprise"
    assert workshop.registration_email == "installation@paysdiois.example"
    assert workshop.registration_phone == "04 75 22 00 00"
    assert workshop.attendance_mode == "offline"
    assert workshop.last_modified == datetime(2026, 11, 12, 15, 4, 33, tzinfo=UTC)
    assert not workshop.cancelled
    [date] = workshop.dates
    assert (date.recurrence_id, date.start, date.end) == (
        "20270302T080000Z",
        paris(2027, 3, 2, 9),
        paris(2027, 3, 2, 12, 30),
    )
    assert date.status == "scheduled" and not date.all_day


def test_english_is_read_when_asked_and_french_is_the_fallback():
    events = by_uid(parse(language="en"))

    assert events["41290877"].title == "Workshop: taking over a farm"
    assert events["41290877"].keywords == ["Farming", "Business transfer"]
    assert events["55012344"].title == "Visite de l'atelier partagé de Luc-en-Diois"  # no English title


def test_cancelled_event():
    visit = by_uid(parse())["55012344"]

    assert visit.cancelled and visit.status == "cancelled"
    assert [(d.cancelled, d.status) for d in visit.dates] == [(True, "cancelled")]
    assert visit.description == "Visite annulée.\nElle sera reprogrammée au printemps."  # HTML removed


def test_online_event():
    webinar = by_uid(parse())["71234560"]

    assert webinar.attendance_mode == "online"
    assert webinar.online_link == "https://zoom.us/j/98765432100"
    assert webinar.location_name == "" and webinar.latitude is None
    assert webinar.registration_email == "sante@ars-aura.example"  # "mailto:" dropped
    assert webinar.description == webinar.summary  # no long description: the short one
    assert webinar.dates[0].start == paris(2027, 3, 15, 13, 30)  # 12:30Z


def test_multi_timing_event_has_one_date_per_timing_sorted():
    series = by_uid(parse())["80001234"]

    assert [(d.recurrence_id, d.start, d.end) for d in series.dates] == [
        ("20270504T070000Z", paris(2027, 5, 4, 9), paris(2027, 5, 4, 12)),
        ("20270511T070000Z", paris(2027, 5, 11, 9), paris(2027, 5, 11, 12)),
        ("20270518T070000Z", paris(2027, 5, 18, 9), paris(2027, 5, 18, 12)),
    ]
    assert all(d.status == "full" and not d.cancelled for d in series.dates)
    assert series.attendance_mode == "mixed"
    assert series.online_link == "https://meet.jit.si/entreprendre-au-feminin"
    assert series.registration_url == "https://www.loire.example/cycle"  # the javascript: link is ignored
    assert (series.latitude, series.longitude) == (45.6075, 4.0653)  # given as strings


def test_postponed_event():
    fair = by_uid(parse())["66600006"]

    assert fair.status == "postponed" and not fair.cancelled
    assert [d.status for d in fair.dates] == ["postponed"]


def test_event_with_an_impossible_timing_is_rejected_whole():
    feed = parse()

    assert [(r.uid, r.title, r.reason) for r in feed.rejected] == [
        ("90000001", "Journée portes ouvertes des ateliers relais", "Horaire impossible : 2027-02-30T10:00:00+0100.")
    ]
    assert "90000001" not in by_uid(feed)
    assert sorted(by_uid(feed)) == ["41290877", "55012344", "66600006", "71234560", "80001234"]


def test_recurrence_ids_are_stable_across_parses():
    first, second = parse(), parse()

    assert first == second


def test_bare_list_and_dispatch():
    feed = parse_feed(export(event(), wrap=False), format="openagenda", now=NOW, horizon_days=548)

    assert [e.uid for e in feed.events] == ["1"]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"uid": None}, "Pas d'identifiant (UID)."),
        ({"title": {"fr": "  "}}, "Pas de titre."),
        ({"timings": []}, "Pas de date de début."),
        ({"timings": [{"end": "2027-03-02T12:00:00+0100"}]}, "Un horaire n'a pas de début."),
        ({"timings": [{"begin": "mardi prochain"}]}, "Horaire impossible : mardi prochain."),
        (
            {"timings": [{"begin": "2027-03-02T12:00:00+0100", "end": "2027-03-02T09:00:00+0100"}]},
            "La fin (02/03/2027 09:00) est avant le début (02/03/2027 12:00).",
        ),
    ],
)
def test_bad_event_is_rejected_with_its_reason(fields, reason):
    feed = parse(export(event(**fields), event(uid=2)))

    assert [r.reason for r in feed.rejected] == [reason]
    assert [e.uid for e in feed.events] == ["2"]


def test_item_that_is_not_an_event_is_rejected():
    feed = parse(export("texte", event()))

    assert [r.reason for r in feed.rejected] == ["L'élément n° 1 n'est pas un événement."]


def test_timing_without_offset_is_in_the_event_time_zone():
    feed = parse(
        export(
            event(timezone="America/Martinique", timings=[{"begin": "2027-03-02T09:00:00"}]),
            event(uid=2, timings=[{"begin": "2027-03-02T09:00:00"}]),
        )
    )

    starts = {e.uid: e.dates[0].start for e in feed.events}
    assert starts == {"1": paris(2027, 3, 2, 14), "2": paris(2027, 3, 2, 9)}


def test_timings_outside_the_window_are_left_out_and_an_event_with_none_is_skipped():
    feed = parse(
        export(
            event(timings=[{"begin": "2020-03-02T09:00:00+0100"}, {"begin": "2027-03-02T09:00:00+0100"}]),
            event(uid=2, timings=[{"begin": "2031-01-01T09:00:00+0100"}]),
        )
    )

    assert [d.start for d in by_uid(feed)["1"].dates] == [paris(2027, 3, 2, 9)]
    assert [(s.uid, s.reason) for s in feed.skipped] == [("2", "Aucune date entre le 22/11/2025 et le 23/05/2028.")]
    assert feed.uids == {"1", "2"}


def test_keywords_as_plain_list_and_title_as_plain_string():
    [parsed] = parse(export(event(title="Atelier simple", keywords=["A", "a", " B "]))).events

    assert parsed.title == "Atelier simple"
    assert parsed.keywords == ["A", "B"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Le fichier n'est pas un JSON valide (ligne 1, colonne 112) : il est peut-être incomplet."),
        (b"", "Le fichier reçu est vide."),
        (
            fixture_bytes("broken/wrong-shape.json"),
            "Le fichier JSON n'a pas la forme d'un export OpenAgenda (liste « events » introuvable).",
        ),
        (b'"events"', "Le fichier JSON n'a pas la forme d'un export OpenAgenda (liste « events » introuvable)."),
        (
            b"<!DOCTYPE html><html><body>Erreur</body></html>",
            "Le serveur a renvoyé une page web (HTML) au lieu d'un export OpenAgenda (JSON).",
        ),
        (
            fixture_bytes("google-export.ics"),
            "Le fichier reçu est un agenda iCalendar, pas un export OpenAgenda : choisissez le format iCalendar.",
        ),
        (bytes(range(256)) * 4, "Le fichier reçu n'est pas du texte (contenu binaire) : ce n'est pas un agenda."),
    ],
)
def test_unusable_export_raises_a_readable_error(content, message):
    content = fixture_bytes("broken/invalid.json") if content is None else content

    with pytest.raises(FeedError) as error:
        parse(content)

    assert str(error.value) == message


def test_export_of_thousands_of_events_is_refused():
    with pytest.raises(FeedError, match="Le flux contient 6 000 événements, plus que la limite de 5 000."):
        parse(export(*(event(uid=i) for i in range(6000))))


def test_timing_lasting_more_than_a_year_is_rejected():
    feed = parse(export(event(timings=[{"begin": "2027-03-02T09:00:00+0100", "end": "2037-03-02T09:00:00+0100"}])))

    assert [r.reason for r in feed.rejected] == [
        "L'événement durerait plus d'un an (du 02/03/2027 09:00 au 02/03/2037 09:00) : dates sans doute erronées."
    ]
