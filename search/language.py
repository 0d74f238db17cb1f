"""How words are compared, per language: the PostgreSQL configurations, and the same rules in Python.

PostgreSQL stems and unaccents through the ``french_unaccent`` and ``english_unaccent`` text search
configurations (created by this app's first migration). SQLite's FTS5 table ignores accents but does not
stem, so the SQLite backend asks :func:`query_prefix` for a stem to match as a prefix: "boulangeries"
becomes ``boulanger*``, which finds "boulangerie", "boulangeries" and "boulanger". The snippet highlighter
uses :func:`word_key` to mark the words a query matched, the same way on both databases.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from django.utils import translation

DEFAULT_LANGUAGE = "fr"
# Language code → (Snowball stemmer, PostgreSQL text search configuration).
LANGUAGES = {
    "fr": ("french", "french_unaccent"),
    "en": ("english", "english_unaccent"),
}
# A stem shorter than this matches too many words as a prefix ("for*"): the word itself is used instead.
MIN_STEM_LENGTH = 4
WORD = re.compile(r"\w+")


def language_of(code):
    """The supported language of a language code ("fr-fr" → "fr"), French for any other."""
    code = (code or "").split("-")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def active_language():
    return language_of(translation.get_language())


def search_config(language):
    """The PostgreSQL text search configuration of ``language``."""
    return LANGUAGES[language_of(language)][1]


def unaccent(text):
    """``text`` lowercased, without accents or ligatures ("Économie" → "economie", "Œuvre" → "oeuvre")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(LANGUAGES[language_of(language)][0])


# The highlighter stems every word of every result shown: the same few thousand words, search after search.
@lru_cache(maxsize=50_000)
def stem(word, language):
    """The stem of one word, unaccented: "Boulangeries" → "boulanger", "élus" → "elu"."""
    stemmed = _stemmer(language).stemWord(unaccent(word))
    # Snowball keeps a plural "s" after a short root ("élus"): drop it, as the plural of most French words.
    if len(stemmed) > 3 and stemmed[-1] in "sx" and language_of(language) == "fr":
        stemmed = stemmed[:-1]
    return stemmed


def query_prefix(word, language):
    """What a query word matches as a prefix on SQLite: its stem, or the word when the stem is too short."""
    stemmed = stem(word, language)
    # English stems end "y" as "i" ("bakery", "bakeries" → "bakeri"), which no indexed word starts with.
    if language_of(language) == "en" and stemmed.endswith("i"):
        stemmed = stemmed[:-1]
    return stemmed if len(stemmed) >= MIN_STEM_LENGTH else unaccent(word)


def word_key(word, language):
    """What two words share when the search treats them as the same word (for highlighting)."""
    return stem(word, language)
