"""The offer catalogue: one query path for the catalogue page, its map, its facets and its feeds.

``build_catalogue(request, index_page)`` starts from what the visitor may see (``cms.visibility``),
applies the :class:`~offers.filters.OfferFilterSet`, sorts, and exposes the rest lazily, so a feed that only
reads ``.offers`` runs none of the facet or map queries. Every part runs a fixed number of queries,
whatever the number of offers: one aggregate per facet, one query for the map points, one page of cards
with their image renditions prefetched.
"""

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from cms.models import DEPARTMENTS
from cms.models.pages import LISTING_PAGE_SIZE
from cms.visibility import visible_pages
from offers.filters import (
    DEFAULT_RADIUS_KM,
    MAX_RADIUS_KM,
    NEAR_PLACES,
    PARAMETERS,
    SORT_CLOSING,
    SORT_NEAREST,
    SORT_NEWEST,
    OfferFilterSet,
)
from offers.models import OfferPage

MAX_MAP_POINTS = 1000
# The parameters of the URLs the catalogue builds (chips, facets, pagination), in this order.
URL_PARAMETERS = [name for name in PARAMETERS if name != "page"]


def for_cards(offers, locale=None):
    """``offers`` with what an offer card shows (see ``OfferQuerySet.for_cards``)."""
    return offers.for_cards(locale)


def sort_offers(offers, sort):
    """Order ``offers``: newest first (default), closing soonest first, or nearest first (needs ``near``)."""
    newest = [F("first_published_at").desc(nulls_last=True), "-pk"]
    if sort == SORT_CLOSING:
        return offers.order_by(F("expire_at").asc(nulls_last=True), *newest)
    if sort == SORT_NEAREST:
        return offers.order_by("distance", *newest)
    return offers.order_by(*newest)


@dataclass
class FacetChoice:
    """One value of a facet, with the number of offers it would give and the URL that ticks or unticks it."""

    value: str
    label: str
    count: int
    selected: bool
    url_toggle: str


@dataclass
class Facet:
    name: str
    label: str
    multiple: bool
    choices: list[FacetChoice]

    @property
    def selected(self):
        return [choice for choice in self.choices if choice.selected]


@dataclass
class Chip:
    """An active filter, shown as a removable chip."""

    label: str
    url_remove: str


@dataclass
class Catalogue:
    """The catalogue for one request. ``offers`` is filtered, sorted and visible, not paginated."""

    request: HttpRequest
    path: str
    filterset: OfferFilterSet
    base: QuerySet  # what the visitor may see, before filters
    sorted_offers: QuerySet  # filtered and sorted, without the card extras
    offers: QuerySet  # the same, ready for cards (feeds use this)
    ignored: list = field(default_factory=list)

    # URLs ------------------------------------------------------------------------------------------------

    @cached_property
    def values(self):
        return self.filterset.values

    def params(self, **changes):
        """The current valid parameters (without ``page``) with ``changes`` applied; empty values removed."""
        params = {name: value for name, value in self.values.items() if name in URL_PARAMETERS}
        for name, value in changes.items():
            if value in (None, "", []):
                params.pop(name, None)
            else:
                params[name] = value
        if "near" in params:
            params.setdefault("radius", DEFAULT_RADIUS_KM)
        else:
            params.pop("radius", None)
            if params.get("sort") == SORT_NEAREST:
                params.pop("sort")
        if params.get("sort") == SORT_NEWEST:
            params.pop("sort")
        return {name: params[name] for name in URL_PARAMETERS if name in params}

    def query(self, **changes):
        """The encoded query string of :meth:`params`, without the leading ``?``."""
        return urlencode(self.params(**changes), doseq=True)

    def url(self, **changes):
        query = self.query(**changes)
        return f"{self.path}?{query}" if query else self.path

    @property
    def pagination_query(self):
        """The current query without ``page``, for the pagination component."""
        return self.query()

    # Results ---------------------------------------------------------------------------------------------

    @cached_property
    def page(self):
        """The requested page of offers (the last one if the number is too high)."""
        paginator = Paginator(self.offers, LISTING_PAGE_SIZE)
        return paginator.get_page(self.values.get("page", 1))

    @property
    def count(self):
        return self.page.paginator.count

    @cached_property
    def map_points(self):
        """Every filtered offer that has coordinates (at most :data:`MAX_MAP_POINTS`), in one query."""
        offers = (
            self.sorted_offers.exclude(latitude=None)
            .exclude(longitude=None)
            .only("pk", "title", "url_path", "latitude", "longitude", "commune")[:MAX_MAP_POINTS]
        )
        return [
            {
                "title": offer.title,
                "url": offer.get_url(self.request),
                "lat": offer.latitude,
                "lng": offer.longitude,
                "commune": offer.commune,
            }
            for offer in offers
        ]

    # Facets ----------------------------------------------------------------------------------------------

    def _others(self, name):
        """The visible offers filtered by every filter except ``name``, unordered (for GROUP BY)."""
        return self.filterset.filter_queryset(self.base, exclude=name).order_by()

    def _counts(self, name, column):
        rows = self._others(name).values(column).annotate(n=Count("pk")).values_list(column, "n")
        return dict(rows)

    def _facet(self, name, options, counts):
        """Build a facet from ``options`` (value, label) and ``counts`` (value -> number of offers)."""
        field = self.filterset.form.fields[name]
        multiple = name == "sector"
        current = self.values.get(name, [] if multiple else None)
        choices = []
        for value, label in options:
            if multiple:
                selected = value in current
                toggled = [v for v in current if v != value] if selected else [*current, value]
            else:
                selected = value == current
                toggled = None if selected else value
            choices.append(FacetChoice(value, label, counts.get(value, 0), selected, self.url(**{name: toggled})))
        return Facet(name, field.label, multiple, choices)

    @cached_property
    def facets(self):
        """Territory, type, sectors and department, each with counts over the other filters (one query each)."""
        by_territory = self._counts("territory", "territory_id")
        territories = self.filterset.territories
        through = OfferPage.sectors.through.objects.filter(offerpage_id__in=self._others("sector").values("pk"))
        by_sector = dict(
            through.values("sector__slug")
            .annotate(n=Count("offerpage_id", distinct=True))
            .values_list("sector__slug", "n")
        )
        return {
            "territory": self._facet(
                "territory",
                [(value, title) for value, (_pk, title) in territories.items()],
                {value: by_territory.get(pk, 0) for value, (pk, _title) in territories.items()},
            ),
            "type": self._facet(
                "type",
                [(o.value, o.label) for o in self.filterset.types],
                self._counts("type", "offer_type__slug"),
            ),
            "sector": self._facet("sector", [(o.value, o.label) for o in self.filterset.sectors], by_sector),
            "department": self._facet(
                "department",
                [(code, f"{code} – {name}") for code, name in DEPARTMENTS],
                self._counts("department", "territory__department"),
            ),
        }

    @property
    def near_options(self):
        """The towns of the ``near`` select, as ``(value, name, selected)``."""
        current = self.values.get("near")
        return [(value, name, value == current) for value, (name, _lat, _lng) in NEAR_PLACES.items()]

    # Active filters --------------------------------------------------------------------------------------

    @cached_property
    def chips(self):
        """One removable chip per active filter value."""
        chips = []
        values = self.values
        if "q" in values:
            chips.append(Chip(_("Mots-clés : « %(q)s »") % {"q": values["q"]}, self.url(q=None)))
        for name in ("territory", "type", "sector", "department"):
            for choice in self.facets[name].selected:
                label = _("%(filter)s : %(value)s") % {"filter": self.facets[name].label, "value": choice.label}
                chips.append(Chip(label, choice.url_toggle))
        if "near" in values:
            town = NEAR_PLACES[values["near"]][0]
            label = _("À moins de %(radius)s km de %(town)s") % {"radius": self.filterset.radius, "town": town}
            chips.append(Chip(label, self.url(near=None)))
        return chips

    # Empty state -----------------------------------------------------------------------------------------

    @property
    def widen_url(self):
        """A larger radius when a town is chosen and the radius can still grow, else ``None``."""
        radius = self.filterset.radius
        if "near" not in self.values or radius >= MAX_RADIUS_KM:
            return None
        return self.url(radius=min(radius * 2, MAX_RADIUS_KM))

    @property
    def widen_radius(self):
        return min(self.filterset.radius * 2, MAX_RADIUS_KM)


def build_catalogue(request, index_page):
    """The catalogue of ``index_page`` for ``request``: its GET parameters applied to the visible offers."""
    locale = Locale.get_active()
    base = visible_pages(request, OfferPage.objects.all(), locale=locale)
    filterset = OfferFilterSet(request.GET, queryset=base, request=request)
    filtered = filterset.qs
    sorted_offers = sort_offers(filtered, filterset.sort)
    return Catalogue(
        request=request,
        path=index_page.get_url(request),
        filterset=filterset,
        base=base,
        sorted_offers=sorted_offers,
        offers=for_cards(sorted_offers, locale),
        ignored=filterset.ignored,
    )
