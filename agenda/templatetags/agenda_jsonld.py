"""``{% event_jsonld page %}``: an event page's schema.org JSON-LD, for the ``<head>`` of its template."""

from django import template
from django.utils.safestring import mark_safe

from agenda import jsonld
from agenda.models import EventPage

register = template.Library()


@register.simple_tag(takes_context=True, name="event_jsonld")
def event_jsonld_tag(context, page):
    """A ``<script type="application/ld+json">`` with one schema.org Event per date; nothing for another page."""
    if not isinstance(page, EventPage):
        return ""
    dates = jsonld.jsonld_dates(page)
    if not dates:
        return ""
    text = jsonld.event_jsonld(page, dates, context.get("request"))
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped by event_jsonld
