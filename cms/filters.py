"""Pieces every public listing's FilterSet shares: language-independent choices and honest error reporting.

Filter values are slugs shared by every translation (a filtered URL survives the language switch); the
labels are looked up in the active language. django-filter drops invalid values silently:
:class:`ReportingFilterSetMixin` lists them so the page can say what it ignored.
"""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

import django_filters

from django import forms
from django.core.cache import cache
from django.db.models import F, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from cms.content_version import content_version
from cms.models import TerritoryPage
from cms.visibility import visible_pages

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12


@dataclass(frozen=True)
class Option:
    """One choice of a filter: its URL value and its label in the active language."""

    value: str
    label: str


def localized_names(model, locale, source_locale):
    """The model's source-locale terms annotated with ``label``: the name in ``locale``, else the source name.

    Pages link to the source (French) terms (taxonomy links are synchronised, not translated), and every
    translation of a term shares its slug, so the slug is the filter value and the label is looked up here.
    """
    translated = model.objects.filter(translation_key=OuterRef("translation_key"), locale=locale).values("name")[:1]
    return model.objects.filter(locale=source_locale).annotate(label=Coalesce(Subquery(translated), F("name")))


def localized_options(model, locale, source_locale):
    return [Option(term.slug, term.label) for term in localized_names(model, locale, source_locale).order_by("label")]


def territory_options(request, locale, source_locale):
    """The visible territories of the active language as ``{value: (pk, title)}``, ordered by title.

    The value is the slug of the territory's source (French) page, so a filtered URL survives the
    language switch even if an editor translates a slug.
    """
    source_slug = TerritoryPage.objects.filter(
        translation_key=OuterRef("translation_key"), locale=source_locale
    ).values("slug")[:1]
    rows = (
        visible_pages(request, TerritoryPage.objects.all(), locale=locale)
        .annotate(value=Coalesce(Subquery(source_slug), F("slug")))
        .order_by("title")
        .values_list("value", "pk", "title")
    )
    return {value: (pk, title) for value, pk, title in rows}


def first_territory_expiry(request, locale):
    """When the first territory of ``locale`` that the visitor may see expires (None when none does): filter
    choices that list the territories hold until then."""
    territories = visible_pages(request, TerritoryPage.objects.all(), locale=locale)
    return territories.aggregate(until=Min("expire_at"))["until"]


def search_terms(text):
    """The words of a free-text query, without the punctuation a search backend could read as syntax."""
    return re.findall(r"\w+", text)[:MAX_QUERY_TERMS]


SEARCH_IDS_TIMEOUT = 60 * 60


def matching_ids(request, model, locale, terms):
    """The ids of the live pages of ``model`` in ``locale`` that match every one of ``terms`` (Wagtail search).

    Cached under the content version (a page's text changes only when it is saved, which replaces it): the
    listings' ``q`` filter asks on every page of its results, and the search costs more than the rest of the
    query. Which of these pages the visitor may see, and which have expired, the listing's own query decides.
    """
    digest = hashlib.sha256(" ".join(terms).encode()).hexdigest()[:32]
    key = ":".join(["cms", "search-ids", content_version(request), model._meta.label, str(locale.pk), digest])
    ids = cache.get(key)
    if ids is None:
        candidates = model.objects.live().filter(locale=locale).only("pk")
        ids = [page.pk for page in candidates.search(" ".join(terms), operator="and", order_by_relevance=False)]
        cache.set(key, ids, SEARCH_IDS_TIMEOUT)
    return ids


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Several choices, where unknown values are dropped instead of invalidating the whole field.

    ``?sector=tourisme&sector=faute-de-frappe`` still filters on tourisme; the filter set reports the
    dropped value. Repeated values are kept once.
    """

    def clean(self, value):
        values = self.to_python(value)
        return [v for v in dict.fromkeys(values) if self.valid_value(v)]


class ChoiceFilter(django_filters.Filter):
    """One value among choices set per request (django-filter's own adds an empty choice we render ourselves)."""

    field_class = forms.ChoiceField


class MultipleChoiceFilter(django_filters.Filter):
    """Several values among choices set per request; unknown ones are dropped (see the field)."""

    field_class = LenientMultipleChoiceField


def ignored_message(label, value):
    shown = str(value)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return _("Valeur ignorée pour « %(field)s » : « %(value)s ».") % {"field": label, "value": shown}


class ReportingFilterSetMixin:
    """What a listing reads back from its FilterSet: valid values, and a message per value it could not use.

    ``parameters`` lists the contract's parameter names in the order messages list them.
    """

    parameters: list[str] = []

    @property
    def values(self):
        """The valid values of the form (empty ones left out), validating it if needed."""
        self.is_valid()
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value is not False and value not in (None, "", [])
        }

    def filter_queryset(self, queryset, *, exclude=None):
        """Apply every valid filter, except ``exclude`` (a filter name) when computing that filter's facet."""
        self.is_valid()  # cleans the form once; an invalid value is left out (``ignored`` reports it)
        for name, value in self.form.cleaned_data.items():
            if name in self.filters and name != exclude:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def ignored(self):
        """One readable message per value the form could not use (form-wide errors included)."""
        self.is_valid()
        messages = []
        order = {name: position for position, name in enumerate(self.parameters)}
        for name in sorted(self.form.fields, key=lambda n: order.get(n, len(order))):
            field = self.form.fields[name]
            raw = self.form[name].value()
            if isinstance(field, LenientMultipleChoiceField):
                kept = set(self.form.cleaned_data.get(name, []))
                rejected = [v for v in dict.fromkeys(raw or []) if v not in kept]
            elif name in self.form.errors:
                rejected = [raw]
            else:
                rejected = []
            messages.extend(ignored_message(field.label, value) for value in rejected)
        messages.extend(str(error) for error in self.form.non_field_errors())
        if "q" in self.values and not search_terms(self.values["q"]):
            messages.append(ignored_message(self.form.fields["q"].label, self.values["q"][:40]))
        return messages


# What a listing page shows beside its filters (the catalogue, the agenda, the members' index) --------------


@dataclass
class FacetChoice:
    """One value of a facet, with the number of results it would give and the URL that ticks or unticks it.

    ``toggle`` is that URL or a function that builds it: a listing's form shows dozens of choices whose URLs
    only its chips (the selected ones) show, and each URL costs an encoding of the whole query.
    """

    value: str
    label: str
    count: int
    selected: bool
    toggle: str | Callable[[], str]

    @cached_property
    def url_toggle(self):
        return self.toggle() if callable(self.toggle) else self.toggle


@dataclass
class Facet:
    name: str
    label: str
    choices: list[FacetChoice]
    multiple: bool = False  # checkboxes (several values) rather than one choice

    @property
    def selected(self):
        return [choice for choice in self.choices if choice.selected]


@dataclass
class Chip:
    """An active filter value, and the URL without it."""

    label: str
    url_remove: str


class ListingUrlsMixin:
    """The URLs of a listing with some parameters changed, for facets, chips, sorting and pagination.

    The listing has ``path``, ``values`` (its valid parameters) and ``url_parameters`` (the contract's order,
    without ``page``); :meth:`normalise_params` drops its defaults and encodes values for the URL.
    """

    url_parameters: list[str] = []

    def normalise_params(self, params):
        return params

    def params(self, **changes):
        """The current valid parameters with ``changes`` applied; empty values removed."""
        params = {name: value for name, value in self.values.items() if name in self.url_parameters}
        for name, value in changes.items():
            if value in (None, "", [], False):
                params.pop(name, None)
            else:
                params[name] = value
        params = self.normalise_params(params)
        return {name: params[name] for name in self.url_parameters if name in params}

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
