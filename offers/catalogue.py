"""The offer catalogue: one query path for the catalogue page, its map, its facets and its feeds.

``build_catalogue(request, index_page)`` reads the request's parameters with the
:class:`~offers.filters.OfferFilterSet` and exposes the rest lazily. The page (its count, facets and sorted ids)
is answered by the facet index of the offers the visitor may see (``offers.offer_index``), which each app server
builds in a few queries per content version: any query runs no SQL for them. The cards of the page come from the
card cache (``cms.card_cache``), those it misses in one query by id (image renditions prefetched). The feeds
and exports read ``.offers``, a queryset of the same filters in SQL (``filter_queryset`` over the visible offers).

The map's points are not on the page: up to a thousand of them weigh 200 KB, which every visitor would
download and the server render before the first card shows. The map script fetches them from the catalogue's
``map/`` route (:meth:`OfferIndexPage.map_points_json`), one query, cached apart from the page.
"""

import re
from dataclasses import dataclass
from functools import cached_property, partial
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Locale, Site

from cms.card_cache import rendered_cards
from cms.filters import Chip, Facet, FacetChoice, ListingUrlsMixin
from cms.models import DEPARTMENTS
from cms.models.pages import LISTING_PAGE_SIZE
from cms.visibility import active_locale, visible_pages
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
from offers.offer_index import NEWEST, offer_index

MAX_MAP_POINTS = 1000
CARD_TEMPLATE = "components/offer_card.html"
# The parameters of the URLs the catalogue builds (chips, facets, pagination), in this order.
URL_PARAMETERS = [name for name in PARAMETERS if name != "page"]
# What a map point shows, read as plain values (model instances cost more than the query at 1,000 points).
MAP_COLUMNS = ["title", "url_path", "latitude", "longitude", "commune"]
# The paths ``wagtail_serve`` accepts (its URL pattern in wagtail.urls): ``reverse`` rejects any other.
SERVE_PATH = re.compile(r"(?:[\w\-]+/)*" if WAGTAIL_APPEND_SLASH else r"[\w\-/]*")


def for_cards(offers, locale=None):
    """``offers`` with what an offer card shows (see ``OfferQuerySet.for_cards``)."""
    return offers.for_cards(locale)


def sort_offers(offers, sort):
    """Order ``offers``: newest first (default), closing soonest first, or nearest first (needs ``near``)."""
    if sort == SORT_CLOSING:
        return offers.order_by(F("expire_at").asc(nulls_last=True), *NEWEST)
    if sort == SORT_NEAREST:
        return offers.order_by("distance", *NEWEST)
    return offers.order_by(*NEWEST)


class PageUrls:
    """``page.get_url(request)`` computed from ``url_path`` alone, for the hundreds of points of the map.

    Wagtail finds the page's site root and reverses ``wagtail_serve`` for every page, on a model instance
    (tens of µs each); here the part of the URL that depends on the site root is reversed once per root and
    the rest of the path appended, quoted as ``reverse`` quotes it. The choice of the site root, of the
    language and of a relative or absolute URL follows ``Page.get_url_parts`` and ``Page.get_url``.
    """

    def __init__(self, request):
        self.roots = Site.get_site_root_paths()
        self.current_site = Site.find_for_request(request) if request is not None else None
        self.single_site = len({root.site_id for root in self.roots}) == 1
        self.prefixes = {}

    def __call__(self, url_path):
        roots = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not roots:
            return None
        root = roots[0]
        if self.current_site is not None and len({r.site_id for r in roots}) > 1:
            root = next((r for r in roots if r.site_id == self.current_site.pk), root)
        rest = url_path[len(root.root_path) :]
        prefix = self._prefix(root)
        if prefix is None or not SERVE_PATH.fullmatch(rest):
            return None  # not routable: get_url gives None too
        path = prefix + quote(rest, safe=RFC3986_SUBDELIMS + "/~:@")
        if not WAGTAIL_APPEND_SLASH and path != "/":
            path = path.rstrip("/")
        if self.single_site or (self.current_site is not None and root.site_id == self.current_site.pk):
            return path
        return root.root_url + path

    def _prefix(self, root):
        """The URL of the site root itself (``/fr/``), or None when ``wagtail_serve`` is not routed."""
        if root not in self.prefixes:
            try:
                with translation.override(self._language(root)):
                    self.prefixes[root] = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:
                self.prefixes[root] = None
        return self.prefixes[root]

    @staticmethod
    def _language(root):
        """The language of the root's URLs: the active one if it is a variant of the root's (fr-ca for fr)."""
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return translation.get_language()
        try:
            if get_supported_content_language_variant(translation.get_language()) == root.language_code:
                return translation.get_language()
        except LookupError:
            pass
        return root.language_code


@dataclass
class Catalogue(ListingUrlsMixin):
    """The catalogue for one request. ``offers`` is filtered, sorted and visible, not paginated."""

    request: HttpRequest
    path: str
    filterset: OfferFilterSet
    locale: Locale
    map_path: str = ""  # the catalogue's map/ route
    url_parameters = URL_PARAMETERS

    # The queries are built when first needed (feeds, exports, the map): the page itself reads the index.

    @cached_property
    def base(self):
        """The offers the visitor may see, before the filters."""
        return visible_pages(self.request, OfferPage.objects.all(), locale=self.locale)

    @cached_property
    def sorted_offers(self):
        """The visible offers that pass the filters, sorted, in SQL (the feeds, the exports, the map)."""
        return sort_offers(self.filterset.filter_queryset(self.base), self.filterset.sort)

    @cached_property
    def ignored(self):
        """One message per value of the query string that the filters could not use."""
        return self.filterset.ignored

    # URLs ------------------------------------------------------------------------------------------------

    @cached_property
    def values(self):
        return self.filterset.values

    def normalise_params(self, params):
        """The radius only with a town, "nearest" only with a town, "newest" is the default."""
        if "near" in params:
            params.setdefault("radius", DEFAULT_RADIUS_KM)
        else:
            params.pop("radius", None)
            if params.get("sort") == SORT_NEAREST:
                params.pop("sort")
        if params.get("sort") == SORT_NEWEST:
            params.pop("sort")
        return params

    # Results ---------------------------------------------------------------------------------------------

    @property
    def offers(self):
        """Every offer that passes the filters, sorted (the feeds and exports build their query on it)."""
        return self.sorted_offers

    @cached_property
    def index(self):
        """The facet index of the offers the visitor may see (``offers.offer_index``)."""
        return offer_index(self.request, self.locale)

    @cached_property
    def _rows(self):
        """The index's rows of the offers that pass every filter."""
        return self.index.rows(self.filterset)

    @cached_property
    def sorted_ids(self):
        """The pk of every offer that passes the filters, in the order asked for."""
        return self.index.sorted_pks(self._rows, self.filterset.sort, self.filterset)

    @cached_property
    def page(self):
        """The requested page of offers (the last one if the number is too high), as their cards' HTML.

        The page's offers are picked from the sorted ids the index gives, then their cards read from the card
        cache (``cms.card_cache``), those missing fetched by id.
        """
        paginator = Paginator(self.sorted_ids, LISTING_PAGE_SIZE)
        page = paginator.get_page(self.values.get("page", 1))
        ids = list(page.object_list)
        cards = rendered_cards(self.request, CARD_TEMPLATE, ids, self._fetch_cards, as_name="offer", heading_level="h3")
        page.object_list = [cards[pk] for pk in ids if pk in cards]
        return page

    def _fetch_cards(self, ids):
        return {offer.pk: offer for offer in for_cards(OfferPage.objects.filter(pk__in=ids), self.locale)}

    @cached_property
    def count(self):
        """The number of offers that pass every filter."""
        return self._rows.bit_count()

    @cached_property
    def map_points(self):
        """The filtered offers that have coordinates (the first :data:`MAX_MAP_POINTS`), in one query."""
        located = self.sorted_offers.exclude(latitude=None).exclude(longitude=None)
        rows = located.values_list(*MAP_COLUMNS)[:MAX_MAP_POINTS]
        url = PageUrls(self.request)
        return [
            {"title": title, "url": url(url_path), "lat": latitude, "lng": longitude, "commune": commune}
            for title, url_path, latitude, longitude, commune in rows
            if latitude is not None and longitude is not None
        ]

    # Facets ----------------------------------------------------------------------------------------------

    def _counts(self, name):
        """``{value: number of offers}`` for the facet ``name``, over the offers that pass every other filter."""
        return self.index.counts(self.index.rows(self.filterset, exclude=name), name)

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
            toggle = partial(self.url, **{name: toggled})
            choices.append(FacetChoice(value, label, counts.get(value, 0), selected, toggle))
        return Facet(name, field.label, choices, multiple=multiple)

    @cached_property
    def facets(self):
        """Territory, type, sectors and department, each with counts over the other filters."""
        by_territory = self._counts("territory")
        territories = self.filterset.territories
        return {
            "territory": self._facet(
                "territory",
                [(value, title) for value, (_pk, title) in territories.items()],
                {value: by_territory.get(pk, 0) for value, (pk, _title) in territories.items()},
            ),
            "type": self._facet("type", [(o.value, o.label) for o in self.filterset.types], self._counts("type")),
            "sector": self._facet(
                "sector", [(o.value, o.label) for o in self.filterset.sectors], self._counts("sector")
            ),
            "department": self._facet(
                "department",
                [(code, f"{code} – {name}") for code, name in DEPARTMENTS],
                self._counts("department"),
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
    def map_url(self):
        """Where the map script fetches the points of these filters (``OfferIndexPage.map_points_json``)."""
        query = self.query()
        return f"{self.map_path}?{query}" if query else self.map_path

    @property
    def widen_radius(self):
        return min(self.filterset.radius * 2, MAX_RADIUS_KM)


def build_catalogue(request, index_page):
    """The catalogue of ``index_page`` for ``request``: its GET parameters applied to the visible offers."""
    locale = active_locale(request)
    filterset = OfferFilterSet(request.GET, request=request, locale=locale)
    path = index_page.get_url(request)
    return Catalogue(
        request=request,
        path=path,
        map_path=path + index_page.reverse_subpage("map"),
        filterset=filterset,
        locale=locale,
    )
