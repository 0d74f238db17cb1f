"""Writing checked rows as draft offers under their territory, all or nothing."""

from django.db import transaction
from django.utils.translation import gettext as _

from offers.models import OfferPage


class ImportFailed(Exception):
    """A row could not be written; nothing was. The message says which line and why (French)."""


def import_offers(territory, rows, user):
    """Create one draft OfferPage per row (``Row.values``) under ``territory``, each with a first revision by
    ``user``, in one transaction: a failure on any row rolls back every row and raises ``ImportFailed``."""
    created = []
    with transaction.atomic():
        for row in rows:
            try:
                created.append(_create(territory, row.values, user))
            except Exception as error:  # whatever it is, the transaction rolls back and the editor is told
                raise ImportFailed(
                    _("Ligne %(line)d : %(error)s. Aucune offre n'a été importée.")
                    % {"line": row.line, "error": _describe(error)}
                ) from error
    return created


def _create(territory, values, user):
    values = dict(values)
    sectors = values.pop("sectors", [])
    page = OfferPage(
        **values,
        locale_id=territory.locale_id,
        owner=user,
        live=False,
        has_unpublished_changes=True,
    )
    page.territory = territory
    page.sectors = sectors
    # As Wagtail's own "add page" view: the page (logged as created by its owner), then its first revision.
    territory.add_child(instance=page)
    page.save_revision(user=user, log_action=True, clean=False)
    return page


def _describe(error):
    messages = getattr(error, "messages", None)
    if messages:
        return " ; ".join(str(message) for message in messages)
    return str(error) or error.__class__.__name__
