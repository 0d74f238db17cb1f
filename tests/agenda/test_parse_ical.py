"""iCalendar feeds as territories publish them, read into ParsedFeed: exact dates in Europe/Paris."""

from datetime import UTC, datetime, timedelta

import pytest

from agenda.importing import FeedError, ParsedFeed, import_window, parse_feed
from agenda.importing.ical import parse_ical
from tests.agenda.support import NOW, PARIS, fixture_bytes


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


def parse(name_or_bytes, **options) -> ParsedFeed:
    content = fixture_bytes(name_or_bytes) if isinstance(name_or_bytes, str) else name_or_bytes
    return parse_ical(content, now=NOW, horizon_days=548, **options)


def by_uid(feed: ParsedFeed):
    return {event.uid: event for event in feed.events}


def calendar(*lines, header=()):
    """A small calendar: each item of ``lines`` is a whole line; "---" separates nothing, it is a line."""
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Agenda//FR", *header, *lines, "END:VCALENDAR"]
    return ("\r\n".join(body) + "\r\n").encode()


def vevent(uid, *lines):
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261120T090000Z", *lines, "END:VEVENT"]


GOOGLE_SERIES = "7kq2m3v9d1b0s8h4t6c5r2p1aa@google.com"


# --- Google Calendar export ------------------------------------------------------------------------


def test_google_weekly_series_minus_exdate_with_the_moved_session():
    event = by_uid(parse("google-export.ics"))[GOOGLE_SERIES]

    assert [(d.start, d.end) for d in event.dates] == [
        (paris(2027, 1, 12, 18), paris(2027, 1, 12, 20)),
        (paris(2027, 1, 19, 18), paris(2027, 1, 19, 20)),
        # 26 January is an EXDATE
        (paris(2027, 2, 2, 18), paris(2027, 2, 2, 20)),
        # Tuesday 9 February moved to Wednesday 10 February, 18:30
        (paris(2027, 2, 10, 18, 30), paris(2027, 2, 10, 20, 30)),
        (paris(2027, 2, 16, 18), paris(2027, 2, 16, 20)),
    ]
    assert [d.recurrence_id for d in event.dates] == [
        "20270112T170000Z",
        "20270119T170000Z",
        "20270202T170000Z",
        "20270209T170000Z",  # the original Tuesday slot, 18:00 Paris
        "20270216T170000Z",
    ]
    assert all(d.start.tzinfo == PARIS and not d.all_day and not d.cancelled for d in event.dates)


def test_google_series_takes_its_fields_from_the_main_event_not_the_override():
    event = by_uid(parse("google-export.ics"))[GOOGLE_SERIES]

    assert event.title == "Atelier « S'installer dans le Diois »"
    # The export wrote a raw line break inside DESCRIPTION: the stray line is kept, not lost.
    assert event.description == (
        "Atelier collectif pour les porteurs de projet qui veulent s'installer dans le Diois : "
        "présentation du territoire, des locaux disponibles et des aides.\n"
        "Inscription auprès de la communauté de communes."
    )
    assert event.location == "Maison des services, 42 rue Camille Buffardel, 26150 Die, France"
    assert (event.location_name, event.address, event.postcode, event.commune) == (
        "Maison des services",
        "42 rue Camille Buffardel",
        "26150",
        "Die",
    )
    assert (event.latitude, event.longitude) == (44.7536, 5.3703)
    assert event.url == "https://www.paysdiois.example/agenda/atelier-installation"
    assert event.sequence == 2
    assert event.last_modified == datetime(2026, 11, 15, 8, 30, tzinfo=UTC)
    assert event.attendance_mode == "offline"
    assert not event.cancelled


def test_google_all_day_fair_over_two_days():
    fair = by_uid(parse("google-export.ics"))["0a1b2c3d4e5f60718293a4b5c6d7e8f9@google.com"]

    [date] = fair.dates
    assert date.all_day
    assert date.start == paris(2027, 6, 5)
    assert date.end == paris(2027, 6, 7)  # exclusive: the fair is on 5 and 6 June
    assert date.recurrence_id == ""
    assert (fair.address, fair.postcode, fair.commune) == ("Place de la République", "26150", "Die")


def test_google_utc_event_without_location_is_online():
    visio = by_uid(parse("google-export.ics"))["visio-cafe-installation-2027-03@google.com"]

    assert [(d.start, d.end) for d in visio.dates] == [(paris(2027, 3, 15, 9, 30), paris(2027, 3, 15, 11, 30))]
    assert visio.attendance_mode == "online"
    assert visio.location == ""


def test_google_cancelled_event_is_flagged_with_its_date():
    cancelled = by_uid(parse("google-export.ics"))["annule-visite-tiers-lieu@google.com"]

    assert cancelled.cancelled
    assert cancelled.status == "cancelled"
    [date] = cancelled.dates
    assert date.start == paris(2027, 4, 20, 14)  # summer time
    assert date.cancelled and date.status == "cancelled"


def test_google_export_has_nothing_rejected_and_a_stable_result():
    first, second = parse("google-export.ics"), parse("google-export.ics")

    assert len(first.events) == 4
    assert first.rejected == [] and first.skipped == []
    assert first == second
    recurrence_ids = {e.uid: [d.recurrence_id for d in e.dates] for e in first.events}
    assert recurrence_ids == {e.uid: [d.recurrence_id for d in e.dates] for e in second.events}


def test_recurrence_ids_do_not_depend_on_now():
    later = parse_ical(fixture_bytes("google-export.ics"), now=NOW + timedelta(days=40), horizon_days=548)
    earlier = parse("google-export.ics")

    ids_later = {d.recurrence_id: d.start for d in by_uid(later)[GOOGLE_SERIES].dates}
    ids_earlier = {d.recurrence_id: d.start for d in by_uid(earlier)[GOOGLE_SERIES].dates}
    assert ids_later == ids_earlier


# --- Floating times, X-WR-TIMEZONE ---------------------------------------------------------------------


def test_floating_times_are_paris_times():
    events = by_uid(parse("floating-times.ics"))

    morning = events["cc-monts-du-pilat-2027-001"]
    assert [(d.start, d.end) for d in morning.dates] == [(paris(2027, 3, 2, 9), paris(2027, 3, 2, 12, 30))]
    assert morning.dates[0].start.utcoffset() == timedelta(hours=1)
    assert morning.keywords == ["Reprise d'entreprise", "Commerce"]
    assert morning.location_name == "Bourg-Argental"

    open_day = events["cc-monts-du-pilat-2027-002"]
    [date] = open_day.dates
    assert date.all_day
    assert (date.start, date.end) == (paris(2027, 4, 1), paris(2027, 4, 2))  # no DTEND: one day


def test_x_wr_timezone_applies_to_utc_and_floating_times():
    events = by_uid(parse("x-wr-timezone.ics"))

    assert events["utc-event@google.com"].dates[0].start == paris(2027, 6, 1, 9)
    assert events["floating-event@google.com"].dates[0].start == paris(2027, 6, 2, 9)
    # Google means "18:00 Paris every week": the series keeps its wall time across the change to summer time.
    weekly = events["utc-weekly@google.com"]
    assert [d.start for d in weekly.dates] == [paris(2027, 3, 17, 18), paris(2027, 3, 24, 18), paris(2027, 3, 31, 18)]
    assert [d.recurrence_id for d in weekly.dates] == ["20270317T170000Z", "20270324T170000Z", "20270331T160000Z"]


def test_floating_times_follow_x_wr_timezone_when_it_is_not_paris():
    content = calendar(
        *vevent("martinique", "DTSTART:20270302T090000", "DTEND:20270302T100000", "SUMMARY:Réunion à Fort-de-France"),
        header=["X-WR-TIMEZONE:America/Martinique"],
    )

    [event] = parse(content).events
    assert event.dates[0].start == paris(2027, 3, 2, 14)  # 09:00 in Martinique (UTC-4)


def test_unknown_x_wr_timezone_falls_back_to_paris():
    content = calendar(
        *vevent("nowhere", "DTSTART:20270302T090000", "SUMMARY:Atelier"), header=["X-WR-TIMEZONE:Mars/Olympus"]
    )

    [event] = parse(content).events
    assert event.dates[0].start == paris(2027, 3, 2, 9)
    assert event.dates[0].end is None  # no DTEND, no DURATION: no end rather than a zero-length event


# --- Outlook / Exchange -------------------------------------------------------------------------------


OUTLOOK_SERIES = "040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A601000000000000000010000000F1E2D3C4B5A69788"


def test_outlook_windows_time_zone_names_are_mapped():
    events = by_uid(parse("outlook-exchange.ics"))
    series = events[OUTLOOK_SERIES]

    assert [d.start for d in series.dates] == [
        paris(2027, 1, 6, 14),
        paris(2027, 2, 3, 14),
        paris(2027, 3, 3, 9, 30),  # the override: the morning that month
        # 7 April is an EXDATE
        paris(2027, 5, 5, 14),
        paris(2027, 6, 2, 14),  # UNTIL 13:00 UTC includes 14:00 summer time
    ]
    assert [d.recurrence_id for d in series.dates] == [
        "20270106T130000Z",
        "20270203T130000Z",
        "20270303T130000Z",
        "20270505T120000Z",
        "20270602T120000Z",
    ]
    assert all(str(d.start.tzinfo) == "Europe/Paris" for d in series.dates)
    committee = next(e for e in events.values() if e.title.startswith("Comité de pilotage"))
    assert committee.dates[0].start == paris(2027, 6, 17, 9, 30)  # "(UTC+01:00) Bruxelles, …" from its VTIMEZONE
    forum = next(e for e in events.values() if e.title == "Forum des repreneurs")
    assert forum.dates[0].start == paris(2027, 9, 23, 14)  # "W. Europe Standard Time", no VTIMEZONE


def test_outlook_html_description_and_teams_meeting():
    events = by_uid(parse("outlook-exchange.ics"))

    series = events[OUTLOOK_SERIES]
    assert series.description == (
        "Rencontrez un conseiller sans rendez-vous : projet d'installation, locaux, aides.\nEntrée libre."
    )
    assert series.title == "Permanence Point Installation"
    assert (series.location_name, series.address, series.postcode, series.commune) == (
        "Maison de l'emploi",
        "3 place Jean Jaurès",
        "42000",
        "Saint-Étienne",
    )
    webinar = next(e for e in events.values() if e.title.startswith("Webinaire"))
    assert webinar.attendance_mode == "online"
    assert webinar.online_link.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert webinar.location_name == ""


# --- Nextcloud ---------------------------------------------------------------------------------------


def test_nextcloud_series_with_a_cancelled_occurrence():
    feed = parse("nextcloud.ics")
    events = by_uid(feed)
    cafe = events["5d2f1e1a-7b3c-4e0f-9a51-3c8d2b6f0e11"]

    assert [(d.start.date().isoformat(), d.cancelled) for d in cafe.dates] == [
        ("2027-01-14", False),
        ("2027-02-11", False),
        ("2027-03-11", True),
        ("2027-04-08", False),
        ("2027-05-13", False),
        ("2027-06-10", False),
    ]
    assert cafe.dates[2].status == "cancelled"
    assert not cafe.cancelled
    assert cafe.keywords == ["Création d'entreprise", "Accompagnement"]
    assert cafe.url == "https://www.haut-allier.example/agenda/cafe-creation"
    assert cafe.description.startswith("Un jeudi par mois, échanges")
    assert "Programme :\n- tour de table\n- témoignage\n- questions" in cafe.description


def test_nextcloud_duration_and_geo():
    visit = by_uid(parse("nextcloud.ics"))["9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"]

    assert [(d.start, d.end) for d in visit.dates] == [(paris(2027, 5, 22, 10), paris(2027, 5, 22, 12, 30))]
    assert (visit.latitude, visit.longitude) == (44.9589, 3.5467)
    assert (visit.location_name, visit.postcode, visit.commune) == ("Ferme-relais", "43170", "Saugues")


def test_event_older_than_the_window_is_skipped_not_rejected():
    feed = parse("nextcloud.ics")

    assert feed.rejected == []
    [skipped] = feed.skipped
    assert skipped.uid == "3c1d2e3f-0000-4000-8000-000000002024"
    assert skipped.reason == "Aucune date entre le 22/11/2025 et le 23/05/2028."
    assert skipped.uid in feed.uids  # still in the feed: the upsert must not treat it as removed
    assert "7e8f9a0b-todo" not in feed.uids  # a VTODO is not an event


def test_window_is_a_year_back_and_the_horizon_ahead():
    start, end = import_window(NOW, 548)

    assert start == paris(2025, 11, 22, 10)
    assert end == paris(2028, 5, 23, 10)
    feed = parse("nextcloud.ics")
    assert (feed.window_start, feed.window_end) == (start, end)


# --- All-day, RDATE -------------------------------------------------------------------------------------


def test_all_day_events():
    events = by_uid(parse("all-day.ics"))

    seminar = events["seminaire-installation-2027@crest.example"].dates
    assert [(d.start, d.end, d.all_day) for d in seminar] == [(paris(2027, 9, 15), paris(2027, 9, 18), True)]
    forum = events["forum-associations-2027@crest.example"].dates
    assert [(d.start, d.end) for d in forum] == [(paris(2027, 9, 4), paris(2027, 9, 5))]
    # DTEND equal to DTSTART: read as one day rather than rejected
    market = events["marche-noel-2026@crest.example"].dates
    assert [(d.start, d.end) for d in market] == [(paris(2026, 12, 12), paris(2026, 12, 13))]
    # A yearly all-day series: date recurrence ids, and 2029 is beyond the horizon
    yearly = events["journee-tiers-lieux@crest.example"].dates
    assert [(d.recurrence_id, d.start) for d in yearly] == [
        ("20270321", paris(2027, 3, 21)),
        ("20280321", paris(2028, 3, 21)),
    ]


def test_rdate_adds_dates_and_exdate_removes_one():
    events = by_uid(parse("rdate.ics"))

    training = events["formation-creation-2027@valdedrome.example"]
    assert [(d.recurrence_id, d.start, d.end) for d in training.dates] == [
        ("20270208T080000Z", paris(2027, 2, 8, 9), paris(2027, 2, 8, 12)),
        ("20270308T080000Z", paris(2027, 3, 8, 9), paris(2027, 3, 8, 12)),
        ("20270510T070000Z", paris(2027, 5, 10, 9), paris(2027, 5, 10, 12)),
    ]
    assert training.keywords == ["Formation", "Création d'entreprise"]
    markets = events["marches-producteurs-2027@valdedrome.example"]
    assert [d.recurrence_id for d in markets.dates] == ["20270501", "20270605", "20270703"]
    assert all(d.all_day for d in markets.dates)


def test_endless_rule_stops_at_the_horizon():
    content = calendar(
        *vevent("weekly", "DTSTART;TZID=Europe/Paris:20260105T090000", "RRULE:FREQ=WEEKLY", "SUMMARY:Permanence")
    )

    [event] = parse(content).events
    assert event.dates[0].start == paris(2026, 1, 5, 9)
    assert event.dates[-1].start == paris(2028, 5, 22, 9)  # last Monday before 23 May 2028
    assert len(event.dates) == 125


def test_too_many_dates_for_one_event_is_rejected(settings):
    settings.AGENDA_IMPORT_MAX_DATES_PER_EVENT = 50
    content = calendar(*vevent("daily", "DTSTART:20270101T090000", "RRULE:FREQ=DAILY", "SUMMARY:Tous les jours"))

    feed = parse(content)
    assert feed.events == []
    assert feed.rejected[0].reason == "Trop de dates : plus de 50 dans la période importée."


def test_duplicate_main_events_keep_the_latest_sequence():
    content = calendar(
        *vevent("dup", "SEQUENCE:1", "DTSTART;TZID=Europe/Paris:20270302T090000", "SUMMARY:Ancien titre"),
        *vevent("dup", "SEQUENCE:2", "DTSTART;TZID=Europe/Paris:20270303T090000", "SUMMARY:Nouveau titre"),
    )

    [event] = parse(content).events
    assert event.title == "Nouveau titre"
    assert [d.start for d in event.dates] == [paris(2027, 3, 3, 9)]


def test_html_description_is_stripped():
    content = calendar(
        *vevent(
            "html",
            "DTSTART;TZID=Europe/Paris:20270302T090000",
            "SUMMARY:Atelier",
            "DESCRIPTION:<p>Venez <b>nombreux</b>&nbsp;!</p><ul><li>café</li><li>échanges</li></ul>",
            "LOCATION:https://meet.google.com/abc-defg-hij",
        )
    )

    [event] = parse(content).events
    assert event.description == "Venez nombreux !\n\n- café\n- échanges"
    assert event.online_link == "https://meet.google.com/abc-defg-hij"
    assert event.attendance_mode == "online"


def test_place_with_a_visio_link_is_mixed():
    content = calendar(
        *vevent(
            "mixed",
            "DTSTART;TZID=Europe/Paris:20270302T090000",
            "SUMMARY:Réunion publique",
            "LOCATION:Mairie\\, 26150 Die",
            "DESCRIPTION:Aussi en visio : https://zoom.us/j/123456789",
        )
    )

    [event] = parse(content).events
    assert event.attendance_mode == "mixed"
    assert event.online_link == "https://zoom.us/j/123456789"


def test_online_registration_does_not_make_an_event_online():
    content = calendar(
        *vevent(
            "registration",
            "DTSTART;TZID=Europe/Paris:20270302T090000",
            "SUMMARY:Visite de ferme",
            "DESCRIPTION:Inscription en ligne obligatoire.",
        )
    )

    assert parse(content).events[0].attendance_mode == "offline"


def test_several_calendars_in_one_file_are_all_read():
    first = calendar(*vevent("a", "DTSTART;TZID=Europe/Paris:20270302T090000", "SUMMARY:A"))
    second = calendar(*vevent("b", "DTSTART;TZID=Europe/Paris:20270303T090000", "SUMMARY:B"))

    assert sorted(by_uid(parse(first + second))) == ["a", "b"]


def test_dispatch_by_format():
    feed = parse_feed(fixture_bytes("floating-times.ics"), format="ical", now=NOW, horizon_days=548)

    assert len(feed.events) == 2
    with pytest.raises(ValueError, match="Unknown feed format"):
        parse_feed(b"", format="rss", now=NOW)


def test_now_must_be_aware():
    with pytest.raises(ValueError, match="aware"):
        parse_ical(fixture_bytes("floating-times.ics"), now=datetime(2026, 11, 22, 10), horizon_days=548)


# --- Encodings -----------------------------------------------------------------------------------------


def test_latin1_file_imports_with_its_accents():
    [event] = parse("broken/latin1.ics").events

    assert event.title == "Réunion d'information : créer son activité à Montbrison"
    assert event.description == "Présentation des aides de la Région et de l'intercommunalité."
    assert (event.location_name, event.commune) == ("Hôtel de ville", "Montbrison")


def test_latin1_file_with_the_charset_announced_by_the_server():
    [event] = parse("broken/latin1.ics", charset="iso-8859-1").events

    assert event.title.startswith("Réunion d'information")


def test_windows_1252_file_keeps_curly_quotes_and_ligatures():
    [event] = parse("broken/windows-1252.ics").events

    assert event.title == "L’œuvre des bâtisseurs : visite guidée"


def test_utf8_with_bom_and_utf16_outlook_exports():
    text = fixture_bytes("floating-times.ics").decode()

    assert len(parse(b"\xef\xbb\xbf" + text.encode()).events) == 2
    assert len(parse(text.encode("utf-16")).events) == 2


# --- Broken feeds: the whole feed refused ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken/html-page.ics", "Le serveur a renvoyé une page web (HTML) au lieu d'un agenda iCalendar."),
        ("broken/empty.ics", "Le fichier reçu est vide."),
        (
            "broken/truncated.ics",
            "Le fichier est incomplet (END:VCALENDAR manquant) : le téléchargement a sans doute été interrompu.",
        ),
        (
            "broken/not-a-calendar.txt",
            "Le fichier ne commence pas par BEGIN:VCALENDAR : ce n'est pas un agenda iCalendar.",
        ),
        ("openagenda-events.v2.json", "Le fichier reçu est du JSON, pas un agenda iCalendar"),
    ],
)
def test_unusable_feed_raises_a_readable_error(name, message):
    with pytest.raises(FeedError) as error:
        parse(name)

    assert str(error.value).startswith(message)


def test_blank_file_is_empty():
    with pytest.raises(FeedError, match="Le fichier reçu est vide."):
        parse(b" \r\n\r\n ")


def test_garbage_binary_is_refused():
    with pytest.raises(FeedError, match="contenu binaire"):
        parse(bytes(range(256)) * 8)
    with pytest.raises(FeedError, match="compressé"):
        parse(b"\x1f\x8b\x08\x00" + bytes(100))


def test_feed_of_thousands_of_events_is_refused_and_says_how_many():
    events = [line for i in range(6000) for line in vevent(f"e{i}", "DTSTART:20270302T090000", f"SUMMARY:E{i}")]

    with pytest.raises(FeedError) as error:
        parse(calendar(*events))

    assert str(error.value) == "Le flux contient 6 000 événements, plus que la limite de 5 000."


def test_event_limit_comes_from_settings(settings):
    settings.AGENDA_IMPORT_MAX_EVENTS = 3

    with pytest.raises(FeedError, match="Le flux contient 5 événements, plus que la limite de 3."):
        parse("google-export.ics")  # VEVENT blocks are counted, the override included


# --- Broken events: rejected one by one, the rest imported ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "uid", "title", "reason"),
    [
        ("broken/missing-uid.ics", "", "Visite sans identifiant", "Pas d'identifiant (UID)."),
        ("broken/missing-dtstart.ics", "sans-debut@exemple.fr", "Conférence sans date", "Pas de date de début."),
        (
            "broken/impossible-date.ics",
            "trente-fevrier@exemple.fr",
            "Salon du 30 février",
            "Date impossible : 2027-02-30.",
        ),
        (
            "broken/end-before-start.ics",
            "fin-avant-debut@exemple.fr",
            "Atelier à l'envers",
            "La fin (15/03/2027 12:00) est avant le début (15/03/2027 14:00).",
        ),
    ],
)
def test_bad_event_is_rejected_with_its_reason_and_the_rest_imports(name, uid, title, reason):
    feed = parse(name)

    assert [(r.uid, r.title, r.reason) for r in feed.rejected] == [(uid, title, reason)]
    assert [e.uid for e in feed.events] == ["valide-001@exemple.fr"]
    assert feed.events[0].dates[0].start == paris(2027, 3, 2, 9)


def test_unreadable_and_too_frequent_rules_are_rejected():
    feed = parse("broken/bad-rrule.ics")

    assert {r.uid: r.reason for r in feed.rejected} == {
        "regle-illisible@exemple.fr": "Règle de répétition illisible : RRULE:FREQ=SOMETIMES;COUNT=3.",
        "chaque-minute@exemple.fr": "Répétition trop fréquente (FREQ=MINUTELY) : une date par jour au plus.",
    }
    assert [e.uid for e in feed.events] == ["valide-001@exemple.fr"]


def test_impossible_date_in_an_override_rejects_the_whole_series():
    content = calendar(
        *vevent("s", "DTSTART;TZID=Europe/Paris:20270302T090000", "RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Série"),
        *vevent("s", "RECURRENCE-ID;TZID=Europe/Paris:20270309T090000", "DTSTART:20270231T100000", "SUMMARY:Série"),
    )

    feed = parse(content)
    assert feed.events == []
    [rejected] = feed.rejected
    assert (rejected.uid, rejected.title, rejected.reason) == ("s", "Série", "Date impossible : 2027-02-31 10:00.")


def test_event_without_title_is_rejected():
    feed = parse(calendar(*vevent("untitled", "DTSTART:20270302T090000")))

    assert [(r.uid, r.reason) for r in feed.rejected] == [("untitled", "Pas de titre (SUMMARY).")]


def test_unreadable_date_is_rejected():
    feed = parse(calendar(*vevent("words", "DTSTART:demain matin", "SUMMARY:Plus tard")))

    assert feed.rejected[0].reason == "Date illisible (DTSTART) : « demain matin »."


def test_all_day_event_ending_before_it_starts_is_rejected():
    feed = parse(calendar(*vevent("d", "DTSTART;VALUE=DATE:20270305", "DTEND;VALUE=DATE:20270303", "SUMMARY:Salon")))

    assert [r.reason for r in feed.rejected] == ["La fin (03/03/2027) est avant le début (05/03/2027)."]


@pytest.mark.parametrize(
    "end",
    ["DTEND;TZID=Europe/Paris:20370301T100000", "DURATION:P9999W"],
)
def test_event_lasting_more_than_a_year_is_rejected(end):
    feed = parse(calendar(*vevent("long", "DTSTART;TZID=Europe/Paris:20270301T100000", end, "SUMMARY:Expo")))

    [rejected] = feed.rejected
    assert rejected.reason.startswith("L'événement durerait plus d'un an (du 01/03/2027 10:00 au ")
    assert rejected.reason.endswith(") : dates sans doute erronées.")


def test_negative_duration_is_rejected():
    feed = parse(calendar(*vevent("neg", "DTSTART;TZID=Europe/Paris:20270301T100000", "DURATION:-PT1H", "SUMMARY:X")))

    assert [r.reason for r in feed.rejected] == ["La durée (DURATION) est négative."]


def test_mutated_feeds_never_raise_anything_but_feed_error():
    """Cut and spliced copies of every fixture: parsing ends with a ParsedFeed or a FeedError, nothing else."""
    import random

    rnd = random.Random(20261122)
    pieces = [b"\r\n", b":", b";", b"\\", b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n", b"RRULE:FREQ=DAILY\r\n", b"\xff"]
    pieces += [b"20270230", b"TZID=Nowhere", b"VALUE=DATE", b"RECURRENCE-ID:20270101\r\n", b"DURATION:-P1D\r\n"]
    sources = [fixture_bytes(name) for name in ("google-export.ics", "outlook-exchange.ics", "nextcloud.ics")]
    for _ in range(300):
        data = bytearray(rnd.choice(sources))
        for _ in range(rnd.randint(1, 5)):
            position = rnd.randint(0, len(data))
            if rnd.random() < 0.3:
                del data[position : position + rnd.randint(1, 40)]
            else:
                data[position:position] = rnd.choice(pieces)
        try:
            feed = parse(bytes(data))
        except FeedError:
            continue
        assert isinstance(feed, ParsedFeed)
