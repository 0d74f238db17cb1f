"""No query string breaks the catalogue: random parameters, values and bytes give a page or a 400, never a 500."""

from urllib.parse import quote

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import soup
from tests.offers.catalogue_data import HIDDEN_TITLES, NOW, build_catalogue_data

pytestmark = pytest.mark.django_db

PARAMETERS = ["q", "territory", "type", "sector", "department", "near", "radius", "sort", "page"]
KNOWN_VALUES = [
    "pays-diois",
    "roannais",
    "emploi",
    "reprise",
    "tourisme",
    "artisanat",
    "26",
    "69",
    "lyon",
    "saint-etienne",
    "newest",
    "closing",
    "nearest",
    "1",
    "2",
    "5",
    "50",
    "200",
    "boulangerie",
    "four bois",
]

names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=8).map(quote))
values = st.one_of(
    st.sampled_from(KNOWN_VALUES).map(quote),
    st.text(max_size=300).map(quote),  # any Unicode text, NUL and control characters included
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: quote(str(f))),
    # Raw bytes, percent-encoded as they come: often not UTF-8.
    st.binary(max_size=24).map(lambda raw: "".join(f"%{byte:02X}" for byte in raw)),
)
pairs = st.lists(st.tuples(names, values), max_size=12).map(lambda ps: "&".join(f"{n}={v}" for n, v in ps))
# Query strings that are not even well-formed pairs: stray %, &, =, ; and spaces.
junk = st.text(alphabet="%&=;+#?abcz09\\/ \x7f", max_size=60).map(lambda s: s.replace("#", "%23"))
query_strings = st.one_of(pairs, junk)


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_catalogue_data(site_tree)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_random_query_strings_never_break_the_catalogue(client, data, query):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code in (200, 400), (query, response.status_code)
    if response.status_code == 200:
        html = soup(response)
        assert html.select_one("[role=status][aria-live=polite]")
        assert len(html.select(".offer-list .card__title a")) <= 12
        main_text = html.main.get_text(" ")
        assert not [title for title in HIDDEN_TITLES if title in main_text], query
