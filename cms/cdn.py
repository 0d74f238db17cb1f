"""A CDN or caching proxy in front of the site, purged by ``wagtail.contrib.frontend_cache``.

Wagtail purges a page's own URLs when it is published or unpublished. A page also shows in listings: its
ancestors (the home page, its territory, its index) and the pages that gather the whole site's content of a
kind (the catalogue, the agenda: page models with ``lists_site_content = True``). Those are purged with it.
Their filtered variants (``?theme=…``) cannot be listed: the CDN must keep query-string URLs no longer than
``PAGE_CACHE_SECONDS`` (the ``s-maxage`` they carry), see docs/deploy.md.
"""

from django.conf import settings
from django.dispatch import receiver

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished


def listing_pages(page):
    """The live pages, in ``page``'s language, that list ``page``: its ancestors and the site-wide listings."""
    gatherers = [model for model in get_page_models() if getattr(model, "lists_site_content", False)]
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1)
    listings = Page.objects.type(*gatherers).filter(locale_id=page.locale_id) if gatherers else Page.objects.none()
    return (ancestors | listings).live().exclude(pk=page.pk).order_by("path")


@receiver(page_published, dispatch_uid="cms.cdn.purge_listings_on_publish")
@receiver(page_unpublished, dispatch_uid="cms.cdn.purge_listings_on_unpublish")
def purge_listings(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_pages(listing_pages(instance))
    batch.purge()
