"""Batch PO export and import for an external translator, through wagtail-localize's own models.

One PO file per page translation, in a ZIP: each file is exactly what wagtail-localize's editor downloads for
that page (``Translation.export_po``: ``msgctxt`` is the field path, the ``X-WagtailLocalize-TranslationID``
header names the translation), so a file can go back through the batch import or through the page's own
"Upload PO file" button, and a translator's tool (Poedit, Weblate) opens it as a normal catalogue. A single
combined PO would need a page prefix in every ``msgctxt`` that wagtail-localize's editor would not understand,
and one bad page would make the whole file suspect.

The export first does what the admin's buttons do: "Translate this page" for French pages with no English
translation yet (an English draft, not live), "Sync translated pages" without publishing for pages whose
French text changed since the last extraction; so the translator always gets the current French text.

The import checks each file in full before writing it (PO syntax, a known translation, HTML and links of each
string), then applies it in one transaction with ``Translation.import_po``; strings whose French text is no
longer on the page are refused and reported. Optionally, a translation left complete is published.
"""

import contextlib
import io
import os
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field

import polib

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.models import (
    StringNotUsedInContext,
    Translation,
    UnknownContext,
    UnknownString,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue, validate_translation_links

from cms.translations.status import MISSING, OUTDATED, source_pages, with_translation_status

MAX_FILE_SIZE = 5 * 1024 * 1024
TRANSLATION_HEADER = "X-WagtailLocalize-TranslationID"


def pages_to_translate(source_locale, target_locale, pages=None):
    """French pages whose English translation is missing or outdated, annotated, in tree order."""
    pages = source_pages(source_locale) if pages is None else pages
    annotated = with_translation_status(pages, target_locale)
    return annotated.filter(translation_status__in=[MISSING, OUTDATED]).order_by("path")


def prepare_translation(page, target_locale, user=None):
    """The enabled ``Translation`` of ``page`` into ``target_locale``, its source extracted from the live page.

    Submits the page as "Translate this page" does when needed (an English draft, and offline aliases for
    untranslated parents); refreshes the source as "Sync translated pages" does when the French page was
    published since. Never publishes anything.
    """
    page = page.specific
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, source__locale_id=page.locale_id, target_locale=target_locale
    ).first()
    if translation is None or not translation.enabled:
        TranslationCreator(user, [target_locale]).create_translations(page, include_related_objects=False)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, source__locale_id=page.locale_id, target_locale=target_locale
        )
    source = translation.source
    if page.last_published_at and source.last_updated_at < page.last_published_at:
        source.update_from_db()
    return translation


def po_filename(page):
    return f"{page.pk}-{slugify(page.slug) or 'page'}.po"


def export_zip(pages, target_locale, user=None):
    """Return ``(zip bytes, [file names])``: one PO file per page of ``pages`` (see ``pages_to_translate``)."""
    buffer = io.BytesIO()
    names = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for page in pages:
            with transaction.atomic():
                translation = prepare_translation(page, target_locale, user=user)
            po = translation.export_po()
            po.metadata["Language"] = target_locale.language_code
            po.metadata["X-Source-Page"] = page.url_path
            name = po_filename(page)
            archive.writestr(name, str(po))
            names.append(name)
    return buffer.getvalue(), names


@dataclass
class FileReport:
    """What the import did with one PO file."""

    name: str
    page_title: str = ""
    applied: int = 0
    refused: list = field(default_factory=list)  # (msgid excerpt, reason)
    error: str = ""  # the whole file was refused
    published: bool = False

    @property
    def ok(self):
        return not self.error


def _parse(data):
    """A ``polib.POFile`` from bytes, through a file: ``polib.pofile`` would read a path passed as text."""
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(data)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def _excerpt(text):
    return text if len(text) <= 60 else text[:57] + "…"


def import_po_file(name, data, user=None, publish=False):
    """Check one PO file in full, then apply it in one transaction; return its ``FileReport``. Never raises."""
    report = FileReport(name=name)
    if len(data) > MAX_FILE_SIZE:
        report.error = _("Fichier trop volumineux.")
        return report
    try:
        po = _parse(data)
    except (OSError, UnicodeDecodeError, ValueError):
        report.error = _("Syntaxe PO invalide.")
        return report
    translation_id = po.metadata.get(TRANSLATION_HEADER, "")
    translation = (
        Translation.objects.filter(uuid=translation_id, enabled=True).select_related("source", "target_locale").first()
        if _is_uuid(translation_id)
        else None
    )
    if translation is None:
        report.error = _("Page inconnue : ce fichier ne correspond à aucune traduction en cours.")
        return report
    try:
        target = translation.get_target_instance()
    except Page.DoesNotExist:
        report.error = _("Page inconnue : la page traduite a été supprimée.")
        return report
    report.page_title = translation.source.object_repr
    if user is not None and not target.permissions_for_user(user).can_edit():
        report.error = _("Vous ne pouvez pas modifier cette page traduite.")
        return report

    checked = polib.POFile()
    checked.metadata = dict(po.metadata)
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        try:
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError:
            report.refused.append((_excerpt(entry.msgid), _("HTML ou liens invalides")))
            continue
        checked.append(entry)

    with transaction.atomic():
        warnings = translation.import_po(checked, user=user, tool_name="PO File")
        for warning in warnings:
            reason = _("texte français qui n'est plus sur la page")
            if isinstance(warning, UnknownContext):
                reason = _("champ qui n'existe plus sur la page")
            text = getattr(warning, "string", "") or getattr(warning, "context", "")
            if isinstance(warning, UnknownString | StringNotUsedInContext | UnknownContext):
                report.refused.append((_excerpt(text), reason))
        report.applied = len(checked) - len(warnings)
        if publish:
            report.published = publish_if_complete(translation, user=user)
    return report


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def publish_if_complete(translation, user=None):
    """Publish the English page when every string of its source is translated; return whether it was."""
    total, translated = translation.get_progress()
    if translated < total:
        return False
    # save_target(publish=True) would publish in an on_commit callback; save the draft and publish it here.
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance()
    page.get_latest_revision().publish(user=user)
    return True


def import_upload(name, data, user=None, publish=False):
    """Import a ``.po`` file or a ``.zip`` of them; return one ``FileReport`` per file."""
    if name.lower().endswith(".zip"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [info for info in archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError):
            return [FileReport(name=name, error=_("Archive ZIP illisible."))]
        reports = []
        for info in members:
            if not info.filename.lower().endswith(".po"):
                reports.append(FileReport(name=info.filename, error=_("Ce n'est pas un fichier .po.")))
                continue
            if info.file_size > MAX_FILE_SIZE:
                reports.append(FileReport(name=info.filename, error=_("Fichier trop volumineux.")))
                continue
            try:
                content = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError):
                reports.append(FileReport(name=info.filename, error=_("Fichier illisible dans l'archive.")))
                continue
            reports.append(import_po_file(info.filename, content, user=user, publish=publish))
        return reports
    return [import_po_file(name, data, user=user, publish=publish)]
