"""The request log: one JSON line per request with what operators need, and nothing personal or secret."""

import io
import json
import logging
import os
import subprocess
import sys

import pytest

from django.conf import settings
from django.utils.module_loading import import_string

from cms.logging_config import json_logging
from tests.factories import UserFactory

TOKEN = "AbCdEf123-secret-token"


def handler_from_production_config():
    """A handler built like production's console handler (same JSON formatter and filter), writing to a buffer."""
    config = json_logging()
    options = dict(config["formatters"]["json"])
    formatter = import_string(options.pop("()"))(**options)
    handler = logging.StreamHandler(io.StringIO())
    handler.setFormatter(formatter)
    handler.addFilter(import_string(config["filters"]["hide_request_secrets"]["()"])())
    return handler


@pytest.fixture
def request_log():
    """Read back the lines the request log wrote, each parsed as JSON."""
    handler = handler_from_production_config()
    log = logging.getLogger("cms.requests")
    level = log.level
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    def lines():
        return [json.loads(line) for line in handler.stream.getvalue().splitlines()]

    yield lines
    log.removeHandler(handler)
    log.setLevel(level)


def only_line(request_log):
    lines = request_log()
    assert len(lines) == 1, lines
    return lines[0]


def test_anonymous_get_logs_one_line_without_the_query_string(client, db, request_log):
    response = client.get("/healthz?q=someone@example.org", HTTP_X_REQUEST_ID="f3a9c2d1e4b5")
    line = only_line(request_log)
    assert line["method"] == "GET"
    assert line["path"] == "/healthz"
    assert line["status"] == response.status_code == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["user_id"] is None
    assert line["request_id"] == "f3a9c2d1e4b5"
    assert line["logger"] == "cms.requests" and line["level"] == "INFO"
    assert line["time"].startswith("20") and line["time"].endswith("+00:00")
    raw = json.dumps(line)
    assert "someone" not in raw and "example.org" not in raw and "q=" not in raw


def test_an_implausible_request_id_is_dropped(client, db, request_log):
    client.get("/healthz", HTTP_X_REQUEST_ID="someone@example.org")
    line = only_line(request_log)
    assert line["request_id"] is None
    assert "example.org" not in json.dumps(line)


def test_logged_in_user_is_logged_by_id_only(client, db, request_log):
    user = UserFactory(username="camille.martin", email="camille.martin@example.org")
    client.force_login(user)
    client.get("/healthz")
    line = only_line(request_log)
    assert line["user_id"] == user.pk
    raw = json.dumps(line)
    assert "camille" not in raw and "example.org" not in raw


def test_a_posted_password_is_never_logged(client, db, request_log):
    UserFactory(username="dominique", email="dominique@example.org")
    response = client.post(
        "/fr/compte/connexion/", {"username": "dominique@example.org", "password": "Tr0ub4dor&3-secret"}
    )
    line = only_line(request_log)
    assert line["method"] == "POST"
    assert line["path"] == "/fr/compte/connexion/"
    assert line["status"] == response.status_code
    raw = json.dumps(line)
    assert "Tr0ub4dor" not in raw and "dominique" not in raw


@pytest.mark.parametrize(
    ("url", "logged_path"),
    [
        (f"/fr/inscriptions/annuler/{TOKEN}/", "/fr/inscriptions/annuler/<token>/"),
        (f"/en/registrations/cancel/{TOKEN}/", "/en/registrations/cancel/<token>/"),
        # Redirected by APPEND_SLASH before any view: the path is resolved for the log all the same.
        (f"/fr/inscriptions/annuler/{TOKEN}", "/fr/inscriptions/annuler/<token>"),
        (f"/fr/compte/mot-de-passe/nouveau/MQ/{TOKEN}/", "/fr/compte/mot-de-passe/nouveau/<uidb64>/<token>/"),
        (f"/admin/password_reset/confirm/MQ/{TOKEN}/", "/admin/password_reset/confirm/<uidb64>/<token>/"),
    ],
)
def test_tokens_in_paths_are_masked(client, db, site_tree, request_log, url, logged_path):
    response = client.get(url)
    line = only_line(request_log)
    assert line["path"] == logged_path
    assert line["status"] == response.status_code
    assert TOKEN not in json.dumps(line)


def test_ordinary_paths_are_logged_as_they_are(client, db, site_tree, request_log):
    client.get("/fr/")
    assert only_line(request_log)["path"] == "/fr/"


PRODUCTION_SCRIPT = """
import django, logging
from django.test import Client
django.setup()
# No table in this empty database: the cancel page fails (500), and Django logs that error too.
client = Client(raise_request_exception=False)
client.get("/healthz?q=someone@example.org", secure=True, HTTP_X_REQUEST_ID="req-42")
client.get("/fr/inscriptions/annuler/{token}/?email=someone@example.org", secure=True)
logging.getLogger("cms.demo").warning("plain record")
"""


def test_production_logging_writes_json_lines_on_stderr(tmp_path):
    """The real production settings (imported in a fresh process with a production environment): every line on
    stderr is a JSON object, Django's own "Internal Server Error: <path>" record (token masked) and Python's
    warnings included."""
    # Static files are not collected here: the manifest storage would fail on the first template.
    (tmp_path / "production_here.py").write_text(
        "from cms.settings.production import *\n"
        "STORAGES['staticfiles'] = {'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "production_here",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "CACHE_URL": "redis://127.0.0.1:6379/9",
        "EMAIL_HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRODUCTION_SCRIPT.format(token=TOKEN)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert all(isinstance(line, dict) for line in lines)
    requests = [line for line in lines if line["logger"] == "cms.requests"]
    assert [(line["method"], line["path"]) for line in requests] == [
        ("GET", "/healthz"),
        ("GET", "/fr/inscriptions/annuler/<token>/"),
    ]
    assert requests[0]["request_id"] == "req-42"
    django_request = next(line for line in lines if line["logger"] == "django.request")
    assert django_request["message"] == "Internal Server Error: /fr/inscriptions/annuler/<token>/"
    assert "Traceback" in django_request["exc_info"]
    assert "request" not in django_request
    assert any(line["message"] == "plain record" and line["level"] == "WARNING" for line in lines)
    assert TOKEN not in result.stderr and "someone" not in result.stderr


def test_djangos_own_bad_request_record_hides_the_token(client, db, site_tree):
    """A bad cancel link answers 400, which Django logs as "Bad Request: <path>" with the whole request attached."""
    handler = handler_from_production_config()
    django_request = logging.getLogger("django.request")
    django_request.addHandler(handler)
    try:
        response = client.get(f"/fr/inscriptions/annuler/{TOKEN}/?email=someone@example.org")
    finally:
        django_request.removeHandler(handler)
    assert response.status_code == 400
    [line] = [json.loads(line) for line in handler.stream.getvalue().splitlines()]
    assert line["message"] == "Bad Request: /fr/inscriptions/annuler/<token>/"
    assert line["status_code"] == 400
    assert "request" not in line
    assert TOKEN not in handler.stream.getvalue() and "someone" not in handler.stream.getvalue()
