"""The members' index: the training resources of the members' area, filtered, counted and paginated.

``build_resource_listing(request, area)`` starts from the resources the visitor may see
(``cms.visibility.visible_pages``, in the active locale), applies :class:`TrainingResourceFilterSet` and
computes each facet over the resources filtered by every *other* filter: one aggregate query per facet,
one query for the page of cards and one for their themes, whatever the number of resources.
"""

from dataclasses import dataclass
from functools import cached_property, partial

import django_filters

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from cms.filters import (
    MAX_QUERY_LENGTH,
    Chip,
    ChoiceFilter,
    Facet,
    FacetChoice,
    ListingUrlsMixin,
    ReportingFilterSetMixin,
    localized_options,
    search_terms,
)
from cms.models import Theme
from cms.models.pages import LISTING_PAGE_SIZE
from cms.visibility import active_locale, visible_pages
from members.models import ResourceKind, TrainingResourcePage

PARAMETERS = ["q", "theme", "kind", "year", "page"]
URL_PARAMETERS = [name for name in PARAMETERS if name != "page"]
CARD_FIELDS = ["title", "slug", "url_path", "summary", "kind", "session_date", "locale_id", "depth", "path"]


class ResourceFilterForm(forms.Form):
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1)


class TrainingResourceFilterSet(ReportingFilterSetMixin, django_filters.FilterSet):
    """Filters the visible training resources by keywords, theme, kind and year of the session.

    Values are language-independent (theme slugs, kind codes, years); a value the form cannot use is
    reported in :attr:`ignored`, never a server error.
    """

    parameters = PARAMETERS

    q = django_filters.CharFilter(label=_("Mots-clés"), method="filter_q", max_length=MAX_QUERY_LENGTH, strip=True)
    theme = ChoiceFilter(label=_("Thématique"), method="filter_theme", choices=[])
    kind = ChoiceFilter(label=_("Type de ressource"), method="filter_kind", choices=ResourceKind.choices)
    year = ChoiceFilter(label=_("Année de la session"), method="filter_year", choices=[])

    class Meta:
        model = TrainingResourcePage
        fields = []
        form = ResourceFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data if data is not None else {}, queryset, request=request, prefix=prefix)
        self.locale = active_locale(request)
        self.themes = localized_options(Theme, self.locale, Locale.get_default())
        # The years of the sessions of the visible resources, newest first (one query).
        years = (
            queryset.exclude(session_date__isnull=True)
            .annotate(session_year=ExtractYear("session_date"))
            .order_by("-session_year")
            .values_list("session_year", flat=True)
            .distinct()
        )
        self.years = [str(year) for year in years]
        self.form.fields["theme"].choices = [(o.value, o.label) for o in self.themes]
        self.form.fields["year"].choices = [(year, year) for year in self.years]
        self._search_ids = {}

    def filter_q(self, queryset, name, value):
        if not search_terms(value):
            return queryset  # punctuation only: reported in ``ignored``
        return queryset.filter(pk__in=self.search_ids(value))

    def filter_theme(self, queryset, name, value):
        through = TrainingResourcePage.themes.through.objects.filter(theme__slug=value)
        return queryset.filter(pk__in=through.values("trainingresourcepage_id"))

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind=value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(session_date__year=int(value))

    def search_ids(self, text):
        """The ids of the live resources of the active language matching every word of ``text`` (one search)."""
        key = " ".join(search_terms(text))
        if key not in self._search_ids:
            candidates = TrainingResourcePage.objects.live().filter(locale=self.locale).only("pk")
            results = candidates.search(key, operator="and", order_by_relevance=False)
            self._search_ids[key] = [page.pk for page in results]
        return self._search_ids[key]


@dataclass
class ResourceListing(ListingUrlsMixin):
    """The members' index for one request (see the module's docstring)."""

    request: HttpRequest
    path: str
    filterset: TrainingResourceFilterSet
    base: QuerySet
    url_parameters = URL_PARAMETERS

    @cached_property
    def values(self):
        return self.filterset.values

    @cached_property
    def ignored(self):
        return self.filterset.ignored

    @cached_property
    def theme_labels(self):
        return {option.value: option.label for option in self.filterset.themes}

    @cached_property
    def page(self):
        themes = Prefetch("themes", queryset=Theme.objects.only("pk", "slug", "name").order_by("slug"))
        resources = (
            self.filterset.qs.only(*CARD_FIELDS)
            .prefetch_related(themes)
            .order_by(F("session_date").desc(nulls_last=True), "title", "pk")
        )
        page = Paginator(resources, LISTING_PAGE_SIZE).get_page(self.values.get("page", 1))
        for resource in page.object_list:
            resource.theme_labels = [self.theme_labels.get(t.slug, t.name) for t in resource.themes.all()]
            resource.kind_label = ResourceKind(resource.kind).label if resource.kind in ResourceKind else ""
        return page

    @property
    def count(self):
        return self.page.paginator.count

    # Facets ----------------------------------------------------------------------------------------------

    def _others(self, name):
        self.filterset.is_valid()
        return self.filterset.filter_queryset(self.base, exclude=name).order_by()

    def _facet(self, name, options, counts):
        current = self.values.get(name)
        choices = []
        for value, label in options:
            selected = value == current
            toggle = partial(self.url, **{name: None if selected else value})
            choices.append(FacetChoice(value, label, counts.get(value, 0), selected, toggle))
        return Facet(name, self.filterset.form.fields[name].label, choices)

    @cached_property
    def facets(self):
        """Theme, kind and year, each counted over the resources filtered by the other filters."""
        themes = dict(
            self._others("theme")
            .values("themes__slug")
            .annotate(n=Count("pk", distinct=True))
            .values_list("themes__slug", "n")
        )
        kinds = dict(self._others("kind").values("kind").annotate(n=Count("pk")).values_list("kind", "n"))
        years = dict(
            self._others("year")
            .exclude(session_date__isnull=True)
            .annotate(session_year=ExtractYear("session_date"))
            .values("session_year")
            .annotate(n=Count("pk"))
            .values_list("session_year", "n")
        )
        return {
            "theme": self._facet("theme", [(o.value, o.label) for o in self.filterset.themes], themes),
            "kind": self._facet("kind", ResourceKind.choices, kinds),
            "year": self._facet(
                "year", [(year, year) for year in self.filterset.years], {str(y): n for y, n in years.items()}
            ),
        }

    @cached_property
    def chips(self):
        chips = []
        if "q" in self.values:
            chips.append(Chip(_("Mots-clés : « %(q)s »") % {"q": self.values["q"]}, self.url(q=None)))
        for name in ("theme", "kind", "year"):
            facet = self.facets[name]
            for choice in facet.selected:
                label = _("%(filter)s : %(value)s") % {"filter": facet.label, "value": choice.label}
                chips.append(Chip(label, choice.url_toggle))
        return chips


def visible_resources(request, locale=None):
    """The training resources the visitor of ``request`` may see, in ``locale`` (default: the active one)."""
    return visible_pages(request, TrainingResourcePage.objects.all(), locale=locale or active_locale(request))


def build_resource_listing(request, area):
    """The members' index of ``area`` for ``request``: its GET parameters applied to the visible resources."""
    base = visible_resources(request).descendant_of(area)
    filterset = TrainingResourceFilterSet(request.GET, queryset=base, request=request)
    return ResourceListing(request=request, path=area.get_url(request), filterset=filterset, base=base)
