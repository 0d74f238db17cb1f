"""Read an OpenAgenda JSON export (``events.v2.json`` shape) into the same ParsedFeed as iCalendar.

Each timing is one date, identified by its begin in UTC. An event with any unusable timing is
rejected as a whole (the upsert then leaves what is already published alone) rather than imported with
a date silently missing. Timings outside the import window are left out like iCalendar occurrences;
an event left with none is skipped, not rejected.
"""

import json
import logging
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .parsed import (
    CANCELLED,
    FULL,
    MAX_DURATION,
    MIXED,
    MOVED_ONLINE,
    OFFLINE,
    ONLINE,
    POSTPONED,
    SCHEDULED,
    FeedError,
    ParsedDate,
    ParsedEvent,
    ParsedFeed,
    Rejected,
    Skipped,
    check_event_count,
    import_window,
)
from .text import clean_line, decode_bytes, format_date, http_url, looks_like_html_page, markdown_to_text

logger = logging.getLogger(__name__)

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")

# OpenAgenda's event status codes.
STATUSES = {
    1: SCHEDULED,  # scheduled
    2: SCHEDULED,  # rescheduled: the timings are the new ones
    3: MOVED_ONLINE,
    4: POSTPONED,
    5: FULL,
    6: CANCELLED,
}
ATTENDANCE_MODES = {1: OFFLINE, 2: ONLINE, 3: MIXED}


def parse_openagenda(
    content: bytes, *, now: datetime, horizon_days: int | None = None, language: str = "fr", charset: str | None = None
) -> ParsedFeed:
    """Parse an OpenAgenda export: ``{"events": [...]}`` or a bare list of events.

    Multilingual fields (``{"fr": …, "en": …}``) are read in ``language``, then French, then any
    language given. Raises ``FeedError`` (and nothing else) when the file as a whole cannot be used.
    """
    window_start, window_end = import_window(now, horizon_days)
    items = _items(_load(content, charset))
    check_event_count(len(items))

    events: list[ParsedEvent] = []
    rejected: list[Rejected] = []
    skipped: list[Skipped] = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rejected.append(Rejected("", "", f"L'élément n° {position} n'est pas un événement."))
            continue
        try:
            result = _event(item, language, window_start, window_end)
        except Exception:  # a surprise in one event must cost that event, not the whole feed
            logger.exception("Reading the OpenAgenda event n° %s failed", position)
            result = Rejected(_uid(item), _localized(item.get("title"), language), "Événement illisible.")
        if isinstance(result, ParsedEvent):
            events.append(result)
        elif isinstance(result, Skipped):
            skipped.append(result)
        else:
            rejected.append(result)
    return ParsedFeed(
        events=events, rejected=rejected, skipped=skipped, window_start=window_start, window_end=window_end
    )


def _load(content: bytes, charset):
    text = decode_bytes(content, charset).lstrip("\ufeff")
    if not text.strip():
        raise FeedError("Le fichier reçu est vide.")
    head = text.lstrip()[:2048].lower()
    if looks_like_html_page(head):
        raise FeedError("Le serveur a renvoyé une page web (HTML) au lieu d'un export OpenAgenda (JSON).")
    if head.startswith("begin:vcalendar"):
        raise FeedError(
            "Le fichier reçu est un agenda iCalendar, pas un export OpenAgenda : choisissez le format iCalendar."
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(
            f"Le fichier n'est pas un JSON valide (ligne {exc.lineno}, colonne {exc.colno}) : "
            "il est peut-être incomplet."
        ) from exc
    except RecursionError as exc:
        raise FeedError("Le fichier JSON est trop imbriqué pour être lu.") from exc


def _items(document) -> list:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("events"), list):
        return document["events"]
    raise FeedError("Le fichier JSON n'a pas la forme d'un export OpenAgenda (liste « events » introuvable).")


def _event(item: dict, language: str, window_start, window_end) -> ParsedEvent | Rejected | Skipped:
    uid = _uid(item)
    title = clean_line(_localized(item.get("title"), language))
    if not uid:
        return Rejected("", title, "Pas d'identifiant (UID).")
    if not title:
        return Rejected(uid, "", "Pas de titre.")
    timings = item.get("timings")
    if not isinstance(timings, list) or not timings:
        return Rejected(uid, title, "Pas de date de début.")
    zone = _zone(item.get("timezone") or (item.get("location") or {}).get("timezone"))

    status = STATUSES.get(_int(item.get("status")), SCHEDULED)
    dates: dict[str, ParsedDate] = {}
    for timing in timings:
        if not isinstance(timing, dict) or not timing.get("begin"):
            return Rejected(uid, title, "Un horaire n'a pas de début.")
        start = _datetime(timing["begin"], zone)
        if start is None:
            return Rejected(uid, title, f"Horaire impossible : {clean_line(timing['begin'])[:40]}.")
        end = None
        if timing.get("end"):
            end = _datetime(timing["end"], zone)
            if end is None:
                return Rejected(uid, title, f"Horaire impossible : {clean_line(timing['end'])[:40]}.")
            if end < start:
                return Rejected(uid, title, f"La fin ({format_date(end)}) est avant le début ({format_date(start)}).")
            if end - start > MAX_DURATION:
                return Rejected(
                    uid,
                    title,
                    f"L'événement durerait plus d'un an (du {format_date(start)} au {format_date(end)}) : "
                    "dates sans doute erronées.",
                )
            if end == start:
                end = None
        if (end or start) < window_start or start >= window_end:
            continue
        recurrence_id = start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        dates[recurrence_id] = ParsedDate(recurrence_id=recurrence_id, start=start, end=end, status=status)
    if not dates:
        return Skipped(
            uid,
            title,
            f"Aucune date entre le {format_date(window_start.date())} et le {format_date(window_end.date())}.",
        )

    location = item.get("location") if isinstance(item.get("location"), dict) else {}
    attendance_mode = ATTENDANCE_MODES.get(_int(item.get("attendanceMode")), OFFLINE)
    if status == MOVED_ONLINE:
        attendance_mode = ONLINE
    registration = _registration(item.get("registration"))
    long_description = markdown_to_text(_localized(item.get("longDescription"), language))
    summary = markdown_to_text(_localized(item.get("description"), language))
    latitude, longitude = _float(location.get("latitude")), _float(location.get("longitude"))
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        latitude = longitude = None
    return ParsedEvent(
        uid=uid,
        title=title,
        description=long_description or summary,
        summary=summary,
        url=http_url(item.get("canonicalUrl") or item.get("url") or ""),
        location=", ".join(
            part for part in (clean_line(location.get("name") or ""), clean_line(location.get("address") or "")) if part
        ),
        location_name=clean_line(location.get("name") or ""),
        address=clean_line(location.get("address") or ""),
        commune=clean_line(location.get("city") or ""),
        postcode=clean_line(location.get("postalCode") or ""),
        latitude=latitude,
        longitude=longitude,
        attendance_mode=attendance_mode,
        online_link=http_url(item.get("onlineAccessLink") or ""),
        keywords=_keywords(item.get("keywords"), language),
        registration_url=registration.get("link", ""),
        registration_email=registration.get("email", ""),
        registration_phone=registration.get("phone", ""),
        cancelled=status == CANCELLED,
        status=status,
        last_modified=_utc(_datetime(item.get("updatedAt") or "", UTC)),
        dates=sorted(dates.values(), key=lambda d: d.start),
    )


def _uid(item: dict) -> str:
    uid = item.get("uid")
    if isinstance(uid, bool) or uid is None:
        return ""
    return clean_line(uid)


def _localized(value, language: str) -> str:
    """The text of a multilingual field, in ``language`` if possible."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    for key in (language, "fr", *value.keys()):
        text = value.get(key)
        if isinstance(text, str) and text.strip():
            return text
    return ""


def _keywords(value, language: str) -> list[str]:
    if isinstance(value, dict):
        value = value.get(language) or value.get("fr") or next((v for v in value.values() if v), [])
    if isinstance(value, str):
        value = value.split(",")
    keywords: list[str] = []
    for keyword in value if isinstance(value, list) else []:
        keyword = clean_line(keyword) if isinstance(keyword, str) else ""
        if keyword and keyword.lower() not in (k.lower() for k in keywords):
            keywords.append(keyword)
    return keywords


def _registration(value) -> dict[str, str]:
    """The first link, e-mail and phone number of OpenAgenda's ``registration`` list."""
    found: dict[str, str] = {}
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), str):
            continue
        kind, text = entry.get("type"), clean_line(entry["value"])
        if kind == "link":
            text = http_url(text)
        elif kind == "email":
            text = text.removeprefix("mailto:") if "@" in text else ""
        elif kind != "phone":
            continue
        if text:
            found.setdefault(kind, text)
    return found


def _datetime(value, zone) -> datetime | None:
    """An ISO 8601 date-time ("2027-03-02T09:00:00+0100", "…Z", "….000Z") in Europe/Paris, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if not isinstance(parsed, datetime):
        parsed = datetime.combine(parsed, time())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(PARIS)


def _utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value else None


def _zone(name):
    if isinstance(name, str) and name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return PARIS


def _int(value) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
