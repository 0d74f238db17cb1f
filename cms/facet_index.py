"""What the listings' facet indexes share (``offers.offer_index``, ``agenda.date_index``).

An index holds, for one content version, language and set of private sections, the rows a listing filters (the
visible offers, the visible dates) in the listing's default order, and for each filter value the set of its
rows (``cms.bitsets``). A query's rows, facet counts and order are then computed in each app server without SQL.
The filters' SQL form stays in the listings' filtersets (feeds, exports): each index has a test comparing both.
"""

from django_filters.constants import EMPTY_VALUES

from django.utils import timezone

from cms import bitsets
from cms.content_cache import visitor_key
from cms.content_version import per_version


class FacetIndex:
    """Rows, and ``by_value``: ``{filter name: {value: rows}}``; ``until``: when it must be built again."""

    pks: list
    by_value: dict
    until = None

    @property
    def size(self):
        return len(self.pks)

    @property
    def every_row(self):
        return bitsets.full(self.size)

    def current(self):
        return self.until is None or timezone.now() < self.until

    def rows(self, filterset, exclude=()):
        """The rows that pass every valid filter of ``filterset`` but ``exclude`` (one name, or several), by the
        rule of ``filter_queryset``: a field's cleaned value, unless empty, filters by :meth:`rows_for`."""
        exclude = {exclude} if isinstance(exclude, str) else set(exclude)
        filterset.is_valid()
        rows = self.every_row
        for name, value in filterset.form.cleaned_data.items():
            if name in filterset.filters and name not in exclude and value not in EMPTY_VALUES:
                rows &= self.rows_for(filterset, name, value)
        return rows

    def rows_for(self, filterset, name, value):
        """The rows that the filter ``name`` keeps for ``value``; by default those with that value."""
        return self.by_value[name].get(value, 0)

    def counts(self, rows, name):
        """``{value: number of rows of rows with it}`` for the facet ``name``."""
        return {value: (rows & members).bit_count() for value, members in self.by_value[name].items()}


def kept_index(request, name, locale, build):
    """``build()``, an index of what the visitor of ``request`` may see in ``locale``, kept in this process for the
    content version (whatever else is kept: it is one per language and set of private sections) while current."""
    key = visitor_key(request, name, locale.language_code)
    return per_version(request, (name, key), build, valid=lambda index: index.current(), bounded=False)
