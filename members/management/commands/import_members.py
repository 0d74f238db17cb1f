"""``manage.py import_members path.csv``: the admin's CSV import from the command line."""

from django.core.management.base import BaseCommand, CommandError

from members.importer import COLUMNS, import_members


class Command(BaseCommand):
    help = (
        "Importe des organisations adhérentes, leurs adhésions et leurs personnes depuis un fichier CSV "
        f"(colonnes : {', '.join(COLUMNS)}). Rien n'est écrit si une ligne est invalide ; relancer le même "
        "fichier ne change rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Chemin du fichier CSV.")

    def handle(self, *args, path, **options):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(f"Lecture impossible : {error}") from error
        result = import_members(data)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} ligne(s) invalide(s) : rien n'a été importé.")
        self.stdout.write(result.summary())
