"""Queries on offers: distance to a point computed in the database, never by loading every offer."""

import math

from django.db.models import F, FloatField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import ACos, Coalesce, Cos, Least, Radians, Sin

from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.query import PageQuerySet

EARTH_RADIUS_KM = 6371.0
CARD_RENDITION = "fill-480x270"
# What templates/components/offer_card.html reads (and ``pageurl``: url_path, locale): a card query that loads
# every column of the offer and of its territory page costs twice as much in model instances.
CARD_FIELDS = [
    "title",
    "url_path",
    "locale_id",
    "first_published_at",
    "expire_at",
    "summary",
    "commune",
    "status",
    "image",
    "offer_type__name",
    "offer_type__translation_key",
    "territory__title",
    "territory__url_path",
]


class OfferQuerySet(PageQuerySet):
    def for_cards(self, locale=None):
        """The offers with what an offer card shows, in a constant number of queries: territory, type, the
        type's name in ``locale`` (default: the active one; offers may point at the French term) computed in
        the same query as ``type_label``, and the card's image rendition prefetched. Only :data:`CARD_FIELDS`
        are loaded: exports and feeds build their own query."""
        type_model = self.model._meta.get_field("offer_type").related_model
        localized_type = type_model.objects.filter(
            translation_key=OuterRef("offer_type__translation_key"), locale=locale or Locale.get_active()
        ).values("name")[:1]
        images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
        return (
            self.select_related("territory", "offer_type")
            .only(*CARD_FIELDS)
            .prefetch_related(Prefetch("image", queryset=images))
            .annotate(type_label=Coalesce(Subquery(localized_type), F("offer_type__name")))
        )

    def with_distance(self, latitude, longitude):
        """Annotate ``distance`` (great-circle, km) from the point; offers without coordinates get NULL."""
        lat, lng = Value(float(latitude), output_field=FloatField()), Value(float(longitude), output_field=FloatField())
        # Spherical law of cosines; Least() guards acos against rounding just above 1.
        cosine = Cos(Radians(lat)) * Cos(Radians(F("latitude"))) * Cos(Radians(F("longitude")) - Radians(lng)) + Sin(
            Radians(lat)
        ) * Sin(Radians(F("latitude")))
        return self.annotate(
            distance=ACos(Least(cosine, Value(1.0, output_field=FloatField()))) * Value(EARTH_RADIUS_KM)
        )

    def near(self, latitude, longitude, radius_km):
        """Offers within ``radius_km`` of the point, with ``distance`` annotated.

        A bounding box on the indexed coordinates discards far offers before the trigonometry runs.
        """
        south, north, west, east = bounding_box(latitude, longitude, radius_km)
        boxed = self.filter(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)
        return boxed.with_distance(latitude, longitude).filter(distance__lte=radius_km)


# The same two computations in Python, for the catalogue's facet index (``offers.offer_index``): an offer is near
# a town there exactly when ``near`` finds it.


def bounding_box(latitude, longitude, radius_km):
    """``(south, north, west, east)`` of a box holding every point within ``radius_km`` of the point."""
    lat_delta = radius_km / 111.2
    lng_delta = radius_km / (111.2 * max(math.cos(math.radians(float(latitude))), 0.01))
    return latitude - lat_delta, latitude + lat_delta, longitude - lng_delta, longitude + lng_delta


def distance_km(latitude, longitude, other_latitude, other_longitude):
    """The great-circle distance of :meth:`OfferQuerySet.with_distance`, by the same formula."""
    lat, lng, other_lat, other_lng = map(math.radians, (latitude, longitude, other_latitude, other_longitude))
    cosine = math.cos(lat) * math.cos(other_lat) * math.cos(other_lng - lng) + math.sin(lat) * math.sin(other_lat)
    return math.acos(min(cosine, 1.0)) * EARTH_RADIUS_KM
