"""The agenda's facet index answers every list as the filters' SQL does: same dates, same order, same counts.

The list reads the index (``agenda.date_index``); the feeds and the month grid filter in SQL. Here random
queries over the agenda's filters and time windows are answered both ways and compared.
"""

from collections import Counter
from datetime import timedelta
from urllib.parse import urlencode

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.models import EventDate
from tests.agenda.agenda_data import NOW, at, build_agenda_data

pytestmark = pytest.mark.django_db

COLUMNS = {
    "territory": "page__territory_id",
    "type": "page__event_type__slug",
    "theme": "page__themes__slug",
    "audience": "page__audiences__slug",
}


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        data = build_agenda_data(site_tree)
        # Dates sharing a start, and dates over the turn of a month: ties and ranges must come out alike.
        extra = [
            EventDate(page=page, locale=page.locale, start=at(6, day, 14), end=at(6, day, 16) + timedelta(days=length))
            for n, page in enumerate(data.events.values())
            for day, length in [(10, 0), (30, 1), (1 + n, n % 3)]
        ]
        EventDate.objects.bulk_create(extra)
        yield data


def index_answer(agenda):
    counts = {name: {v: n for v, n in agenda._counts(name).items() if n and v is not None} for name in COLUMNS}
    return agenda.count, [agenda.index.pks[row] for row in agenda._listed_rows], counts


def sql_answer(agenda):
    """The same, from ``filter_queryset`` over the visible dates and the time window, as the feeds read it."""
    ids = list(agenda.ordered.values_list("pk", flat=True))
    counts = {}
    for name, column in COLUMNS.items():
        dates = agenda.windowed(agenda.filterset.filter_queryset(agenda.base, exclude=name))
        counts[name] = {v: n for v, n in Counter(dates.values_list(column, flat=True)).items() if v is not None}
    return len(ids), ids, counts


def optional(values):
    return st.one_of(st.none(), st.sampled_from(values))


queries = st.fixed_dictionaries(
    {
        "q": optional(["atelier", "visite ferme", "!!", "introuvable"]),
        "territory": optional(["pays-diois", "roannais", "inconnu"]),
        "type": optional(["atelier", "salon", "webinaire"]),
        "theme": optional(["alimentation", "tourisme"]),
        "audience": optional(["porteurs-de-projet", "elus"]),
        "mode": optional(["online", "onsite"]),
        "free": optional(["1", "0"]),
        "start": optional(["2027-05-01", "2027-06-06", "2027-07-02", "demain"]),
        "end": optional(["2027-06-06", "2027-06-30", "2027-08-31"]),
        "month": optional(["2027-06", "2027-07", "2027-13"]),
        "past": optional(["1"]),
        "page": optional(["1", "2"]),
    }
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries, english=st.booleans(), mid_fair=st.booleans())
def test_the_index_answers_as_the_sql_filters(client, data, query, english, mid_fair):
    params = {name: value for name, value in query.items() if value is not None}
    url = (data.url_en if english else data.url) + "?" + urlencode(params)
    with time_machine.travel(at(6, 6, 12) if mid_fair else NOW, tick=False):
        agenda = client.get(url).context["agenda"]
        assert index_answer(agenda) == sql_answer(agenda), url


def test_a_date_that_ends_leaves_the_list_without_any_edit(client, data):
    with time_machine.travel(NOW, tick=False):
        before = client.get(data.url).context["agenda"]
    with time_machine.travel(at(6, 7, 1), tick=False):  # the fair of 5–6 June is over
        after = client.get(data.url).context["agenda"]
    fair = EventDate.objects.get(page=data.events["salon"], start=at(6, 5))
    assert after.index is before.index  # the same index: only the window moved
    assert after.count < before.count
    assert fair.pk in [before.index.pks[row] for row in before._listed_rows]
    assert fair.pk not in [after.index.pks[row] for row in after._listed_rows]
