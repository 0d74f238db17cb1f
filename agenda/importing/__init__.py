"""Turn a territory's calendar feed into clean, validated data, independent of the models.

``fetch`` downloads (fetch.py), ``parse_feed`` reads iCalendar or OpenAgenda JSON into a ``ParsedFeed``
(parsed.py is the contract the upsert consumes). Any unusable feed raises ``FeedError`` whose text is
shown to editors on the source.
"""

from datetime import datetime

from .fetch import FetchResult, fetch
from .ical import parse_ical
from .openagenda import parse_openagenda
from .parsed import (
    FeedError,
    ParsedDate,
    ParsedEvent,
    ParsedFeed,
    Rejected,
    Skipped,
    import_window,
)

ICAL = "ical"
OPENAGENDA = "openagenda"
FORMATS = (ICAL, OPENAGENDA)


def parse_feed(
    content: bytes, *, format: str, now: datetime, horizon_days: int | None = None, charset: str | None = None
) -> ParsedFeed:
    """Parse ``content`` as ``format`` ("ical" or "openagenda"); see ``parse_ical`` and ``parse_openagenda``."""
    if format == ICAL:
        return parse_ical(content, now=now, horizon_days=horizon_days, charset=charset)
    if format == OPENAGENDA:
        return parse_openagenda(content, now=now, horizon_days=horizon_days, charset=charset)
    raise ValueError(f"Unknown feed format {format!r}; expected one of {FORMATS}")


__all__ = [
    "FORMATS",
    "ICAL",
    "OPENAGENDA",
    "FeedError",
    "FetchResult",
    "ParsedDate",
    "ParsedEvent",
    "ParsedFeed",
    "Rejected",
    "Skipped",
    "fetch",
    "import_window",
    "parse_feed",
    "parse_ical",
    "parse_openagenda",
]
