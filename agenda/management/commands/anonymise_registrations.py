"""Anonymise the registrations of dates past the retention period (run daily or monthly).

What stays is what the network counts: the event, the date, the status (who came), the territory and the
dates of the registration. The rest is personal and goes: name, address, organisation and role (in a
small rural structure, an organisation and a role name one person: a farm, a commune's mayor), phone,
needs, comment, the account; and the emails sent about it (their addresses, an organiser's messages).
"""

import calendar

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from agenda.models import Registration, RegistrationEmail

ANONYMOUS_NAME = "Anonyme"
# Not an address (the .invalid domain never resolves, RFC 2606), but a valid EmailField value.
ANONYMOUS_EMAIL = "anonyme@anonyme.invalid"


def months_before(moment, months):
    """``moment`` ``months`` months earlier (the 31 March less one month is the 28 or 29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def anonymise_registrations(months, now=None):
    """Anonymise the registrations whose date started more than ``months`` months ago; returns how many."""
    now = now or timezone.now()
    cutoff = months_before(now, months)
    with transaction.atomic():
        registrations = Registration.objects.filter(anonymised_at__isnull=True, date_start__lt=cutoff)
        RegistrationEmail.objects.filter(registration__in=registrations).delete()
        return registrations.update(
            first_name=ANONYMOUS_NAME,
            last_name="",
            email=ANONYMOUS_EMAIL,
            organisation="",
            role="",
            phone="",
            needs="",
            comment="",
            user=None,
            anonymised_at=now,
            updated_at=now,
        )


class Command(BaseCommand):
    help = "Anonymise les inscriptions aux dates passées depuis plus de AGENDA_REGISTRATION_RETENTION_MONTHS mois."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.AGENDA_REGISTRATION_RETENTION_MONTHS,
            help="Durée de conservation en mois (par défaut AGENDA_REGISTRATION_RETENTION_MONTHS).",
        )

    def handle(self, *args, months, **options):
        if months < 0:
            raise CommandError("--months doit être positif ou nul.")
        count = anonymise_registrations(months)
        self.stdout.write(f"{count} inscription(s) anonymisée(s) (dates de plus de {months} mois).")
