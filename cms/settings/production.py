"""Production: every secret and address comes from the environment; a missing one stops start-up."""

import logging
import os

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

from cms.logging_config import json_logging

from .base import *  # noqa: F403


def env(name, default=None):
    """Return an environment variable, refusing to start when a required one is missing."""
    value = os.environ.get(name, default)
    if value is None or value == "":
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]
DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=600, conn_health_checks=True)}

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env("CACHE_URL"),
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            # See "Resilience" below: a cache that does not answer within these bounds counts as a miss.
            "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("CACHE_CONNECT_TIMEOUT", "0.25")),
            "SOCKET_TIMEOUT": float(os.environ.get("CACHE_TIMEOUT", "0.5")),
        },
        "KEY_PREFIX": "villecampagne",
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Whole pages for anonymous visitors (cms/page_cache.py), purged on any content change; also the s-maxage a
# CDN may keep them.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# A CDN or caching proxy in front (docs/deploy.md, "Cache"): Wagtail purges the published page, cms/cdn.py the
# listings that show it. Cloudflare when its zone and token are given; any proxy that accepts PURGE otherwise.
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": env("CLOUDFLARE_ZONEID"),
            "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        }
    }
elif os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
# Registration emails are sent right after the request commits: a mail server that hangs must not hold it long
# (what is not sent stays queued for `send_registration_emails`).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
MEDIA_ROOT = env("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
STATIC_ROOT = env("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS is terminated by the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Login throttling counts per client address: the one our proxy appended to X-Forwarded-For, not the proxy's.
AXES_CLIENT_IP_CALLABLE = "members.access.proxied_client_ip"
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# --- Hardening (issue 9): cookies and headers over HTTPS only --------------------------------------------------------
# CSP and Permissions-Policy come from base.py (cms/content_security.py), like Referrer-Policy and nosniff; the
# lines below restate the headers so that this file alone says what production sends.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"  # sent on a link followed from elsewhere, never on a cross-site POST
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The agenda's feed fetcher refuses private and loopback addresses; only a test stack (the faults script's feed
# server on 127.0.0.1) turns this on.
AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS = os.environ.get("AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS", "0") == "1"

# --- Operations: logs, health check -------------------------------------------------------------------------------
# Every record as one JSON line on stderr, with one line per request from cms.request_log (cms/logging_config.py).
LOGGING = json_logging(os.environ.get("LOG_LEVEL", "INFO"))
# Python's warnings too (logger py.warnings), so that every line on stderr is JSON.
logging.captureWarnings(True)
# Monitoring may ask an app server for /healthz directly, over plain HTTP: answer rather than redirect to https.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# An unreachable database server must fail a request (and /healthz) in seconds, not after TCP's minutes.
if "postgresql" in DATABASES["default"]["ENGINE"]:
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
# --- end of Operations ------------------------------------------------------------------------------------------


# --- Resilience (issue 9, the production stack; checked by `make faults`, ops/faults.py) -------------------------
# Redis is a cache, never the only copy of anything: when it is down or slow, every cache call is a miss
# (django-redis returns the default and logs the error) instead of a 500. Sessions are `cached_db`, so they
# are read from and written to the database meanwhile. The socket timeouts bound what a hung Redis costs a
# request (a stopped one refuses the connection at once).
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# django-ratelimit counts in the cache; when the count cannot be read it refuses by default (fail closed),
# which would turn a cache outage into "too many registrations" for everybody. The registrations keep their
# other guards while the cache is away (honeypot, CSRF, one registration per email and date, seats locked in
# the database), so we let them through. django-axes keeps its counts in the database (AxesDatabaseHandler,
# the default), not in the cache: login throttling holds during a Redis outage.
RATELIMIT_FAIL_OPEN = True
# PostgreSQL restarted: `conn_health_checks` (DATABASES above) makes each thread check its persistent
# connection at the start of a request and reconnect when the server dropped it, so app servers recover by
# themselves; only the requests made while the server is down fail.

# Tunable from the environment for a stack that is driven from one address (the local `make stack` and its
# fault and load scripts all come from 127.0.0.1) or for an import run by hand.
AGENDA_REGISTRATION_RATE_PER_IP = os.environ.get("AGENDA_REGISTRATION_RATE_PER_IP", AGENDA_REGISTRATION_RATE_PER_IP)  # noqa: F405
AGENDA_IMPORT_TIMEOUT = float(os.environ.get("AGENDA_IMPORT_TIMEOUT", AGENDA_IMPORT_TIMEOUT))  # noqa: F405
# (AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS: read from the environment in the hardening block above.)
