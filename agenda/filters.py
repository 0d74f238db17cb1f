"""The agenda's filters: a django-filter FilterSet over the visible event dates.

Every parameter of the public contract (``q, territory, type, theme, audience, start, end, month, view,
past, page``, plus ``mode`` and ``free``) is a field of one form, so nothing reads ``request.GET`` by
hand: a malformed date (``month=2027-13``, ``start=demain``) is a form error the page shows, never a
server error. Values are language-independent (slugs, ISO dates).
"""

import datetime
from dataclasses import dataclass

import django_filters

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from agenda.models import AttendanceMode, EventDate, EventPage, EventType
from agenda.models.events import PARIS
from cms.content_cache import cached_value
from cms.filters import (
    MAX_QUERY_LENGTH,
    ChoiceFilter,
    ReportingFilterSetMixin,
    first_territory_expiry,
    localized_options,
    matching_ids,
    search_terms,
    territory_options,
)
from cms.models import Audience, Theme
from cms.visibility import active_locale

PARAMETERS = [
    "q",
    "territory",
    "type",
    "theme",
    "audience",
    "mode",
    "free",
    "start",
    "end",
    "month",
    "view",
    "past",
    "page",
]
VIEW_LIST, VIEW_MONTH = "list", "month"
VIEW_CHOICES = [(VIEW_LIST, _("Liste")), (VIEW_MONTH, _("Mois"))]
MODE_ONSITE, MODE_ONLINE = "onsite", "online"
MODE_CHOICES = [(MODE_ONSITE, _("Sur place")), (MODE_ONLINE, _("En ligne"))]
CHOICES_TIMEOUT = 60 * 60  # seconds; a change to a page or a term drops the cached choices at once anyway
# Years a date may name: enough for the archive and the horizon, little enough to refuse nonsense.
MIN_YEAR, MAX_YEAR = 2000, 2100


class MonthField(forms.CharField):
    """``YYYY-MM`` → the first day of that month."""

    default_error_messages = {"invalid": _("Indiquez un mois au format AAAA-MM.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            year, month = (int(part) for part in value.split("-"))
            day = datetime.date(year, month, 1)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return day


class ISODateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": _("Indiquez une date au format AAAA-MM-JJ.")}

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return day


class DateFilter(django_filters.Filter):
    field_class = ISODateField


class MonthFilter(django_filters.Filter):
    field_class = MonthField


class AgendaFilterForm(forms.Form):
    """The fields that are not filters on rows by themselves: view, archive, page; and the date checks."""

    view = forms.ChoiceField(label=_("Affichage"), required=False, choices=VIEW_CHOICES)
    past = forms.BooleanField(label=_("Événements passés"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            # Neither bound is used: the listing falls back to every date rather than to an empty list.
            cleaned.pop("start")
            cleaned.pop("end")
            raise forms.ValidationError(_("La date de début doit précéder la date de fin : les dates sont ignorées."))
        return cleaned


@dataclass(frozen=True)
class Choices:
    """The territory, type, theme and audience choices of the agenda in one language (see :func:`filter_choices`)."""

    territories: dict  # value -> (pk, title), as territory_options
    types: list
    themes: list
    audiences: list
    until: datetime.datetime | None  # when the first of these territories expires


def filter_choices(request, locale):
    """The agenda's filter choices in ``locale``, cached as the catalogue's are (``offers.filters``).

    Five small queries on a miss, none on a hit. An entry is per language and per set of private sections the
    visitor does not pass, under the content version any change to a page or a term replaces
    (``cms.content_cache``), and is used only until the first of its territories expires.
    """
    source_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)

    def build():
        source = Locale.get_default()
        return Choices(
            territories=territory_options(request, locale, source),
            types=localized_options(EventType, locale, source),
            themes=localized_options(Theme, locale, source),
            audiences=localized_options(Audience, locale, source),
            until=first_territory_expiry(request, locale),
        )

    key_parts = (locale.language_code, source_code)
    return cached_value(request, "agenda-choices", *key_parts, build=build, timeout=CHOICES_TIMEOUT)


class EventDateFilterSet(ReportingFilterSetMixin, django_filters.FilterSet):
    """Filters visible event dates. ``past``, ``month`` and ``view`` are read by the listing, not here.

    :meth:`filter_queryset` can leave one filter out, which is how the facet counts are computed.
    """

    parameters = PARAMETERS

    q = django_filters.CharFilter(label=_("Mots-clés"), method="filter_q", max_length=MAX_QUERY_LENGTH, strip=True)
    territory = ChoiceFilter(label=_("Territoire"), method="filter_territory", choices=[])
    type = ChoiceFilter(label=_("Type d'événement"), method="filter_type", choices=[])
    theme = ChoiceFilter(label=_("Thématique"), method="filter_theme", choices=[])
    audience = ChoiceFilter(label=_("Public"), method="filter_audience", choices=[])
    mode = ChoiceFilter(label=_("Participation"), method="filter_mode", choices=MODE_CHOICES)
    free = django_filters.BooleanFilter(label=_("Gratuit uniquement"), method="filter_free", widget=forms.CheckboxInput)
    start = DateFilter(label=_("Du"), method="filter_start")
    end = DateFilter(label=_("Au"), method="filter_end")
    month = MonthFilter(label=_("Mois"), method="filter_month")

    class Meta:
        model = EventDate
        fields = []
        form = AgendaFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # Always bound (no parameters is a valid, empty search), so ``cleaned_data`` always exists.
        super().__init__(data if data is not None else {}, queryset, request=request, prefix=prefix)
        self.locale = active_locale(request)
        choices = filter_choices(request, self.locale)
        self.territories, self.types = choices.territories, choices.types
        self.themes, self.audiences = choices.themes, choices.audiences
        fields = self.form.fields
        fields["territory"].choices = [(value, title) for value, (_pk, title) in self.territories.items()]
        fields["type"].choices = [(o.value, o.label) for o in self.types]
        fields["theme"].choices = [(o.value, o.label) for o in self.themes]
        fields["audience"].choices = [(o.value, o.label) for o in self.audiences]
        self._search_ids = {}

    @property
    def qs(self):
        """Not used: the agenda filters the dates the visitor may see (``filter_queryset(base)``), which it builds
        only when its cache misses; this filterset holds no such queryset."""
        raise NotImplementedError("EventDateFilterSet.filter_queryset(visible dates), see agenda.listing")

    # Filters -----------------------------------------------------------------------------------------

    def filter_q(self, queryset, name, value):
        if not search_terms(value):
            return queryset  # punctuation only: reported in ``ignored``
        return queryset.filter(page_id__in=self.search_ids(value))

    def filter_territory(self, queryset, name, value):
        return queryset.filter(page__territory_id=self.territories[value][0])

    def filter_type(self, queryset, name, value):
        return queryset.filter(page__event_type__slug=value)

    def filter_theme(self, queryset, name, value):
        through = EventPage.themes.through.objects.filter(theme__slug=value)
        return queryset.filter(page_id__in=through.values("eventpage_id"))

    def filter_audience(self, queryset, name, value):
        through = EventPage.audiences.through.objects.filter(audience__slug=value)
        return queryset.filter(page_id__in=through.values("eventpage_id"))

    def filter_mode(self, queryset, name, value):
        if value == MODE_ONLINE:
            return queryset.exclude(page__attendance_mode=AttendanceMode.OFFLINE)
        return queryset.exclude(page__attendance_mode=AttendanceMode.ONLINE)

    def filter_free(self, queryset, name, value):
        return queryset.filter(page__is_free=True) if value else queryset

    def filter_start(self, queryset, name, value):
        return queryset.filter(end__gte=paris_midnight(value))

    def filter_end(self, queryset, name, value):
        return queryset.filter(start__lt=paris_midnight(value + datetime.timedelta(days=1)))

    def filter_month(self, queryset, name, value):
        first, after = month_bounds(value)
        return queryset.filter(start__lt=after, end__gte=first)

    def search_ids(self, text):
        """The ids of the live events of the active language that match every word of ``text`` (one search)."""
        terms = search_terms(text)
        if not terms:
            return []
        key = " ".join(terms)
        if key not in self._search_ids:
            self._search_ids[key] = matching_ids(self.request, EventPage, self.locale, terms)
        return self._search_ids[key]

    # What the listing reads back ------------------------------------------------------------------------

    @property
    def view(self):
        return self.values.get("view", VIEW_LIST)

    @property
    def past(self):
        return bool(self.values.get("past"))


def paris_midnight(day):
    return datetime.datetime.combine(day, datetime.time(), PARIS)


def month_bounds(first_day):
    """Midnight (Europe/Paris) of the month's first day and of the next month's first day."""
    following = (first_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return paris_midnight(first_day), paris_midnight(following)
