"""Template helpers of the members' pages."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

register = template.Library()


@register.simple_tag
def video_embed(url, title):
    """The provider's player for ``url`` with ``title`` on its frame (screen readers name frames by it), or ""
    when the provider cannot be reached or does not know the URL (the template then shows a plain link)."""
    try:
        embed = embeds.get_embed(url)
    except EmbedException:
        return ""
    html = embed.html or ""
    if "<iframe" not in html:
        return ""
    html = re.sub(r"\s+title=\"[^\"]*\"", "", html)
    return mark_safe(html.replace("<iframe", f'<iframe title="{escape(title)}"', 1))  # noqa: S308 - provider HTML


@register.filter
def file_kind(document):
    """The document's file type for people: its extension in capitals ("PDF")."""
    return (document.file_extension or "").upper()
