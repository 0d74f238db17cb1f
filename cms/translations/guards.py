"""No French text goes live under ``/en/``: two gaps of wagtail-localize closed.

1. Aliases.
Wagtail publishes an alias whenever its original is published (``Page.update_aliases`` sets ``live``), and
wagtail-localize creates aliases in the target locale for untranslated parents (``copy_parents=True``) and, with a
``LocaleSynchronization``, for every new page. Such an alias holds the French text under ``/en/``. Taking it
offline when it is saved covers every exit at once (serving, listings, search, sitemap, language switcher): they
all read ``live``. Translating the page in wagtail-localize turns the alias into a real page, which then goes live
only when its translation is published (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``).

2. Drafts. ``Translation.save_target(publish=False)`` (the translation editor's "Save draft", "Translate this
page" on a page translated before) writes the translated content, with the French text as fallback for every
string not yet translated, onto the page row itself, which *is* the live page, before saving a revision. Once it
is done (wagtail-localize then writes a ``TranslationLog``), a live page gets its published content back and keeps
the new content as an unpublished draft, as Wagtail's own editor does. When the translation is published instead,
its revision is published after the commit and replaces the row as usual.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail_localize.models import TranslationLog


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


@receiver(post_save, sender=TranslationLog, dispatch_uid="translations_keep_live_content_on_draft")
def keep_live_content_on_draft(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.revision_id is None:
        return
    page = (
        Page.objects.filter(translation_key=instance.source.object_id, locale_id=instance.locale_id)
        .select_related("live_revision")
        .first()
    )
    if page is None or not page.live or page.live_revision is None or page.live_revision_id == instance.revision_id:
        return
    draft = instance.revision
    if str(draft.object_id) != str(page.pk):
        return
    restored = page.live_revision.as_object()
    restored.live = True
    restored.has_unpublished_changes = True
    restored.latest_revision_id = draft.pk
    restored.latest_revision_created_at = draft.created_at
    restored.draft_title = draft.content.get("title", restored.title)
    restored.save(clean=False)
