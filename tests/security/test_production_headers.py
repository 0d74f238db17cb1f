"""The headers a response really carries under cms.settings.production: HSTS, nosniff, Referrer-Policy,
Permissions-Policy, frame denial and the strict Content-Security-Policy, on a plain file and on the 404 page."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from django.db import connection

from tests.cms.test_settings import PRODUCTION_ENV, ROOT, run_manage

# The test database must exist (pytest-django creates it only for a session with database tests).
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def migrated_sqlite_file(django_db_setup, django_db_blocker, tmp_path_factory):
    """A file copy of the migrated test database (SQLite's backup API: no second `migrate`, which takes minutes).

    Module-scoped, so that it is taken outside any test's transaction (a backup waits forever on a database that
    a transaction holds locked).
    """
    if connection.vendor != "sqlite":
        pytest.skip("copies the SQLite test database; the headers do not depend on the database")
    path = tmp_path_factory.mktemp("production") / "production.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
    return path


def production_responses(database):
    inherited = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k not in inherited}
    env = {
        **clean,
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.security.production_headers"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_responses_carry_the_security_headers(migrated_sqlite_file):
    responses = production_responses(migrated_sqlite_file)
    assert responses["/robots.txt"]["status"] == 200
    assert responses["/fr/page-qui-n-existe-pas/"]["status"] == 404
    for path in ("/robots.txt", "/fr/page-qui-n-existe-pas/"):
        headers = responses[path]["headers"]
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload", path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "geolocation=()" in headers["Permissions-Policy"]
        policy = headers["Content-Security-Policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'"):
            assert directive in policy, path
        assert "frame-ancestors 'none'" in policy
        assert "unsafe" not in policy
        # The production tile server (OSM by default) is the one foreign origin, for images only.
        assert "img-src 'self' data: https://tile.openstreetmap.org" in policy
    # Plain HTTP is sent to HTTPS.
    assert responses["http"]["status"] == 301
    assert responses["http"]["headers"]["Location"].startswith("https://")


SHOW = (
    "from django.conf import settings as s; "
    "print(s.AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
    "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_SAMESITE)"
)


@pytest.mark.parametrize(("value", "allowed"), [(None, "False"), ("0", "False"), ("1", "True")])
def test_private_feed_hosts_are_refused_unless_the_environment_allows_them(value, allowed):
    env = dict(PRODUCTION_ENV)
    if value is not None:
        env["AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS"] = value
    result = run_manage("shell", "-c", SHOW, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [allowed, "True", "True", "True", "True", "Lax"]
