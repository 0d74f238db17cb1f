"""Keeps the English tree a synchronised wagtail-localize translation of the French one.

For each French page, top-down: refresh its ``TranslationSource``, store the English text of every
extracted string as a manual ``StringTranslation`` (looked up in the pairs recorded by ``T``), point page
links at the English pages with ``SegmentOverride``, then let ``Translation.save_target`` create or update
the English page and publish it — what the "Translate" and "Sync translated pages" buttons of the admin
do, so editors can carry on in wagtail-localize's editor. Strings with no English pair keep the French
(``fallback``) and are listed by ``report``.
"""

import json

from django.db import transaction

from wagtail.models import Page
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, validate_translation_links

from cms.demo.texts import english, segment_table

MAX_REPORTED = 30


def _is_valid_translation(french, english):
    """The checks ``StringTranslation.save`` makes, which bulk writes skip."""
    try:
        StringValue.from_translated_html(english)
        validate_translation_links(french, english)
    except ValueError:
        return False
    return True


class EnglishSync:
    def __init__(self, locale):
        self.locale = locale
        self.table = segment_table()
        self.missing = {}  # French string -> titles of the pages it appears on

    def _source(self, page, refresh):
        """The page's ``TranslationSource`` and whether its segments are new or were just re-extracted."""
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created and refresh:
            source.update_from_db()
        return source, created or refresh

    def _english_for(self, french, page):
        text = self.table.get(french)
        if text is None and not any(char.isalpha() for char in french):
            text = french  # figures, dates in digits, phone numbers
        if text is None:
            self.missing.setdefault(french, set()).add(page.title)
        return text

    def _translate_strings(self, source, page):
        """Create or update the English ``StringTranslation`` of each string segment, in bulk."""
        segments = list(source.stringsegment_set.select_related("string"))
        existing = {
            (translation.translation_of_id, translation.context_id): translation
            for translation in StringTranslation.objects.filter(
                locale=self.locale,
                translation_of_id__in={segment.string_id for segment in segments},
                context_id__in={segment.context_id for segment in segments},
            )
        }
        created, updated = [], []
        for segment in segments:
            text = self._english_for(segment.string.data, page)
            if text is None:
                continue
            has_error = not _is_valid_translation(segment.string.data, text)
            translation = existing.get((segment.string_id, segment.context_id))
            if translation is None:
                created.append(
                    StringTranslation(
                        translation_of=segment.string,
                        locale=self.locale,
                        context_id=segment.context_id,
                        data=text,
                        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                        has_error=has_error,
                    )
                )
            elif translation.data != text or translation.has_error != has_error:
                translation.data, translation.has_error = text, has_error
                translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
                updated.append(translation)
        StringTranslation.objects.bulk_create(created)
        StringTranslation.objects.bulk_update(updated, ["data", "has_error", "translation_type"])
        return len(created) + len(updated)

    def _override_page_links(self, source):
        """Point page choosers (block fields named ``page``) at the English pages.

        Return ``(complete, written)``: whether every linked page has an English version yet, and how many
        overrides were created or changed.
        """
        complete, written = True, 0
        for segment in source.overridablesegment_set.select_related("context"):
            if segment.context.path.rsplit(".", 1)[-1] != "page":
                continue
            target = Page.objects.filter(pk=json.loads(segment.data_json)).first()
            translated = target.get_translation_or_none(self.locale) if target else None
            if translated is None:
                complete = False
                continue
            data = json.dumps(translated.pk)
            override = SegmentOverride.objects.filter(locale=self.locale, context=segment.context).first()
            if override is None:
                SegmentOverride.objects.create(locale=self.locale, context=segment.context, data_json=data)
            elif override.data_json != data:
                override.data_json = data
                override.save(update_fields=["data_json", "updated_at"])
            else:
                continue
            written += 1
        return complete, written

    def sync(self, page, refresh=True):
        """Translate one French page into English and publish it; return ``(english page, links complete)``.

        ``refresh=False`` (the French page was not republished) skips re-extracting the source, and the
        English page is left as it is when no translated string or link changed either.
        """
        with transaction.atomic():
            source, extracted = self._source(page, refresh)
            strings_written = self._translate_strings(source, page)
            complete, links_written = self._override_page_links(source)
            translated = page.get_translation_or_none(self.locale)
            if not (extracted or strings_written or links_written) and translated and translated.live:
                return translated.specific, complete
            translation, _ = Translation.objects.get_or_create(source=source, target_locale=self.locale)
            # save_target(publish=True) publishes in a transaction.on_commit callback: after the whole load,
            # or never inside a test's transaction. Saving the draft and publishing it here is the same,
            # in order: a child's translation is created under a live English parent.
            translation.save_target(publish=False)
            translated = page.get_translation(self.locale).specific
            translated.get_latest_revision().publish()
            translated.refresh_from_db()
            self._translate_tables(translated)
        return translated, complete

    def _translate_tables(self, translated):
        """wagtail-localize does not extract TableBlock cells: write their English after each sync."""
        body = getattr(translated, "body", None)
        if not body or not any(block.block_type == "table" for block in body):
            return
        raw = json.loads(json.dumps(list(body.raw_data)))
        changed = False
        for block in raw:
            if block["type"] != "table":
                continue
            rows = block["value"]["table"]["data"]
            for row in rows:
                for index, cell in enumerate(row):
                    text = english(cell) if cell else None
                    if text is None and cell and any(char.isalpha() for char in cell):
                        self.missing.setdefault(cell, set()).add(translated.title)
                    elif text is not None and text != cell:
                        row[index] = text
                        changed = True
        if changed:
            translated.body = raw
            translated.save_revision().publish()

    def sync_all(self, pages, published):
        """Sync French pages given top-down (``published``: ids of those republished); return the English pages.

        A page linking to a page not yet translated (the home page links to its children) is synced
        again at the end, once its link targets have English versions.
        """
        translations, incomplete = {}, []
        for page in pages:
            translations[page.pk], complete = self.sync(page, refresh=page.pk in published)
            if not complete:
                incomplete.append(page)
        for page in incomplete:
            translations[page.pk], _ = self.sync(page, refresh=False)
        return list(translations.values())

    def report(self, stdout):
        if not self.missing:
            return
        stdout.write(f"Warning: {len(self.missing)} French string(s) have no English translation (French kept):")
        for french, titles in sorted(self.missing.items())[:MAX_REPORTED]:
            stdout.write(f"  - {french[:100]!r} (on: {', '.join(sorted(titles))})")
        if len(self.missing) > MAX_REPORTED:
            stdout.write(f"  … and {len(self.missing) - MAX_REPORTED} more.")
