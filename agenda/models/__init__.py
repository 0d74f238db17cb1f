"""The agenda's models: event types, event pages with one row per date, and the calendars they come from."""

from agenda.models.events import (
    AttendanceMode,
    DateStatus,
    EventDate,
    EventIndexPage,
    EventPage,
    RegistrationMode,
)
from agenda.models.sources import EventImportRun, EventSource, SourceFormat
from agenda.models.taxonomy import EventType

__all__ = [
    "AttendanceMode",
    "DateStatus",
    "EventDate",
    "EventImportRun",
    "EventIndexPage",
    "EventPage",
    "EventSource",
    "EventType",
    "RegistrationMode",
    "SourceFormat",
]
