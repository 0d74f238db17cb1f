"""The search backend: Wagtail's database backend, with each page's own language rules.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends", ...}}`` picks, like
``wagtail.search.backends.database``, the implementation of the database in use:

- PostgreSQL: each page is indexed with the configuration of its locale (``french_unaccent`` or
  ``english_unaccent``: stems, no accents), and a query uses the configuration of the active language, for
  search and autocomplete alike. Wagtail's backend takes one configuration for everything, and a fixed
  ``simple`` one for autocomplete.
- SQLite: Wagtail's FTS5 backend, whose table already ignores accents; every word of a query becomes a
  prefix of its stem (see :func:`search.language.query_prefix`), so plurals and inflections match without a
  stemmer in the database.
- Anything else: Wagtail's fallback.
"""

from modelsearch.backends import database

from django.db import connection


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    # Imported on demand: modelsearch's SQLite module declares a model that exists only on SQLite.
    if connection.vendor == "postgresql":
        from search.backends.postgres import LocalisedPostgresSearchBackend

        return LocalisedPostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from search.backends.sqlite import PrefixSQLiteSearchBackend

        return PrefixSQLiteSearchBackend(params)
    return backend
