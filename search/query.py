"""The site search for one request: what matches, filtered by kind and territory, counted, sorted, paginated.

Every result comes from :func:`cms.visibility.visible_pages` (live, not expired, public or allowed for this
visitor, in the active language), filtered *before* the search backend runs. One search gives the list of
matches (id, kind, section path, dates); it is cached like the catalogue's results (per content version,
language and private sections passed, until the first listed page expires or the first upcoming event
ends) and the facets, sorting and pagination work on that list. What a result shows of its page is cached per
page (:func:`page_materials`); the pages it misses cost one query per page type plus one for the events'
dates, whatever the number of matches.

A query whose words never appear together falls back to the pages holding any of them (said on the page).
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Min, OuterRef, Subquery
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.search import index

from agenda.models import EventDate
from cms.content_cache import cached_list
from cms.content_version import content_version
from cms.filters import Facet, FacetChoice, search_terms, territory_options
from cms.models.pages import LISTING_PAGE_SIZE
from cms.visibility import active_locale, visible_pages
from search.kinds import KINDS, OTHER, kind_of_content_types
from search.language import active_language
from search.snippets import excerpt, highlight, query_keys

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
MATERIAL_TIMEOUT = 60 * 60
MATCH_FIELDS = ["pk", "content_type_id", "path", "depth", "first_published_at", "expire_at"]


@dataclass
class Match:
    """One matching page, as much as the facets, the sorting and the cache need."""

    pk: int
    kind: str
    path: str
    published: object  # first publication, for "newest"
    expire_at: object  # when the cached list must be rebuilt: expiry, or end of the upcoming event date
    past: bool  # an event whose dates are all over


def run_search(request, terms, operator):
    """The matching pages of ``terms`` in relevance order, upcoming events before past ones."""
    now = timezone.now()
    current_end = Subquery(
        EventDate.objects.filter(page_id=OuterRef("pk"), end__gte=now)
        .values("page_id")
        .annotate(first_end=Min("end"))
        .values("first_end")[:1]
    )
    # Visibility as a subquery: its fields (expiry, path) need not be declared as the index's filter fields.
    visible = visible_pages(request).filter(depth__gt=1).values("pk")
    candidates = Page.objects.filter(pk__in=visible).only(*MATCH_FIELDS).annotate(current_end=current_end)
    found = candidates.search(" ".join(terms), operator=operator, order_by_relevance=True)
    kinds = kind_of_content_types()
    matches = []
    for page in found:
        kind = kinds.get(page.content_type_id, OTHER)
        ends = [moment for moment in (page.expire_at, page.current_end) if moment]
        matches.append(
            Match(
                pk=page.pk,
                kind=kind,
                path=page.path,
                published=page.first_published_at,
                expire_at=min(ends, default=None),
                past=kind == "event" and page.current_end is None,
            )
        )
    # A stable sort keeps the relevance order within upcoming and within past results.
    return sorted(matches, key=lambda match: match.past)


@dataclass
class Territory:
    value: str
    title: str
    path: str


def visible_territories(request):
    """The visible territories of the active language by URL value (their French slug), cached."""

    def build():
        options = territory_options(request, active_locale(request), Locale.get_default())
        paths = dict(Page.objects.filter(pk__in=[pk for pk, _title in options.values()]).values_list("pk", "path"))
        return [Territory(value, title, paths[pk]) for value, (pk, title) in options.items() if pk in paths]

    return {
        territory.value: territory
        for territory in cached_list(request, "search-territories", active_language(), build=build)
    }


class SiteSearch:
    """The search page's results for the valid values of :class:`search.forms.SearchForm`."""

    def __init__(self, request, values, territories):
        self.request = request
        self.territories = territories
        self.text = values.get("q", "")
        self.kind = values.get("kind")
        self.territory = values.get("territory")
        self.sort = values.get("sort") or SORT_RELEVANCE
        self.page_number = values.get("page") or 1
        self.terms = search_terms(self.text)
        self.language = active_language()

    # What matched ------------------------------------------------------------------------------------------

    def _matches(self, operator):
        digest = hashlib.sha256(" ".join(self.terms).encode()).hexdigest()[:32]
        return cached_list(
            self.request,
            "search",
            self.language,
            operator,
            digest,
            build=lambda: run_search(self.request, self.terms, operator),
        )

    @cached_property
    def all_matches(self):
        """Pages holding every word; if none does and there are several words, pages holding any of them."""
        if not self.terms:
            return []
        matches = self._matches("and")
        if not matches and len(self.terms) > 1:
            matches = self._matches("or")
            self.any_word = bool(matches)
        return matches

    any_word = False

    def territory_of(self, match):
        for territory in self.territories.values():
            if match.path.startswith(territory.path):
                return territory
        return None

    def _filtered(self, *, except_facet=None):
        matches = self.all_matches
        if self.kind and except_facet != "kind":
            matches = [match for match in matches if match.kind == self.kind]
        if self.territory and except_facet != "territory":
            territory = self.territories.get(self.territory)
            matches = [match for match in matches if territory and match.path.startswith(territory.path)]
        return matches

    @cached_property
    def matches(self):
        matches = self._filtered()
        if self.sort == SORT_NEWEST:
            oldest = timezone.now().replace(year=1)
            matches = sorted(matches, key=lambda match: match.published or oldest, reverse=True)
        return matches

    @property
    def count(self):
        return len(self.matches)

    # Facets ------------------------------------------------------------------------------------------------

    @cached_property
    def facets(self):
        """Kind and territory, each counted over the matches filtered by the other one; empty values hidden."""
        kinds = {}
        for match in self._filtered(except_facet="kind"):
            kinds[match.kind] = kinds.get(match.kind, 0) + 1
        territories = {}
        for match in self._filtered(except_facet="territory"):
            territory = self.territory_of(match)
            if territory:
                territories[territory.value] = territories.get(territory.value, 0) + 1
        return {
            "kind": [(kind.value, kind.label, kinds[kind.value]) for kind in KINDS if kinds.get(kind.value)],
            "territory": [
                (value, territory.title, territories[value])
                for value, territory in self.territories.items()
                if territories.get(value)
            ],
        }

    def facet(self, name, label, url):
        current = getattr(self, name)
        choices = [
            FacetChoice(value, text, count, value == current, url(**{name: None if value == current else value}))
            for value, text, count in self.facets[name]
        ]
        return Facet(name, label, choices)

    # The page of results -----------------------------------------------------------------------------------

    @cached_property
    def page(self):
        """One page of results: each a :class:`Result`, in order."""
        page = Paginator(self.matches, LISTING_PAGE_SIZE).get_page(self.page_number)
        shown = list(page.object_list)
        materials = page_materials(self.request, [match.pk for match in shown])
        keys = query_keys(self.terms, self.language)
        now = timezone.now()
        page.object_list = [
            Result(match, materials[match.pk], self.territory_of(match), keys, self.language, now)
            for match in shown
            if match.pk in materials
        ]
        return page


@dataclass
class Material:
    """What a result shows of its page whatever the search: cached per page (:func:`page_materials`)."""

    title: str
    verbose_name: str
    url: str | None
    texts: list  # the description, then the text of the other indexed fields, as the index has them
    expire_at: object
    dates: list  # an event's dates as (start, end), in order; empty for other pages


def page_materials(request, ids):
    """``{pk: Material}`` for the pages ``ids``, from the cache, those missing built in one query per page type
    and one for the events' dates.

    Loading the specific pages (their whole body, to excerpt it) was most of a search page's time, for pages
    that come back in many searches. An entry is per page, content version (any change to a page replaces it),
    language (the type's name) and site (the URL); the words of the search are marked at each request.
    """
    if not ids:
        return {}
    site = Site.find_for_request(request)
    prefix = ":".join(["cms", "search-page", content_version(request), active_language(), str(site.pk if site else "")])
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    # A copy: during a Redis outage django-redis returns one shared dict for every miss, which must stay empty.
    found = dict(cache.get_many(list(keys.values())))
    missing = [pk for pk in ids if keys[pk] not in found]
    if missing:
        made = {keys[pk]: material for pk, material in _build_materials(request, missing).items()}
        cache.set_many(made, MATERIAL_TIMEOUT)
        found.update(made)
    return {pk: found[keys[pk]] for pk in ids if keys[pk] in found}


def _build_materials(request, ids):
    pages = Page.objects.filter(pk__in=ids).specific()
    dates = {}
    for date in EventDate.objects.filter(page_id__in=ids).order_by("start").values_list("page_id", "start", "end"):
        dates.setdefault(date[0], []).append(date[1:])
    return {
        page.pk: Material(
            title=page.title,
            verbose_name=str(page.get_verbose_name()),
            url=page.get_url(request),
            texts=_texts(page),
            expire_at=page.expire_at,
            dates=dates.get(page.pk, []),
        )
        for page in pages
    }


def _texts(page):
    """The page's description, then the text of its other indexed fields (as the index has them)."""
    texts = [getattr(page, "description", "") or ""]
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in ("title", "summary"):
            value = field.get_value(page)
            texts += value if isinstance(value, list) else [str(value or "")]
    return texts


@dataclass
class ShownDate:
    start: object
    end: object


class Result:
    """What the search page shows of one result."""

    def __init__(self, match, material, territory, keys, language, now):
        self.match = match
        self.territory = territory
        self.kind = next(kind for kind in KINDS if kind.value == match.kind)
        self.verbose_name = material.verbose_name
        self.url = material.url
        self.expire_at = material.expire_at
        self.date = self._shown_date(material.dates, now)
        self.title = highlight(material.title, keys, language)
        self.snippet = excerpt(material.texts, keys, language)

    @property
    def past(self):
        return self.match.past

    @staticmethod
    def _shown_date(dates, now):
        """An event's next date not over, else its last one."""
        chosen = None
        for start, end in dates:
            if chosen is None or chosen.end < now:
                chosen = ShownDate(start, end)
        return chosen
