"""The editors' guide (docs/editors.md) and its screenshots: every image it shows exists, and every screenshot the
script takes (docs/screenshots.py) is shown somewhere. The script itself is not run here (it loads the demo and
drives a browser for minutes): ``make screenshots``."""

import importlib.util
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDE = DOCS / "editors.md"
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def guide_images():
    return IMAGE.findall(GUIDE.read_text(encoding="utf-8"))


def script_shots():
    spec = importlib.util.spec_from_file_location("editors_screenshots", DOCS / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines the shots; takes none
    return module.SHOTS


def test_the_guide_shows_screenshots_with_a_description():
    images = guide_images()
    assert len(images) >= 20
    assert all(alt.strip() for alt, _ in images), "every screenshot has a text alternative"


@pytest.mark.parametrize("target", sorted({target for _, target in guide_images()}))
def test_every_image_of_the_guide_exists(target):
    assert target.startswith("images/editors/"), target
    path = DOCS / target
    assert path.is_file(), f"{target} is missing: run `make screenshots`"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_screenshot_the_script_takes_is_in_the_guide():
    shown = {target for _, target in guide_images()}
    shots = script_shots()
    names = [shot.name for shot in shots]
    assert len(names) == len(set(names)), "two shots share a file name"
    missing = [name for name in names if f"images/editors/{name}.png" not in shown]
    assert not missing, f"taken but not shown in docs/editors.md: {missing}"


def test_every_screenshot_of_the_guide_is_taken_by_the_script():
    taken = {f"images/editors/{shot.name}.png" for shot in script_shots()}
    assert {target for _, target in guide_images()} <= taken


def test_the_screenshots_stay_light():
    total = sum(path.stat().st_size for path in (DOCS / "images" / "editors").glob("*.png"))
    assert total < 3 * 1024 * 1024


def test_the_guide_is_in_french():
    text = GUIDE.read_text(encoding="utf-8")
    for heading in [
        "## Publier une offre",
        "## Publier un événement",
        "## Inscrire l'agenda d'un territoire (flux)",
        "## Traduire une page",
        "## Gérer les adhérents",
        "## Les inscriptions aux sessions",
        "## Relire et publier ce que les territoires proposent",
        "## Importer des offres depuis un tableur",
        "## Programmer la publication et l'expiration",
    ]:
        assert heading in text


MARKER = "<!-- à vérifier après fusion -->"


def copy_and_extend_expiry_are_in_the_admin():
    """Whether the editor-comfort work is merged: the bulk action "Prolonger l'expiration" and "Copier"."""
    from django.urls import NoReverseMatch, reverse

    from wagtail import hooks

    extend = any(
        str(getattr(action, "display_name", "")) == "Prolonger l'expiration"
        for action in hooks.get_hooks("register_bulk_action")
    )
    try:
        reverse("cms_quick_copy", args=[1])
    except NoReverseMatch:
        return False
    return extend


def test_every_section_is_checked_against_the_admin():
    """A section written before its feature was merged is marked; once checked against the admin, the mark goes.
    Only the copy and bulk-expiry paragraph may keep it, and only while that feature is not in the admin."""
    text = GUIDE.read_text(encoding="utf-8")
    if copy_and_extend_expiry_are_in_the_admin():
        assert MARKER not in text
    else:
        assert text.count(MARKER) <= 1
        if MARKER in text:
            assert text.split(MARKER, 1)[1].lstrip().startswith("**Actions groupées.**")


def test_no_screenshot_is_left_over_from_a_removed_shot():
    taken = {f"{shot.name}.png" for shot in script_shots()}
    on_disk = {path.name for path in (DOCS / "images" / "editors").glob("*.png")}
    assert on_disk <= taken, f"delete the screenshots no shot takes any more: {sorted(on_disk - taken)}"


def github_anchor(heading):
    """The anchor GitHub and most Markdown renderers give a heading: lower case, punctuation dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_of_the_table_of_contents_reaches_a_heading():
    text = GUIDE.read_text(encoding="utf-8")
    anchors = {github_anchor(line.lstrip("#")) for line in text.splitlines() if line.startswith("## ")}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links
    assert [link for link in links if link not in anchors] == []
