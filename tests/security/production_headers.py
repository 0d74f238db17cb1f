"""Print, as JSON, the headers of a few responses served under cms.settings.production.

Run by tests/security/test_production_headers.py in a subprocess (the production settings module must be the one
Django starts with), with DATABASE_URL naming a migrated SQLite database. Two things are swapped, neither of them about
headers: the cache (the header test must not need Redis) and the static files' storage (the manifest is built by
collectstatic at deployment, not here).
"""

import json
import sys

import django
from django.conf import settings
from django.test import Client, override_settings

django.setup()

HOST = settings.ALLOWED_HOSTS[0]
PATHS = ["/robots.txt", "/fr/page-qui-n-existe-pas/"]

with override_settings(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
):
    # Behind the proxy, HTTPS is what X-Forwarded-Proto says (SECURE_PROXY_SSL_HEADER).
    client = Client(secure=True, HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    insecure = Client(HTTP_HOST=HOST)
    result = {path: {"status": (r := client.get(path)).status_code, "headers": dict(r.headers)} for path in PATHS}
    plain = insecure.get("/robots.txt")
    result["http"] = {"status": plain.status_code, "headers": dict(plain.headers)}
sys.stdout.write(json.dumps(result) + "\n")
