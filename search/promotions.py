"""Promoted search results ("Recommandé") and the record of what visitors search for.

Editors pick pages (or external links) for a search term in the admin (*Settings → Promoted search results*,
``wagtail.contrib.search_promotions``). Wagtail stores those picks without regard to privacy or language: a
private page or a French page promoted for "coworking" would be shown to everyone, under /en/ too. Every
promotion shown on the site goes through ``promoted_pages``, which passes each page through
``cms.visibility.visible_pages``.

Search terms are matched the way Wagtail stores them (``normalise_query_string``: lowercased, runs of spaces
collapsed, stripped; punctuation and accents are kept, so "Coworking " matches "coworking" but "coopération"
does not match "cooperation").
"""

import logging
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from cms.content_version import per_version
from cms.filters import MAX_QUERY_LENGTH  # longer strings are no search to promote or record
from cms.visibility import visible_pages
from search.hits import buffer_hit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Promotion:
    """One promoted result as the template shows it: a title, a link and the editor's description.

    ``page`` is the specific page (in the active locale) or ``None`` for an external link.
    """

    title: str
    url: str
    description: str
    page: Page | None = None

    @property
    def is_external(self):
        return self.page is None


def _normalised(query_string):
    # PostgreSQL refuses NUL in text: such a string is no search, and must not reach a query.
    if not isinstance(query_string, str) or "\x00" in query_string:
        return ""
    normalised = normalise_query_string(query_string)
    return normalised if len(normalised) <= MAX_QUERY_LENGTH else ""


def promoted_pages(request, query_string):
    """Return the ``Promotion`` list editors picked for ``query_string`` that ``request`` may see, in their order.

    A promoted page is shown in the active locale: the page itself if it is in that locale, otherwise its
    translation in that locale, and nothing when there is no visible translation (an English visitor never gets
    a French page, nor a private page they may not open). A page promoted twice (say, the French page and its
    English translation) is shown once, at its first place. External links are shown as typed.

    The number of queries does not grow with the promotions: the promotions, the visibility gate (active locale,
    private sections, and the visitor's restrictions when logged in; memoised on the request), the pages (one
    query, then one per page type) and the request's site for the URLs.
    """
    normalised = _normalised(query_string)
    if not normalised or normalised not in promoted_query_strings(request):
        return []
    rows = list(
        SearchPromotion.objects.filter(query__query_string=normalised)
        .order_by("sort_order", "pk")
        .values_list("page__translation_key", "description", "external_link_url", "external_link_text")
    )
    if not rows:
        return []
    keys = {key for key, *_ in rows if key is not None}
    pages = {}
    if keys:
        visible = visible_pages(request, Page.objects.filter(translation_key__in=keys)).specific().defer_streamfields()
        pages = {page.translation_key: page for page in visible}

    promotions, shown = [], set()
    for key, description, link_url, link_text in rows:
        if key is None:
            if link_url:
                promotions.append(Promotion(title=link_text or link_url, url=link_url, description=description))
            continue
        page = pages.get(key)
        if page is None or key in shown:
            continue
        shown.add(key)
        url = page.get_url(request=request)
        if url:  # None for a page outside every site: nothing to link to
            promotions.append(Promotion(title=page.title, url=url, description=description, page=page))
    return promotions


def promoted_query_strings(request=None):
    """The search terms that have promotions, read once per content version (which a promotion's change
    replaces): most searches have none, and then need no query."""
    return per_version(
        request,
        "promoted-query-strings",
        lambda: frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()),
    )


def record_search(query_string):
    """Count one hit today for ``query_string`` (normalised) in the "Search terms" report; never raises.

    Counted in Redis when the cache is Redis (``search.hits``), else written at once.

    Empty and over-long strings are not recorded. A database failure is logged and swallowed, inside a
    savepoint so that the request's transaction stays usable: the search must answer even if the count fails.
    """
    normalised = _normalised(query_string)
    if not normalised or buffer_hit(normalised):
        return  # counted in Redis, written by the flush_search_hits job (search.hits)
    # Only in a transaction of its own: SET LOCAL would otherwise reach the writes of an enclosing one.
    own_transaction = not connection.in_atomic_block
    try:
        with transaction.atomic():
            if own_transaction and connection.vendor == "postgresql":
                # A count lost in a crash is no loss; waiting for the disk at commit costs a search 4 ms.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            Query.get(normalised).add_hit()
    except DatabaseError:
        logger.exception("Could not record the search %r", normalised)
