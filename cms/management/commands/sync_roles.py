"""Put the editors' roles in step with cms/roles.py: ``manage.py sync_roles`` (idempotent)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from cms.roles import sync_roles


class Command(BaseCommand):
    help = (
        'Create or correct the "Communication", "Territoire – <nom>" (one per territory, with its collection) '
        'and "Adhérents" groups; print every permission added or removed.'
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            changes = sync_roles(apps)
        for line in changes:
            self.stdout.write(line)
        self.stdout.write(f"{len(changes)} change(s)." if changes else "Roles already in step.")
