"""Writing checked rows as draft offers under their territory, all or nothing."""

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from offers.models import OfferPage


class ImportFailed(Exception):
    """A row could not be written; nothing was. The message says which line and why (French)."""


def import_offers(territory, rows, user):
    """Create one draft OfferPage per row (``Row.values``) under ``territory``, each with a first revision by
    ``user``, in one transaction: a failure on any row rolls back every row and raises ``ImportFailed``."""
    created = []
    with transaction.atomic(), disable_reference_index_auto_update():
        for row in rows:
            try:
                page = _create_page(territory, row.values, user)
                _save_first_revision(page, user)
                # Once per page, with its sectors (the automatic update would run at every save).
                ReferenceIndex.create_or_update_for_object(page)
            except Exception as error:  # whatever it is, the transaction rolls back and the editor is told
                raise ImportFailed(
                    _("Ligne %(line)d : %(error)s. Aucune offre n'a été importée.")
                    % {"line": row.line, "error": _describe(error)}
                ) from error
            created.append(page)
    return created


def _create_page(territory, values, user):
    values = dict(values)
    sectors = values.pop("sectors", [])
    page = OfferPage(**values, locale_id=territory.locale_id, owner=user, live=False, has_unpublished_changes=True)
    page.territory = territory
    page.sectors = sectors
    # Validated (title, slug) and logged as created by its owner, as Wagtail's own "add page" view does.
    territory.add_child(instance=page)
    return page


def _save_first_revision(page, user):
    """What ``page.save_revision(user=user)`` does for a new page without comments, but without saving the page
    a second time: that save would index it for search again and cost a third of the import's time."""
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = revision
    page.latest_revision_created_at = revision.created_at
    page.draft_title = page.title
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision,
        latest_revision_created_at=revision.created_at,
        draft_title=page.title,
        has_unpublished_changes=True,
    )
    return revision


def _describe(error):
    messages = getattr(error, "messages", None)
    if messages:
        return " ; ".join(str(message) for message in messages)
    return str(error) or error.__class__.__name__
