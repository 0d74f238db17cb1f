"""No query string breaks the agenda: random parameters, bad dates (``month=2027-13``, ``start`` after ``end``,
year 99999), huge ranges and raw bytes give a page (with the form's errors) or a 400, never a 500, in the list and
in the month grid, and never show a hidden event."""

from urllib.parse import quote

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.agenda.agenda_data import HIDDEN_TITLES, NOW, build_agenda_data
from tests.conftest import soup

pytestmark = pytest.mark.django_db

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
KNOWN_VALUES = [
    "pays-diois",
    "roannais",
    "atelier",
    "salon",
    "alimentation",
    "elus",
    "online",
    "onsite",
    "list",
    "month",
    "1",
    "0",
    "true",
    "2",
    "2027-06",
    "2027-13",
    "2027-00",
    "0000-01",
    "99999-01",
    "2027-6",
    "2027-06-01",
    "2027-02-30",
    "2027-06-31",
    "1900-01-01",
    "2100-12-31",
    "9999-12-31",
    "2027-06-01T10:00",
    "-2027-06",
    "ferme",
]

dates = st.dates().map(lambda day: day.isoformat())
months = st.tuples(st.integers(-10, 100000), st.integers(-5, 20)).map(lambda ym: f"{ym[0]}-{ym[1]:02d}")
names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=8).map(quote))
values = st.one_of(
    st.sampled_from(KNOWN_VALUES).map(quote),
    dates,
    months,
    st.text(max_size=300).map(quote),  # any Unicode text, NUL and control characters included
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: quote(str(f))),
    # Raw bytes, percent-encoded as they come: often not UTF-8.
    st.binary(max_size=24).map(lambda raw: "".join(f"%{byte:02X}" for byte in raw)),
)
pairs = st.lists(st.tuples(names, values), max_size=12).map(lambda ps: "&".join(f"{n}={v}" for n, v in ps))
# Date ranges in every order and size, in both views.
ranges = st.tuples(dates, dates, st.sampled_from(["list", "month"]), st.booleans()).map(
    lambda r: f"start={r[0]}&end={r[1]}&view={r[2]}" + ("&past=1" if r[3] else "")
)
# Query strings that are not even well-formed pairs: stray %, &, =, ; and spaces.
junk = st.text(alphabet="%&=;+#?abcz09-\\/ \x7f", max_size=60).map(lambda s: s.replace("#", "%23"))
query_strings = st.one_of(pairs, ranges, months.map(lambda m: f"view=month&month={m}"), junk)


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_agenda_data(site_tree)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_random_query_strings_never_break_the_agenda(client, data, query):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code in (200, 400), (query, response.status_code)
    if response.status_code == 200:
        html = soup(response)
        assert html.select_one("[role=status][aria-live=polite]")
        assert len(html.select(".agenda-list .card__title a")) <= 12
        grid = html.select_one(".agenda-grid table")
        if grid is not None:
            assert len(grid.select("thead th[scope=col]")) == 7
            assert all(len(cell.select(".agenda-grid__events li")) <= 3 for cell in grid.select("td"))
        main_text = html.main.get_text(" ")
        assert not [title for title in HIDDEN_TITLES if title in main_text], query


@pytest.mark.parametrize(
    "query",
    [
        "month=2027-13",
        "month=2027-13&view=month",
        "start=2027-07-01&end=2027-06-01",
        "start=0001-01-01&end=9999-12-31",
        "start=2000-01-01&end=2100-12-31&view=month",
        "month=99999-01&view=month",
        "start=2027-02-30",
        "start=demain&end=hier&page=-1",
        "page=99999999999999999999",
        "view=agenda&past=maybe&free=peut-etre",
    ],
)
def test_bad_dates_and_huge_ranges_give_a_page_with_errors_or_an_honest_list(client, data, query):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("[role=status][aria-live=polite]")
    cards = html.select(".agenda-list .card__title a")
    assert cards or html.select_one(".agenda-grid table") or html.select_one(".agenda__empty")
