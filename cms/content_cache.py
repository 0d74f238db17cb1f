"""Small, correct caches of what many pages read: the site frame (home, menu, footer), filter choices, and
whole pages for anonymous visitors (``cms.page_cache``).

Every entry lives under one content version that any change to what a page shows replaces (a page, a locale,
a taxonomy term, the footer, a site, a site setting, a privacy rule, an image or document, a promoted search
result, a registration that changes the seats left), at once and again on commit (a visitor reading between the
two would otherwise cache the old content under the new version). Entries are per language and per set of private
sections the visitor does not pass, and a list of pages is used only until the first of its pages expires:
``publish_scheduled`` saves the pages it publishes or unpublishes, which replaces the version, but an expiry
date passes without any save.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.signals import post_page_move

from cms.content_version import content_version, forget_content, per_version
from cms.visibility import denied_sections

TIMEOUT = 60 * 60


def visitor_key(request, name, *parts):
    """A cache key for ``name`` under the current version, for what the visitor of ``request`` may see."""
    sections = hashlib.sha256(repr(denied_sections(request)).encode()).hexdigest()[:32]
    return ":".join(["cms", name, content_version(request), sections, *map(str, parts)])


def first_expiry(objects):
    """The earliest ``expire_at`` among ``objects`` (None when none expires; only pages have one)."""
    return min((obj.expire_at for obj in objects if getattr(obj, "expire_at", None)), default=None)


def cached_list(request, name, *parts, build):
    """The list ``build()`` returns (pages, snippets), cached as ``visitor_key(request, name, *parts)``.

    This process keeps it too until the content version changes (``per_version``): the site frame's lists are
    read by every page, and a cache round trip and unpickling cost more than the lists. Requests share these
    instances and must not change them.
    """
    key = visitor_key(request, name, *parts)

    def read_or_build():
        entry = cache.get(key)
        if entry is None or not _unexpired(entry):
            objects = list(build())
            entry = (first_expiry(objects), objects)
            cache.set(key, entry, TIMEOUT)
        return entry

    return per_version(request, ("cached-list", key), read_or_build, valid=_unexpired)[1]


def cached_value(request, name, *parts, build, timeout=TIMEOUT):
    """``build()``, a value with an ``until`` (when it stops being right, or None), cached as
    ``visitor_key(request, name, *parts)`` and used until then; kept in this process too for the content version,
    like :func:`cached_list`. Requests share the value and must not change it."""
    key = visitor_key(request, name, *parts)

    def current(value):
        return value.until is None or timezone.now() < value.until

    def read_or_build():
        value = cache.get(key)
        if value is None or not current(value):
            value = build()
            cache.set(key, value, timeout)
        return value

    return per_version(request, ("cached-value", key), read_or_build, valid=current)


def _unexpired(entry):
    return entry[0] is None or timezone.now() < entry[0]


def _changes_content(instance):
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Site

    from cms.models import Footer, FooterLink
    from cms.models.snippets import Taxonomy

    # Renditions are left out: the first view of an image size creates one, which changes nothing shown.
    return isinstance(
        instance,
        Page
        | Locale
        | Taxonomy
        | Footer
        | FooterLink
        | BaseSiteSetting
        | BaseGenericSetting
        | BaseViewRestriction
        | AbstractImage
        | AbstractDocument
        | SearchPromotion
        | Site,
    )


def content_changed():
    """Replace the content version now and again on commit (apps call it for their own models)."""
    forget_content()
    transaction.on_commit(forget_content)


# Wagtail fills these in on an image's or document's first use: nothing shown changes.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


@receiver([post_save, post_delete], dispatch_uid="cms.content_cache.on_change")
def forget_content_on_change(sender, instance, update_fields=None, created=False, **kwargs):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return  # made with its defaults on first read, which is what pages showed already
    if _changes_content(instance):
        content_changed()


@receiver(post_page_move, dispatch_uid="cms.content_cache.on_move")
def forget_content_on_move(sender, **kwargs):
    content_changed()
