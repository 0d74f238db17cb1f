"""The offer catalogue: one query path for the catalogue page, its map, its facets and its feeds.

``build_catalogue(request, index_page)`` starts from what the visitor may see (``cms.visibility``),
applies the :class:`~offers.filters.OfferFilterSet`, sorts, and exposes the rest lazily, so a feed that only
reads ``.offers`` runs none of the facet or map queries. Every part runs a fixed number of queries,
whatever the number of offers: one grouped query for the territory, type and department facets and the
result count, one for the sector facet, one that sorts the ids of the filtered offers alone, and one for the
cards of the page by id (with their image renditions prefetched) that the card cache (``cms.card_cache``)
misses. The counts and the sorted ids are cached per query under the content version
(``cms.content_cache``): a repeated query runs none of these.

The map's points are not on the page: up to a thousand of them weigh 200 KB, which every visitor would
download and the server render before the first card shows. The map script fetches them from the catalogue's
``map/`` route (:meth:`OfferIndexPage.map_points_json`), one query, cached apart from the page.
"""

import datetime
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, partial, reduce
from operator import and_, or_
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, F, Min, Q
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Locale, Site

from cms.card_cache import rendered_cards
from cms.content_cache import visitor_key
from cms.filters import Chip, Facet, FacetChoice, ListingUrlsMixin
from cms.models import DEPARTMENTS
from cms.models.pages import LISTING_PAGE_SIZE
from cms.visibility import active_locale, visible_pages
from offers.filters import (
    COLUMN_FILTERS,
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
CARD_TEMPLATE = "components/offer_card.html"
# The sorted ids of a query are cached when there are at most this many (a few bytes each): beyond, a page of
# cards sorts its ids in the database.
MAX_CACHED_IDS = 20_000
RESULTS_TIMEOUT = 60 * 60
# Part of the cache key of :class:`Results`: a release that changes its fields changes this, so that it never
# reads an entry of the previous shape (the content version stays the same across a deploy).
RESULTS_FORMAT = 2
# The parameters of the URLs the catalogue builds (chips, facets, pagination), in this order.
URL_PARAMETERS = [name for name in PARAMETERS if name != "page"]
# What a map point shows, read as plain values (model instances cost more than the query at 1,000 points).
MAP_COLUMNS = ["title", "url_path", "latitude", "longitude", "commune"]
# The paths ``wagtail_serve`` accepts (its URL pattern in wagtail.urls): ``reverse`` rejects any other.
SERVE_PATH = re.compile(r"(?:[\w\-]+/)*" if WAGTAIL_APPEND_SLASH else r"[\w\-/]*")


@dataclass
class Results:
    """What the catalogue caches per query: see :attr:`Catalogue._results`."""

    groups: dict  # (territory_id, type slug, department) -> number of offers
    sectors: dict  # sector slug -> number of offers
    ids: list | None  # the pk of every filtered offer, in order, or None when too many to cache
    until: datetime.datetime | None  # when the first counted offer expires


def _tally(groups, column_filters, name=None):
    """The number of offers that pass every filter, or ``{value of name's column: number}`` for the offers
    that pass every filter but ``name`` (one of :data:`COLUMN_FILTERS`), from the :meth:`_query_groups`
    groups and the active column filters."""
    position = {column: i for i, column in enumerate(COLUMN_FILTERS)}
    required = [(position[other], value) for other, value in column_filters.items() if other != name]
    counts = Counter()
    for key, number in groups.items():
        if all(key[i] == value for i, value in required):
            counts[key[position[name]] if name else None] += number
    return counts if name else counts[None]


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

    # The queries are built when first needed: a page whose counts and ids are cached needs none of them,
    # and building them (visibility, filters, sort) costs more than reading that cache.

    @cached_property
    def base(self):
        """The offers the visitor may see, before the filters."""
        return visible_pages(self.request, OfferPage.objects.all(), locale=self.locale)

    @cached_property
    def sorted_offers(self):
        """The visible offers that pass the filters, sorted (the cards of a page are fetched by id)."""
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
    def page(self):
        """The requested page of offers (the last one if the number is too high), as their cards' HTML.

        The count comes from the facet query. The page's offers are picked from the sorted ids (cached with
        the counts), then their cards read from the card cache (``cms.card_cache``), those missing fetched by
        id: sorting thousands of rows as wide as a card costs more than both queries.
        """
        all_ids = self._results.ids
        paginator = Paginator(self.offers if all_ids is None else all_ids, LISTING_PAGE_SIZE)
        paginator.count = self.count  # a cached property of Paginator: this saves its COUNT query
        page = paginator.get_page(self.values.get("page", 1))
        start, stop = (page.number - 1) * paginator.per_page, page.number * paginator.per_page
        if all_ids is not None:
            ids = all_ids[start:stop]
        else:
            ids = list(self.sorted_offers.values_list("pk", flat=True)[start:stop])
        cards = rendered_cards(self.request, CARD_TEMPLATE, ids, self._fetch_cards, as_name="offer", heading_level="h3")
        page.object_list = [cards[pk] for pk in ids if pk in cards]
        return page

    def _fetch_cards(self, ids):
        return {offer.pk: offer for offer in for_cards(OfferPage.objects.filter(pk__in=ids), self.locale)}

    @cached_property
    def count(self):
        """The number of offers that pass every filter (counted with the facets)."""
        return self._tally()

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

    def _others(self, name):
        """The visible offers filtered by every filter except ``name``, unordered (for GROUP BY)."""
        return self.filterset.filter_queryset(self.base, exclude=name).order_by()

    @cached_property
    def _column_filters(self):
        """The active :data:`COLUMN_FILTERS` as ``{name: the value their column must equal}``."""
        filterset = self.filterset
        return {name: filterset.column_value(name, self.values[name]) for name in COLUMN_FILTERS if name in self.values}

    @cached_property
    def _results(self):
        """The facet counts and the sorted ids, computed by :meth:`_compute_results` or read from the cache.

        The entry is keyed on the content version (any page or term change replaces it), the visitor's
        private sections, the language and the canonical query (filters and sort, not the page number); it
        is used until the first of the offers it counted expires.
        """
        name = f"offer-results-{RESULTS_FORMAT}"
        key = visitor_key(self.request, name, self.locale.language_code, self._query_digest)
        results = cache.get(key)
        if results is None or (results.until is not None and timezone.now() >= results.until):
            results = self._compute_results()
            cache.set(key, results, RESULTS_TIMEOUT)
        return results

    @cached_property
    def _query_digest(self):
        return hashlib.sha256(self.query().encode()).hexdigest()[:32]

    def _compute_results(self):
        """Two grouped queries for the facets and the count, one for the sorted ids."""
        groups, until = self._query_groups()
        sectors, sectors_until = self._query_sectors()
        count = _tally(groups, self._column_filters)
        ids = None if count > MAX_CACHED_IDS else list(self.sorted_offers.values_list("pk", flat=True))
        expiries = [moment for moment in (until, sectors_until) if moment is not None]
        return Results(groups=groups, sectors=sectors, ids=ids, until=min(expiries, default=None))

    def _query_groups(self):
        """``{(territory_id, type slug, department): number of offers}`` for the facets and the result count,
        and the first expiry among these offers.

        Territory, type and department each compare one column (:data:`COLUMN_FILTERS`), so the offers
        counted by each of these facets (every filter but its own) and the results (every filter) are groups
        of one GROUP BY on these columns, over the offers that pass the other filters and all the active
        column filters but one at most (an offer failing two of them counts nowhere).
        """
        offers = self.filterset.filter_queryset(self.base, exclude=COLUMN_FILTERS).order_by()
        conditions = [Q(**{COLUMN_FILTERS[name]: value}) for name, value in self._column_filters.items()]
        if len(conditions) > 1:
            all_but_one = [reduce(and_, conditions[:i] + conditions[i + 1 :]) for i in range(len(conditions))]
            offers = offers.filter(reduce(or_, all_but_one))
        rows = list(offers.values_list(*COLUMN_FILTERS.values()).annotate(n=Count("pk"), until=Min("expire_at")))
        return {tuple(row[:-2]): row[-2] for row in rows}, min((row[-1] for row in rows if row[-1]), default=None)

    def _query_sectors(self):
        """``{sector slug: number of offers}`` over every filter but ``sector``, and their first expiry."""
        # Distinct offers: translations of a term share its slug.
        rows = list(
            self._others("sector")
            .values("sectors__slug")
            .annotate(n=Count("pk", distinct=True), until=Min("expire_at"))
            .values_list("sectors__slug", "n", "until")
        )
        return {slug: n for slug, n, _until in rows}, min((until for *_, until in rows if until), default=None)

    def _tally(self, name=None):
        """See :func:`_tally`."""
        return _tally(self._results.groups, self._column_filters, name)

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
        """Territory, type, sectors and department, each with counts over the other filters (two queries)."""
        by_territory = self._tally("territory")
        territories = self.filterset.territories
        by_sector = self._results.sectors
        return {
            "territory": self._facet(
                "territory",
                [(value, title) for value, (_pk, title) in territories.items()],
                {value: by_territory.get(pk, 0) for value, (pk, _title) in territories.items()},
            ),
            "type": self._facet("type", [(o.value, o.label) for o in self.filterset.types], self._tally("type")),
            "sector": self._facet("sector", [(o.value, o.label) for o in self.filterset.sectors], by_sector),
            "department": self._facet(
                "department",
                [(code, f"{code} – {name}") for code, name in DEPARTMENTS],
                self._tally("department"),
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
