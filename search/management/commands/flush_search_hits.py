"""``manage.py flush_search_hits``: every five minutes (``cms.schedule``), the searches counted in Redis written to
Wagtail's "Search terms" report (``search.hits``)."""

from django.core.management.base import BaseCommand

from search.hits import flush_hits, redis


class Command(BaseCommand):
    help = (
        "Écrit dans le rapport « Termes de recherche » les recherches comptées dans Redis depuis le dernier passage. "
        "Sans Redis, les recherches sont déjà écrites en base : rien à faire."
    )

    def handle(self, *args, **options):
        if redis() is None:
            self.stdout.write("Le cache n'est pas Redis : les recherches sont écrites en base à mesure.")
            return
        self.stdout.write(f"{flush_hits()} recherche(s) écrite(s) dans le rapport.")
