"""Remind the confirmed participants of the dates starting in the next days (run daily)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from agenda.models import DateStatus, EmailKind, Registration, RegistrationEmail, RegistrationStatus
from agenda.registrations.emails import send_pending_emails


def registrations_to_remind(days, now=None):
    """Confirmed registrations whose date starts within ``days`` days and that were not reminded yet."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            anonymised_at__isnull=True,
            date__start__gt=now,
            date__start__lte=now + datetime.timedelta(days=days),
        )
        .exclude(date__status__in=[DateStatus.CANCELLED, DateStatus.POSTPONED])
        .exclude(emails__kind=EmailKind.REMINDER)
        .order_by("date__start", "pk")
    )


class Command(BaseCommand):
    help = "Envoie le rappel (J-2 par défaut) aux inscrits confirmés des dates qui approchent, une fois."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.AGENDA_REGISTRATION_REMINDER_DAYS,
            help="Dates commençant dans ce nombre de jours (AGENDA_REGISTRATION_REMINDER_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien envoyer.")

    def handle(self, *args, days, dry_run=False, **options):
        registrations = list(registrations_to_remind(days))
        if dry_run:
            self.stdout.write(f"{len(registrations)} rappel(s) à envoyer (essai : rien n'est envoyé).")
            return
        ids = []
        for registration in registrations:
            # The unique constraint keeps one reminder per registration, even with two runs at once.
            with transaction.atomic():
                email, _ = RegistrationEmail.objects.get_or_create(registration=registration, kind=EmailKind.REMINDER)
            if email.sent_at is None:
                ids.append(email.pk)
        result = send_pending_emails(ids)
        self.stdout.write(
            f"{len(ids)} rappel(s) : {result.sent} envoyé(s), {result.failed} en échec "
            "(renvoyés par send_registration_emails)."
        )
