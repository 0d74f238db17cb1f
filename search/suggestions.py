"""For a search without results: a query whose misspelt words are replaced by the closest words of the
visible titles (“did you mean”), and on PostgreSQL the pages whose words are close to the query's (trigrams).

The vocabulary is the words of the titles of the pages the visitor may see in the active language: it
cannot suggest a word that only a private or draft page holds. It is cached with the site's content
(:mod:`cms.content_cache`), so a query without results costs a string comparison, not a database query.
"""

import difflib
import hashlib

from modelsearch.query import Fuzzy

from django.db import connection

from wagtail.models import Page

from cms.content_cache import cached_list
from cms.visibility import visible_pages
from search.language import WORD, active_language, unaccent

MIN_WORD_LENGTH = 4
CUTOFF = 0.75


def vocabulary(request):
    """``{unaccented word: the word as a title writes it}`` for the visible titles."""

    def build():
        words = {}
        for title in visible_pages(request).filter(depth__gt=1).values_list("title", flat=True):
            for word in WORD.findall(title):
                if len(word) >= MIN_WORD_LENGTH and not word.isdigit():
                    words.setdefault(unaccent(word), word.lower())
        return sorted(words.items())

    return dict(cached_list(request, "search-vocabulary", active_language(), build=build))


def suggested_query(request, terms):
    """The query with each unknown word replaced by the closest known one; None when nothing changes."""
    if not terms:
        return None
    words = vocabulary(request)
    suggested, changed = [], False
    for term in terms:
        key = unaccent(term)
        if len(key) < MIN_WORD_LENGTH or key in words:
            suggested.append(term)
            continue
        close = difflib.get_close_matches(key, words.keys(), n=1, cutoff=CUTOFF)
        if close:
            suggested.append(words[close[0]])
            changed = True
        else:
            suggested.append(term)
    return " ".join(suggested) if changed else None


def close_pages(request, terms, limit=5):
    """Visible pages whose title or text holds words close to ``terms`` (pg_trgm, unaccented); [] on SQLite."""
    if not terms or connection.vendor != "postgresql":
        return []
    text = " ".join(terms)

    def build():
        visible = visible_pages(request).filter(depth__gt=1).values("pk")
        return Page.objects.filter(pk__in=visible).search(Fuzzy(text, unaccent=True))[:limit]

    # Trigram similarity reads every index entry (about 0.5 s at 30,000 pages): once per query and content.
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    return cached_list(request, "search-close", active_language(), limit, digest, build=build)
