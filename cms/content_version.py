"""The site's content version: one value that any change to what a page shows replaces (``cms.content_cache``
says which changes). Every cache of content is keyed on it, so one change purges them all on every app server.

This module imports none of the site's own: ``cms.visibility`` keeps its per-version memos here without an
import cycle through ``cms.content_cache``.
"""

import datetime
import math
import threading
import time
import uuid

from django.core.cache import cache
from django.core.signals import request_finished, request_started

VERSION_KEY = "cms:content-version"

# How many times this process has replaced the version: a request's memo of the version holds only while this
# stays the same, so that a request that changes content reads its own change.
_replacements = 0
# The version the request this thread serves has read: ``(replacements, version)``, or None outside a request
# (a command, a test without a request): parts of a page ask without a request at hand (Wagtail's restriction
# checks, the home page's translation), each a cache round trip.
_serving = threading.local()
# What ``per_version`` built, for one version only: ``(version, {name: value})``.
_built = (None, {})
# How many values ``per_version`` keeps: past that, it builds without keeping (a bound on what visitors can make
# it hold, such as one entry per page for the breadcrumbs).
PER_VERSION_LIMIT = 5000


def content_version(request=None):
    """The current content version (a new one after any change): a random part, then when it was made.

    Read once per request (a page asks a dozen times, not always with the request at hand): the request and the
    thread serving it keep it, unless this process replaces the version meanwhile. A change made by another
    process during the request shows from the next request on.
    """
    for memo in (getattr(request, "_cms_content_version", None), getattr(_serving, "version", None)):
        if memo is not None and memo[0] == _replacements:
            return memo[1]
    version = cache.get_or_set(VERSION_KEY, lambda: f"{uuid.uuid4().hex}.{time.time():.6f}", None)
    if request is not None:
        request._cms_content_version = (_replacements, version)
    if getattr(_serving, "active", False):
        _serving.version = (_replacements, version)
    return version


def _request_started(**kwargs):
    _serving.active, _serving.version = True, None


def _request_finished(**kwargs):
    _serving.active, _serving.version = False, None


request_started.connect(_request_started, dispatch_uid="cms.content_version.request_started")
request_finished.connect(_request_finished, dispatch_uid="cms.content_version.request_finished")


def content_changed_at():
    """When the site's content last changed, to the second above (the version's creation time; later than the
    change itself when the cache lost the version, which only costs a client a full download)."""
    made = float(content_version().partition(".")[2])
    return datetime.datetime.fromtimestamp(math.ceil(made), tz=datetime.UTC)


def forget_content():
    global _replacements
    _replacements += 1
    cache.delete(VERSION_KEY)


def per_version(request, name, build, valid=None, *, bounded=True):
    """``build()``, kept in this process until the content version changes: for small values that every page
    reads (the private sections, the locales), where even a cache round trip costs more than the value.

    A value for which ``valid(value)`` is false is built again, and not kept (a path that leads nowhere, an
    expired list). Requests share the value: it must not be changed by any of them. ``bounded=False`` keeps it
    even past :data:`PER_VERSION_LIMIT`: for the few values whose names visitors cannot multiply and that cost
    too much to build at every request (the listings' facet indexes).
    """
    global _built
    version = content_version(request)
    if _built[0] != version:
        _built = (version, {})
    values = _built[1]
    if name in values and (valid is None or valid(values[name])):
        return values[name]
    value = build()
    if valid is not None and not valid(value):
        values.pop(name, None)
    elif name in values or not bounded or len(values) < PER_VERSION_LIMIT:
        values[name] = value
    return value
