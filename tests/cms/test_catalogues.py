"""The UI catalogues are complete and compiled: no English visitor meets an untranslated string."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "cms" / "locale"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_catalogue_is_complete_and_compiled(language):
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    assert len(po) > 100
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {e.msgid for e in compiled} >= {e.msgid for e in po.translated_entries()}


def test_english_catalogue_translates_the_frame():
    po = polib.pofile(str(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"))
    assert po.find("Aller au contenu").msgstr == "Skip to content"
    assert po.find("recherche/").msgstr == "search/"
