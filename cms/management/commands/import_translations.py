"""``manage.py import_translations file.po|file.zip [--publish]``: apply a translator's PO files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.translations.po import import_upload


class Command(BaseCommand):
    help = (
        "Importe un fichier PO (ou une archive ZIP de fichiers PO) exporté par export_translations ou par "
        "l'éditeur de traduction. Chaque fichier est vérifié en entier puis appliqué d'un bloc ; les textes "
        "refusés sont listés. Avec --publish, les pages entièrement traduites sont publiées."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Fichier .po ou archive .zip.")
        parser.add_argument("--publish", action="store_true", help="Publier les traductions complètes.")

    def handle(self, path, publish, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        reports = import_upload(file.name, file.read_bytes(), publish=publish)
        for report in reports:
            if report.error:
                self.stdout.write(f"{report.name} : refusé – {report.error}")
                continue
            published = " (publiée)" if report.published else ""
            self.stdout.write(f"{report.name} : {report.applied} texte(s) appliqué(s) – {report.page_title}{published}")
            for text, reason in report.refused:
                self.stdout.write(f"  refusé : « {text} » – {reason}")
        if any(report.error for report in reports):
            raise CommandError("Des fichiers ont été refusés (voir ci-dessus).")
