"""No query string breaks the site search: any ``q``, facet, sort or page gives a page or a 400, never a 500.

``q`` gets what reaches a full-text engine badly: FTS5 and tsquery syntax (quotes, ``*``, ``NEAR(``, ``OR OR``,
``-``, ``^``, ``:``), NUL, emoji, mixed scripts, 10,000 characters. The facets (``kind``, ``territory``),
``sort`` and ``page`` get random text, huge and negative numbers and repeated parameters; the query string
itself may carry bytes that are not UTF-8, percent-encoded or raw.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.test import Client

from tests.conftest import translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PATHS = ["/fr/recherche/", "/en/search/"]
WORDS = ["economie", "circulaire", "boulangerie", "reprise", "diois", "élus", "coworking", "ardèche", "rural"]
FTS_SYNTAX = [
    '"',
    '""',
    "*",
    "NEAR(",
    "NEAR(a b, 2)",
    "OR OR",
    "OR",
    "AND",
    "NOT",
    "-",
    "^",
    ":",
    ":*",
    "'",
    "''",
    "\\",
    "(",
    ")",
    "{",
    "}",
    "&",
    "|",
    "!",
    "<->",
    "%",
    "_",
    "\x00",
    "title:",
    "-- ",
    "; DROP TABLE wagtailcore_page; --",
    "' OR '1'='1",
]
MIXED = ["économie 経済 экономика", "🚜🌾 ferme", "مزرعة diois", "ΑΒΓ reprise", "\u202eelus\u202c", "e\u0301lus"]
KNOWN = {
    "kind": ["offer", "event", "territory", "news", "page", "resource"],
    "territory": ["pays-diois", "centre-ardeche", "roannais", "economie"],
    "sort": ["relevance", "newest"],
    "page": ["1", "2", "last"],
}

queries = st.one_of(
    st.just(""),
    st.just("economie " * 1250),  # 10,000 characters
    st.text(alphabet="\"*()^:'-+~!&|<>{}[]%_\\/.,;?#@", max_size=40),
    st.lists(st.sampled_from(FTS_SYNTAX + WORDS), min_size=1, max_size=8).map(" ".join),
    st.sampled_from(MIXED),
    st.text(max_size=200),  # any Unicode: emoji, control characters, NUL
)
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)


def values_for(name):
    if name == "q":
        return queries
    return st.one_of(st.sampled_from(KNOWN[name]), numbers, st.text(max_size=30), st.sampled_from(FTS_SYNTAX))


# Each parameter zero to three times (repeated parameters included), in any order.
pairs = st.lists(
    st.sampled_from(["q", "kind", "territory", "sort", "page"]).flatmap(
        lambda name: values_for(name).map(lambda value: f"{name}={quote(value)}")
    ),
    max_size=8,
).map("&".join)
# Bytes that are not UTF-8, percent-encoded (``q=%FF%FE%FD``).
encoded_bytes = st.tuples(st.sampled_from(["q", "kind", "territory", "sort", "page"]), st.binary(max_size=16)).map(
    lambda pair: f"{pair[0]}=" + "".join(f"%{byte:02X}" for byte in pair[1])
)


@pytest.fixture
def client():
    """A test client that answers a server error with its 500 response, so the failure names the query."""
    return Client(raise_request_exception=False)


@pytest.fixture
def pages(site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Économie circulaire en rural", slug="economie")
    translate(page, site_tree.en, title="Circular economy in rural areas", slug="circular")
    for number in range(12):  # more than one page of results
        StandardPageFactory(parent=site_tree.home, title=f"Économie rurale {number}", slug=f"economie-{number}")
    return site_tree


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), query=st.one_of(pairs, encoded_bytes))
def test_random_search_parameters_never_break_the_search(client, pages, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400), (path, query, response.status_code)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), raw=st.binary(min_size=1, max_size=40))
def test_raw_bytes_in_the_query_string_never_break_the_search(client, pages, path, raw):
    # The WSGI server hands the query string over as Latin-1 text of the raw bytes, not percent-decoded.
    response = client.generic("GET", path, QUERY_STRING=(b"q=" + raw).decode("latin-1"))
    assert response.status_code in (200, 400), (path, raw, response.status_code)


AWKWARD = [
    "q=%FF%FE%FD",
    "q=" + "a" * 10_000,
    "q=%22",  # an unbalanced FTS5 quote
    "q=%22economie",
    "q=%22&q=*&q=NEAR(",
    "q=OR+OR&kind=offer&kind=%FF&territory=%00&sort=-1&page=99999999999999999999999",
    "q=economie&page=-5",
    "q=economie&page=0",
    "q=economie&page=2",
    "q=economie&page=1e309",
    "q=economie&sort=newest&sort=relevance&page=2&page=3",
    "q=%E2%80%AE%F0%9F%9A%9C&kind=page&territory=pays-diois",
]


def test_known_awkward_query_strings(client, pages):
    """The cases above every time, whatever hypothesis draws (one fixture for all: building it is the slow part)."""
    statuses = {(path, query): client.get(f"{path}?{query}").status_code for path in PATHS for query in AWKWARD}
    errors = {key[0] + "?" + key[1][:80]: status for key, status in statuses.items() if status not in (200, 400)}
    assert not errors
