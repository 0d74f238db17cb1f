"""Highlighted excerpts: the words of a result that the query matched, marked with ``<mark>``.

A word is marked when it starts with the stem of a query word (see :mod:`search.language`): "boulangeries"
is marked for the query "boulangerie", "Économie" for "economie", on either database.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from search.language import WORD, query_prefix, stem

SNIPPET_WORDS = 36
WORDS_BEFORE = 8


def query_keys(terms, language):
    return {query_prefix(term, language) for term in terms}


def _matches(word, keys, language):
    key = stem(word, language)
    return any(key.startswith(k) or k.startswith(key) and len(key) >= 4 for k in keys)


def highlight(text, keys, language):
    """``text`` escaped, with the matching words wrapped in ``<mark>``."""
    parts, last = [], 0
    for match in WORD.finditer(text):
        if _matches(match.group(), keys, language):
            parts += [
                conditional_escape(text[last : match.start()]),
                "<mark>",
                conditional_escape(match.group()),
                "</mark>",
            ]
            last = match.end()
    parts.append(conditional_escape(text[last:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (every piece of text is escaped above)


def excerpt(texts, keys, language):
    """About :data:`SNIPPET_WORDS` words around the first match in ``texts`` (or their start), highlighted."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return ""
    chosen, start = texts[0], 0
    for text in texts:
        words = text.split(" ")
        found = next(
            (i for i, word in enumerate(words) if any(_matches(w, keys, language) for w in WORD.findall(word))), None
        )
        if found is not None:
            chosen, start = text, max(0, found - WORDS_BEFORE)
            break
    words = chosen.split(" ")
    window = " ".join(words[start : start + SNIPPET_WORDS])
    if start + SNIPPET_WORDS < len(words):
        window += " …"
    prefix = "… " if start else ""
    return mark_safe(conditional_escape(prefix) + highlight(window, keys, language))  # noqa: S308
