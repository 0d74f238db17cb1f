"""The agenda's models: event types, event pages with one row per date, and the calendars they come from."""

from agenda.models.events import (
    AttendanceMode,
    DateStatus,
    EventDate,
    EventIndexPage,
    EventPage,
    RegistrationMode,
)
from agenda.models.registrations import (
    EmailKind,
    Registration,
    RegistrationEmail,
    RegistrationStatus,
)
from agenda.models.sources import EventImportRun, EventSource, SourceFormat
from agenda.models.taxonomy import EventType

__all__ = [
    "AttendanceMode",
    "DateStatus",
    "EmailKind",
    "EventDate",
    "EventImportRun",
    "EventIndexPage",
    "EventPage",
    "EventSource",
    "EventType",
    "Registration",
    "RegistrationEmail",
    "RegistrationMode",
    "RegistrationStatus",
    "SourceFormat",
]
