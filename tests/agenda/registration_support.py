"""Shared builders for the registration tests: an event taking registrations on this site, in two languages."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar

from django.utils import timezone

from agenda.models import EventDate, RegistrationMode
from tests.conftest import translate
from tests.factories import EventIndexPageFactory, EventPageFactory

PARIS = ZoneInfo("Europe/Paris")
# "Now" in these tests: Wednesday 2 June 2027, 10:00 in Paris. Time is frozen there.
NOW = datetime.datetime(2027, 6, 2, 10, 0, tzinfo=PARIS)
START = datetime.datetime(2027, 6, 10, 14, 0, tzinfo=PARIS)
END = datetime.datetime(2027, 6, 10, 16, 30, tzinfo=PARIS)
ORGANISER_EMAIL = "contact@pays-diois.example.org"


@dataclass
class Workshop:
    index: object
    page: object
    date: object  # the French row, which holds the seats
    page_en: object = None
    date_en: object = None


def build_workshop(site_tree, *, capacity=2, english=True, dates=None, **fields):
    """A published event "Atelier installation" on 10 June 2027 (14:00–16:30, ``capacity`` seats) under the
    agenda, with registrations on this site; and its English translation "Settlement workshop"."""
    index = EventIndexPageFactory(parent=site_tree.home, title="Agenda", slug="agenda")
    values = {
        "title": "Atelier installation",
        "slug": "atelier-installation",
        "registration_mode": RegistrationMode.SITE,
        "venue_name": "Maison des services",
        "address": "2 rue de la Gare",
        "postcode": "26150",
        "commune": "Die",
        "contact_name": "Camille Martin",
        "contact_email": ORGANISER_EMAIL,
        "organiser": "Pays Diois",
        **fields,
    }
    page = EventPageFactory(parent=index, dates=dates or [{"start": START, "end": END, "capacity": capacity}], **values)
    workshop = Workshop(index=index, page=page, date=EventDate.objects.filter(page=page).order_by("start").first())
    if english:
        translate(index, site_tree.en, title="Events", slug="events")
        workshop.page_en = translate(page, site_tree.en, title="Settlement workshop", slug="settlement-workshop")
        workshop.date_en = EventDate.objects.filter(page=workshop.page_en).order_by("start").first()
    return workshop


def person(n=1, **fields):
    """What a participant types in the form."""
    return {
        "first_name": f"Alex{n}",
        "last_name": "Durand",
        "email": f"alex{n}@example.org",
        "organisation": "Mairie de Die",
        "role": "Chargée de mission",
        "territory": "Pays Diois",
        **fields,
    }


def site_session(site_tree, *, capacity=20, days_ahead=30, deadline=None, **page_fields):
    """A published regional event registered on this site, with one date ``days_ahead`` from now (real time:
    for the tests whose threads or links cannot share a frozen clock)."""
    index = EventIndexPageFactory(parent=site_tree.home)
    start = timezone.now() + datetime.timedelta(days=days_ahead)
    fields = {
        "title": "Session Ma petite entreprise rurale",
        "registration_mode": RegistrationMode.SITE,
        "contact_email": ORGANISER_EMAIL,
        **page_fields,
    }
    page = EventPageFactory(
        parent=index,
        dates=[
            {
                "start": start,
                "end": start + datetime.timedelta(hours=3),
                "capacity": capacity,
                "registration_deadline": deadline,
            }
        ],
        **fields,
    )
    page.save_revision().publish()
    return page, page.dates.get()


def calendar_of(message):
    """The .ics attachment's MIME part and its calendar, or (None, None)."""
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return part, Calendar.from_ical(part.get_payload(decode=True))
    return None, None
