"""Bulk import of offers from a spreadsheet (CSV or XLSX): read, check every row, write drafts all or nothing.

- ``reading``: bytes of an upload → a table of cells with their line numbers (``SpreadsheetError`` otherwise);
- ``columns``: the French headers and how each cell becomes a value;
- ``rows``: the table checked against a territory (bulk lookups), each row valid or with its errors;
- ``importing``: the valid rows written as draft offers in one transaction.

The admin views are in ``offers.import_views``.
"""

from offers.spreadsheet.columns import COLUMNS
from offers.spreadsheet.importing import ImportFailed, import_offers
from offers.spreadsheet.reading import SpreadsheetError, read_table
from offers.spreadsheet.rows import check_table

__all__ = ["COLUMNS", "ImportFailed", "SpreadsheetError", "check_table", "import_offers", "read_table", "template_csv"]


def template_csv():
    """The template file: the French headers, ``;``-separated with a BOM, as French Excel reads them."""
    return "\ufeff" + ";".join(column.header for column in COLUMNS) + "\r\n"
