"""``manage.py backup``: dump the database and archive the media (cms/backups.py).

A management command rather than a standalone script: it takes MEDIA_ROOT and the backups directory from the
site's own settings (no second place to configure them), runs from the schedule like every other job
(``scheduled_jobs --run backup``, cms/schedule.py), and reports failures as a message and exit status 1. The
database itself is read from ``DATABASE_URL`` (or ``--database-url``) with pg_dump, not through the ORM.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError

from cms import backups


def default_backups_dir():
    return Path(os.environ.get("BACKUP_DIR") or Path(settings.BASE_DIR) / "backups")


class Command(BaseCommand):
    help = "Sauvegarde la base PostgreSQL (pg_dump) et les médias dans BACKUP_DIR/<date UTC>/."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), help="Défaut : DATABASE_URL.")
        parser.add_argument("--media-root", default=None, help="Défaut : MEDIA_ROOT.")
        parser.add_argument("--output-dir", default=None, help="Défaut : BACKUP_DIR, sinon ./backups.")
        parser.add_argument("--keep", type=int, default=0, help="Ne garder que les N dernières sauvegardes.")

    def handle(self, *args, **options):
        output_dir = Path(options["output_dir"] or default_backups_dir())
        try:
            backup = backups.create_backup(
                options["database_url"], options["media_root"] or settings.MEDIA_ROOT, output_dir
            )
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        manifest = backups.read_manifest(backup)
        self.stdout.write(
            f"Sauvegarde écrite : {backup} ({manifest['pages']} pages, {manifest['media_files']} fichiers médias, "
            f"{sum(file['bytes'] for file in manifest['files'].values()) // 1024} Kio)"
        )
        if options["keep"] > 0:
            for path in backups.prune(output_dir, options["keep"]):
                self.stdout.write(f"Ancienne sauvegarde supprimée : {path}")
