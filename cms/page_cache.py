"""Whole pages for anonymous visitors, kept in the shared cache (Redis in production) for every app server.

Why in Django rather than at nginx or a CDN: the decision "may this response be shared?" needs what only the
application knows (did the page use the CSRF token, the session, a view restriction?), the purge must reach
every listing that shows a page, and the catalogue's filter combinations cannot be listed to purge them one
by one. So entries live under the site's content version (``cms.content_cache``), which every change to a
page, a privacy rule, a setting, a taxonomy term or a registration replaces: one change purges them all, at
once, on every app server. The entries also expire after ``PAGE_CACHE_SECONDS``, which bounds what time
alone changes (an agenda date that has just ended; an offer past its expiry before ``publish_scheduled``
unpublishes it).

A request is answered from the cache only when it carries no cookie but the CSRF and language ones (so no
session: nobody is logged in) and no credentials. A response is kept only when it is a 200 that set no
cookie, did not use the CSRF token, is not marked private or no-store and varies on nothing but the cookie.
Whatever depends on who asks leaves with ``Cache-Control: private`` so that no proxy or CDN keeps it either.
Responses say ``X-Cache: HIT``, ``MISS`` (stored now) or ``BYPASS``. The stack's nginx keeps the HIT and MISS
ones one second more for requests without any cookie (docs/deploy.md, "Cache").
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control, patch_vary_headers

from cms.content_version import content_version

# Sent with the request when a page is answered from the cache: what a view does besides rendering (the search
# counting its term) can still happen.
served_from_cache = Signal()

SHAREABLE_COOKIES = {"csrftoken", "django_language"}
# Headers that a kept response must not carry to the next visitor.
UNSHARED_HEADERS = {"set-cookie", "x-cache"}


def cache_seconds():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def excluded_prefixes():
    return tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", ("/admin/", "/documents/", "/healthz")))


def shareable_request(request):
    """Whether ``request`` may be answered with (and fill) the shared copy of its URL."""
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META or request.path.startswith(excluded_prefixes()):
        return False
    allowed = SHAREABLE_COOKIES | {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return set(request.COOKIES) <= allowed


def shareable_response(request, response):
    """Whether ``response`` is the same for every anonymous visitor, and so may be kept for them."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token, which is this visitor's
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    varies = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", "")) if value.strip()}
    return varies <= {"cookie", "accept-encoding"}


def page_key(request):
    """The cache key of this URL (scheme, host, path and query) under the current content version."""
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"cms:page:{content_version(request)}:{url}"


def depends_on_visitor(request, response):
    """Whether ``response`` was built from who asks: their session, their account or their CSRF token."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.accessed and not session.is_empty())
        or (user is not None and user.is_authenticated)
    )


def freeze(response):
    headers = [(name, value) for name, value in response.items() if name.lower() not in UNSHARED_HEADERS]
    return (response.status_code, headers, response.content)


def thaw(entry):
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    """Serves and keeps whole pages for anonymous visitors; marks the rest private (see the module's doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        if not seconds or not shareable_request(request):
            return self.label(request, self.get_response(request), "BYPASS")
        key = page_key(request)  # before rendering: a change during it replaces the version, not this entry
        entry = cache.get(key)
        if entry is not None:
            served_from_cache.send(sender=self.__class__, request=request)
            return self.label(request, thaw(entry), "HIT")
        response = self.get_response(request)
        if not shareable_response(request, response):
            return self.label(request, response, "BYPASS")
        if get_max_age(response) is None:
            # Proxies and CDNs may keep it as long as we do; browsers check back each time (ETag).
            patch_cache_control(response, max_age=0, s_maxage=seconds)
        # A logged-in visitor's copy differs (their name, the editors' bar): a shared cache keys on the cookie.
        patch_vary_headers(response, ("Cookie",))
        cache.set(key, freeze(response), seconds)
        return self.label(request, response, "MISS")

    def label(self, request, response, status):
        if status == "BYPASS" and depends_on_visitor(request, response):
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
        response["X-Cache"] = status
        return response
