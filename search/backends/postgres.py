"""PostgreSQL: each page indexed with its locale's configuration, queries with the active language's."""

import copy

from modelsearch.backends.database.postgres import postgres

from search.language import active_language, language_of, search_config


def _object_languages(objs):
    """The language of each object's locale, by object (French for objects without a locale)."""
    from wagtail.models import Locale

    locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
    codes = dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code")) if locale_ids else {}
    return [language_of(codes.get(getattr(obj, "locale_id", None))) for obj in objs]


class LocalisedPostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        groups = {}
        for obj, language in zip(objs, _object_languages(objs), strict=True):
            groups.setdefault(language, []).append(obj)
        for language, group in groups.items():
            postgres.PostgresIndex(self.backend.for_language(language)).add_items(model, group)


class LocalisedPostgresQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(active_language())


class LocalisedPostgresAutocompleteCompiler(postgres.PostgresAutocompleteQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(active_language())


class LocalisedPostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = LocalisedPostgresQueryCompiler
    autocomplete_query_compiler_class = LocalisedPostgresAutocompleteCompiler
    index_class = LocalisedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = self.autocomplete_config = search_config(None)

    def config_for(self, language):
        return search_config(language)

    def for_language(self, language):
        """This backend indexing with the configuration of ``language`` (search and autocomplete)."""
        localised = copy.copy(self)
        localised.config = localised.autocomplete_config = self.config_for(language)
        return localised
