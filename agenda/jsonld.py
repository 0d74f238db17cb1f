"""schema.org JSON-LD for an event page: one ``Event`` per date.

Only the page being served gets its JSON-LD (Wagtail has checked it is visible before serving it), built
from that page's own dates: nothing here lists other events. :func:`event_jsonld` escapes the JSON so
that no title can close the ``<script>`` element. Google's event rich results read ``eventStatus``,
``eventAttendanceMode``, ``location`` (a Place, a VirtualLocation, or both), ``organizer`` and ``offers``.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from agenda.models import AttendanceMode, DateStatus, RegistrationMode
from agenda.models.events import PARIS
from cms.jsonld import absolute, number, script_json

SCHEMA = "https://schema.org/"
REGION = "Auvergne-Rhône-Alpes"
COUNTRY = "FR"
CURRENCY = "EUR"
IMAGE_RENDITION = "fill-1200x630"  # the Open Graph image of templates/base.html
MAX_DATES = 50  # a weekly cycle over 18 months would otherwise weigh down every view of the page

EVENT_STATUS = {
    DateStatus.SCHEDULED: "EventScheduled",
    DateStatus.FULL: "EventScheduled",
    DateStatus.CANCELLED: "EventCancelled",
    DateStatus.POSTPONED: "EventPostponed",
    DateStatus.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE_MODE = {
    AttendanceMode.OFFLINE: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "MixedEventAttendanceMode",
}


def start_end(date):
    """``startDate`` and ``endDate``: ISO datetimes with their offset, or days for an all-day date.

    schema.org's end day is the last day (inclusive), where the row stores midnight after it.
    """
    if date.all_day:
        return date.first_day.isoformat(), date.last_day.isoformat()
    start = timezone.localtime(date.start, PARIS)
    end = timezone.localtime(date.end, PARIS) if date.end and date.end > date.start else None
    return start.isoformat(), end.isoformat() if end else None


def attendance_mode(page, date):
    if date.status == DateStatus.MOVED_ONLINE:
        return AttendanceMode.ONLINE
    return page.attendance_mode


def place(page):
    """The venue as a schema.org Place (address, coordinates), or None when the page names no place."""
    name = page.venue_name or page.commune
    if not (name or page.address):
        return None
    address = {"@type": "PostalAddress"}
    if page.address:
        address["streetAddress"] = page.address
    if page.postcode:
        address["postalCode"] = page.postcode
    if page.commune:
        address["addressLocality"] = page.commune
    address.update({"addressRegion": REGION, "addressCountry": COUNTRY})
    data = {"@type": "Place", "name": name or page.address, "address": address}
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": page.latitude, "longitude": page.longitude}
    return data


def virtual_location(page, page_url):
    return {"@type": "VirtualLocation", "url": iri_to_uri(page.online_link or page_url)}


def location(page, date, page_url):
    """A Place, a VirtualLocation, or both (mixed attendance), following the date's attendance mode."""
    mode = attendance_mode(page, date)
    venue = place(page) if mode != AttendanceMode.ONLINE else None
    online = virtual_location(page, page_url) if mode != AttendanceMode.OFFLINE else None
    found = [item for item in (venue, online) if item]
    if not found:
        return None
    return found[0] if len(found) == 1 else found


def organizer(page, request):
    """Who organises: the organiser the page names, else its territory, else the network; with the contact email."""
    if page.organiser:
        data = {"@type": "Organization", "name": page.organiser}
    elif page.territory_id:
        territory = page.territory  # synchronised: a translation points to the French territory
        if territory.locale_id != page.locale_id:
            translated = territory.get_translation_or_none(page.locale_id)
            territory = translated if translated is not None and translated.live else territory
        data = {"@type": "Organization", "name": territory.title}
        if territory.live:
            data["url"] = territory.get_full_url(request)
    else:
        data = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
        site = page.get_site()
        if site is not None:
            data["url"] = site.root_url + "/"
    if page.contact_email:
        data["email"] = page.contact_email
    return data


def offer(page, date, page_url):
    """The offer to attend: free (price 0) or the price in euros; sold out for a full date."""
    data = {"@type": "Offer"}
    if page.is_free:
        data.update(price=0, priceCurrency=CURRENCY)
    elif page.price is not None:
        data.update(price=number(page.price), priceCurrency=CURRENCY)
    full = date.status == DateStatus.FULL
    data["availability"] = f"{SCHEMA}{'SoldOut' if full else 'InStock'}"
    if page.registration_mode == RegistrationMode.LINK and page.registration_url:
        data["url"] = iri_to_uri(page.registration_url)
    else:
        data["url"] = page_url
    if page.first_published_at:
        data["validFrom"] = timezone.localtime(page.first_published_at, PARIS).isoformat()
    if date.registration_deadline:
        data["validThrough"] = timezone.localtime(date.registration_deadline, PARIS).isoformat()
    return data


def image_url(page, request):
    image = page.share_image
    if image is None:
        return None
    return absolute(request, image.get_rendition(IMAGE_RENDITION).url)


def event_jsonld_data(page, dates, request):
    """The schema.org ``Event`` of each of ``dates`` (rows of ``page``), as a list of dicts."""
    if not dates:
        return []
    page_url = iri_to_uri(page.get_full_url(request))
    shared = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.description or page.title,
        "url": page_url,
        "inLanguage": page.locale.language_code,
        "organizer": organizer(page, request),
    }
    image = image_url(page, request)
    if image:
        shared["image"] = [image]
    events = []
    for date in dates:
        start, end = start_end(date)
        data = {**shared, "startDate": start}
        if end:
            data["endDate"] = end
        data["eventStatus"] = f"{SCHEMA}{EVENT_STATUS.get(date.status, 'EventScheduled')}"
        data["eventAttendanceMode"] = f"{SCHEMA}{ATTENDANCE_MODE[attendance_mode(page, date)]}"
        where = location(page, date, page_url)
        if where:
            data["location"] = where
        data["offers"] = offer(page, date, page_url)
        events.append(data)
    return events


def jsonld_dates(page, now=None):
    """The dates the page describes: up to :data:`MAX_DATES` not over yet, else its last ones (a past event)."""
    now = now or timezone.now()
    dates = sorted(page.dates.all(), key=lambda date: (date.start, date.pk or 0))
    upcoming = [date for date in dates if (date.end or date.start) >= now]
    return upcoming[:MAX_DATES] or dates[-MAX_DATES:]


def event_jsonld(page, dates, request):
    """``page``'s JSON-LD (one ``Event`` per date) as text safe inside ``<script type="application/ld+json">``."""
    return script_json(event_jsonld_data(page, dates, request))
