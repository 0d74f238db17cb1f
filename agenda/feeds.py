"""The agenda's feeds, answered by routes of the EventIndexPage and the EventPage (see ``agenda.models``).

``ical/`` and ``rss/`` under the agenda take the agenda's own query string: the dates they list are
``build_agenda(request, page).dates``, the visible dates filtered and windowed as the page lists them
(upcoming ones unless ``past=1``), so drafts, private, expired and other-language events cannot leak
through them. A filter value the form rejects is ignored, as on the page. ``ical/`` under an event is
the download of that one event. The iCalendar is written by :mod:`agenda.ical`.
"""

import html

from django.conf import settings
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header

from agenda.ical import date_uid, dates_to_ical, event_to_ical, location_text, summary_text
from agenda.listing import build_agenda
from agenda.templatetags.agenda_tags import date_range
from cms.conditional import set_last_modified
from cms.visibility import can_see

ICAL_LIMIT = 2000
RSS_LIMIT = 200
ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"


def with_query(url, query):
    return f"{url}?{query}" if query else url


def feed_dates(agenda, limit):
    """The agenda's dates for a feed: at most ``limit``, without the card images the list prefetches."""
    return agenda.dates.prefetch_related(None)[:limit]


def last_date_ended(dates):
    """When the latest of ``dates`` to have ended ended: the last moment time alone changed an upcoming list."""
    from agenda.models import EventDate

    dates = EventDate.objects.all() if dates is None else dates
    return dates.past(timezone.now()).aggregate(last=Max("end"))["last"]


def feed_title(agenda, index_page):
    """The agenda's title, followed by its active filters (``Agenda – Territoire : Pays Diois``)."""
    title = index_page.title
    if agenda.feed_query:  # the chips count facets: only worth it when a filter is on
        labels = [str(chip.label) for chip in agenda.chips]
        if labels:
            title = f"{title} – {', '.join(labels)}"
    return f"{title} – {settings.WAGTAIL_SITE_NAME}"


def feed_description(index_page):
    return index_page.description or str(settings.SITE_DESCRIPTION)


def agenda_ical_response(request, index_page):
    """The agenda as an iCalendar feed to subscribe to (``webcal://``) or download, following the filters."""
    agenda = build_agenda(request, index_page)
    page_url = index_page.get_full_url(request)
    body = dates_to_ical(
        feed_dates(agenda, ICAL_LIMIT),
        request,
        name=feed_title(agenda, index_page),
        description=feed_description(index_page),
        url=with_query(page_url, agenda.feed_query),
        source=with_query(page_url + index_page.reverse_subpage("ical").lstrip("/"), agenda.feed_query),
    )
    response = HttpResponse(body, content_type=ICAL_CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    response["X-Robots-Tag"] = "noindex"
    return set_last_modified(response, last_date_ended(None))


def when_text(date):
    """The date in words, as the event cards write it (``samedi 5 juin 2027, de 14:00 à 16:00``), as plain text."""
    return html.unescape(strip_tags(date_range(date)))


def rss_description(date):
    page = date.page
    parts = [location_text(page, date), page.summary]
    return " · ".join(part for part in parts if part)


def agenda_rss_response(request, index_page):
    """The agenda's dates as RSS 2.0 (at most :data:`RSS_LIMIT`), following the filters, in the list's order.

    One item per date: the title (after the date's status when it is not scheduled) and the date in
    words, the page's URL as link, a ``guid`` per date (``urn:uuid:`` and the iCalendar UID, so a reader
    shows each date of a cycle once), the event's first publication as ``pubDate``, its type as category.
    """
    agenda = build_agenda(request, index_page)
    page_url = index_page.get_full_url(request)
    feed = Rss201rev2Feed(
        title=feed_title(agenda, index_page),
        link=with_query(page_url, agenda.feed_query),
        description=feed_description(index_page),
        language=agenda.locale.language_code,
        feed_url=with_query(page_url + index_page.reverse_subpage("rss").lstrip("/"), agenda.feed_query),
        ttl="360",
    )
    urls = {}
    for date in feed_dates(agenda, RSS_LIMIT):
        page = date.page
        if page.pk not in urls:
            urls[page.pk] = page.get_full_url(request)
        published = page.first_published_at
        feed.add_item(
            title=f"{summary_text(page, date)} – {when_text(date)}",
            link=urls[page.pk],
            description=rss_description(date),
            pubdate=timezone.localtime(published) if published else None,
            unique_id=f"urn:uuid:{date_uid(date)}",
            unique_id_is_permalink=False,
            categories=[date.type_label] if date.type_label else None,
        )
    body = feed.writeString("utf-8").encode("utf-8")
    response = HttpResponse(body, content_type="application/rss+xml; charset=utf-8")
    return set_last_modified(response, last_date_ended(None))


def event_ical_response(request, event_page):
    """One event as an ``.ics`` attachment (its upcoming dates, or all of them once it is over).

    Wagtail has already answered a visitor who does not pass the page's view restriction (a redirect to
    the login page) and a draft (404) before calling the route; an event past its expiry date that
    ``publish_scheduled`` has not unpublished yet is refused here, as the listings refuse it.
    """
    if not can_see(request, event_page):
        raise Http404
    response = HttpResponse(event_to_ical(event_page, request), content_type=ICAL_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"{event_page.slug}.ics")
    response["X-Robots-Tag"] = "noindex"
    return set_last_modified(response, last_date_ended(event_page.dates.all()))
