"""The production settings, with the local servers of the scale benchmark.

Everything production reads from the environment gets a local default here (an explicit variable wins):
the benchmark's own PostgreSQL database, Redis database 8 under a key prefix of its own (so it never
reads or clears another process's entries), no HTTPS redirect (gunicorn serves plain HTTP on 127.0.0.1),
static files and media in ``.bench-scale/`` next to the checkout, kept with the database.
"""

import os
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[2] / ".bench-scale"
DEFAULT_DB_URL = "postgresql://postgres@127.0.0.1:5432/villecampagne_scale"
KEY_PREFIX = "villecampagne-bench-scale"

for name, value in {
    "SECRET_KEY": "bench-scale-not-a-secret",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": os.environ.get("BENCH_SCALE_DB_URL", DEFAULT_DB_URL),
    "CACHE_URL": "redis://127.0.0.1:6379/8",
    "EMAIL_HOST": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "STATIC_ROOT": str(BENCH_DIR / "static"),
    "MEDIA_ROOT": str(BENCH_DIR / "media"),
    "LOG_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(name, value)

from cms.settings.production import *  # noqa: E402, F403

CACHES["default"]["KEY_PREFIX"] = KEY_PREFIX  # noqa: F405
# The trivial view of the benchmark, beside the site's own URLs (tests/bench_scale/urls.py).
ROOT_URLCONF = "tests.bench_scale.urls"
# Plain HTTP on 127.0.0.1: secure-only cookies would never come back (only the measuring client is affected).
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
