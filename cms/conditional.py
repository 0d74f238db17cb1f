"""``Last-Modified`` for the feeds, so that readers and calendar apps ask with ``If-Modified-Since`` and get a
304 when nothing changed. ``ConditionalGetMiddleware`` adds the ``ETag`` (a hash of the body) and answers both
kinds of conditional request.

A feed changes when the site's content changes (``cms.content_cache`` replaces its version then) and when
time alone moves an item out of it (an agenda date ends, an offer expires): the later of the two is the
feed's last modification.
"""

from django.utils.http import http_date

from cms.content_version import content_changed_at


def set_last_modified(response, *moments):
    """Set ``Last-Modified`` to the latest of the content's last change and ``moments`` (None ones skipped)."""
    latest = max([content_changed_at(), *(moment for moment in moments if moment is not None)])
    response["Last-Modified"] = http_date(latest.timestamp())
    return response
