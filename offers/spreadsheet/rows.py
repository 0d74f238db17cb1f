"""Checking an offers table against a territory: each row becomes the values of an offer, or a list of errors.

Every lookup is done once for the whole table (the types, the sectors, the slugs already under the territory),
so checking 1,000 rows costs the same few queries as checking 10.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from offers.models import OfferType, Sector
from offers.spreadsheet.columns import COLUMNS, CellError, column_for_header, normalise
from offers.spreadsheet.reading import SpreadsheetError

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
SECTOR_SEPARATORS = ("|", ",", ";", "\n")


@dataclass
class Row:
    """One data row: its line in the file, the values for the offer (when valid) and the errors (French)."""

    line: int
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors


@dataclass
class CheckedTable:
    rows: list
    ignored_headers: list

    @property
    def is_valid(self):
        return bool(self.rows) and all(row.is_valid for row in self.rows)

    @property
    def invalid_rows(self):
        return [row for row in self.rows if not row.is_valid]


def map_headers(headers):
    """``{index: Column}`` for the known headers, and the headers ignored; a missing required column or a column
    given twice is an error for the whole file."""
    mapping, ignored, seen = {}, [], {}
    for index, header in enumerate(headers):
        column = column_for_header(header)
        if column is None:
            if header:
                ignored.append(header)
            continue
        if column.field in seen:
            raise SpreadsheetError(
                _("La colonne « %(header)s » apparaît deux fois (« %(first)s » et « %(second)s »).")
                % {"header": column.header, "first": seen[column.field], "second": header}
            )
        seen[column.field] = header
        mapping[index] = column
    missing = [column.header for column in COLUMNS if column.required and column.field not in seen]
    if missing:
        raise SpreadsheetError(
            _("Colonnes obligatoires absentes de la ligne 1 : %(columns)s. Partez du modèle à télécharger.")
            % {"columns": ", ".join(f"« {header} »" for header in missing)}
        )
    return mapping, ignored


class Vocabulary:
    """A taxonomy of the default language, found by slug or by name (accents and case aside)."""

    def __init__(self, model, locale):
        self.by_key = {}
        for term in model.objects.filter(locale=locale):
            self.by_key.setdefault(term.slug, term)
            self.by_key.setdefault(normalise(term.name), term)

    def find(self, value):
        text = str(value).strip()
        return self.by_key.get(text) or self.by_key.get(slugify(text)) or self.by_key.get(normalise(text))


def check_table(table, territory, *, today=None):
    """Check every row of ``table`` for an import under ``territory``; return a ``CheckedTable``."""
    mapping, ignored = map_headers(table.headers)
    today = today or timezone.localdate()
    types = Vocabulary(OfferType, territory.locale_id)
    sectors = Vocabulary(Sector, territory.locale_id)
    taken_slugs = set(Page.objects.child_of(territory).values_list("slug", flat=True))
    seen_slugs = {}
    rows = []
    for line, cells in table.rows:
        row = Row(line=line)
        for index, column in mapping.items():
            value = cells[index] if index < len(cells) else ""
            _check_cell(row, column, value, types, sectors, today)
        _check_required(row)
        _check_slug(row, taken_slugs, seen_slugs)
        rows.append(row)
    return CheckedTable(rows=rows, ignored_headers=ignored)


def _check_cell(row, column, value, types, sectors, today):
    if value == "" or value is None:
        return
    try:
        if column.field == "offer_type":
            term = types.find(value)
            if term is None:
                raise CellError(_("« %(value)s » n'est pas un type d'offre connu.") % {"value": value})
            row.values["offer_type"] = term
        elif column.field == "sectors":
            row.values["sectors"] = _sectors(value, sectors)
        elif column.field == "expire_at":
            row.values["expire_at"] = _expiry(column.parse(value), today)
        else:
            row.values[column.field] = column.parse(value)
    except CellError as error:
        row.errors.append(f"{column.header} : {error}")


def _sectors(value, vocabulary):
    text = str(value)
    for separator in SECTOR_SEPARATORS[1:]:
        text = text.replace(separator, SECTOR_SEPARATORS[0])
    found, unknown = [], []
    for name in (part.strip() for part in text.split(SECTOR_SEPARATORS[0])):
        if not name:
            continue
        term = vocabulary.find(name)
        if term is None:
            unknown.append(name)
        elif term not in found:
            found.append(term)
    if unknown:
        raise CellError(_("secteur inconnu : %(names)s.") % {"names": ", ".join(f"« {name} »" for name in unknown)})
    return found


def _expiry(date, today):
    if date <= today:
        raise CellError(_("la date d'expiration doit être à venir."))
    # The offer leaves the catalogue at the start of that day, Paris time.
    return datetime.datetime.combine(date, datetime.time.min, tzinfo=PARIS)


def _check_required(row):
    for column in COLUMNS:
        if column.required and not row.values.get(column.field) and not _has_error(row, column):
            row.errors.append(_("%(header)s : obligatoire.") % {"header": column.header})


def _has_error(row, column):
    return any(error.startswith(f"{column.header} :") for error in row.errors)


def _check_slug(row, taken_slugs, seen_slugs):
    title = row.values.get("title")
    if not title:
        return
    slug = slugify(title)[:255]
    if not slug:
        row.errors.append(_("Titre : il doit contenir au moins une lettre ou un chiffre."))
        return
    row.values["slug"] = slug
    if slug in seen_slugs:
        row.errors.append(
            _("Titre : même titre (ou même adresse « %(slug)s ») que la ligne %(line)d.")
            % {"slug": slug, "line": seen_slugs[slug]}
        )
    elif slug in taken_slugs:
        row.errors.append(_("Titre : une page d'adresse « %(slug)s » existe déjà sous ce territoire.") % {"slug": slug})
    seen_slugs.setdefault(slug, row.line)
