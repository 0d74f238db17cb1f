"""The catalogue's filters: a django-filter FilterSet over the visible offers, with language-independent values.

Every parameter of the public contract (``q, territory, type, sector, department, near, radius, sort, page``)
is a field of one form, so nothing reads ``request.GET`` by hand. A value the form rejects is not silently
dropped, as django-filter would do: :attr:`OfferFilterSet.ignored` lists it so the page can say so.
"""

import datetime
from dataclasses import dataclass

import django_filters

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from cms.content_cache import cached_value
from cms.filters import (
    MAX_QUERY_LENGTH,
    ChoiceFilter,
    LenientMultipleChoiceField,
    MultipleChoiceFilter,
    Option,
    first_territory_expiry,
    localized_names,
    matching_ids,
    search_terms,
    territory_options,
)
from cms.maps import METROPOLISES
from cms.models import DEPARTMENTS
from cms.visibility import active_locale
from offers.models import OfferPage, OfferType, Sector

# Towns of the region, besides the metropolises drawn on the map, that people often search around.
OTHER_TOWNS = [
    ("Valence", 44.933, 4.892),
    ("Chambéry", 45.566, 5.921),
    ("Annecy", 45.899, 6.129),
]
# slug -> (name, latitude, longitude); the slug is the ``near`` value, the same in every language.
NEAR_PLACES = {slugify(name): (name, lat, lng) for name, lat, lng in [*METROPOLISES, *OTHER_TOWNS]}

DEFAULT_RADIUS_KM = 50
MIN_RADIUS_KM, MAX_RADIUS_KM = 5, 200
CHOICES_TIMEOUT = 60 * 60  # seconds; a change to a page or a term drops the cached choices at once anyway

# The public contract's parameters, in the order URLs and messages list them.
PARAMETERS = ["q", "territory", "type", "sector", "department", "near", "radius", "sort", "page"]
# The filters that compare one column of the offer with a value, and that column: the facet counts group by them.
COLUMN_FILTERS = {"territory": "territory_id", "type": "offer_type__slug", "department": "territory__department"}

SORT_NEWEST, SORT_CLOSING, SORT_NEAREST = "newest", "closing", "nearest"
SORT_CHOICES = [
    (SORT_NEWEST, _("Les plus récentes")),
    (SORT_CLOSING, _("Clôture la plus proche")),
    (SORT_NEAREST, _("Les plus proches")),
]


@dataclass(frozen=True)
class Choices:
    """The choices of the territory, type and sector filters in one language (see :func:`filter_choices`)."""

    territories: dict  # value -> (pk, title), as territory_options
    types: list[Option]
    sectors: list[Option]
    until: datetime.datetime | None  # when the first of these territories expires


def filter_choices(request, locale):
    """The territory, type and sector choices of the catalogue in ``locale``, cached.

    Five small queries on a miss, none on a hit. An entry is per language and per set of private sections
    the visitor does not pass (territories are pages the visitor may or may not see), under the version
    any change to a page or a term replaces (``cms.content_cache``), and is used only until
    the first of its territories expires; each app server keeps it too (``cms.content_cache.cached_value``).
    """
    source_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)

    def build():
        source = Locale.get_default()
        return Choices(
            territories=territory_options(request, locale, source),
            types=[Option(t.slug, t.label) for t in localized_names(OfferType, locale, source).order_by("label")],
            sectors=[Option(s.slug, s.label) for s in localized_names(Sector, locale, source).order_by("label")],
            until=first_territory_expiry(request, locale),
        )

    key_parts = (locale.language_code, source_code)
    return cached_value(request, "offer-choices", *key_parts, build=build, timeout=CHOICES_TIMEOUT)


class OfferFilterForm(forms.Form):
    """The fields of the catalogue form that are not filters: the radius of ``near``, the sort order, the page."""

    radius = forms.IntegerField(label=_("Rayon (km)"), required=False, min_value=MIN_RADIUS_KM, max_value=MAX_RADIUS_KM)
    sort = forms.ChoiceField(label=_("Trier par"), required=False, choices=SORT_CHOICES)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1)


class OfferFilterSet(django_filters.FilterSet):
    """Filters the visible offers by the catalogue's GET parameters.

    Values are language-independent: ``territory`` is the slug of the territory's French page, ``type``
    and ``sector`` are the slugs shared by every translation of a term, ``department`` is the two-digit
    code, ``near`` the slug of a town of :data:`NEAR_PLACES`. Choices come from :func:`filter_choices`
    (cached). :meth:`filter_queryset` can leave filters out, which is how the facet counts ("how many
    offers if you tick this") are computed.
    """

    q = django_filters.CharFilter(label=_("Mots-clés"), method="filter_q", max_length=MAX_QUERY_LENGTH, strip=True)
    territory = ChoiceFilter(label=_("Territoire"), method="filter_territory", choices=[])
    type = ChoiceFilter(label=_("Type d'offre"), method="filter_type", choices=[])
    sector = MultipleChoiceFilter(label=_("Secteurs"), method="filter_sector", choices=[])
    department = ChoiceFilter(label=_("Département"), method="filter_department", choices=DEPARTMENTS)
    near = ChoiceFilter(
        label=_("À proximité de"),
        method="filter_near",
        choices=[(slug, name) for slug, (name, _lat, _lng) in NEAR_PLACES.items()],
    )

    class Meta:
        model = OfferPage
        fields = []
        form = OfferFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, locale=None):
        # Always bound (no parameters is a valid, empty search), so ``cleaned_data`` always exists.
        super().__init__(data if data is not None else {}, queryset, request=request, prefix=prefix)
        self.locale = locale or active_locale(request)
        choices = filter_choices(request, self.locale)
        self.territories, self.types, self.sectors = choices.territories, choices.types, choices.sectors
        fields = self.form.fields
        fields["territory"].choices = [(value, title) for value, (_pk, title) in self.territories.items()]
        fields["type"].choices = [(o.value, o.label) for o in self.types]
        fields["sector"].choices = [(o.value, o.label) for o in self.sectors]
        self._search_ids = {}

    # Filters -----------------------------------------------------------------------------------------

    def filter_q(self, queryset, name, value):
        if not search_terms(value):
            return queryset  # punctuation only: reported in ``ignored``
        return queryset.filter(pk__in=self.search_ids(value))

    def filter_territory(self, queryset, name, value):
        return queryset.filter(self.column_condition(name, value))

    def filter_type(self, queryset, name, value):
        return queryset.filter(self.column_condition(name, value))

    def filter_sector(self, queryset, name, value):
        # A subquery rather than a join, so an offer in two of the chosen sectors is listed once.
        through = OfferPage.sectors.through.objects.filter(sector__slug__in=value)
        return queryset.filter(pk__in=through.values("offerpage_id"))

    def filter_department(self, queryset, name, value):
        return queryset.filter(self.column_condition(name, value))

    def filter_near(self, queryset, name, value):
        _name, latitude, longitude = NEAR_PLACES[value]
        return queryset.near(latitude, longitude, self.radius)

    @property
    def qs(self):
        """Not used: the catalogue filters the offers the visitor may see (``filter_queryset(base)``), which it
        builds only when its cache misses; this filterset holds no such queryset."""
        raise NotImplementedError("OfferFilterSet.filter_queryset(visible offers), see offers.catalogue")

    def filter_queryset(self, queryset, *, exclude=()):
        """Apply every valid filter, except ``exclude`` (filter names, or one name) when counting facets."""
        exclude = {exclude} if isinstance(exclude, str) else set(exclude)
        self.is_valid()  # cleans the form once; an invalid value is left out (``ignored`` reports it)
        for name, value in self.form.cleaned_data.items():
            if name in self.filters and name not in exclude:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def column_value(self, name, value):
        """What the column of the :data:`COLUMN_FILTERS` filter ``name`` must equal for ``value``."""
        return self.territories[value][0] if name == "territory" else value

    def column_condition(self, name, value):
        return Q(**{COLUMN_FILTERS[name]: self.column_value(name, value)})

    def search_ids(self, text):
        """The ids of the live offers of the active language that match every word of ``text``.

        Wagtail search runs once per content version and query (``cms.filters.matching_ids``); its result
        becomes a plain ``pk__in`` filter, so it combines with the other filters and with the facet counts.
        """
        terms = search_terms(text)
        if not terms:
            return []
        key = " ".join(terms)
        if key not in self._search_ids:
            self._search_ids[key] = matching_ids(self.request, OfferPage, self.locale, terms)
        return self._search_ids[key]

    # What the catalogue reads back --------------------------------------------------------------------

    @property
    def values(self):
        """The valid values of the form (empty ones left out), validating it if needed."""
        self.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [])}

    @property
    def radius(self):
        return self.values.get("radius") or DEFAULT_RADIUS_KM

    @property
    def sort(self):
        """The sort order that applies: "nearest" needs a town, without one the newest come first."""
        sort = self.values.get("sort", SORT_NEWEST)
        if sort == SORT_NEAREST and "near" not in self.values:
            return SORT_NEWEST
        return sort

    @property
    def ignored(self):
        """One readable message per value the form could not use."""
        self.is_valid()
        messages = []
        for name in sorted(self.form.fields, key=PARAMETERS.index):
            field = self.form.fields[name]
            bound = self.form[name]
            raw = bound.value()
            if isinstance(field, LenientMultipleChoiceField):
                kept = set(self.form.cleaned_data.get(name, []))
                rejected = [v for v in dict.fromkeys(raw or []) if v not in kept]
            elif name in self.form.errors:
                rejected = [raw]
            else:
                rejected = []
            for value in rejected:
                shown = str(value)
                shown = shown if len(shown) <= 40 else shown[:39] + "…"
                messages.append(
                    _("Valeur ignorée pour « %(field)s » : « %(value)s ».") % {"field": field.label, "value": shown}
                )
        if "q" in self.values and not search_terms(self.values["q"]):
            messages.append(
                _("Valeur ignorée pour « %(field)s » : « %(value)s ».")
                % {"field": self.form.fields["q"].label, "value": self.values["q"][:40]}
            )
        if self.values.get("sort") == SORT_NEAREST and "near" not in self.values:
            messages.append(_("Le tri par proximité demande une ville : les offres sont triées par date."))
        return messages
