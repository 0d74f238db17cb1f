"""Backups of the site: the PostgreSQL database (``pg_dump -Fc``) and the media files (a tar.gz), in one
directory per backup, ``<BACKUP_DIR>/<UTC time>/``, with a ``manifest.json`` to check a copy or a restore against.

The database is read from a URL (``DATABASE_URL``), not through the ORM: a restore can then target any database,
a fresh one to check a backup or the production one after a disaster, whatever the settings point at. The page
count of the manifest is read in the very snapshot pg_dump exports (``--snapshot``), so a restore must find
exactly that many pages even if editors were working during the backup.

A backup is written under ``<time>.partial/`` and renamed when complete: an interrupted one is never taken for
a good one (and is not counted by ``prune``).
"""

import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"
PAGE_COUNT = "SELECT count(*) FROM wagtailcore_page"


class BackupError(Exception):
    """What went wrong, said to the operator (the management commands turn it into a CommandError)."""


@dataclass(frozen=True)
class Database:
    """A PostgreSQL database given by URL, for psycopg and for the libpq tools (pg_dump, pg_restore)."""

    name: str
    user: str
    password: str
    host: str
    port: str
    sslmode: str

    @classmethod
    def from_url(cls, url):
        if not url:
            raise BackupError("DATABASE_URL n'est pas défini (DATABASE_URL is not set).")
        config = dj_database_url.parse(url)
        if "postgresql" not in config["ENGINE"]:
            raise BackupError(
                "La sauvegarde ne prend en charge que PostgreSQL : DATABASE_URL désigne "
                f"{config['ENGINE'].rsplit('.', 1)[-1]}. (Backups need PostgreSQL; copy the SQLite file instead.)"
            )
        return cls(
            name=config["NAME"],
            user=config.get("USER") or "",
            password=config.get("PASSWORD") or "",
            host=config.get("HOST") or "",
            port=str(config.get("PORT") or ""),
            sslmode=config.get("OPTIONS", {}).get("sslmode", ""),
        )

    def libpq_env(self):
        """The connection for pg_dump and pg_restore, in the environment: a password never shows in ``ps``."""
        values = {
            "PGHOST": self.host,
            "PGPORT": self.port,
            "PGUSER": self.user,
            "PGPASSWORD": self.password,
            "PGDATABASE": self.name,
            "PGSSLMODE": self.sslmode,
        }
        return {**os.environ, **{key: value for key, value in values.items() if value}}

    def connect(self, dbname=None, **options):
        params = {"host": self.host, "port": self.port, "user": self.user, "password": self.password}
        params = {key: value for key, value in params.items() if value}
        if self.sslmode:
            params["sslmode"] = self.sslmode
        return psycopg.connect(dbname=dbname or self.name, connect_timeout=10, **params, **options)


def require_tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} est introuvable : installez le client PostgreSQL (apt-get install postgresql-client). "
            f"({name} not found: install the PostgreSQL client tools.)"
        )
    return path


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} a échoué ({result.returncode}) : {result.stderr.strip()}")
    return result.stdout


def _describe(path):
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def _archive_media(media_root, archive):
    """Every file under MEDIA_ROOT, stored under ``media/`` in the archive; returns the number of files."""
    media_root = Path(media_root)
    count = 0
    with tarfile.open(archive, "w:gz") as tar:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    tar.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}", recursive=False)
                    count += 1
    return count


def create_backup(database_url, media_root, backups_dir, now=None):
    """Dump the database and archive the media into ``backups_dir/<UTC time>/``; return that directory."""
    database = Database.from_url(database_url)
    pg_dump = require_tool("pg_dump")
    now = now or datetime.datetime.now(datetime.UTC)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    final = Path(backups_dir) / stamp
    partial = Path(backups_dir) / f"{stamp}.partial"
    if final.exists():
        raise BackupError(f"{final} existe déjà (already exists).")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)

    try:
        # One snapshot for the page count and the dump: both see the same pages.
        with database.connect(autocommit=True) as connection:
            connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
            pages = connection.execute(PAGE_COUNT).fetchone()[0]
            _run(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={partial / DATABASE_FILE}"],
                database.libpq_env(),
            )
            connection.execute("ROLLBACK")
        media_files = _archive_media(media_root, partial / MEDIA_FILE)
        manifest = {
            "format": 1,
            "created": now.isoformat(timespec="seconds"),
            "database": database.name,
            "pages": pages,
            "media_files": media_files,
            "pg_dump": _run([pg_dump, "--version"], os.environ).strip(),
            "files": {name: _describe(partial / name) for name in (DATABASE_FILE, MEDIA_FILE)},
        }
        (partial / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    partial.rename(final)
    return final


def complete_backups(backups_dir):
    """The complete backups in ``backups_dir``, oldest first (the names are UTC times)."""
    backups_dir = Path(backups_dir)
    if not backups_dir.is_dir():
        return []
    return sorted(path for path in backups_dir.iterdir() if (path / MANIFEST_FILE).is_file())


def prune(backups_dir, keep):
    """Delete all but the ``keep`` most recent complete backups; return the deleted directories."""
    backups = complete_backups(backups_dir)
    doomed = backups[:-keep] if keep > 0 else []
    for path in doomed:
        shutil.rmtree(path)
    return doomed


def read_manifest(backup_dir):
    """The manifest, after checking each file against its size and checksum (a truncated copy is refused)."""
    backup_dir = Path(backup_dir)
    try:
        manifest = json.loads((backup_dir / MANIFEST_FILE).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{backup_dir} n'est pas une sauvegarde lisible (not a readable backup): {error}") from error
    for name, expected in manifest["files"].items():
        path = backup_dir / name
        if not path.is_file() or _describe(path) != expected:
            raise BackupError(f"{path} est absent ou abîmé (missing or damaged: size or checksum differs).")
    return manifest


def _create_database_if_missing(database):
    with database.connect(dbname="postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database.name]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database.name)))
    return not exists


def _extract_media(archive, media_target):
    """Extract the archive's ``media/…`` files into ``media_target`` (files of the same name are replaced)."""
    media_target = Path(media_target)
    media_target.mkdir(parents=True, exist_ok=True)
    count = 0
    with tarfile.open(archive, "r:gz") as tar:
        members = []
        for member in tar.getmembers():
            if not member.isfile() or not member.name.startswith("media/"):
                continue
            member.name = member.name.removeprefix("media/")
            members.append(member)
        tar.extractall(media_target, members=members, filter="data")  # "data": nothing outside the target
        count = len(members)
    return count


def restore_backup(backup_dir, database_url, media_target):
    """Restore a backup into the database at ``database_url`` (created when missing) and the media into
    ``media_target``. Returns what was found, to compare with the manifest."""
    manifest = read_manifest(backup_dir)
    database = Database.from_url(database_url)
    pg_restore = require_tool("pg_restore")
    created = _create_database_if_missing(database)
    # All or nothing: one transaction, stopped at the first error, so a failed restore leaves the database as it was.
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database.name}",
            str(Path(backup_dir) / DATABASE_FILE),
        ],
        database.libpq_env(),
    )
    with database.connect() as connection:
        pages = connection.execute(PAGE_COUNT).fetchone()[0]
    media_files = _extract_media(Path(backup_dir) / MEDIA_FILE, media_target)
    return {"created": created, "pages": pages, "media_files": media_files, "manifest": manifest}
