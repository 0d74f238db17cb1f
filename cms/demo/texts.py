"""Bilingual demo texts: every French value is written next to its English translation.

``T(fr, en)`` records the pair and returns the French text, which is what the French pages store.
The English sync (``cms.demo.translate``) later looks up the strings wagtail-localize extracts from the
French pages in the table built from these pairs.
"""

from wagtail_localize.strings import StringValue, extract_strings

_PAIRS: dict[str, str] = {}


def T(fr, en):  # noqa: N802 - reads like gettext's _() in the content modules
    """Record the English translation of a French text (plain text or rich-text HTML) and return the French."""
    previous = _PAIRS.get(fr)
    if previous is not None and previous != en:
        raise ValueError(f"Two English translations for the same French text: {fr!r}")
    _PAIRS[fr] = en
    return fr


def N(text):  # noqa: N802
    """A text that reads the same in both languages (names of people, places, organisations)."""
    return T(text, text)


def english(fr):
    """The English text recorded for a French plain-text value, or None."""
    return _PAIRS.get(fr)


def _is_html(text):
    return text.lstrip().startswith("<")


def segment_table():
    """Map each French segment, as wagtail-localize stores it, to its English counterpart.

    Plain texts become one segment each (escaped, newlines as ``<br>``). Rich text is cut into one segment
    per block element (``<p>``, ``<li>``, ``<h2>``…) with attributes replaced by ids (``<a id="a1">``); the
    French and English HTML of a pair have the same structure, so their segments pair up in order.
    """
    table = {}
    for fr, en in _PAIRS.items():
        if _is_html(fr):
            fr_strings = [string.data for string, _attrs in extract_strings(fr)[1]]
            en_strings = [string.data for string, _attrs in extract_strings(en)[1]]
            if len(fr_strings) != len(en_strings):
                raise ValueError(f"French and English HTML differ in structure: {fr[:80]!r}")
            table.update(zip(fr_strings, en_strings, strict=True))
        else:
            table[StringValue.from_plaintext(fr).data] = StringValue.from_plaintext(en).data
    return table
