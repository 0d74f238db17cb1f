"""``manage.py restore BACKUP_DIR``: restore a backup of ``manage.py backup`` (cms/backups.py).

The target database is given by URL (``--database-url``, default ``DATABASE_URL``) and created when missing;
restoring into a fresh database first is how a backup is checked without touching the site. The command
compares the restored page count with the manifest and fails when they differ.
"""

import os

from django.conf import settings
from django.core.management import BaseCommand, CommandError

from cms import backups


class Command(BaseCommand):
    help = "Restaure une sauvegarde (base PostgreSQL et médias) dans la base et le répertoire donnés."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Répertoire de la sauvegarde (backups/<date UTC>).")
        parser.add_argument(
            "--database-url", default=os.environ.get("DATABASE_URL"), help="Base cible. Défaut : DATABASE_URL."
        )
        parser.add_argument("--media-root", default=None, help="Répertoire cible des médias. Défaut : MEDIA_ROOT.")

    def handle(self, *args, **options):
        try:
            result = backups.restore_backup(
                options["backup"], options["database_url"], options["media_root"] or settings.MEDIA_ROOT
            )
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result["manifest"]
        if (result["pages"], result["media_files"]) != (manifest["pages"], manifest["media_files"]):
            raise CommandError(
                f"Restauration incomplète : {result['pages']} pages et {result['media_files']} fichiers, "
                f"la sauvegarde en annonce {manifest['pages']} et {manifest['media_files']}."
            )
        created = " (base créée)" if result["created"] else ""
        self.stdout.write(
            f"Restauré{created} : {result['pages']} pages, {result['media_files']} fichiers médias "
            f"(sauvegarde du {manifest['created']}, base {manifest['database']})."
        )
