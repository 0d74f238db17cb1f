"""The agenda for one request: one query path for the list, the month grid, the facets and the feeds.

``build_agenda(request, index_page)`` starts from the dates of the pages the visitor may see
(``cms.visibility``), applies the :class:`~agenda.filters.EventDateFilterSet`, chooses the time window
(upcoming, the archive, or the range the visitor asked for) and exposes the rest lazily, so a feed that
only reads ``.dates`` runs none of the facet or grid queries. Every part runs a fixed number of queries
whatever the number of dates: one aggregate per facet, one page of dates (SQL pagination, ids and starts;
their cards come from the card cache, ``cms.card_cache``, and those it misses in one more query), one query
for a month's grid (at most :data:`GRID_PER_DAY` dates per day, ranked in SQL).

The facet counts and the number of dates are cached per query (:attr:`Agenda._counts`): they are the
aggregates over every visible date, the cost of the page at 20,000 dates, and the same for every visitor
asking the same thing until a date ends or the content changes. The ids of the first :data:`HEAD_PAGES` pages
are cached with them: those pages run no query once their cards are cached.
"""

import calendar
import datetime
import hashlib
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import groupby
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, F, Min, Q, Value, Window
from django.db.models.functions import Greatest, RowNumber, TruncDate
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from agenda.filters import MODE_CHOICES, PARAMETERS, VIEW_LIST, VIEW_MONTH, EventDateFilterSet, month_bounds
from agenda.models import EventDate, EventPage
from agenda.models.events import PARIS
from cms.card_cache import rendered_cards
from cms.content_cache import visitor_key
from cms.filters import Chip, Facet, FacetChoice, ListingUrlsMixin
from cms.models.pages import LISTING_PAGE_SIZE
from cms.visibility import active_locale, visible_pages

GRID_PER_DAY = 3
# How many pages of the list are cached with its counts, as (pk, start): most visitors read no further.
HEAD_PAGES = 5
CARD_TEMPLATE = "components/event_card.html"
# The parameters of the URLs the agenda builds (chips, facets, pagination, feeds), in this order.
URL_PARAMETERS = [name for name in PARAMETERS if name != "page"]
# What a calendar subscription does not pass on: the page number, the view, and the time window.
NOT_IN_FEEDS = {"page", "view", "past", "month"}
COUNTS_TIMEOUT = 60 * 60  # seconds; a change of content replaces the version at once anyway
# Part of the cache key of :class:`Counts`: a release that changes its fields changes this, so that it never
# reads an entry of the previous shape (the content version stays the same across a deploy).
COUNTS_FORMAT = 2
# The facets and the column each counts the dates by.
FACET_COLUMNS = {
    "territory": "page__territory_id",
    "type": "page__event_type__slug",
    "theme": "page__themes__slug",
    "audience": "page__audiences__slug",
}


def visible_dates(request, locale=None):
    """The dates of every event page the visitor may see, in ``locale`` (default: the active one)."""
    pages = visible_pages(request, EventPage.objects.all(), locale=locale or active_locale(request))
    return EventDate.objects.of_pages(pages)


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
class Counts:
    """What the agenda caches per query: see :attr:`Agenda._counts`."""

    facets: dict  # facet name -> {column value: number of dates}
    total: int  # the number of dates of the list
    until: datetime.datetime | None  # when a visible date ends or a visible event expires, changing them
    head: list  # (pk, start) of the list's first dates, in order: its first pages need no query


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
    def page(self):
        """The requested page of dates, as their cards' HTML: their ids (and starts) read from the first
        pages cached with the counts, or picked by a narrow query further on, then their cards read from the
        card cache (``cms.card_cache``), those missing fetched by id.

        PostgreSQL takes longer to plan the card query's seven joins around the visibility subquery (16 ms
        at 20,000 dates) than to run it; without the subquery, and with ids alone, both plan in 2 ms.
        """
        counts = self._counts
        # The paginator counts from the cache; the rows of its page are read here, from the head or the database.
        paginator = Paginator(counts.head, LISTING_PAGE_SIZE)
        paginator.count = counts.total  # a cached property of Paginator: this saves its COUNT query
        page = paginator.get_page(self.values.get("page", 1))
        start, stop = (page.number - 1) * paginator.per_page, page.number * paginator.per_page
        if stop <= len(counts.head) or counts.total <= len(counts.head):
            rows = counts.head[start:stop]
        else:
            rows = list(self.ordered[start:stop].values_list("pk", "start"))
        ids = [pk for pk, _start in rows]
        cards = rendered_cards(self.request, CARD_TEMPLATE, ids, self._fetch_cards, as_name="date", heading_level="h3")
        page.object_list = [Card(cards[pk], start) for pk, start in rows if pk in cards]
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

    def _others(self, name):
        """The dates in the window, filtered by every filter except ``name``, unordered (for GROUP BY)."""
        return self.windowed(self.filterset.filter_queryset(self.base, exclude=name)).order_by()

    def _count_by(self, name, column):
        return dict(self._others(name).values(column).annotate(n=Count("pk")).values_list(column, "n"))

    @cached_property
    def _counts(self):
        """The facet counts and the number of dates, computed by :meth:`_compute_counts` or read from the cache.

        The entry is keyed on the content version (any page, date or term change replaces it), the visitor's
        private sections, the language and the canonical query (filters and time window, not the page number
        nor the view), and used until the first moment the counted dates can change without an edit: the
        next end of a visible date (it leaves the upcoming list, enters the archive) or the next expiry of a
        visible event.
        """
        digest = hashlib.sha256(self.query(view=None).encode()).hexdigest()[:32]
        key = visitor_key(self.request, f"agenda-counts-{COUNTS_FORMAT}", self.locale.language_code, digest)
        counts = cache.get(key)
        if counts is None or (counts.until is not None and timezone.now() >= counts.until):
            counts = self._compute_counts()
            cache.set(key, counts, COUNTS_TIMEOUT)
        return counts

    def _compute_counts(self):
        facets = {name: self._count_by(name, column) for name, column in FACET_COLUMNS.items()}
        total = self.windowed(self.filtered).order_by().count()
        # Visible pages are not expired yet: their first expiry is in the future, as the next end counted here.
        moments = self.base.order_by().aggregate(
            end=Min("end", filter=Q(end__gte=self.now)), expiry=Min("page__expire_at")
        )
        until = min((moment for moment in moments.values() if moment is not None), default=None)
        head = list(self.ordered.values_list("pk", "start")[: HEAD_PAGES * LISTING_PAGE_SIZE])
        return Counts(facets=facets, total=total, until=until, head=head)

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
        counts = self._counts.facets
        by_territory = counts["territory"]
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
                counts["type"],
            ),
            "theme": self._facet(
                "theme",
                [(o.value, o.label) for o in self.filterset.themes],
                counts["theme"],
            ),
            "audience": self._facet(
                "audience",
                [(o.value, o.label) for o in self.filterset.audiences],
                counts["audience"],
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
