"""No query string breaks the members' index: random parameters, values and bytes give a page, never a 500."""

import datetime
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from members.models import ResourceKind
from tests.conftest import soup
from tests.factories import ThemeFactory
from tests.factories.members import TrainingResourcePageFactory

pytestmark = pytest.mark.django_db

PARAMETERS = ["q", "theme", "kind", "year", "page"]
KNOWN_VALUES = ["accueil-actifs", "memento", "fiche-methode", "outil", "2016", "2021", "1", "2", "réciprocité"]

names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=8).map(quote))
values = st.one_of(
    st.sampled_from(KNOWN_VALUES).map(quote),
    st.text(max_size=300).map(quote),  # any Unicode text, NUL and control characters included
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: quote(str(f))),
    st.binary(max_size=24).map(lambda raw: "".join(f"%{byte:02X}" for byte in raw)),
)
pairs = st.lists(st.tuples(names, values), max_size=12).map(lambda ps: "&".join(f"{n}={v}" for n, v in ps))
junk = st.text(alphabet="%&=;+#?abcz09\\/ \x7f", max_size=60).map(lambda s: s.replace("#", "%23"))
query_strings = st.one_of(pairs, junk)


@pytest.fixture
def logged_in(client, member_area, member, frozen):
    theme = ThemeFactory(name="Accueil d'actifs", slug="accueil-actifs")
    for n in range(14):
        TrainingResourcePageFactory(
            parent=member_area,
            slug=f"ressource-{n}",
            kind=list(ResourceKind)[n % 5],
            session_date=datetime.date(2016 + n % 6, 3, 1),
            themes=[theme] if n % 2 else [],
        )
    client.force_login(member)
    return client


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_random_query_strings_never_break_the_members_index(logged_in, member_area, query):
    response = logged_in.get(f"{member_area.url}?{query}")
    assert response.status_code in (200, 400), (query, response.status_code)
    if response.status_code == 200:
        html = soup(response)
        assert html.select_one("#resource-count[role=status]")
        assert len(html.select("#resource-results .card__title a")) <= 12
        assert "private" in response["Cache-Control"]
