"""The catalogue's facet index: what the filters, the facet counts and the sorts read of every visible offer,
held in each app server for the content version.

A query of the catalogue, asked before or not, is then answered without SQL: its filters are sets of rows
(``cms.bitsets``) intersected, a facet's counts one intersection and one popcount per choice, its order a pass
over the rows. In SQL the same answer took three grouped queries over every visible offer (30 to 70 ms at 10,000
offers) for every new combination of filters. The index is built in a few queries (the offers' own columns, their
sectors, the terms by id), once per content version, language and set of private sections in each app server,
and again when its first offer expires (``cms.facet_index``).

The filters' SQL form stays in :class:`offers.filters.OfferFilterSet`: the feeds, the exports and the map build
their queries with it. Both must keep the same meaning; ``tests/offers/test_offer_index.py`` compares them.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_

from django.db.models import F

from cms import bitsets
from cms.facet_index import FacetIndex, kept_index
from cms.filters import search_terms
from cms.models import TerritoryPage
from cms.visibility import visible_pages
from offers.filters import NEAR_PLACES, SORT_CLOSING, SORT_NEAREST
from offers.models import OfferPage, OfferType, Sector
from offers.querysets import bounding_box, distance_km

# The catalogue's default order, newest first: the order of the index's rows.
NEWEST = [F("first_published_at").desc(nulls_last=True), "-pk"]
# How many distinct (town, radius) the index keeps the distances of: radii are whole kilometres from 5 to 200.
MAX_NEAR_MEMOS = 2000


@dataclass
class Near:
    """The rows within a radius of a town, and their distance to it (km)."""

    rows: int
    distances: dict  # row -> km


@dataclass
class OfferIndex(FacetIndex):
    """What the catalogue reads of the visible offers of one language, row ``i`` being the ``i``-th newest."""

    pks: list
    coordinates: list  # (latitude, longitude) or None, per row
    expiries: list  # expire_at or None, per row
    by_value: dict  # filter name (territory, type, department, sector) -> {value: rows}
    until: datetime.datetime | None  # the first expiry among these offers: the index is built again then
    _near: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.row_of = {pk: row for row, pk in enumerate(self.pks)}

    def rows_for(self, filterset, name, value):
        if name == "q":
            if not search_terms(value):
                return self.every_row  # punctuation only: ignored, as in SQL
            row_of = self.row_of
            found = (row_of.get(pk) for pk in filterset.search_ids(value))
            return bitsets.from_positions((row for row in found if row is not None), self.size)
        if name == "sector":
            return reduce(or_, (self.by_value["sector"].get(slug, 0) for slug in value), 0)
        if name == "near":
            return self.near(value, filterset.radius).rows
        return self.by_value[name].get(filterset.column_value(name, value), 0)

    def near(self, place, radius_km):
        """The rows within ``radius_km`` of the town ``place`` (a :data:`NEAR_PLACES` slug), as ``near`` finds them."""
        key = (place, radius_km)
        near = self._near.get(key)
        if near is None:
            _name, latitude, longitude = NEAR_PLACES[place]
            south, north, west, east = bounding_box(latitude, longitude, radius_km)
            distances = {}
            for row, point in enumerate(self.coordinates):
                if point is not None and south <= point[0] <= north and west <= point[1] <= east:
                    distance = distance_km(latitude, longitude, *point)
                    if distance <= radius_km:
                        distances[row] = distance
            near = Near(bitsets.from_positions(distances, self.size), distances)
            if len(self._near) >= MAX_NEAR_MEMOS:
                self._near.clear()  # requests share the index: each keeps the value it computed
            self._near[key] = near
        return near

    # Order -----------------------------------------------------------------------------------------------

    @cached_property
    def by_closing(self):
        """Every row, closing soonest first (those that never close last), newest first among equals."""
        expiries = self.expiries
        return sorted(range(self.size), key=lambda row: (expiries[row] is None, expiries[row] or 0, row))

    def sorted_pks(self, rows, sort, filterset):
        """The pks of ``rows`` in the catalogue's ``sort`` order, newest first among equals (as ``sort_offers``)."""
        if sort == SORT_CLOSING:
            flags = bitsets.flags(rows, self.size)
            return [self.pks[row] for row in self.by_closing if flags[row]]
        if sort == SORT_NEAREST:
            distances = self.near(filterset.values["near"], filterset.radius).distances
            nearest = sorted(bitsets.members(rows, range(self.size)), key=lambda row: (distances[row], row))
            return [self.pks[row] for row in nearest]
        return bitsets.members(rows, self.pks)


def build_offer_index(request, locale):
    """The visible offers' own columns, newest first, then their sectors; the terms and the territories'
    departments by id (a few rows each): joins would widen the 10,000 rows the index reads."""
    offers = visible_pages(request, OfferPage.objects.all(), locale=locale)
    rows = list(
        offers.order_by(*NEWEST).values_list(
            "pk", "latitude", "longitude", "expire_at", "territory_id", "offer_type_id"
        )
    )
    pks = [row[0] for row in rows]
    size = len(pks)
    row_of = dict(zip(pks, range(size), strict=True))
    type_slugs = dict(OfferType.objects.values_list("pk", "slug"))
    departments = dict(TerritoryPage.objects.values_list("pk", "department"))
    members = {name: {} for name in ["territory", "type", "department", "sector"]}
    for number, (_pk, _lat, _lng, _expiry, territory_id, type_id) in enumerate(rows):
        members["territory"].setdefault(territory_id, []).append(number)
        members["type"].setdefault(type_slugs.get(type_id), []).append(number)
        members["department"].setdefault(departments.get(territory_id), []).append(number)
    sector_slugs = dict(Sector.objects.values_list("pk", "slug"))
    for offer_pk, sector_id in OfferPage.sectors.through.objects.values_list("offerpage_id", "sector_id"):
        if offer_pk in row_of:
            members["sector"].setdefault(sector_slugs[sector_id], set()).add(row_of[offer_pk])
    expiries = [row[3] for row in rows]
    return OfferIndex(
        pks=pks,
        coordinates=[(lat, lng) if lat is not None and lng is not None else None for _pk, lat, lng, *_rest in rows],
        expiries=expiries,
        by_value={
            name: {value: bitsets.from_positions(numbers, size) for value, numbers in by_value.items()}
            for name, by_value in members.items()
        },
        until=min((moment for moment in expiries if moment is not None), default=None),
    )


def offer_index(request, locale):
    """The index of the offers the visitor of ``request`` may see in ``locale``, built once per content version in
    this process (and again when its first offer expires)."""
    return kept_index(request, "offer-index", locale, lambda: build_offer_index(request, locale))
