"""The site search: what the visitor may see, in their language, with French word handling, facets and sorting."""

import datetime

import pytest
import time_machine
from modelsearch.backends import database

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from cms.models.pages import LISTING_PAGE_SIZE
from tests.conftest import measure_queries, publish, soup, translate
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    StandardPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL stems; SQLite does not")


def result_titles(response):
    return [" ".join(a.get_text().split()) for a in soup(response).select(".search-results h3 a")]


def search(client, query, path="/fr/recherche/"):
    response = client.get(path, {"q": query} if isinstance(query, str) else query)
    assert response.status_code == 200
    return response


@pytest.fixture
def territories(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=index, title="Pays Diois", slug="pays-diois")
    ardeche = TerritoryPageFactory(parent=index, title="Ardèche verte", slug="ardeche-verte", department="07")
    return diois, ardeche


# The backend ----------------------------------------------------------------------------------------------------


def test_the_real_full_text_backend_is_in_use(client, site_tree):
    """Not Wagtail's ``icontains`` fallback, which it picks silently when the FTS5 table is missing."""
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        # Imported here: the SQLite module declares a model that only exists on SQLite.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
        from modelsearch.backends.database.sqlite.utils import fts_table_exists

        assert isinstance(backend, SQLiteSearchBackend)
        assert database.USE_SQLITE_FTS is True
        assert fts_table_exists()
        with CaptureQueriesContext(connection) as captured:
            list(Page.objects.search("accueil"))
        assert any(" MATCH " in query["sql"] for query in captured.captured_queries)
    else:
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        assert isinstance(backend, PostgresSearchBackend)
        assert backend.config == backend.autocomplete_config == "french_unaccent"


@on_postgres
def test_the_french_and_english_configurations_stem_without_accents():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', 'Boulangeries à reprendre, Économie')::text")
        assert cursor.fetchone()[0] == "'a':2 'boulanger':1 'econom':4 'reprendr':3"
        cursor.execute("SELECT to_tsvector('english_unaccent', 'Rural territories café')::text")
        assert cursor.fetchone()[0] == "'cafe':3 'rural':1 'territori':2"


# Visibility and language ------------------------------------------------------------------------------------


def test_search_finds_public_pages_of_the_active_language(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Économie circulaire en rural", slug="economie")
    translate(page, site_tree.en, title="Circular economy in rural areas", slug="circular")
    private = StandardPageFactory(parent=site_tree.home, title="Économie réservée", slug="reservee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=site_tree.home, title="Économie brouillon", slug="brouillon", live=False)
    StandardPageFactory(
        parent=site_tree.home,
        title="Économie expirée",
        slug="expiree",
        expire_at=timezone.now() - datetime.timedelta(hours=1),
    )
    assert result_titles(search(client, "économie")) == ["Économie circulaire en rural"]
    assert result_titles(search(client, "circular", "/en/search/")) == ["Circular economy in rural areas"]
    assert result_titles(search(client, "circulaire", "/en/search/")) == []


def test_accents_and_case_do_not_matter(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="Économie circulaire", slug="economie")
    StandardPageFactory(parent=site_tree.home, title="Coworking en Ardèche", slug="coworking")
    assert result_titles(search(client, "economie circulaire")) == ["Économie circulaire"]
    assert result_titles(search(client, "ECONOMIE")) == ["Économie circulaire"]
    assert result_titles(search(client, "coworking ardeche")) == ["Coworking en Ardèche"]


def test_plurals_and_inflections_match_on_both_databases(client, site_tree):
    """Stems on PostgreSQL; on SQLite, each word's stem matched as a prefix."""
    StandardPageFactory(parent=site_tree.home, title="Trois boulangeries à reprendre", slug="boulangeries")
    StandardPageFactory(parent=site_tree.home, title="Formation des élus", slug="formation")
    assert result_titles(search(client, "boulangerie")) == ["Trois boulangeries à reprendre"]
    assert result_titles(search(client, "formations")) == ["Formation des élus"]
    assert result_titles(search(client, "formations élus")) == ["Formation des élus"]


@on_postgres
def test_english_pages_are_searched_with_english_rules(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Les territoires ruraux", slug="territoires-ruraux")
    translate(page, site_tree.en, title="Rural territories", slug="rural-territories")
    assert result_titles(search(client, "territory", "/en/search/")) == ["Rural territories"]
    assert result_titles(search(client, "territoire", "/fr/recherche/")) == ["Les territoires ruraux"]


def test_listings_share_the_language_handling(client, territories):
    diois, _ardeche = territories
    OfferIndexPageFactory(parent=diois.get_parent().get_parent())
    OfferPageFactory(parent=diois, title="Boulangeries à reprendre à Die", slug="boulangeries")
    page = soup(client.get("/fr/offres/", {"q": "boulangerie"}))
    assert [a.get_text(strip=True) for a in page.select(".card__title a, .card h3 a")] == [
        "Boulangeries à reprendre à Die"
    ]


# What a result shows ----------------------------------------------------------------------------------------


def test_results_show_kind_territory_and_highlighted_words(client, territories):
    diois, _ardeche = territories
    OfferPageFactory(
        parent=diois,
        title="Boulangerie à reprendre",
        slug="boulangerie",
        summary="Une boulangerie-pâtisserie au cœur du village cherche son repreneur.",
    )
    result = soup(search(client, "boulangeries")).select_one(".search-result")
    assert "Offre" in result.select_one(".search-result__kind").get_text()
    assert "Pays Diois" in result.select_one(".search-result__kind").get_text()
    assert [mark.get_text() for mark in result.select("h3 mark")] == ["Boulangerie"]
    assert "boulangerie" in [mark.get_text() for mark in result.select(".search-result__snippet mark")]


def test_highlighting_escapes_the_page_text(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="Tiers-lieu <script>alert(1)</script>", slug="tiers-lieu")
    response = search(client, "tiers lieu")
    assert b"<script>alert(1)</script>" not in response.content
    assert result_titles(response) == ["Tiers-lieu <script>alert(1)</script>"]


def test_upcoming_events_come_before_past_ones_which_are_marked(client, site_tree):
    agenda = EventIndexPageFactory(parent=site_tree.home)
    now = timezone.now()
    EventPageFactory(
        parent=agenda,
        title="Salon de la reprise 2025",
        slug="salon-2025",
        dates=[(now - datetime.timedelta(days=300), None)],
    )
    EventPageFactory(
        parent=agenda,
        title="Salon de la reprise 2027",
        slug="salon-2027",
        dates=[(now + datetime.timedelta(days=30), None)],
    )
    page = soup(search(client, "salon reprise"))
    assert [" ".join(a.get_text().split()) for a in page.select(".search-results h3 a")] == [
        "Salon de la reprise 2027",
        "Salon de la reprise 2025",
    ]
    past = page.select(".search-result")[1]
    assert "Passé" in past.select_one(".search-result__date").get_text()
    assert "Passé" not in page.select(".search-result")[0].select_one(".search-result__date").get_text()


# Facets, sorting, pagination --------------------------------------------------------------------------------


def facet_links(response):
    return {a.get_text(" ", strip=True): a["href"] for a in soup(response).select(".search-facets a")}


def test_facets_count_each_kind_and_territory_over_the_other_filter(client, territories):
    diois, ardeche = territories
    site_home = diois.get_parent().get_parent()
    OfferPageFactory(parent=diois, title="Coworking de Die", slug="coworking-die")
    OfferPageFactory(parent=ardeche, title="Coworking d'Annonay", slug="coworking-annonay")
    OfferPageFactory(parent=ardeche, title="Coworking de Lamastre", slug="coworking-lamastre")
    NewsIndexPageFactory(parent=site_home)
    NewsPageFactory(
        parent=site_home.get_children().get(slug="actualites"), title="Le coworking progresse", slug="coworking"
    )

    links = facet_links(search(client, "coworking"))
    assert "Offres (3)" in links and "Actualités (1)" in links
    assert "Ardèche verte (2)" in links and "Pays Diois (1)" in links

    filtered = search(client, {"q": "coworking", "territory": "ardeche-verte"})
    assert sorted(result_titles(filtered)) == ["Coworking d'Annonay", "Coworking de Lamastre"]
    links = facet_links(filtered)
    # The kinds are counted within the territory; the territories are still all offered.
    assert "Offres (2)" in links and "Actualités (1)" not in links
    assert "Pays Diois (1)" in links

    by_kind = search(client, {"q": "coworking", "kind": "news"})
    assert result_titles(by_kind) == ["Le coworking progresse"]


def test_bad_facet_values_are_reported_not_errors(client, territories):
    response = search(
        client, {"q": "coworking", "kind": "nimporte", "territory": "nulle-part", "sort": "x", "page": "-3"}
    )
    messages = soup(response).select_one(".form-errors").get_text()
    assert "nimporte" in messages and "nulle-part" in messages


def test_sort_by_newest(client, site_tree):
    old = StandardPageFactory(parent=site_tree.home, title="Mobilité mobilité mobilité", slug="ancienne")
    new = StandardPageFactory(parent=site_tree.home, title="Mobilité", slug="nouvelle")
    type(old).objects.filter(pk=old.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=400))
    type(new).objects.filter(pk=new.pk).update(first_published_at=timezone.now())
    assert result_titles(search(client, {"q": "mobilité", "sort": "newest"})) == [
        "Mobilité",
        "Mobilité mobilité mobilité",
    ]


def test_results_are_paginated(client, site_tree):
    for number in range(25):
        StandardPageFactory(parent=site_tree.home, title=f"Tiers-lieu numéro {number}", slug=f"tiers-lieu-{number}")
    first = search(client, "tiers-lieu")
    assert len(result_titles(first)) == LISTING_PAGE_SIZE
    assert "25 résultats" in soup(first).select_one(".search-summary").get_text()
    last = search(client, {"q": "tiers-lieu", "page": "99"})
    assert result_titles(last)
    assert set(result_titles(first)).isdisjoint(result_titles(last))


def test_the_query_count_does_not_grow_with_the_matches(client, territories, django_assert_max_num_queries):
    """Cold (nothing cached) and warm, at 6 and 60 matches; the page of results costs one query per page type
    it shows, so each size is measured on one type (offers, then standard pages) and on both mixed."""
    diois, ardeche = territories

    def counts(size):
        for number in range(size):
            parent = diois if number % 2 else ardeche
            OfferPageFactory(parent=parent, title=f"Ferme {size} {number}", slug=f"ferme-{size}-{number}")
            StandardPageFactory(
                parent=diois.get_parent().get_parent(), title=f"Ferme page {size} {number}", slug=f"p-{size}-{number}"
            )
        measured = {}
        for kind in ("offer", "page", ""):
            url = f"/fr/recherche/?q=ferme+{size}&kind={kind}"
            measured[kind], response = measure_queries(client, url, django_assert_max_num_queries, (30, 15))
            shown = size if kind else 2 * size
            assert len(result_titles(response)) == min(shown, LISTING_PAGE_SIZE)
        return measured

    small, large = counts(3), counts(30)
    assert small["offer"] == large["offer"]
    assert small["page"] == large["page"]
    assert large[""] <= small[""]


# When nothing matches ---------------------------------------------------------------------------------------


def test_words_never_together_fall_back_to_any_of_them(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="Maraîchage bio", slug="maraichage")
    response = search(client, "maraîchage astrophysique")
    assert result_titles(response) == ["Maraîchage bio"]
    assert soup(response).select_one(".search-notice")


def test_no_result_suggests_a_spelling_and_the_listings(client, site_tree):
    OfferIndexPageFactory(parent=site_tree.home)
    EventIndexPageFactory(parent=site_tree.home)
    StandardPageFactory(parent=site_tree.home, title="Boulangerie de village", slug="boulangerie")
    private = StandardPageFactory(parent=site_tree.home, title="Astrophysique confidentielle", slug="astro")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    page = soup(search(client, "boulengerie"))
    assert page.select_one(".search-suggestion a").get_text() == "boulangerie"
    links = [a["href"] for a in page.select(".search-elsewhere a")]
    assert links == ["/fr/offres/?q=boulengerie", "/fr/agenda/?q=boulengerie"]
    # A private page's words are never suggested.
    assert not soup(search(client, "astrophysiqe")).select_one(".search-suggestion")


# Bad input ------------------------------------------------------------------------------------------------


def test_empty_and_oversized_queries_are_not_errors(client, site_tree):
    assert client.get("/fr/recherche/").status_code == 200
    assert client.get("/fr/recherche/?q=").status_code == 200
    response = client.get("/fr/recherche/?q=" + "a" * 500)
    assert response.status_code == 200
    assert soup(response).select(".form-field--error")
    assert client.get("/fr/recherche/?q=%00&page=-1").status_code == 200
    for query in ['"', "*", "NEAR(", "OR OR", "AND", "économie*", '"boulangerie', "-x", "^a"]:
        assert client.get("/fr/recherche/", {"q": query}).status_code == 200


@on_postgres
def test_postgresql_lists_pages_with_close_words_when_nothing_matches(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="Accompagnement des boulangeries rurales", slug="boulangeries")
    private = StandardPageFactory(parent=site_tree.home, title="Boulangeries réservées", slug="reservees")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    page = soup(search(client, "boulengeries"))
    assert not page.select(".search-results")
    assert [a.get_text() for a in page.select(".search-close a")] == ["Accompagnement des boulangeries rurales"]


def test_hidden_pages_count_nowhere_and_members_find_their_resources(client, territories, site_tree):
    """Private, draft, expired and other-language pages: not in the results, the counts or the facets."""
    from tests.factories.members import MemberAreaPageFactory, TrainingResourcePageFactory
    from tests.members.conftest import make_person

    diois, ardeche = territories
    OfferPageFactory(parent=diois, title="Tiers-lieu ouvert", slug="ouvert")
    OfferPageFactory(parent=ardeche, title="Tiers-lieu brouillon", slug="brouillon", live=False)
    OfferPageFactory(
        parent=ardeche, title="Tiers-lieu expiré", slug="expire", expire_at=timezone.now() - datetime.timedelta(days=1)
    )
    private = OfferPageFactory(parent=ardeche, title="Tiers-lieu réservé", slug="reserve")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=site_tree.home_en, title="Tiers-lieu in English", slug="en-only")
    area = MemberAreaPageFactory(parent=site_tree.home, locale=site_tree.fr)
    TrainingResourcePageFactory(parent=area, title="Mémento tiers-lieu", slug="memento-tiers-lieu")

    response = search(client, "tiers-lieu")
    assert result_titles(response) == ["Tiers-lieu ouvert"]
    assert "1 résultat" in soup(response).select_one(".search-summary").get_text()
    assert set(facet_links(response)) == {"Offres (1)", "Pays Diois (1)", "Pertinence", "Les plus récents"}
    assert result_titles(search(client, "tiers-lieu", "/en/search/")) == ["Tiers-lieu in English"]

    client.force_login(make_person())
    response = search(client, "tiers-lieu")
    assert sorted(result_titles(response)) == ["Mémento tiers-lieu", "Tiers-lieu ouvert", "Tiers-lieu réservé"]
    assert "Ressources adhérents (1)" in facet_links(response)
    assert "Ardèche verte (1)" in facet_links(response)


def test_the_agenda_search_shares_the_language_handling(client, site_tree):
    agenda = EventIndexPageFactory(parent=site_tree.home)
    start = timezone.now() + datetime.timedelta(days=10)
    EventPageFactory(parent=agenda, title="Journée de formation des élus", slug="formation", dates=[(start, None)])
    page = soup(client.get("/fr/agenda/", {"q": "formations elus"}))
    assert "Journée de formation des élus" in page.get_text()


# What a result shows of its page, cached per page ----------------------------------------------------------------


def test_a_page_found_again_by_another_search_is_not_read_again(client, territories):
    diois, _ardeche = territories
    OfferPageFactory(parent=diois, title="Boulangerie à reprendre", slug="boulangerie", summary="Fournil et magasin.")
    assert result_titles(search(client, "boulangerie")) == ["Boulangerie à reprendre"]
    with CaptureQueriesContext(connection) as queries:
        response = search(client, "fournil")
    assert result_titles(response) == ["Boulangerie à reprendre"]
    assert [mark.get_text() for mark in soup(response).select(".search-result__snippet mark")] == ["Fournil"]
    assert not [q for q in queries.captured_queries if '"offers_offerpage"' in q["sql"]]


def test_a_renamed_page_shows_its_new_title_in_the_results_at_once(client, territories):
    diois, _ardeche = territories
    offer = OfferPageFactory(parent=diois, title="Boulangerie à reprendre", slug="boulangerie")
    assert result_titles(search(client, "boulangerie")) == ["Boulangerie à reprendre"]
    offer.title = "Boulangerie à reprendre à Die"
    publish(offer)
    assert result_titles(search(client, "boulangerie")) == ["Boulangerie à reprendre à Die"]


def test_an_event_result_shows_its_next_date_and_moves_on_when_one_ends(client, site_tree):
    agenda = EventIndexPageFactory(parent=site_tree.home)
    first = datetime.datetime(2027, 3, 2, 9, tzinfo=datetime.UTC)
    second = datetime.datetime(2027, 3, 16, 9, tzinfo=datetime.UTC)
    with time_machine.travel(first - datetime.timedelta(days=7), tick=False):
        EventPageFactory(
            parent=agenda,
            title="Atelier de la reprise",
            slug="atelier-reprise",
            dates=[(first, first + datetime.timedelta(hours=3)), (second, second + datetime.timedelta(hours=3))],
        )
        shown = soup(search(client, "atelier reprise")).select_one(".search-result__date time")["datetime"]
        assert shown.startswith("2027-03-02")
    with time_machine.travel(first + datetime.timedelta(days=1), tick=False):  # no edit: the first date ended
        shown = soup(search(client, "atelier reprise")).select_one(".search-result__date time")["datetime"]
        assert shown.startswith("2027-03-16")
