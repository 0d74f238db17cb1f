"""Send the registrations' emails still in the outbox (a mail server that was down); run every few minutes."""

from django.core.management.base import BaseCommand

from agenda.registrations.emails import MAX_ATTEMPTS, pending_emails, send_pending_emails


class Command(BaseCommand):
    help = f"Envoie les courriels d'inscription en attente (ceux qui ont échoué, jusqu'à {MAX_ATTEMPTS} essais)."

    def handle(self, *args, **options):
        pending = pending_emails().count()
        result = send_pending_emails()
        self.stdout.write(
            f"{pending} courriel(s) en attente : {result.sent} envoyé(s), {result.failed} en échec, "
            f"{result.skipped} sans objet."
        )
