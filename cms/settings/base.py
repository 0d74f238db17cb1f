"""Settings shared by every environment. Environment-specific modules import * from here."""

import datetime
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # contenttypes and auth first: their rows are serialized (and restored in tests) before the rows
    # that refer to them.
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "cms",
    "home",
    "offers",
    "agenda",
    "members",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",  # purges a CDN when WAGTAILFRONTENDCACHE is set (production, cms/cdn.py)
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",  # promoted results and the "Search terms" report (search/promotions.py)
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "leaflet",  # only for the Leaflet files it ships (static/leaflet/), served locally
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_ratelimit",
    "csp",  # its system checks; the policy itself is applied by cms.content_security's middleware
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Hardening (see "Security headers" below): CSP and Permissions-Policy on every response.
    "cms.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every response and 304 answers to conditional requests, cached pages included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the session: a cached page for an anonymous visitor costs no session, user or database work.
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's site for a page request, from a memo of the content version (cms/routing.py).
    "cms.routing.SiteMiddleware",
    # Last, as django-axes asks: it answers with the lockout page once the login attempts are used up.
    "axes.middleware.AxesMiddleware",
]

# --- Operations: the request log, outermost so it times everything and logs the status actually sent -----------
# (one JSON line per request in production, cms/request_log.py; silent in development: no handler takes INFO)
MIDDLEWARE.insert(0, "cms.request_log.RequestLogMiddleware")
# --- end of Operations ------------------------------------------------------------------------------------------

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

# Whole pages for anonymous visitors, in the shared cache (cms/page_cache.py): how long, in seconds; 0 turns it
# off (development and tests, where each test turns it on itself). Production sets 300.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
        # A transaction takes the write lock when it begins: two registrations for the last seat are served one
        # after the other instead of both counting the same free seat (PostgreSQL locks the date's row).
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the source language, English is translated with wagtail-localize.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# An untranslated page must not go live under /en/ with French text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Members log in on the site (/fr/compte/connexion/); editors keep the admin's own login page.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # a reset link works for three days

# Login throttling (django-axes): five failures for one username from one address lock it for 15 minutes.
# Behind the production reverse proxy, the client address is read from X-Forwarded-For (see production.py).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "members.views.lockout"

# Wagtail
WAGTAIL_SITE_NAME = "Coopérations et mobilités ville–campagne"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# Our login form labels the password field in the editor's language (cms/admin_login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_login.LoginForm"
# Wagtail's database backend with each page's language rules (search/backends.py): French and English stems
# without accents on PostgreSQL (search/migrations/0001), stem prefixes over FTS5 on SQLite.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
# Search promotions: `searchpromotions_garbage_collect` (nightly, see docs/deploy.md) deletes the daily hits of
# the "Search terms" report older than this many days, then the search terms left with no hits and no promotion.
# A quarter is enough to see what visitors look for; typed terms may hold personal data, so not kept longer.
# (Wagtail's default is 7.)
WAGTAILSEARCH_HITS_MAX_AGE = 90
# Private documents go through Django so that view restrictions apply; never straight from /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads (hardening, issue 9). Everything fits under the proxy's request limit (nginx client_max_body_size 25m,
# docs/deploy.md): a 20 MB document plus the form around it. Documents: office, OpenDocument, PDF and plain text
# only; never HTML, SVG, scripts or programs, which a browser could run from our domain. Wagtail checks the
# extension and the size (WAGTAILDOCS_MAX_UPLOAD_SIZE, its French message) in the admin's single and multiple uploads.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "doc",
    "docx",
    "odp",
    "ods",
    "odt",
    "pdf",
    "ppt",
    "pptx",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Images: bitmaps only (an SVG can carry scripts); 10 MB and 40 megapixels (a 50 MP photo would need ~200 MB of
# memory per rendition in an app server).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Request bodies other than files (a long page's StreamField, the import preview's choices) up to 5 MB; uploaded
# files above 2.5 MB are streamed to a temporary file instead of memory. The offers' spreadsheet import refuses
# files over 2 MB itself (offers/spreadsheet/reading.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
# A shared password is a secret that leaks; members log in with their own account.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILFORMS_ADMIN_NOTIFICATIONS = True

DEFAULT_FROM_EMAIL = "Coopérations ville–campagne <noreply@ville-campagne.example>"
# Moderation e-mails (cms/workflow.py) are Wagtail's own notifications: to the task's group (Communication) on
# submission, to the submitter on approval and on a request for changes (with the officer's comment). Links in
# them start with WAGTAILADMIN_BASE_URL. Superusers (the technical administrators) are not copied on every
# submission: reviewing is the officers' job. WAGTAILADMIN_NOTIFICATION_FROM_EMAIL is left unset on purpose:
# Wagtail then sends from DEFAULT_FROM_EMAIL, which production reads from the environment.
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

SITE_DESCRIPTION = _(
    "Le réseau régional qui aide les citadins à travailler ou entreprendre à la campagne "
    "et les territoires ruraux à se faire connaître."
)

# The offers' map: Leaflet draws markers over the tiles of this server ({z}/{x}/{y}); an empty URL means no
# tiles (markers over the region's outline, nothing downloaded). Heavy use needs a tile provider of our own:
# tile.openstreetmap.org's usage policy does not allow it.
OFFERS_MAP_TILE_URL = os.environ.get("OFFERS_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
OFFERS_MAP_ATTRIBUTION = os.environ.get(
    "OFFERS_MAP_ATTRIBUTION", '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)

# Local media is served by Django only in development and tests (see cms/urls.py).
SERVE_MEDIA = False

# The agenda's imports of territories' calendars (iCalendar, OpenAgenda JSON). Private and loopback
# addresses are refused unless allowed (tests and the local demo source serve feeds on 127.0.0.1).
AGENDA_IMPORT_TIMEOUT = 15  # seconds, connect and read
AGENDA_IMPORT_MAX_BYTES = 10 * 1024 * 1024
AGENDA_IMPORT_MAX_EVENTS = 5000
AGENDA_IMPORT_ALLOW_PRIVATE_HOSTS = False
# Recurring events get one date row per occurrence up to this horizon (extended by `extend_recurrences`).
AGENDA_RECURRENCE_HORIZON_DAYS = 548
# Registrations: personal data is anonymised this many months after the date (``anonymise_registrations``).
AGENDA_REGISTRATION_RETENTION_MONTHS = 12
# How long a cancellation link works (the event is usually sooner).
AGENDA_REGISTRATION_LINK_MAX_AGE_DAYS = 400
# Registration attempts allowed per client address and per email address (django-ratelimit's notation).
AGENDA_REGISTRATION_RATE_PER_IP = "20/h"
AGENDA_REGISTRATION_RATE_PER_EMAIL = "5/h"
# Reminders go this many days before the date (``send_registration_reminders``, run daily).
AGENDA_REGISTRATION_REMINDER_DAYS = 2


# --- Security headers (hardening, issue 9) ------------------------------------------------------------------------
# Content-Security-Policy (django-csp 4, applied by cms/content_security.py). The public site has no inline script,
# style attribute or event handler: only our own files run. img-src also gets the map tiles' server
# (OFFERS_MAP_TILE_URL) at request time. JSON data blocks (json_script) are not scripts and need nothing.
# The video block (cms/blocks.py VideoBlock) and the members' videos frame the provider's player: the common
# providers, plus the hosts of VIDEO_PLAYER_EXTRA_ORIGINS (comma-separated, e.g. a PeerTube instance).
VIDEO_PLAYER_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
    *[origin.strip() for origin in os.environ.get("VIDEO_PLAYER_EXTRA_ORIGINS", "").split(",") if origin.strip()],
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (page previews included) writes inline scripts and styles, shows avatars and embeds from other
# servers and frames its own previews: relaxed, but still only framed by itself and never plugins.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", "https:"],
        "media-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# No avatars from Gravatar: an editor's e-mail address (hashed) is not sent to a third party, and the admin loads
# nothing from outside.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Permissions-Policy (django-permissions-policy): nothing on the site uses these devices or APIs. Only features
# Chromium knows (an unknown one is a console warning on every page: tests/browser/test_content_security_policy.py).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Referrer-Policy and nosniff are Django's defaults, set here so that every environment sends the same.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
