"""``manage.py export_translations --locale en out.zip``: the PO files of the pages to translate, for a translator."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from cms.translations.po import export_zip, pages_to_translate


class Command(BaseCommand):
    help = (
        "Exporte un fichier PO par page française dont la traduction est manquante ou à mettre à jour, dans une "
        "archive ZIP. Prépare les traductions comme le bouton « Traduire cette page » (brouillon non publié) et "
        "relit les pages françaises modifiées ; ne publie rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="Chemin de l'archive ZIP à écrire.")
        parser.add_argument("--locale", default="en", help="Langue cible (par défaut : en).")

    def handle(self, output, locale, **options):
        source = Locale.get_default()
        target = Locale.objects.filter(language_code=locale).first()
        if target is None or target == source:
            raise CommandError(f"Langue cible inconnue : {locale}")
        data, names = export_zip(pages_to_translate(source, target), target)
        Path(output).write_bytes(data)
        self.stdout.write(f"{len(names)} fichier(s) PO écrit(s) dans {output}")
        for name in names:
            self.stdout.write(f"  {name}")
