"""The cards of the listings (catalogue, agenda), rendered once per item under the content version.

Fetching a page of cards costs more than showing it: the card query joins five tables around the page and
builds a model for each row and relation (10 to 15 ms for twelve event dates at 20,000), and the same offer or
date comes back under many filters and pages. So a card's HTML is cached per item, per content version (any
change to a page, a date, a term or an image replaces it: ``cms.content_cache``), language and template
arguments; a listing whose cards are all cached runs no card query.

A card may show only what belongs to its item: which items a visitor may see is the listing's business (the
ids it asks for come from its visible pages), and a card shows nothing that depends on the visitor or on the
time of day.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.models import Site

from cms.content_version import content_version

TIMEOUT = 60 * 60


def rendered_cards(request, template_name, ids, fetch, *, as_name, **arguments):
    """``{pk: the HTML of template_name for that item}`` for ``ids``, as safe strings.

    ``fetch(missing_ids)`` returns ``{pk: item}`` for the ids not cached; each item is rendered with
    ``arguments`` and itself as ``as_name``. An id that ``fetch`` does not return (deleted meanwhile) is left out.
    """
    if not ids:
        return {}
    prefix = _key_prefix(request, template_name, arguments)
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    # A copy: during a Redis outage django-redis returns one shared dict for every miss, which must stay empty.
    found = dict(cache.get_many(list(keys.values())))
    missing = [pk for pk in ids if keys[pk] not in found]
    if missing:
        template = get_template(template_name)
        items = fetch(missing)
        made = {keys[pk]: template.render({**arguments, as_name: items[pk]}, request) for pk in missing if pk in items}
        cache.set_many(made, TIMEOUT)
        found.update(made)
    return {pk: mark_safe(found[keys[pk]]) for pk in ids if keys[pk] in found}  # noqa: S308 (rendered templates)


def _key_prefix(request, template_name, arguments):
    # Per site too: a card links to its page with a path on its own site, with a full URL from another.
    site = Site.find_for_request(request)
    variant = hashlib.sha256(repr((template_name, sorted(arguments.items()))).encode()).hexdigest()[:16]
    parts = [content_version(request), translation.get_language() or "", str(site.pk if site else ""), variant]
    return ":".join(["cms", "card", *parts])
