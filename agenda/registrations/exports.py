"""The organisers' CSV export of a date's registrations, for French spreadsheets."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda.models.events import PARIS
from offers.exports import FORMULA_PREFIXES

# The CSV export: what the organisers need to run the day. Not the free comment: it was written to the
# organisers, reads best on the date's page in the admin, and may hold what the person would not want in a file
# that gets forwarded and forgotten on a laptop. The particular needs are in: the day's organisation depends on
# them. Anonymised rows are left out (their names are gone, and nobody attends as "anonymised").
CSV_COLUMNS = (
    (gettext_lazy("nom"), "last_name"),
    (gettext_lazy("prénom"), "first_name"),
    (gettext_lazy("courriel"), "email"),
    (gettext_lazy("structure"), "organisation"),
    (gettext_lazy("fonction"), "role"),
    (gettext_lazy("territoire"), "territory"),
    (gettext_lazy("téléphone"), "phone"),
    (gettext_lazy("besoins particuliers"), "needs"),
)


def _cell(value):
    """A text cell a spreadsheet will not run as a formula (as the offers' export does)."""
    value = str(value or "")
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def registrations_csv(registrations):
    """The registrations as CSV bytes for French spreadsheets: UTF-8 with a BOM, ``;`` separators."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(label) for label, _name in CSV_COLUMNS] + [_("statut"), _("inscrit·e le")])
    for registration in registrations:
        writer.writerow(
            [_cell(getattr(registration, name)) for _label, name in CSV_COLUMNS]
            + [
                str(registration.get_status_display()),
                timezone.localtime(registration.created_at, PARIS).strftime("%d/%m/%Y %H:%M"),
            ]
        )
    return buffer.getvalue().encode("utf-8")
