"""One log record per request on the ``cms.requests`` logger: what operators need, nothing personal.

Fields: ``method``, ``path``, ``status``, ``duration_ms``, ``user_id`` (null when anonymous) and ``request_id``
(the proxy's ``X-Request-ID``, when it sends a plausible one). In production the JSON formatter
(``cms/logging_config.py``) writes each record as one JSON line with its ``time``.

Never logged: the query string (searches, filters and e-mail links carry names and addresses), headers, cookies,
form data, usernames or e-mail addresses. Paths that hold a secret are masked: the registration cancel link
(``…/inscriptions/annuler/<token>/``) and the password reset links (``…/<uidb64>/<token>/``, ours and the
admin's) are logged with ``<token>`` and ``<uidb64>`` in place of the values. The URL resolver says which path
segments are those arguments, so a new URL with a ``token`` argument is masked too.

The middleware comes first in ``MIDDLEWARE``: the duration covers every other middleware and the status is the
one sent (a cached page, a redirect, a lockout page). For a streamed response the duration ends at the first byte.
"""

import logging
import re
import time

from django.http import Http404
from django.urls import resolve
from django.utils import translation

logger = logging.getLogger("cms.requests")

# URL arguments that are secrets (or, for uidb64, point at an account): never written to a log.
SECRET_URL_ARGUMENTS = frozenset({"token", "uidb64"})

# nginx's $request_id is 32 hex digits; anything else a client could send (an address, a long text) is dropped.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _resolve(path_info, urlconf=None):
    """The URL match of a path in its own language (translated routes only resolve in their language), or None."""
    language = translation.get_language_from_path(path_info)
    for candidate in (path_info, path_info + "/"):  # an unresolved link that lost its slash still hides its token
        try:
            with translation.override(language):
                return resolve(candidate, urlconf)
        except Http404:
            continue
    return None


def loggable_path(request):
    """``request.path`` with the secret URL arguments replaced by ``<name>``.

    The resolver's match is used when the request got that far; otherwise (a redirect or an error answered by a
    middleware before the view) the path is resolved here, so a token never slips through."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = _resolve(request.path_info, getattr(request, "urlconf", None))
        except Exception:  # a log line must never break a response
            match = None
    if match is None:
        return path
    secrets = {str(value): name for name, value in match.kwargs.items() if name in SECRET_URL_ARGUMENTS and value}
    if not secrets:
        return path
    return "/".join(f"<{secrets[segment]}>" if segment in secrets else segment for segment in path.split("/"))


def _user_id(request):
    user = getattr(request, "user", None)
    try:
        return user.pk if user is not None and user.is_authenticated else None
    except Exception:  # the session or user could not be loaded (database down): still log the request
        return None


def _request_id(request):
    value = request.headers.get("X-Request-ID", "")
    return value if REQUEST_ID.fullmatch(value) else None


class RequestLogMiddleware:
    """Log every request once, after the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not logger.isEnabledFor(logging.INFO):
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        path = loggable_path(request)
        method = request.method[:16]
        logger.info(
            "%s %s %s",
            method,
            path,
            response.status_code,
            extra={
                "method": method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": _user_id(request),
                "request_id": _request_id(request),
            },
        )
        return response


class HideRequestSecrets(logging.Filter):
    """For the log handlers: Django's own request records (``django.request``: "Not Found: <path>", "Internal
    Server Error: <path>") carry the path in their arguments and the whole request (query string, headers) as an
    attribute. Mask the path like ours and drop the request."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            try:
                masked = loggable_path(request)
            except Exception:
                masked = "<path>"
            # Django escapes the path it logs (non-ASCII characters as \u escapes): match both forms.
            paths = {request.path, request.path.encode("unicode_escape").decode("ascii")}
            if isinstance(record.args, tuple):
                record.args = tuple(masked if arg in paths else arg for arg in record.args)
            record.request = None
        return True
