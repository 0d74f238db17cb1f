"""What a parsed feed is: the contract between the parsers (iCalendar, OpenAgenda) and the upsert.

Everything here is plain data, independent of the models. Datetimes are aware; a date of an all-day
event starts at midnight Europe/Paris of its first day and ends at midnight after its last day (the
end is exclusive, as iCalendar's DTEND).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings

# The statuses of one date, the same values as the EventDate model.
SCHEDULED = "scheduled"
CANCELLED = "cancelled"
POSTPONED = "postponed"
FULL = "full"
MOVED_ONLINE = "moved_online"
DATE_STATUSES = (SCHEDULED, CANCELLED, POSTPONED, FULL, MOVED_ONLINE)

OFFLINE = "offline"
ONLINE = "online"
MIXED = "mixed"
ATTENDANCE_MODES = (OFFLINE, ONLINE, MIXED)


# Dates of events still in a feed are kept for a year back (the archive); the future goes as far as
# AGENDA_RECURRENCE_HORIZON_DAYS.
PAST_DAYS = 365
# An event "lasting" longer than this is a typo in its dates (DTEND in the wrong year…), not an event.
MAX_DURATION = timedelta(days=366)
# A safety net against a rule that makes a date per day for years: the event is rejected beyond it.
DEFAULT_MAX_DATES_PER_EVENT = 1000


def import_window(now: datetime, horizon_days: int | None = None) -> tuple[datetime, datetime]:
    """The span of dates an import lists: from a year before ``now`` to ``horizon_days`` after it."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if horizon_days is None:
        horizon_days = settings.AGENDA_RECURRENCE_HORIZON_DAYS
    return now - timedelta(days=PAST_DAYS), now + timedelta(days=horizon_days)


def check_event_count(count: int) -> None:
    """Refuse a feed with more events than AGENDA_IMPORT_MAX_EVENTS (a runaway export, or the wrong URL)."""
    limit = settings.AGENDA_IMPORT_MAX_EVENTS
    if count > limit:
        shown, shown_limit = f"{count:,}".replace(",", " "), f"{limit:,}".replace(",", " ")
        raise FeedError(f"Le flux contient {shown} événements, plus que la limite de {shown_limit}.")


def max_dates_per_event() -> int:
    return getattr(settings, "AGENDA_IMPORT_MAX_DATES_PER_EVENT", DEFAULT_MAX_DATES_PER_EVENT)


class FeedError(Exception):
    """The whole feed is unusable; ``str(exc)`` is a readable French message for editors."""


@dataclass(frozen=True)
class ParsedDate:
    """One occurrence of an event.

    ``recurrence_id`` identifies the occurrence across runs: "" for a one-off iCalendar event, else the
    original start of the occurrence in UTC ("20270209T170000Z"), or its day ("20270209") for an
    all-day event. An occurrence moved by a RECURRENCE-ID override keeps the id of its original slot.
    OpenAgenda timings always get the UTC form of their begin.

    ``end`` is None when the source gives no end (a timed event without DTEND/DURATION); for all-day
    dates it is midnight Europe/Paris after the last day (exclusive).

    ``cancelled`` and ``status`` agree: a cancelled date has status "cancelled" and the other way round.
    """

    recurrence_id: str
    start: datetime
    end: datetime | None = None
    all_day: bool = False
    cancelled: bool = False
    status: str = SCHEDULED

    def __post_init__(self):
        if self.status not in DATE_STATUSES:
            raise ValueError(f"Unknown date status {self.status!r}")
        if self.cancelled and self.status != CANCELLED:
            object.__setattr__(self, "status", CANCELLED)
        elif self.status == CANCELLED and not self.cancelled:
            object.__setattr__(self, "cancelled", True)


@dataclass(frozen=True, kw_only=True)
class ParsedEvent:
    """One event of the feed (one UID), with all its dates within the import window, sorted by start.

    Text fields are plain text (HTML and Markdown removed), "" when absent.
    """

    uid: str
    title: str
    description: str = ""
    url: str = ""
    location_name: str = ""
    address: str = ""
    commune: str = ""
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    attendance_mode: str = OFFLINE
    online_link: str = ""
    keywords: list[str] = field(default_factory=list)
    registration_url: str = ""
    registration_email: str = ""
    cancelled: bool = False
    sequence: int = 0
    last_modified: datetime | None = None
    dates: list[ParsedDate] = field(default_factory=list)
    # Added beyond the first contract:
    location: str = ""  # the location as the source wrote it (iCal LOCATION), before splitting
    summary: str = ""  # a short description (OpenAgenda "description"; "" for iCalendar)
    registration_phone: str = ""
    status: str = SCHEDULED  # the event-wide status (OpenAgenda status, or "cancelled")


@dataclass(frozen=True)
class Rejected:
    """An item of the feed that cannot be imported, with the reason as a French sentence."""

    uid: str
    title: str
    reason: str


@dataclass(frozen=True)
class Skipped:
    """A valid event left out on purpose (no date within the window). Not an error."""

    uid: str
    title: str
    reason: str


@dataclass(frozen=True)
class ParsedFeed:
    """The outcome of parsing one feed.

    Only dates between ``window_start`` and ``window_end`` are listed: the upsert should not delete
    stored dates outside that window just because the feed did not list them. UIDs in ``skipped`` and
    ``rejected`` are still in the feed: their stored events should be left as they are.
    """

    events: list[ParsedEvent]
    rejected: list[Rejected]
    skipped: list[Skipped] = field(default_factory=list)
    window_start: datetime | None = None
    window_end: datetime | None = None

    @property
    def uids(self) -> set[str]:
        """Every UID present in the feed, imported, skipped or rejected."""
        return {e.uid for e in self.events} | {s.uid for s in self.skipped} | {r.uid for r in self.rejected if r.uid}
