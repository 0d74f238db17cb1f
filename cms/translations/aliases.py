"""Keep English aliases of French pages offline.

Wagtail publishes an alias whenever its original is published (``Page.update_aliases`` sets ``live``), and
wagtail-localize creates aliases in the target locale for untranslated parents (``copy_parents=True``) and, with a
``LocaleSynchronization``, for every new page. Such an alias holds the French text under ``/en/``. Taking it
offline when it is saved covers every exit at once (serving, listings, search, sitemap, language switcher): they
all read ``live``. Translating the page in wagtail-localize turns the alias into a real page, which then goes live
only when its translation is published (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page


def is_cross_locale_alias(page):
    """Whether ``page`` is an alias of a page in another locale (one query, only for aliases)."""
    if not page.alias_of_id:
        return False
    return not Page.objects.filter(pk=page.alias_of_id, locale_id=page.locale_id).exists()


@receiver(post_save, dispatch_uid="translations_keep_aliases_offline")
def keep_cross_locale_alias_offline(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or not instance.live or not is_cross_locale_alias(instance):
        return
    instance.live = False
    Page.objects.filter(pk=instance.pk).update(live=False)
