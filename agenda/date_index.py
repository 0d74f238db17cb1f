"""The agenda's facet index: the visible dates, their times and their events' filter values, held in each app
server for the content version (``cms.facet_index``).

A list of the agenda (any filters, upcoming or past, any range) is then answered without SQL: its count, its
facet counts and its page of dates. In SQL each new query ran six aggregates over every visible date (about
40 ms each at 20,000 dates). Rows are the dates in chronological order (start, then pk): the dates that start
before a moment are a prefix of the rows; those that end after it are found in the dates sorted by end, kept
for the last moments asked (the window's "now" changes at every request, the rows it keeps only when a date
ends).

The filters' SQL form stays in :class:`agenda.filters.EventDateFilterSet` (the feeds, the month grid); both must
keep the same meaning: ``tests/agenda/test_date_index.py`` compares them.
"""

import datetime
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import chain

from agenda.filters import MODE_ONLINE, month_bounds, paris_midnight
from agenda.models import AttendanceMode, EventDate, EventPage, EventType
from cms import bitsets
from cms.bulk_rows import value_rows
from cms.facet_index import FacetIndex, kept_index
from cms.filters import search_terms
from cms.models import Audience, Theme
from cms.visibility import active_locale, visible_pages

# How many moments the index keeps the dates ending after (the window's now, the ``start`` of a range).
MAX_ENDING_MEMOS = 64


@dataclass
class DateIndex(FacetIndex):
    """What the agenda reads of the visible dates of one language, row ``i`` being the ``i``-th to start."""

    pks: list
    starts: list  # per row
    ends: list  # per row
    rows_of_page: dict  # event page id -> its rows
    by_value: dict  # filter name (territory, type, theme, audience, mode, free) -> {value: rows}
    until: datetime.datetime | None  # the first expiry among these events: the index is built again then
    _ending: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.by_end = sorted(range(len(self.pks)), key=self.ends.__getitem__)
        self.sorted_ends = [self.ends[row] for row in self.by_end]

    # Times -----------------------------------------------------------------------------------------------

    def starting_before(self, moment):
        """The rows of the dates that start before ``moment``: a prefix."""
        return bitsets.full(bisect_left(self.starts, moment))

    def ending_from(self, moment):
        """The rows of the dates that end at ``moment`` or later."""
        first = bisect_left(self.sorted_ends, moment)
        rows = self._ending.get(first)
        if rows is None:
            rows = bitsets.from_positions(self.by_end[first:], self.size)
            if len(self._ending) >= MAX_ENDING_MEMOS:
                self._ending.clear()
            self._ending[first] = rows
        return rows

    # Filters ---------------------------------------------------------------------------------------------

    def rows_for(self, filterset, name, value):
        if name == "q":
            if not search_terms(value):
                return self.every_row  # punctuation only: ignored, as in SQL
            pages = (self.rows_of_page.get(pk, ()) for pk in filterset.search_ids(value))
            return bitsets.from_positions(chain.from_iterable(pages), self.size)
        if name == "territory":
            return self.by_value[name].get(filterset.territories[value][0], 0)
        if name == "mode":
            excluded = AttendanceMode.OFFLINE if value == MODE_ONLINE else AttendanceMode.ONLINE
            return self.every_row ^ self.by_value[name].get(excluded, 0)
        if name == "free":
            return self.by_value[name].get(True, 0) if value else self.every_row
        if name == "start":
            return self.ending_from(paris_midnight(value))
        if name == "end":
            return self.starting_before(paris_midnight(value + datetime.timedelta(days=1)))
        if name == "month":
            first, after = month_bounds(value)
            return self.starting_before(after) & self.ending_from(first)
        return super().rows_for(filterset, name, value)


def visible_dates(request, locale=None):
    """The dates of every event page the visitor may see, in ``locale`` (default: the active one)."""
    pages = visible_pages(request, EventPage.objects.all(), locale=locale or active_locale(request))
    return EventDate.objects.of_pages(pages)


def build_date_index(request, locale):
    """The visible dates, chronological; the visible events' values; the terms by id (a few rows each): joins
    would widen the 20,000 rows the index reads."""
    dates = visible_dates(request, locale)
    rows = value_rows(dates.chronological().values_list("pk", "start", "end", "page_id"))
    size = len(rows)
    rows_of_page = {}
    for number, (_pk, _start, _end, page_id) in enumerate(rows):
        rows_of_page.setdefault(page_id, []).append(number)
    events = value_rows(
        visible_pages(request, EventPage.objects.all(), locale=locale).values_list(
            "pk", "territory_id", "event_type_id", "attendance_mode", "is_free", "expire_at"
        )
    )
    type_slugs = dict(EventType.objects.values_list("pk", "slug"))
    members = {name: {} for name in ["territory", "type", "theme", "audience", "mode", "free"]}
    expiries = []
    for pk, territory_id, type_id, mode, is_free, expire_at in events:
        page_rows = rows_of_page.get(pk)
        if page_rows is None:
            continue  # an event without dates lists nothing
        for name, value in [
            ("territory", territory_id),
            ("type", type_slugs.get(type_id)),
            ("mode", mode),
            ("free", is_free),
        ]:
            members[name].setdefault(value, []).extend(page_rows)
        if expire_at is not None:
            expiries.append(expire_at)
    for name, relation, term_model in [("theme", "themes", Theme), ("audience", "audiences", Audience)]:
        slugs = dict(term_model.objects.values_list("pk", "slug"))
        through = getattr(EventPage, relation).through.objects.values_list(
            "eventpage_id", f"{term_model._meta.model_name}_id"
        )
        for page_id, term_id in through:
            if page_id in rows_of_page:
                members[name].setdefault(slugs[term_id], set()).update(rows_of_page[page_id])
    return DateIndex(
        pks=[row[0] for row in rows],
        starts=[row[1] for row in rows],
        ends=[row[2] for row in rows],
        rows_of_page=rows_of_page,
        by_value={
            name: {value: bitsets.from_positions(numbers, size) for value, numbers in by_value.items()}
            for name, by_value in members.items()
        },
        until=min(expiries, default=None),
    )


def date_index(request, locale):
    """The index of the dates the visitor of ``request`` may see in ``locale``, built once per content version in
    this process (and again when its first event expires)."""
    return kept_index(request, "date-index", locale, lambda: build_date_index(request, locale))
