"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL is set (see Makefile)."""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One process here: the per-process cache is enough for the registrations' rate limits.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
# Tests never download map tiles.
OFFERS_MAP_TILE_URL = ""
# Import tests serve feeds on 127.0.0.1.
AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS = True
# django-axes stays on (tests/members checks the lockout; its rows roll back with each test), but the test
# client's login(), which passes no request, is not refused.
AUTHENTICATION_BACKENDS = [
    "members.testing.RequestOptionalAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
