"""PostgreSQL text search configurations: French and English words, stemmed and without accents.

``french_unaccent`` and ``english_unaccent`` copy PostgreSQL's ``french`` and ``english`` configurations and
run ``unaccent`` before the stemmer, so "Économie" and "economie" index and query as the same lexeme.
``pg_trgm`` and ``f_unaccent()`` serve the spelling-tolerant suggestions (Wagtail's ``Fuzzy`` queries).
Creating extensions needs a role allowed to (the database owner on PostgreSQL 13+ for these trusted
extensions). Nothing happens on other databases.
"""

from django.db import migrations

CONFIGURATIONS = {"french_unaccent": ("french", "french_stem"), "english_unaccent": ("english", "english_stem")}

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$""",
]
for name, (source, stemmer) in CONFIGURATIONS.items():
    FORWARD += [
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
        f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})",
        f"ALTER TEXT SEARCH CONFIGURATION {name} "
        f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}",
    ]

BACKWARD = [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in CONFIGURATIONS]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
