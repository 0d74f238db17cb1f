"""The agenda as iCalendar: the subscribable feed of the agenda and the download of one event.

Pure functions over dates the caller has already restricted to what the visitor may see (the agenda's
``build_agenda(request, page).dates``, or the rows of the one page Wagtail is serving): nothing here
decides visibility, and nothing runs a query per date. Each date needs its ``page`` loaded (the agenda
selects it) and, for CATEGORIES, a ``type_label`` (the agenda annotates it).

What calendar applications (Google Calendar, Outlook, Apple Calendar) rely on, and how we fill it:

- **UID**: the date row's ``translation_key``, a UUID4 (RFC 7986 §5.3 recommends a bare UUID, without
  host name). It is kept when the page is re-published or edited (the row keeps its key), when the
  importer updates a date (rows are matched on their recurrence id) and when recurrences are extended;
  it is new only for a new row. A copied page gets new keys (Wagtail resets them). The French date and
  its English translation share the key, hence the UID: they are the same occurrence, and a visitor who
  adds both gets one event, as with two filtered feeds that both list it.
- **SEQUENCE**: the page's live revision id (0 before any revision). It grows with every publication,
  including the importer's, reads no extra row, and does not go back when old revisions are purged
  (a count of revisions would).
- **DTSTAMP** now, **LAST-MODIFIED** the page's last publication, **CREATED** its first, all in UTC.
- **DTSTART/DTEND** in Europe/Paris with ``TZID`` and one VTIMEZONE (:func:`paris_timezone`); an all-day
  date as ``VALUE=DATE`` with the exclusive end iCalendar expects; no DTEND when a date has no end time.
- **STATUS** CONFIRMED, CANCELLED for a cancelled date, TENTATIVE for a postponed one; the SUMMARY also
  names a status other than "scheduled" (``[Annulé] …``), since some applications hide STATUS.
"""

import datetime

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vDuration

from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext as _

from agenda.models import AttendanceMode, DateStatus, RegistrationMode
from agenda.models.events import PARIS

PRODID = "-//Cooperations et mobilites ville-campagne//Agenda//FR"
TZID = "Europe/Paris"
# How often subscribers should fetch the feed again (REFRESH-INTERVAL, and X-PUBLISHED-TTL for Outlook).
REFRESH_INTERVAL = datetime.timedelta(hours=6)

ICAL_STATUS = {DateStatus.CANCELLED: "CANCELLED", DateStatus.POSTPONED: "TENTATIVE"}  # otherwise CONFIRMED


def date_uid(date):
    """The UID of an event date's VEVENT: its ``translation_key`` (see the module docstring)."""
    return str(date.translation_key)


def sequence(page):
    """The SEQUENCE of every VEVENT of ``page``: its live revision id, which grows with each publication."""
    return page.live_revision_id or 0


def paris_timezone():
    """The VTIMEZONE of Europe/Paris as Google Calendar and Outlook write it: two yearly rules (EU since 1996).

    A rule-based definition is the one Outlook matches to its own "Romance Standard Time"; Google and Apple
    read the TZID. ``tests/agenda/test_ical_export.py`` checks it against the tz database year by year, so
    a change of the EU rules would show there.
    """
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=1))
    summer.add("tzoffsetto", datetime.timedelta(hours=2))
    # Onsets are local times (floating), in the offset in force before the change, as RFC 5545 wants.
    summer.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=2))
    winter.add("tzoffsetto", datetime.timedelta(hours=1))
    winter.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _utc(value):
    return value.astimezone(datetime.UTC) if value else None


def _is_online(page, date):
    return page.attendance_mode == AttendanceMode.ONLINE or date.status == DateStatus.MOVED_ONLINE


def location_text(page, date):
    """Where the date takes place, in one line: venue, address, postcode and commune; "En ligne" when online."""
    parts = []
    if not _is_online(page, date):
        parts = [page.venue_name, page.address, " ".join(part for part in (page.postcode, page.commune) if part)]
    if page.attendance_mode != AttendanceMode.OFFLINE or date.status == DateStatus.MOVED_ONLINE:
        parts.append(_("En ligne"))
    return ", ".join(part for part in parts if part)


def summary_text(page, date):
    """The event's title, after the date's status when it is not simply scheduled (``[Annulé] Forum…``)."""
    if date.status == DateStatus.SCHEDULED:
        return page.title
    return f"[{date.get_status_display()}] {page.title}"


def description_text(page, url):
    """The summary, the registration link when there is one, and the page's address."""
    parts = [page.summary]
    if page.registration_mode == RegistrationMode.LINK and page.registration_url:
        parts.append(_("Inscription : %(url)s") % {"url": page.registration_url})
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def date_to_vevent(date, request, *, now, url=None, category=None):
    """The VEVENT of one event date (see the module docstring for each property).

    ``url`` is the page's absolute URL (computed here when not given); ``category`` the event type's name
    when ``date`` carries no ``type_label``.
    """
    page = date.page
    url = iri_to_uri(url or page.get_full_url(request))
    event = Event()
    event.add("uid", date_uid(date))
    event.add("dtstamp", _utc(now))
    event.add("sequence", sequence(page))
    if page.first_published_at:
        event.add("created", _utc(page.first_published_at))
    modified = page.last_published_at or page.latest_revision_created_at
    if modified:
        event.add("last-modified", _utc(modified))
    event.add("summary", summary_text(page, date))
    event.add("description", description_text(page, url))
    event.add("url", url)
    if date.all_day:
        event.add("dtstart", date.first_day)
        event.add("dtend", date.last_day + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a fair over three days does not make its visitors busy
    else:
        start = timezone.localtime(date.start, PARIS)
        event.add("dtstart", start)
        if date.end and date.end > date.start:  # RFC 5545: DTEND must be later than DTSTART
            event.add("dtend", timezone.localtime(date.end, PARIS))
        event.add("transp", "OPAQUE")
    event.add("status", ICAL_STATUS.get(date.status, "CONFIRMED"))
    location = location_text(page, date)
    if location:
        event.add("location", location)
    if not _is_online(page, date) and page.latitude is not None and page.longitude is not None:
        event.add("geo", (page.latitude, page.longitude))
    label = getattr(date, "type_label", None) or category
    if label:
        event.add("categories", [label])
    if page.contact_email:
        organizer = vCalAddress(f"mailto:{page.contact_email}")
        name = page.organiser or page.contact_name
        if name:
            organizer.params["CN"] = name
        event.add("organizer", organizer)
    event.add("class", "PUBLIC")
    return event


def build_calendar(dates, request, *, name, description=None, url=None, source=None, now=None, category=None):
    """A VCALENDAR (``METHOD:PUBLISH``, one VTIMEZONE) with one VEVENT per date of ``dates``, in their order.

    ``name`` and ``description`` name the calendar in subscribers' applications (NAME and X-WR-CALNAME,
    DESCRIPTION and X-WR-CALDESC); ``url`` is the HTML page it comes from, ``source`` the address it can be
    fetched again from (RFC 7986). The calendar always holds the VTIMEZONE, so an empty selection is still
    a valid calendar.
    """
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", TZID)
    if url:
        calendar.add("url", iri_to_uri(url))
    if source:
        calendar.add("source", iri_to_uri(source), parameters={"VALUE": "URI"})
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    calendar.add_component(paris_timezone())
    urls = {}
    for date in dates:
        page_url = urls.get(date.page_id)
        if page_url is None:
            page_url = urls[date.page_id] = date.page.get_full_url(request)
        calendar.add_component(date_to_vevent(date, request, now=now, url=page_url, category=category))
    return calendar


def dates_to_ical(dates, request, *, name, description=None, url=None, source=None):
    """``dates`` as iCalendar bytes (UTF-8, CRLF, lines folded at 75 octets); see :func:`build_calendar`."""
    return build_calendar(dates, request, name=name, description=description, url=url, source=source).to_ical()


def event_dates_for_download(page, now=None):
    """The dates an event's download holds: the ones not over yet, or all of them if the event is past."""
    now = now or timezone.now()
    dates = sorted(page.dates.all(), key=lambda date: (date.start, date.pk or 0))
    for date in dates:
        date.page = page
    return [date for date in dates if (date.end or date.start) >= now] or dates


def event_to_ical(page, request, dates=None):
    """One event as iCalendar bytes, for its "add to my calendar" download (a VEVENT per date)."""
    dates = event_dates_for_download(page) if dates is None else dates
    category = page.event_type.localized.name if page.event_type_id else None
    url = page.get_full_url(request)
    calendar = build_calendar(
        dates,
        request,
        name=page.title,
        description=page.description or None,
        url=url,
        category=category,
    )
    return calendar.to_ical()
