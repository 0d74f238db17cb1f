"""Move the horizon of recurring events forward: one more day of generated dates (run nightly)."""

from django.core.management.base import BaseCommand

from agenda.models import EventPage
from agenda.recurrence import generate_dates


class Command(BaseCommand):
    help = "Prolonge les dates des événements répétés jusqu'à l'horizon (18 mois)."

    def handle(self, *args, **options):
        added = removed = 0
        pages = EventPage.objects.live().exclude(recurrence="")
        for page in pages:
            page_added, page_removed = generate_dates(page)
            added += page_added
            removed += page_removed
        self.stdout.write(f"{pages.count()} événement(s) répété(s) : {added} date(s) ajoutée(s), {removed} retirée(s).")
