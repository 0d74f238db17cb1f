"""Backups: dump the test database and a MEDIA_ROOT, restore both into a fresh database and directory, and find
the same pages and the same image bytes there. The round trip runs on PostgreSQL (make test-postgres); the
refusals run everywhere."""

import json
import shutil
import uuid
from io import StringIO
from urllib.parse import quote

import psycopg
import pytest
import wagtail_factories

from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.models import Locale, Page

from cms.backups import complete_backups
from tests.conftest import build_site_tree, restore_migrated_state
from tests.factories import StandardPageFactory


def database_url(settings_dict, name=None):
    """A URL for the test database's server (and ``name`` on it, or the test database itself)."""
    credentials = quote(settings_dict["USER"] or "", safe="")
    if settings_dict["PASSWORD"]:
        credentials += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or "5432"
    return f"postgresql://{credentials}@{host}:{port}/{name or settings_dict['NAME']}"


def on_postgresql():
    return connection.vendor == "postgresql"


@pytest.fixture(scope="module")
def migrated_state_afterwards(migrated_state, django_db_blocker):
    """This test commits (pg_dump reads from its own connection) and is emptied afterwards: the migrated state
    (locales, root page, groups) comes back for the tests after it on this worker."""
    yield
    with django_db_blocker.unblock():
        restore_migrated_state(migrated_state)


@pytest.fixture
def fresh_database():
    """The name of a database that does not exist yet; dropped at the end whatever happened."""
    name = f"villecampagne_restore_{uuid.uuid4().hex[:12]}"
    yield name
    admin = database_url(connection.settings_dict, "postgres")
    with psycopg.connect(admin, autocommit=True) as maintenance:
        maintenance.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(not on_postgresql(), reason="pg_dump and pg_restore need PostgreSQL (make test-postgres)")
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed (apt-get install postgresql-client)")
def test_a_backup_restores_into_a_fresh_database_with_the_same_pages_and_media(
    transactional_db, migrated_state_afterwards, migrated_state, fresh_database, tmp_path, settings
):
    if not Locale.objects.exists():
        restore_migrated_state(migrated_state)
    settings.MEDIA_ROOT = tmp_path / "media"
    english, _ = Locale.objects.get_or_create(language_code="en")
    tree = build_site_tree(Locale.objects.get(language_code="fr"), english)
    StandardPageFactory(parent=tree.home, title="Covoiturage solidaire", slug="covoiturage")
    StandardPageFactory(parent=tree.home, title="Brouillon d'atelier", slug="atelier", live=False)
    image = wagtail_factories.ImageFactory(title="Halle du marché")
    image_bytes = (settings.MEDIA_ROOT / image.file.name).read_bytes()
    pages = list(Page.objects.order_by("path").values_list("title", "url_path", "live"))
    assert ("Brouillon d'atelier", "/accueil/atelier/", False) in pages

    out = StringIO()
    call_command(
        "backup",
        "--database-url",
        database_url(connection.settings_dict),
        "--output-dir",
        str(tmp_path / "backups"),
        stdout=out,
    )
    [backup] = complete_backups(tmp_path / "backups")
    assert str(backup) in out.getvalue()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["pages"] == len(pages)
    assert manifest["media_files"] == 1
    assert manifest["database"] == connection.settings_dict["NAME"]
    assert manifest["files"]["database.dump"]["bytes"] == (backup / "database.dump").stat().st_size

    target = database_url(connection.settings_dict, fresh_database)
    restored_media = tmp_path / "restored-media"
    out = StringIO()
    call_command("restore", str(backup), "--database-url", target, "--media-root", str(restored_media), stdout=out)
    assert f"(base créée) : {len(pages)} pages, 1 fichiers médias" in out.getvalue()

    with psycopg.connect(target) as restored:
        rows = restored.execute("SELECT title, url_path, live FROM wagtailcore_page ORDER BY path").fetchall()
        image_row = restored.execute("SELECT title, file FROM wagtailimages_image").fetchall()
    assert rows == pages
    assert image_row == [("Halle du marché", image.file.name)]
    assert (restored_media / image.file.name).read_bytes() == image_bytes

    # Restoring again over the same database (as after a disaster, over the site's own) replaces its content.
    call_command("restore", str(backup), "--database-url", target, "--media-root", str(restored_media), stdout=out)
    with psycopg.connect(target) as restored:
        assert restored.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0] == len(pages)

    # A damaged copy is refused before anything is touched.
    with (backup / "media.tar.gz").open("ab") as archive:
        archive.write(b"garbage")
    with pytest.raises(CommandError, match="abîmé"):
        call_command("restore", str(backup), "--database-url", target, "--media-root", str(restored_media))


def test_backup_refuses_sqlite(tmp_path):
    with pytest.raises(CommandError, match="ne prend en charge que PostgreSQL"):
        call_command("backup", "--database-url", f"sqlite:///{tmp_path / 'db.sqlite3'}", "--output-dir", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_backup_refuses_without_pg_dump(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="pg_dump est introuvable"):
        call_command("backup", "--database-url", "postgresql://postgres@127.0.0.1:5432/villecampagne")


def test_backup_refuses_without_a_database_url(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(CommandError, match="DATABASE_URL n'est pas défini"):
        call_command("backup", "--database-url", "")
