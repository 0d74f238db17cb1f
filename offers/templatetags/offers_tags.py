"""Template tags linking pages to the offer catalogue (offer pages, territory pages)."""

from urllib.parse import urlencode

from django import template

from wagtail.models import Locale

from cms.visibility import visible_pages
from offers.models import OfferIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def offer_catalogue(context):
    """The catalogue of the active language, if the visitor may see it."""
    request = context.get("request")
    return visible_pages(request, OfferIndexPage.objects.all()).order_by("path").first()


@register.simple_tag(takes_context=True)
def territory_catalogue_url(context, territory):
    """The catalogue filtered on ``territory`` (its French slug, the value the filter expects), or ``""``."""
    catalogue = offer_catalogue(context)
    if catalogue is None:
        return ""
    source = territory.get_translation_or_none(Locale.get_default()) or territory
    return f"{catalogue.get_url(context.get('request'))}?{urlencode({'territory': source.slug})}"
