"""The agenda for one request: one query path for the list, the month grid, the facets and the feeds.

``build_agenda(request, index_page)`` reads the request's parameters with the
:class:`~agenda.filters.EventDateFilterSet`, chooses the time window (upcoming, the archive, or the range the
visitor asked for) and exposes the rest lazily. The list (its count, facet counts and page of dates) is answered
by the facet index of the dates the visitor may see (``agenda.date_index``), which each app server builds in a
few queries per content version: any query runs no SQL for them. The cards come from the card cache
(``cms.card_cache``), those it misses in one query by id. The feeds read ``.dates`` and the month grid its own
query (at most :data:`GRID_PER_DAY` dates per day, ranked in SQL): both filter in SQL, with the same filterset.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import groupby
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, Value, Window
from django.db.models.functions import Greatest, RowNumber, TruncDate
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from agenda.date_index import date_index, visible_dates
from agenda.filters import MODE_CHOICES, PARAMETERS, VIEW_LIST, VIEW_MONTH, EventDateFilterSet, month_bounds
from agenda.models import EventDate
from agenda.models.events import PARIS
from cms import bitsets
from cms.card_cache import rendered_cards
from cms.filters import Chip, Facet, FacetChoice, ListingUrlsMixin
from cms.models.pages import LISTING_PAGE_SIZE
from cms.visibility import active_locale

GRID_PER_DAY = 3
CARD_TEMPLATE = "components/event_card.html"
# The parameters of the URLs the agenda builds (chips, facets, pagination, feeds), in this order.
URL_PARAMETERS = [name for name in PARAMETERS if name != "page"]
# What a calendar subscription does not pass on: the page number, the view, and the time window.
NOT_IN_FEEDS = {"page", "view", "past", "month"}


@dataclass
class Card:
    """One date of the list: its card's HTML (``components/event_card.html``) and when it starts."""

    html: str
    start: datetime.datetime


@dataclass
class MonthGroup:
    """The cards of one page of the list whose dates fall in one month (the list's headings)."""

    month: datetime.date
    dates: list


@dataclass
class GridDay:
    day: datetime.date
    in_month: bool
    is_today: bool
    dates: list = field(default_factory=list)
    total: int = 0
    url_day: str = ""

    @property
    def more(self):
        return self.total - len(self.dates)


@dataclass
class Agenda(ListingUrlsMixin):
    request: HttpRequest
    path: str
    filterset: EventDateFilterSet
    now: datetime.datetime
    locale: Locale
    url_parameters = URL_PARAMETERS

    # The queries are built when first needed: a first page whose counts are cached needs none of them, and
    # building them (visibility, filters, time window) costs more than reading that cache.

    @cached_property
    def base(self):
        """The visible dates, before the filters."""
        return visible_dates(self.request, self.locale)

    @cached_property
    def ignored(self):
        """One message per value of the query string that the filters could not use."""
        return self.filterset.ignored

    # URLs ------------------------------------------------------------------------------------------------

    @cached_property
    def values(self):
        return self.filterset.values

    def normalise_params(self, params):
        """The list view is the default; dates and flags written as the URL contract has them."""
        if params.get("view") == VIEW_LIST:
            params.pop("view")
        encoded = {}
        for name, value in params.items():
            if name == "month" and isinstance(value, datetime.date):
                value = value.strftime("%Y-%m")
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            elif value is True:
                value = "1"
            encoded[name] = value
        return encoded

    @property
    def feed_query(self):
        """The filters a subscription follows: everything but the page, the view and the time window."""
        return urlencode({name: value for name, value in self.params().items() if name not in NOT_IN_FEEDS}, doseq=True)

    def _feed_url(self, route):
        url = f"{self.path}{route}/"
        return f"{url}?{self.feed_query}" if self.feed_query else url

    @property
    def ical_url(self):
        return self._feed_url("ical")

    @property
    def rss_url(self):
        return self._feed_url("rss")

    @property
    def webcal_url(self):
        """The iCalendar feed as a ``webcal://`` link, which calendar applications offer to subscribe to."""
        absolute = self.request.build_absolute_uri(self.ical_url)
        return "webcal://" + absolute.split("://", 1)[1]

    # The time window -------------------------------------------------------------------------------------

    @property
    def view(self):
        return self.filterset.view

    @property
    def past(self):
        return self.filterset.past

    @property
    def has_range(self):
        return any(name in self.values for name in ("start", "end", "month"))

    @cached_property
    def filtered(self):
        """The visible dates filtered by every parameter, without the time window (facets count within it)."""
        return self.filterset.filter_queryset(self.base)

    def windowed(self, dates):
        """``dates`` within the time window: the archive, the range asked for, or what is not over yet.

        A range with only an end ("until 10 June") starts now, as when nothing is asked for.
        """
        if self.past:
            return dates.past(self.now)
        if "start" in self.values or "month" in self.values:
            return dates
        return dates.upcoming(self.now)

    @cached_property
    def ordered(self):
        """The dates of the list, filtered, windowed and ordered; not paginated."""
        dates = self.windowed(self.filtered)
        return dates.newest_first() if self.past else dates.chronological()

    @cached_property
    def dates(self):
        """The dates of the list (and of the feeds), ordered, ready for cards; not paginated."""
        return self.ordered.for_listing(self.locale)

    # The list --------------------------------------------------------------------------------------------

    @cached_property
    def index(self):
        """The facet index of the dates the visitor may see (``agenda.date_index``)."""
        return date_index(self.request, self.locale)

    @cached_property
    def _window(self):
        """The index's rows in the time window (see :meth:`windowed`)."""
        index = self.index
        if self.past:
            return index.every_row ^ index.ending_from(self.now)
        if "start" in self.values or "month" in self.values:
            return index.every_row
        return index.ending_from(self.now)

    @cached_property
    def _listed_rows(self):
        """The index's rows of the list, in its order: chronological, or newest first in the archive."""
        rows = bitsets.members(self.index.rows(self.filterset) & self._window, range(self.index.size))
        return rows[::-1] if self.past else rows

    @cached_property
    def page(self):
        """The requested page of dates, as their cards' HTML: their ids and starts read from the index, their
        cards from the card cache (``cms.card_cache``), those missing fetched by id."""
        index = self.index
        paginator = Paginator(self._listed_rows, LISTING_PAGE_SIZE)
        page = paginator.get_page(self.values.get("page", 1))
        rows = list(page.object_list)
        ids = [index.pks[row] for row in rows]
        cards = rendered_cards(self.request, CARD_TEMPLATE, ids, self._fetch_cards, as_name="date", heading_level="h3")
        listed = zip(ids, rows, strict=True)
        page.object_list = [Card(cards[pk], index.starts[row]) for pk, row in listed if pk in cards]
        return page

    def _fetch_cards(self, ids):
        return {date.pk: date for date in EventDate.objects.filter(pk__in=ids).for_listing(self.locale)}

    @property
    def count(self):
        return self.page.paginator.count

    @cached_property
    def months(self):
        """The cards of the current page grouped by month (Europe/Paris), in the list's order."""

        def month_of(card):
            return timezone.localtime(card.start, PARIS).date().replace(day=1)

        return [MonthGroup(month, list(cards)) for month, cards in groupby(self.page.object_list, key=month_of)]

    # The month grid --------------------------------------------------------------------------------------

    @cached_property
    def month(self):
        """The month the grid shows: the one asked for, else the month of ``start``, else this month."""
        if "month" in self.values:
            return self.values["month"]
        if "start" in self.values:
            return self.values["start"].replace(day=1)
        return timezone.localtime(self.now, PARIS).date().replace(day=1)

    @property
    def previous_month(self):
        return (self.month - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next_month(self):
        return (self.month + datetime.timedelta(days=32)).replace(day=1)

    def month_url(self, month):
        return self.url(view=VIEW_MONTH, month=month, start=None, end=None, past=None)

    @property
    def previous_month_url(self):
        return self.month_url(self.previous_month)

    @property
    def next_month_url(self):
        return self.month_url(self.next_month)

    @cached_property
    def weeks(self):
        """The grid: weeks (Monday first) of :class:`GridDay`, each with its first dates, in one query.

        A date that started before the month (a fair over the turn of the month) shows on the month's first day.
        """
        first, after = month_bounds(self.month)
        others = self.filterset.filter_queryset(self.base, exclude="month").filter(start__lt=after, end__gte=first)
        day = Greatest(TruncDate("start", tzinfo=PARIS), Value(self.month))
        ranked = (
            others.annotate(
                grid_day=day,
                rank=Window(RowNumber(), partition_by=[day], order_by=[F("start").asc(), F("pk").asc()]),
                day_total=Window(Count("pk"), partition_by=[day]),
            )
            .filter(rank__lte=GRID_PER_DAY)
            .order_by("start", "pk")
            .for_listing(self.locale)
            .prefetch_related(None)  # the grid shows no images
        )
        by_day = {}
        for date in ranked:
            by_day.setdefault(date.grid_day, []).append(date)
        today = timezone.localtime(self.now, PARIS).date()
        weeks = []
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(self.month.year, self.month.month):
            days = []
            for day_date in week:
                dates = by_day.get(day_date, []) if day_date.month == self.month.month else []
                days.append(
                    GridDay(
                        day=day_date,
                        in_month=day_date.month == self.month.month,
                        is_today=day_date == today,
                        dates=dates,
                        total=dates[0].day_total if dates else 0,
                        url_day=self.url(view=None, month=None, start=day_date, end=day_date, past=None),
                    )
                )
            weeks.append(days)
        return weeks

    # Facets ----------------------------------------------------------------------------------------------

    def _counts(self, name):
        """``{value: number of dates}`` for the facet ``name``, over the dates in the window that pass every
        other filter."""
        index = self.index
        return index.counts(index.rows(self.filterset, exclude=name) & self._window, name)

    def _facet(self, name, options, counts):
        field = self.filterset.form.fields[name]
        current = self.values.get(name)
        choices = [
            FacetChoice(
                value,
                label,
                counts.get(value, 0),
                value == current,
                partial(self.url, **{name: None if value == current else value}),
            )
            for value, label in options
        ]
        return Facet(name, field.label, choices)

    @cached_property
    def facets(self):
        """Territory, type, theme and audience, each with its number of dates over the other filters."""
        by_territory = self._counts("territory")
        territories = self.filterset.territories
        return {
            "territory": self._facet(
                "territory",
                [(value, title) for value, (_pk, title) in territories.items()],
                {value: by_territory.get(pk, 0) for value, (pk, _title) in territories.items()},
            ),
            "type": self._facet(
                "type",
                [(o.value, o.label) for o in self.filterset.types],
                self._counts("type"),
            ),
            "theme": self._facet(
                "theme",
                [(o.value, o.label) for o in self.filterset.themes],
                self._counts("theme"),
            ),
            "audience": self._facet(
                "audience",
                [(o.value, o.label) for o in self.filterset.audiences],
                self._counts("audience"),
            ),
        }

    @property
    def mode_options(self):
        current = self.values.get("mode")
        return [(value, label, value == current) for value, label in MODE_CHOICES]

    # Active filters --------------------------------------------------------------------------------------

    @cached_property
    def chips(self):
        chips = []
        values = self.values
        if "q" in values:
            chips.append(Chip(_("Mots-clés : « %(q)s »") % {"q": values["q"]}, self.url(q=None)))
        for name in ("territory", "type", "theme", "audience"):
            for choice in self.facets[name].selected:
                label = _("%(filter)s : %(value)s") % {"filter": self.facets[name].label, "value": choice.label}
                chips.append(Chip(label, choice.url_toggle))
        if "mode" in values:
            label = dict(MODE_CHOICES)[values["mode"]]
            chips.append(Chip(_("Participation : %(mode)s") % {"mode": label}, self.url(mode=None)))
        if values.get("free"):
            chips.append(Chip(_("Gratuit uniquement"), self.url(free=None)))
        if "start" in values:
            chips.append(
                Chip(_("À partir du %(day)s") % {"day": values["start"].strftime("%d/%m/%Y")}, self.url(start=None))
            )
        if "end" in values:
            chips.append(Chip(_("Jusqu'au %(day)s") % {"day": values["end"].strftime("%d/%m/%Y")}, self.url(end=None)))
        if "month" in values and self.view == VIEW_LIST:
            chips.append(
                Chip(_("Mois : %(month)s") % {"month": values["month"].strftime("%m/%Y")}, self.url(month=None))
            )
        if self.past:
            chips.append(Chip(_("Événements passés"), self.url(past=None)))
        return chips

    @property
    def list_url(self):
        return self.url(view=None)

    @property
    def grid_url(self):
        return self.url(view=VIEW_MONTH)

    @property
    def archive_url(self):
        return self.url(past=True, start=None, end=None, month=None, view=None)

    @property
    def upcoming_url(self):
        return self.url(past=None)


def build_agenda(request, index_page, now=None):
    """The agenda of ``index_page`` for ``request``: its GET parameters applied to the visible dates."""
    locale = active_locale(request)
    filterset = EventDateFilterSet(request.GET, request=request)
    return Agenda(
        request=request,
        path=index_page.get_url(request),
        filterset=filterset,
        now=now or timezone.now(),
        locale=locale,
    )
