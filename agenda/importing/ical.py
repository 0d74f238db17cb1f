"""Read an iCalendar feed (Google, Outlook/Exchange, Nextcloud, CMS exports) into a ParsedFeed.

Real feeds are checked for what breaks imports in practice, in this order:

1. the file as a whole (``FeedError``): empty, binary, HTML, JSON, not starting with BEGIN:VCALENDAR,
   cut short (no END:VCALENDAR), more VEVENTs than ``AGENDA_IMPORT_MAX_EVENTS``;
2. each event (``Rejected``, one per UID, the rest of the feed still imports): no UID, no DTSTART,
   impossible or unreadable date, unreadable or too frequent RRULE, end before start, no title, more
   dates than ``AGENDA_IMPORT_MAX_DATES_PER_EVENT``;
3. each valid event is expanded over the window (see ``import_window``). One with no date in the window
   (an old event still in the feed, or one far in the future) is *skipped*, not rejected: it is not
   the source's fault. It is listed in ``ParsedFeed.skipped``.

Times: TZID as given (Windows names such as "Romance Standard Time" mapped to their IANA zone with
icalendar's own table), UTC kept, X-WR-TIMEZONE applied the way Google means it (``x-wr-timezone``),
floating times taken as Europe/Paris. Every datetime handed out is in Europe/Paris.
"""

import logging
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events
import x_wr_timezone
from icalendar.prop import vBroken, vDDDLists, vDDDTypes
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from .parsed import (
    CANCELLED,
    MAX_DURATION,
    MIXED,
    OFFLINE,
    ONLINE,
    SCHEDULED,
    FeedError,
    ParsedDate,
    ParsedEvent,
    ParsedFeed,
    Rejected,
    Skipped,
    check_event_count,
    import_window,
    max_dates_per_event,
)
from .text import (
    clean_line,
    clean_text,
    decode_bytes,
    find_visio_link,
    format_date,
    format_number,
    html_to_text,
    http_url,
    is_online_place,
    looks_like_html,
    looks_like_html_page,
    mentions_online,
    split_location,
)

logger = logging.getLogger(__name__)

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")

DATE_PROPERTIES = {"DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "RDATE", "EXDATE", "DURATION"}
# A rule repeating more often than daily would make thousands of dates: refused outright.
TOO_FREQUENT = {"SECONDLY", "MINUTELY", "HOURLY"}
CONFERENCE_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
)

_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+[;:]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_VEVENT_START = re.compile(r"^BEGIN:VEVENT\s*$", re.M | re.I)
_CALENDAR_END = re.compile(r"^END:VCALENDAR\s*$", re.M | re.I)
_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
_DATE_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?")


def parse_ical(
    content: bytes, *, now: datetime, horizon_days: int | None = None, charset: str | None = None
) -> ParsedFeed:
    """Parse the bytes of an iCalendar feed into events with their dates between ``import_window(now)``.

    ``charset`` is the one announced by the server, tried when the file is not UTF-8. Raises
    ``FeedError`` (and nothing else) when the file as a whole cannot be used.
    """
    window_start, window_end = import_window(now, horizon_days)
    text = decode_bytes(content, charset)
    check_calendar_text(text)
    try:
        calendars = icalendar.Calendar.from_ical(repair_lines(text), multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError… on a malformed file
        raise FeedError(f"Le fichier iCalendar est mal formé et n'a pas pu être lu ({clean_line(exc)[:200]}).") from exc

    rejected: list[Rejected] = []
    groups: dict[str, list[tuple[icalendar.Component, _TimeFixer]]] = {}
    for calendar in calendars:
        fixer = _TimeFixer(calendar.get("X-WR-TIMEZONE"))
        for component in calendar.walk("VEVENT"):
            uid = clean_line(component.get("UID", ""))
            if not uid:
                rejected.append(Rejected("", _summary(component), "Pas d'identifiant (UID)."))
                continue
            groups.setdefault(uid, []).append((component, fixer))

    events: list[ParsedEvent] = []
    skipped: list[Skipped] = []
    for uid, members in groups.items():
        try:
            result = _parse_series(uid, members, window_start, window_end)
        except Exception:  # a surprise in a library must cost one event, not the whole feed
            logger.exception("Reading the iCalendar event %s failed", uid)
            result = Rejected(uid, _summary(members[0][0]), "Cet événement n'a pas pu être lu (données incohérentes).")
        if isinstance(result, ParsedEvent):
            events.append(result)
        elif isinstance(result, Skipped):
            skipped.append(result)
        else:
            rejected.append(result)
    return ParsedFeed(
        events=events, rejected=rejected, skipped=skipped, window_start=window_start, window_end=window_end
    )


def check_calendar_text(text: str) -> None:
    """Raise FeedError if the decoded file is plainly not a whole iCalendar file."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.strip():
        raise FeedError("Le fichier reçu est vide.")
    head = stripped[:2048].lower()
    if looks_like_html_page(head):
        raise FeedError("Le serveur a renvoyé une page web (HTML) au lieu d'un agenda iCalendar.")
    if head.startswith(("{", "[")):
        raise FeedError(
            "Le fichier reçu est du JSON, pas un agenda iCalendar : "
            "s'il s'agit d'un export OpenAgenda, choisissez ce format pour la source."
        )
    if not stripped[:15].upper().startswith("BEGIN:VCALENDAR"):
        raise FeedError("Le fichier ne commence pas par BEGIN:VCALENDAR : ce n'est pas un agenda iCalendar.")
    if not _CALENDAR_END.search(stripped):
        raise FeedError(
            "Le fichier est incomplet (END:VCALENDAR manquant) : le téléchargement a sans doute été interrompu."
        )
    check_event_count(len(_VEVENT_START.findall(stripped)))


def repair_lines(text: str) -> str:
    """Drop blank lines and glue stray lines back onto the line before.

    Some exporters write a line break of a DESCRIPTION as a real line break instead of ``\\n``: the
    next line is then neither a property nor a folded continuation, and icalendar would drop it.
    """
    lines: list[str] = []
    for line in _LINE_BREAK.split(text):
        if not line.strip():
            continue
        if not lines or line[0] in " \t" or _CONTENT_LINE.match(line):
            lines.append(line)
        else:
            lines[-1] += "\\n" + line
    return "\r\n".join(lines) + "\r\n"


class _TimeFixer(x_wr_timezone.CalendarWalker):
    """Make every date-time of an event aware, in a zone zoneinfo knows.

    With X-WR-TIMEZONE, UTC and floating times move to that zone first (the ``x-wr-timezone`` package,
    as Google means it). Then Windows zone names become their IANA zone (icalendar's table), and the
    floating times left are taken as Europe/Paris. A TZID nobody knows leaves a floating time: Paris too.
    """

    def __init__(self, x_wr_timezone_name=None):
        zone = _zone(x_wr_timezone_name) if x_wr_timezone_name else None
        self.x_wr_walker = x_wr_timezone.UTCChangingWalker(zone) if zone else None

    def fix(self, component: icalendar.Component) -> icalendar.Component:
        if self.x_wr_walker is not None:
            component = self.x_wr_walker.walk_event(component)
        return self.walk_event(component)

    def walk_value_vDDDTypes(self, value):
        fixed = self._fix(value.dt, value.params.get("TZID"))
        return value if fixed is value.dt else vDDDTypes(fixed)

    def walk_value_vDDDLists(self, value):
        tzid = value.params.get("TZID")
        values = [ddd.dt for ddd in value.dts]
        fixed = [self._fix(dt, tzid) for dt in values]
        return value if x_wr_timezone.list_is(fixed, values) else vDDDLists(fixed)

    @staticmethod
    def _fix(value, tzid):
        if not isinstance(value, datetime):
            return value  # a date, or a PERIOD
        olson = WINDOWS_TO_OLSON.get(clean_line(tzid).strip('"')) if tzid else None
        if olson:
            return value.replace(tzinfo=ZoneInfo(olson))
        if value.tzinfo is None:
            return value.replace(tzinfo=PARIS)
        return value


def _parse_series(uid, members, window_start, window_end) -> ParsedEvent | Rejected | Skipped:
    """One UID: its main VEVENT and its RECURRENCE-ID overrides."""
    title = next((t for t in (_summary(c) for c, _ in members) if t), "")
    for component, _ in members:
        reason = _component_problem(component)
        if reason:
            return Rejected(uid, title, reason)
    components = _latest_revisions([fixer.fix(component) for component, fixer in members])
    master = next((c for c in components if "RECURRENCE-ID" not in c), components[0])
    title = _summary(master) or title
    if not title:
        return Rejected(uid, "", "Pas de titre (SUMMARY).")
    for component in components:
        reason = _timing_problem(component)
        if reason:
            return Rejected(uid, title, reason)

    occurrences = _occurrences(components, window_start, window_end)
    if isinstance(occurrences, str):
        return Rejected(uid, title, occurrences)
    if not occurrences:
        return Skipped(
            uid,
            title,
            f"Aucune date entre le {format_date(window_start.date())} et le {format_date(window_end.date())}.",
        )

    recurring = any(("RRULE" in c or "RDATE" in c or "RECURRENCE-ID" in c) for c in components)
    has_master = "RECURRENCE-ID" not in master
    master_cancelled = has_master and _is_cancelled(master)
    dates = _dates(occurrences, recurring=recurring, all_cancelled=master_cancelled)
    cancelled = master_cancelled or (not has_master and all(d.cancelled for d in dates))
    return _event(uid, title, master, dates, cancelled=cancelled)


def _component_problem(component) -> str:
    """The reason a raw VEVENT cannot be used, before any time zone is applied, or ""."""
    for name, _message in component.errors:
        if name in DATE_PROPERTIES:
            return _date_reason(name, component.get(name))
        if name == "RRULE":
            return f"Règle de répétition illisible : RRULE:{_raw(component.get('RRULE'))}."
    if "DTSTART" not in component:
        return "Pas de date de début."
    for rule in _as_list(component.get("RRULE")):
        frequency = (rule.get("FREQ") or [""])[0]
        if str(frequency).upper() in TOO_FREQUENT:
            return f"Répétition trop fréquente (FREQ={frequency}) : une date par jour au plus."
    return ""


def _timing_problem(component) -> str:
    start = component["DTSTART"].dt
    end = component["DTEND"].dt if "DTEND" in component else None
    if end is None and "DURATION" in component:
        duration = component["DURATION"].dt
        if isinstance(duration, timedelta) and duration < timedelta(0):
            return "La durée (DURATION) est négative."
        if isinstance(duration, timedelta):
            end = start + duration
    if end is None or isinstance(start, datetime) != isinstance(end, datetime):
        return ""
    if end < start:
        return f"La fin ({_shown(end)}) est avant le début ({_shown(start)})."
    if end - start > MAX_DURATION:
        return f"L'événement durerait plus d'un an (du {_shown(start)} au {_shown(end)}) : dates sans doute erronées."
    return ""


def _occurrences(components, window_start, window_end) -> list | str:
    """The occurrences of the series overlapping the window, or the reason they cannot be computed."""
    calendar = icalendar.Calendar()
    for component in components:
        calendar.add_component(component)
    limit = max_dates_per_event()
    try:
        query = recurring_ical_events.of(calendar)
        if not any("RRULE" in c for c in components):
            return query.between(window_start, window_end)  # finite: DTSTART and RDATEs
        occurrences = []
        # ``after`` yields in start order and lazily: an endless rule stops at the window's end.
        for occurrence in query.after(window_start):
            if _start_of(occurrence) >= window_end:
                break
            occurrences.append(occurrence)
            if len(occurrences) > limit:
                return f"Trop de dates : plus de {format_number(limit)} dans la période importée."
    except (ValueError, TypeError, KeyError, OverflowError) as exc:  # the libraries' InvalidCalendar are ValueErrors
        return f"Les dates de cet événement n'ont pas pu être calculées ({clean_line(exc)[:120]})."
    return occurrences


def _start_of(occurrence) -> datetime:
    value = occurrence["DTSTART"].dt
    return value if isinstance(value, datetime) else datetime.combine(value, time(), PARIS)


def _dates(occurrences, *, recurring: bool, all_cancelled: bool) -> list[ParsedDate]:
    dates: dict[str, ParsedDate] = {}
    for occurrence in occurrences:
        start_value = occurrence["DTSTART"].dt
        end_value = occurrence["DTEND"].dt if "DTEND" in occurrence else None
        all_day = not isinstance(start_value, datetime)
        if all_day:
            start = _midnight(start_value)
            if isinstance(end_value, datetime):
                end = _in_paris(end_value)
            elif end_value is not None and end_value > start_value:
                end = _midnight(end_value)
            else:
                end = _midnight(start_value + timedelta(days=1))
        else:
            start = _in_paris(start_value)
            # No DTEND/DURATION: the library ends the event when it starts; we say "no end".
            end = _in_paris(end_value) if isinstance(end_value, datetime) and end_value != start_value else None
        recurrence_id = ""
        if recurring:
            original = occurrence["RECURRENCE-ID"].dt if "RECURRENCE-ID" in occurrence else start_value
            recurrence_id = _recurrence_id(original)
        cancelled = all_cancelled or _is_cancelled(occurrence)
        dates[recurrence_id or start.isoformat()] = ParsedDate(
            recurrence_id=recurrence_id, start=start, end=end, all_day=all_day, cancelled=cancelled
        )
    return sorted(dates.values(), key=lambda d: (d.start, d.recurrence_id))


def _event(uid, title, master, dates, *, cancelled) -> ParsedEvent:
    description = _description(master)
    raw_location = clean_line(_text(master, "LOCATION"))
    location_link = http_url(raw_location)
    place = "" if location_link or is_online_place(raw_location) else raw_location
    name, address, postcode, commune = split_location(place) if place else ("", "", "", "")
    online_link = (
        next((http_url(_text(master, p)) for p in CONFERENCE_PROPERTIES if http_url(_text(master, p))), "")
        or location_link
        or find_visio_link(description, raw_location)
    )
    if place and online_link:
        attendance_mode = MIXED
    elif not place and (online_link or mentions_online(title, description)):
        attendance_mode = ONLINE
    else:
        attendance_mode = OFFLINE
    latitude, longitude = _geo(master)
    return ParsedEvent(
        uid=uid,
        title=title,
        description=description,
        url=http_url(_text(master, "URL")),
        location=raw_location,
        location_name=name,
        address=address,
        commune=commune,
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
        attendance_mode=attendance_mode,
        online_link=online_link,
        keywords=_keywords(master),
        cancelled=cancelled,
        status=CANCELLED if cancelled else SCHEDULED,
        sequence=_sequence(master),
        last_modified=_last_modified(master),
        dates=dates,
    )


def _latest_revisions(components):
    """Keep one component per RECURRENCE-ID (and one main VEVENT): the highest SEQUENCE, then the last."""
    chosen: dict[str, icalendar.Component] = {}
    for component in components:
        key = _recurrence_id(component["RECURRENCE-ID"].dt) if "RECURRENCE-ID" in component else ""
        previous = chosen.get(key)
        if previous is None or _sequence(component) >= _sequence(previous):
            chosen[key] = component
    return list(chosen.values())


def _description(component) -> str:
    description = _text(component, "DESCRIPTION")
    if looks_like_html(description):
        return html_to_text(description)
    if not description.strip():
        # An X- property is not unescaped by icalendar: undo the TEXT escapes ourselves.
        alternative = _unescape(_text(component, "X-ALT-DESC"))
        return html_to_text(alternative) if alternative else ""
    return clean_text(description)


def _keywords(component) -> list[str]:
    keywords: list[str] = []
    for prop in _as_list(component.get("CATEGORIES")):
        for category in getattr(prop, "cats", [prop]):
            keyword = clean_line(category)
            if keyword and keyword.lower() not in (k.lower() for k in keywords):
                keywords.append(keyword)
    return keywords


def _geo(component) -> tuple[float | None, float | None]:
    geo = component.get("GEO")
    try:
        latitude, longitude = float(geo.latitude), float(geo.longitude)
    except (AttributeError, TypeError, ValueError):
        return None, None
    if -90 <= latitude <= 90 and -180 <= longitude <= 180:
        return latitude, longitude
    return None, None


def _sequence(component) -> int:
    try:
        return int(component.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def _last_modified(component) -> datetime | None:
    value = component.get("LAST-MODIFIED")
    value = getattr(value, "dt", None)
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _is_cancelled(component) -> bool:
    return str(component.get("STATUS", "")).strip().upper() == "CANCELLED"


def _summary(component) -> str:
    return clean_line(_text(component, "SUMMARY"))


def _text(component, name) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None or isinstance(value, vBroken) else str(value)


def _unescape(value: str) -> str:
    return _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _raw(value) -> str:
    value = _as_list(value)[0] if _as_list(value) else ""
    raw = value.to_ical() if hasattr(value, "to_ical") and not isinstance(value, vBroken) else str(value)
    return clean_line(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw)[:80]


def _date_reason(name, value) -> str:
    raw = _raw(value)
    match = _DATE_DIGITS.search(raw)
    if not match:
        return f"Date illisible ({name}) : « {raw} »."
    year, month, day, hour, minute = match.groups()
    shown = f"{year}-{month}-{day}" + (f" {hour}:{minute}" if hour else "")
    return f"Date impossible : {shown}."


def _zone(name):
    name = clean_line(name).strip('"')
    try:
        return ZoneInfo(WINDOWS_TO_OLSON.get(name, name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _in_paris(value: datetime) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=PARIS)).astimezone(PARIS)


def _shown(value: date | datetime) -> str:
    return format_date(_in_paris(value) if isinstance(value, datetime) else value)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), PARIS)


def _recurrence_id(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return _in_paris(value).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")
