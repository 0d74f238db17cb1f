"""Template tags for what the catalogue shows beyond its list: feed links, the offers' map, JSON-LD."""

from django import template
from django.conf import settings

from cms.jsonld import jsonld_script
from cms.maps import REGION_OUTLINE
from offers.feeds import filter_query, with_query
from offers.jsonld import offer_jsonld
from offers.models import OfferPage

register = template.Library()

MAX_MAP_POINTS = 1000


def map_points(offers, request, limit=MAX_MAP_POINTS):
    """``[{title, url, lat, lng, commune}]`` for the offers of ``offers`` that have coordinates, in one query.

    ``offers`` must already be what the visitor may see (``TerritoryPage.visible_offers(request)``, the
    catalogue's offers): this function does not filter for visibility. At most ``limit`` points.
    """
    rows = (
        offers.select_related(None)
        .prefetch_related(None)
        .exclude(latitude=None)
        .exclude(longitude=None)
        .only("pk", "title", "url_path", "latitude", "longitude", "commune")[:limit]
    )
    return [
        {
            "title": offer.title,
            "url": offer.get_url(request),
            "lat": offer.latitude,
            "lng": offer.longitude,
            "commune": offer.commune,
        }
        for offer in rows
    ]


@register.simple_tag(takes_context=True)
def offer_map_points(context, offers, limit=MAX_MAP_POINTS):
    """``{% offer_map_points page as points %}``: the points of ``components/offer_map.html``.

    ``offers`` is a queryset of visible offers, or a TerritoryPage, whose ``visible_offers(request)`` is used.
    """
    request = context.get("request")
    if hasattr(offers, "visible_offers"):
        offers = offers.visible_offers(request)
    if offers is None:
        return []
    return map_points(offers, request, limit)


@register.simple_tag
def offer_map_options():
    """The map's tile server and attribution (settings), and the region's outline as ``[[lat, lng], …]``.

    Without a tile server (``OFFERS_MAP_TILE_URL = ""``) the map draws the outline as its background.
    """
    return {
        "tiles": getattr(settings, "OFFERS_MAP_TILE_URL", ""),
        "attribution": getattr(settings, "OFFERS_MAP_ATTRIBUTION", ""),
        "outline": [[lat, lng] for lng, lat in REGION_OUTLINE],
    }


@register.simple_tag(takes_context=True)
def offer_feed_url(context, page, name):
    """The URL of the catalogue's route ``name`` (``rss``, ``csv``, ``json``) with the current filters."""
    request = context.get("request")
    url = page.get_url(request) + page.reverse_subpage(name).lstrip("/")
    return with_query(url, filter_query(request) if request is not None else "")


@register.simple_tag(takes_context=True)
def offer_jsonld_script(context, page):
    """The ``<script type="application/ld+json">`` of the offer page being served ("" for other pages)."""
    if not isinstance(page, OfferPage):
        return ""
    return jsonld_script(offer_jsonld(page, context.get("request")))
