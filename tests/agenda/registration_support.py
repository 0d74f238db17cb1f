"""Building a session people register for on this site, and the participants' details."""

import datetime

from django.utils import timezone

from agenda.models import RegistrationMode
from tests.factories import EventIndexPageFactory, EventPageFactory


def participant(number=1, **changes):
    """The form's data for a participant (``number`` makes the address unique)."""
    data = {
        "first_name": "Camille",
        "last_name": f"Martin {number}",
        "email": f"camille.martin{number}@example.org",
        "organisation": "Communauté de communes du Diois",
        "role": "Chargée de mission",
        "territory": "Pays Diois",
        "phone": "",
        "needs": "",
        "comment": "",
    }
    data.update(changes)
    return data


def site_session(site_tree, *, capacity=20, days_ahead=30, deadline=None, **page_fields):
    """A published regional event registered on this site, with one date ``days_ahead`` from now."""
    index = EventIndexPageFactory(parent=site_tree.home)
    start = timezone.now() + datetime.timedelta(days=days_ahead)
    fields = {
        "title": "Session Ma petite entreprise rurale",
        "registration_mode": RegistrationMode.SITE,
        "contact_email": "sessions@example.org",
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
