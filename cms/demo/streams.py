"""References between demo objects and the conversion of demo StreamField content to raw JSON.

Content modules describe StreamFields as lists of ``(block_type, value)`` with plain lists for ListBlocks
and ``PageRef``/``ImageRef``/``DocumentRef`` where a chooser expects an object. ``to_raw`` turns that into
the stored JSON format, with block ids derived from the page and the position, so a re-run gives the same
ids and wagtail-localize keeps the same translation contexts.
"""

import re
import uuid
from dataclasses import dataclass

from wagtail import blocks

_ID_NAMESPACE = uuid.UUID("2f0c0f7e-5d2a-4e55-9d0e-6c1b7a4f3e21")


@dataclass(frozen=True)
class PageRef:
    """A demo page by its French slug path below the home page, e.g. ``"la-demarche/organisation"``."""

    path: str


@dataclass(frozen=True)
class ImageRef:
    key: str


@dataclass(frozen=True)
class DocumentRef:
    key: str


class Resolver:
    """Turns references into objects once the images, documents and pages exist."""

    def __init__(self, images, documents, pages):
        self.images = images
        self.documents = documents
        self.pages = pages  # French slug path -> page ("" is the home page)

    def resolve(self, value):
        if isinstance(value, PageRef):
            return self.pages[value.path]
        if isinstance(value, ImageRef):
            return self.images[value.key]
        if isinstance(value, DocumentRef):
            return self.documents[value.key]
        return value

    def rich_text(self, html):
        """Replace ``id="@slug/path"`` in rich-text page links with the page id."""
        return re.sub(r'id="@([^"]*)"', lambda m: f'id="{self.pages[m.group(1)].pk}"', html)


def block_id(key):
    return str(uuid.uuid5(_ID_NAMESPACE, key))


def to_raw(block, value, key, resolver):
    """Convert demo content for ``block`` into its raw JSON form (see the module docstring)."""
    if isinstance(block, blocks.BaseStreamBlock):
        raw = []
        for index, (block_type, child_value) in enumerate(value):
            child_key = f"{key}/{index}:{block_type}"
            child = block.child_blocks[block_type]
            raw.append(
                {
                    "type": block_type,
                    "value": to_raw(child, child_value, child_key, resolver),
                    "id": block_id(child_key),
                }
            )
        return raw
    if isinstance(block, blocks.ListBlock):
        return [
            {
                "type": "item",
                "value": to_raw(block.child_block, item, f"{key}/{index}", resolver),
                "id": block_id(f"{key}/{index}"),
            }
            for index, item in enumerate(value)
        ]
    if isinstance(block, blocks.StructBlock):
        raw = {}
        for name, child in block.child_blocks.items():
            if name in value:
                raw[name] = to_raw(child, value[name], f"{key}.{name}", resolver)
            else:
                raw[name] = child.get_prep_value(child.get_default())
        return raw
    if isinstance(block, blocks.ChooserBlock):
        obj = resolver.resolve(value)
        return obj.pk if obj is not None else None
    if isinstance(block, blocks.RichTextBlock):
        return resolver.rich_text(value)
    return value


def stream_value(field, value, key, resolver):
    """Raw JSON for a StreamField, checked against the field's blocks so invalid demo data fails loudly."""
    raw = to_raw(field.stream_block, value, key, resolver)
    field.stream_block.clean(field.stream_block.to_python(raw))
    return raw


# Shorthands for the content modules: each returns one ``(block_type, value)`` item of a BodyBlock stream.


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    return ("paragraph", html)


def image(ref, alt_text="", caption="", credit=""):
    return ("image", {"image": ref, "alt_text": alt_text, "caption": caption, "credit": credit})


def quote(text, author="", role=""):
    return ("quote", {"quote": text, "author": author, "role": role})


def call_to_action(title, text, page, label):
    return ("call_to_action", {"title": title, "text": text, "link": {"page": page, "url": "", "label": label}})


def key_figures(title, figures):
    return ("key_figures", {"title": title, "figures": [{"figure": f, "label": label} for f, label in figures]})


def card_grid(title, cards):
    """``cards``: page refs, or ``(page_ref, text)`` pairs."""
    items = []
    for card in cards:
        page, text = card if isinstance(card, tuple) else (card, "")
        items.append({"page": page, "title": "", "text": text, "image": None})
    return ("card_grid", {"title": title, "cards": items})


def accordion(title, items):
    return ("accordion", {"title": title, "items": [{"question": q, "answer": a} for q, a in items]})


def documents(title, refs):
    return ("documents", {"title": title, "documents": list(refs)})


def table(caption, rows):
    """A table whose first row is the header; cells are plain texts."""
    return (
        "table",
        {
            "caption": caption,
            "table": {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "",
            },
        },
    )


def contact(name, role="", organisation="", email="", phone=""):
    return ("contact", {"name": name, "role": role, "organisation": organisation, "email": email, "phone": phone})


def partners(title, items):
    """``items``: ``(name, logo_ref, url)``."""
    return ("partners", {"title": title, "partners": [{"name": n, "logo": logo, "url": url} for n, logo, url in items]})


def timeline(title, entries):
    """``entries``: ``(date, title, html)``."""
    return ("timeline", {"title": title, "entries": [{"date": d, "title": t, "text": x} for d, t, x in entries]})


def link(page, label):
    return {"page": page, "url": "", "label": label}
