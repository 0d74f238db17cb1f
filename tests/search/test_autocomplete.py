"""Search suggestions: the titles of the pages the visitor may see, in their language, whatever they type."""

import datetime
from urllib.parse import quote

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.utils import timezone

from wagtail.models import PageViewRestriction

from tests.conftest import translate
from tests.factories import StandardPageFactory
from tests.factories.members import MemberAreaPageFactory, TrainingResourcePageFactory
from tests.members.conftest import make_person

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 10:00 +02:00"
URL_FR = "/fr/recherche/suggestions/"
URL_EN = "/en/search/suggestions/"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def pages(site_tree, frozen):
    """One public page per way of being invisible, all titled "Économie …"."""
    public = StandardPageFactory(parent=site_tree.home, title="Économie circulaire en rural", slug="economie")
    translate(public, site_tree.en, title="Circular economy in rural areas", slug="circular")
    private = StandardPageFactory(parent=site_tree.home, title="Économie réservée", slug="reservee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    area = MemberAreaPageFactory(parent=site_tree.home, locale=site_tree.fr)
    TrainingResourcePageFactory(parent=area, title="Économie de la fonctionnalité, le memento", slug="memento")
    StandardPageFactory(parent=site_tree.home, title="Économie brouillon", slug="brouillon", live=False)
    StandardPageFactory(
        parent=site_tree.home,
        title="Économie expirée",
        slug="expiree",
        expire_at=timezone.now() - datetime.timedelta(days=1),
    )
    return public


def titles(response):
    assert response.status_code == 200, response.content
    return [result["title"] for result in response.json()["results"]]


def test_only_visible_pages_of_the_active_language_are_suggested(client, pages):
    response = client.get(URL_FR, {"q": "écon"})
    assert response.json() == {
        "query": "écon",
        "results": [{"title": "Économie circulaire en rural", "url": pages.url, "kind": "Page standard"}],
    }
    # The English page is only suggested under /en/, with its own URL.
    assert client.get(URL_EN, {"q": "circ"}).json()["results"] == [
        {"title": "Circular economy in rural areas", "url": "/en/circular/", "kind": "Standard page"}
    ]
    assert titles(client.get(URL_EN, {"q": "econ"})) == ["Circular economy in rural areas"]
    assert titles(client.get(URL_FR, {"q": "circular"})) == []


@pytest.mark.parametrize("query", ["econ", "écon", "ÉCON", "Econom", "économie circ", "economie CIRCU", "rur"])
def test_prefixes_with_or_without_accents(client, pages, query):
    # As you type: the last word is a prefix, the words before it are whole words.
    assert titles(client.get(URL_FR, {"q": query})) == ["Économie circulaire en rural"]


def test_prefixes_with_accents_on_every_backend(client, pages):
    assert titles(client.get(URL_FR, {"q": "écon"})) == ["Économie circulaire en rural"]
    assert titles(client.get(URL_FR, {"q": "Économie circ"})) == ["Économie circulaire en rural"]


def test_a_member_is_suggested_the_private_pages_and_no_one_caches_them(client, pages):
    client.force_login(make_person())
    response = client.get(URL_FR, {"q": "écon"})
    assert sorted(titles(response)) == [
        "Économie circulaire en rural",
        "Économie de la fonctionnalité, le memento",
        "Économie réservée",
    ]
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_lapsed_member_is_not_suggested_the_members_pages(client, pages):
    client.force_login(make_person(years=(2025,)))
    assert sorted(titles(client.get(URL_FR, {"q": "écon"}))) == ["Économie circulaire en rural", "Économie réservée"]


def test_anonymous_answers_vary_by_cookie(client, pages):
    response = client.get(URL_FR, {"q": "écon"})
    assert "Cookie" in response["Vary"]
    assert "private" not in response.get("Cache-Control", "")


def test_the_home_pages_are_not_suggested(client, site_tree):
    site_tree.home.title = "Accueil du réseau"
    site_tree.home.save_revision().publish()
    assert titles(client.get(URL_FR, {"q": "accueil"})) == []


@pytest.mark.parametrize("query", [None, "", " ", "é", "a ", "  b  ", '"', "*", "()", "- ?!"])
def test_too_short_or_empty_queries_suggest_nothing(client, pages, query):
    response = client.get(URL_FR, {} if query is None else {"q": query})
    assert titles(response) == []


@pytest.mark.parametrize(
    "query", ['"écon', "écon*", "(écon", "écon)", "^écon", "{écon}", "-écon", "écon:", "'écon'", "«écon»"]
)
def test_search_syntax_is_read_as_words(client, pages, query):
    assert titles(client.get(URL_FR, {"q": query})) == ["Économie circulaire en rural"]


@pytest.mark.parametrize("query", ["OR OR", "AND", "NOT écon", "écon NOT", "NEAR(", "écon OR circ", "a:b", "x* y*"])
def test_search_operators_are_not_an_error(client, pages, query):
    assert titles(client.get(URL_FR, {"q": query})) in ([], ["Économie circulaire en rural"])


def test_an_oversized_query_is_a_json_error(client, pages):
    response = client.get(URL_FR, {"q": "é" * 201})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert titles(client.get(URL_FR, {"q": "écon" + " " * 196})) == ["Économie circulaire en rural"]


def test_bytes_that_are_not_utf8_are_not_an_error(client, pages):
    response = client.generic("GET", URL_FR, QUERY_STRING="q=%FF%FE")
    assert response.status_code in (200, 400)
    assert client.generic("GET", URL_FR, QUERY_STRING="q=%C3%A9con%FF").status_code == 200


def test_at_most_eight_suggestions(client, site_tree):
    for n in range(12):
        StandardPageFactory(parent=site_tree.home, title=f"Mobilité douce {n}", slug=f"mobilite-{n}")
    assert len(titles(client.get(URL_FR, {"q": "mobi"}))) == 8


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize("logged_in", [False, True])
def test_the_number_of_queries_does_not_grow_with_the_matches(
    client, site_tree, frozen, django_assert_max_num_queries, count, logged_in
):
    area = MemberAreaPageFactory(parent=site_tree.home, locale=site_tree.fr)
    for n in range(count):
        StandardPageFactory(parent=site_tree.home, title=f"Installation agricole {n}", slug=f"installation-{n}")
        TrainingResourcePageFactory(parent=area, title=f"Installation, memento {n}", slug=f"memento-{n}")
    if logged_in:
        client.force_login(make_person())
    client.get(URL_FR, {"q": "inst"})  # the site root paths and content types are cached from here on
    # Anonymous: locale, private sections, search, site. A member adds the session, the user and the access checks.
    with django_assert_max_num_queries(14 if logged_in else 4):
        response = client.get(URL_FR, {"q": "inst"})
    assert len(titles(response)) == min(8, count * (2 if logged_in else 1))


def test_only_get_is_allowed(client, pages):
    assert client.post(URL_FR, {"q": "écon"}).status_code == 405


# Any query string: text, search syntax, control characters, stray bytes.
SYNTAX = ['"', "*", "NEAR(", "OR", "AND", "NOT", "(", ")", ":", "^", "-", "+", "{", "}", "écon", "circ", " "]
queries = st.one_of(
    st.lists(st.sampled_from(SYNTAX), max_size=12).map(lambda parts: quote("".join(parts))),
    st.text(max_size=250).map(quote),
    st.binary(max_size=24).map(lambda raw: "".join(f"%{byte:02X}" for byte in raw)),
)
junk = st.text(alphabet="%&=;+#?abcz09\\/ \x7f", max_size=60).map(lambda s: s.replace("#", "%23"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries, extra=junk)
def test_random_queries_never_break_the_suggestions(client, pages, query, extra):
    response = client.generic("GET", URL_FR, QUERY_STRING=f"q={query}&{extra}")
    assert response.status_code in (200, 400), (query, extra, response.status_code)
    data = response.json()
    if response.status_code == 200:
        assert len(data["results"]) <= 8
        assert {r["title"] for r in data["results"]} <= {"Économie circulaire en rural"}
    else:
        assert data["error"]
