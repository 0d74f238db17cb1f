"""SQLite: Wagtail's FTS5 backend, every query word matched as the prefix of its stem."""

from functools import reduce

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import PlainText

from search.language import WORD, active_language, query_prefix


class PrefixQueryMixin:
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        language = active_language()
        # Only word characters reach FTS5: quotes, stars and NEAR( are its syntax, not words to find.
        words = WORD.findall(query.query_string)
        if not words:
            return None
        lexemes = [Lexeme(query_prefix(word, language), prefix=True) for word in words]
        operator = (lambda a, b: a & b) if query.operator.upper() == "AND" else (lambda a, b: a | b)
        return SearchQueryExpression(reduce(operator, lexemes), config=config)


class PrefixSQLiteQueryCompiler(PrefixQueryMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class PrefixSQLiteAutocompleteCompiler(PrefixQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class PrefixSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = PrefixSQLiteQueryCompiler
    autocomplete_query_compiler_class = PrefixSQLiteAutocompleteCompiler
