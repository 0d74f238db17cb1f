"""``manage.py load_demo``: load (or refresh) the bilingual demo content and the demo accounts."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.demo import accounts, app_accounts, load_demo
from home.models import HomePage


class _Silent:
    def write(self, *args, **kwargs):
        pass


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration (arborescence française, traduction anglaise synchronisée, "
        "images générées, comptes de démonstration). Peut être relancée : met à jour sans dupliquer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Ne rien charger si une page d'accueil existe.")
        parser.add_argument(
            "--print-accounts",
            action="store_true",
            help="Afficher les comptes de démonstration ; avec DEBUG, leur donner un nouveau mot de passe aléatoire.",
        )

    def handle(self, *args, if_empty=False, print_accounts=False, verbosity=1, **options):
        out = self.stdout if verbosity > 0 else _Silent()
        # Passwords are only ever set, and shown, on a development machine.
        reset_passwords = print_accounts and settings.DEBUG
        if if_empty and HomePage.objects.exists():
            out.write("A home page already exists: demo content not loaded (--if-empty).")
            rows = []
            if print_accounts:
                rows = accounts.reset_existing_accounts(reset_passwords=reset_passwords)
                rows += app_accounts(reset_passwords=reset_passwords, existing_only=True)
        else:
            started = time.monotonic()
            rows = load_demo(out, warnings=self.stderr, reset_passwords=reset_passwords)
            out.write(self.style.SUCCESS(f"Demo content loaded in {time.monotonic() - started:.1f} s."))
        if print_accounts:
            accounts.print_accounts(self.stdout, rows, settings.DEBUG)
