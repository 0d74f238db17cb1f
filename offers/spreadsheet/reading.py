"""Reading an uploaded spreadsheet into rows: CSV (UTF-8, with or without BOM, ``;`` or ``,``) or XLSX.

Anything that is not such a file, or is too big, raises ``SpreadsheetError`` with a French message for the
form: never an exception the admin would answer with a server error.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5_000
MAX_CELL_CHARS = 5_000
# An XLSX is a zip: refuse one that would unpack to more than this (a "zip bomb").
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"
DELIMITERS = (";", ",", "\t")


class SpreadsheetError(ValueError):
    """The file cannot be read as an offers spreadsheet; the message says why, in French."""


@dataclass
class Table:
    """The header row (line 1) and the data rows, each with its line number in the file (as a spreadsheet
    program numbers its rows; blank rows are skipped but counted)."""

    headers: list
    rows: list  # [(line, [cell, ...]), ...]


def read_table(content, filename=""):
    """The table of an uploaded file's bytes: XLSX when it is a zip archive, else CSV."""
    if not content:
        raise SpreadsheetError(_("Le fichier est vide."))
    if len(content) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            _("Le fichier dépasse %(size)d Mo : découpez-le en plusieurs fichiers.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if content.startswith(XLSX_MAGIC):
        rows = _xlsx_rows(content)
    elif filename.lower().endswith(".xlsx"):
        raise SpreadsheetError(_("Ce fichier n'est pas un classeur XLSX lisible."))
    else:
        rows = _csv_rows(content)
    return _table(rows)


def _table(rows):
    headers = None
    data = []
    for line, cells in rows:
        if len(data) > MAX_ROWS:
            raise SpreadsheetError(
                _("Le fichier compte plus de %(max)d lignes : découpez-le en plusieurs fichiers.") % {"max": MAX_ROWS}
            )
        cells = [_cell(value, line) for value in cells]
        if headers is None:
            headers = cells
            continue
        if any(value != "" for value in cells):
            data.append((line, cells))
    if headers is None or not any(headers):
        raise SpreadsheetError(_("Le fichier est vide : la ligne 1 doit porter les noms des colonnes."))
    if len(data) > MAX_ROWS:
        raise SpreadsheetError(
            _("Le fichier compte plus de %(max)d lignes : découpez-le en plusieurs fichiers.") % {"max": MAX_ROWS}
        )
    return Table(headers=[str(header).strip() for header in headers], rows=data)


def _cell(value, line):
    if value is None:
        return ""
    if isinstance(value, str):
        value = value.strip()
        if len(value) > MAX_CELL_CHARS:
            raise SpreadsheetError(
                _("Ligne %(line)d : une cellule dépasse %(max)d caractères.") % {"line": line, "max": MAX_CELL_CHARS}
            )
    return value


def _csv_rows(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError(
            _(
                "Le fichier n'est pas un CSV encodé en UTF-8. Dans Excel, enregistrez-le au format "
                "« CSV UTF-8 (délimité par des virgules) », ou envoyez le classeur XLSX."
            )
        ) from None
    if "\x00" in text:
        raise SpreadsheetError(_("Ce fichier n'est pas un tableau CSV ou XLSX."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Line numbers are the records' numbers (a cell may hold line breaks), as a spreadsheet shows them.
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise SpreadsheetError(
            _("Le fichier CSV est mal formé (ligne %(line)d) : %(error)s") % {"line": reader.line_num, "error": error}
        ) from None


def _xlsx_rows(content):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SpreadsheetError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise SpreadsheetError(_("Ce classeur est trop volumineux une fois décompressé."))
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a damaged or foreign zip
        raise SpreadsheetError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise SpreadsheetError(_("Le classeur ne contient aucune feuille."))
        try:
            rows = [(line, list(values)) for line, values in _limited(sheet.iter_rows(values_only=True))]
        except SpreadsheetError:
            raise
        except Exception:
            raise SpreadsheetError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from None
    finally:
        workbook.close()
    yield from rows


def _limited(rows):
    """Stop past ``MAX_ROWS`` non-blank rows (blank rows, formatted in Excel down the sheet, do not count)."""
    filled = 0
    for line, values in enumerate(rows, start=1):
        if any(value not in (None, "") for value in values):
            filled += 1
            if filled > MAX_ROWS + 1:
                raise SpreadsheetError(
                    _("Le fichier compte plus de %(max)d lignes : découpez-le en plusieurs fichiers.")
                    % {"max": MAX_ROWS}
                )
            yield line, values
