"""Promoted search results: only what the visitor may see, in their language, in the editors' order.

Also the record of searches behind Wagtail's "Search terms" report, the admin views editors use, and the nightly
``searchpromotions_garbage_collect``.
"""

import datetime
import io

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import PageViewRestriction

from search.promotions import Promotion, promoted_pages, record_search
from tests.conftest import soup, translate
from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory, UserFactory
from tests.factories.members import MemberAreaPageFactory
from tests.members.conftest import make_person

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 10:00 +02:00"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def visitor_request(user=None, path="/fr/recherche/"):
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    return request


def promoted(query, user=None, language="fr"):
    """The titles ``promoted_pages`` returns for ``query`` to ``user`` (anonymous by default) in ``language``."""
    with translation.override(language):
        return [p.title for p in promoted_pages(visitor_request(user, f"/{language}/"), query)]


def promote(query_string, *pages, descriptions=None):
    """Promote ``pages`` for ``query_string`` in this order, as the admin does (sort_order 0, 1, …)."""
    query = Query.get(query_string)
    descriptions = descriptions or [f"Pourquoi {page.title}" for page in pages]
    for order, (page, description) in enumerate(zip(pages, descriptions, strict=True)):
        SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=order)
    return query


@pytest.fixture
def pages(site_tree):
    make = StandardPageFactory
    return {
        "tiers-lieux": make(parent=site_tree.home, title="Les tiers-lieux du réseau", slug="tiers-lieux"),
        "coworking": make(parent=site_tree.home, title="Espaces de coworking", slug="coworking"),
        "installation": make(parent=site_tree.home, title="S'installer à la campagne", slug="installation"),
    }


# --- What is shown, in which order ------------------------------------------------------------------------------


def test_promotions_come_in_the_editors_order_with_their_descriptions(pages):
    query = Query.get("coworking")
    for order, slug in ((2, "tiers-lieux"), (0, "coworking"), (1, "installation")):
        SearchPromotion.objects.create(query=query, page=pages[slug], description=f"Note {slug}", sort_order=order)
    with translation.override("fr"):
        promotions = promoted_pages(visitor_request(), "coworking")
    assert [(p.title, p.description, p.url) for p in promotions] == [
        ("Espaces de coworking", "Note coworking", "/fr/coworking/"),
        ("S'installer à la campagne", "Note installation", "/fr/installation/"),
        ("Les tiers-lieux du réseau", "Note tiers-lieux", "/fr/tiers-lieux/"),
    ]
    # Specific pages, for templates that want more than the title.
    assert type(promotions[0].page).__name__ == "StandardPage"
    assert promotions[0].page.summary == "Une page du réseau."


@pytest.mark.parametrize("typed", ["coworking", "Coworking", "  COWORKING  ", "coworking "])
def test_the_query_is_matched_the_way_wagtail_normalises_it(pages, typed):
    promote("Coworking", pages["coworking"])  # stored as "coworking"
    assert promoted(typed) == ["Espaces de coworking"]


def test_normalisation_collapses_spaces_but_keeps_punctuation_and_accents(pages):
    promote("tiers  lieux", pages["tiers-lieux"])
    assert promoted(" Tiers   lieux ") == ["Les tiers-lieux du réseau"]
    assert promoted("tiers-lieux") == []
    promote("économie", pages["installation"])
    assert promoted("Économie") == ["S'installer à la campagne"]
    assert promoted("economie") == []


@pytest.mark.parametrize("query", ["", "   ", "a" * 201, None, "autre chose"])
def test_no_promotion_for_empty_oversized_or_unknown_queries(pages, query):
    promote("a" * 201, pages["coworking"])
    promote("coworking", pages["coworking"])
    assert promoted(query) == []


def test_external_links_are_shown_as_typed(pages):
    query = promote("coworking", pages["coworking"])
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.francetierslieux.fr/",
        external_link_text="France Tiers-Lieux",
        description="Le réseau national",
        sort_order=1,
    )
    with translation.override("fr"):
        promotions = promoted_pages(visitor_request(), "coworking")
    assert promotions[1] == Promotion(
        title="France Tiers-Lieux", url="https://www.francetierslieux.fr/", description="Le réseau national"
    )
    assert promotions[1].is_external and not promotions[0].is_external


# --- Privacy and publication --------------------------------------------------------------------------------------


def test_a_promoted_private_page_is_shown_to_valid_members_only(site_tree, pages, frozen):
    area = MemberAreaPageFactory(parent=site_tree.home, locale=site_tree.fr)
    private = StandardPageFactory(parent=area, title="Mémento coworking réservé", slug="memento")
    promote("coworking", pages["coworking"], private)
    public_only = ["Espaces de coworking"]
    assert promoted("coworking") == public_only
    assert promoted("coworking", UserFactory()) == public_only
    assert promoted("coworking", make_person(years=(2025,))) == public_only  # lapsed, still in the group
    assert promoted("coworking", make_person()) == ["Espaces de coworking", "Mémento coworking réservé"]


def test_a_page_with_its_own_login_restriction_is_hidden_from_anonymous_visitors(pages):
    PageViewRestriction.objects.create(page=pages["coworking"], restriction_type=PageViewRestriction.LOGIN)
    promote("coworking", pages["coworking"], pages["tiers-lieux"])
    assert promoted("coworking") == ["Les tiers-lieux du réseau"]
    assert promoted("coworking", UserFactory()) == ["Espaces de coworking", "Les tiers-lieux du réseau"]


def test_draft_and_expired_pages_are_never_shown(site_tree, pages, frozen):
    draft = StandardPageFactory(parent=site_tree.home, title="Brouillon coworking", slug="brouillon", live=False)
    # Past its expiry date, still live: publish_scheduled has not run yet.
    expired = StandardPageFactory(
        parent=site_tree.home,
        title="Coworking expiré",
        slug="expire",
        expire_at=timezone.now() - datetime.timedelta(hours=1),
    )
    assert expired.live
    promote("coworking", draft, expired, pages["coworking"])
    superuser = UserFactory(is_superuser=True)
    assert promoted("coworking") == ["Espaces de coworking"]
    assert promoted("coworking", superuser) == ["Espaces de coworking"]


# --- Locale ---------------------------------------------------------------------------------------------------------


def test_a_french_page_is_shown_as_its_translation_under_english(site_tree, pages):
    translate(pages["coworking"], site_tree.en, title="Coworking spaces", slug="coworking")
    promote("coworking", pages["coworking"], pages["tiers-lieux"])  # the second one has no translation
    assert promoted("coworking") == ["Espaces de coworking", "Les tiers-lieux du réseau"]
    with translation.override("en"):
        promotions = promoted_pages(visitor_request(path="/en/search/"), "coworking")
    assert [(p.title, p.url) for p in promotions] == [("Coworking spaces", "/en/coworking/")]
    assert promotions[0].page.locale == site_tree.en


def test_an_english_page_promoted_shows_its_french_source_under_french(site_tree, pages):
    english = translate(pages["coworking"], site_tree.en, title="Coworking spaces", slug="coworking")
    promote("coworking", english)
    assert promoted("coworking") == ["Espaces de coworking"]
    assert promoted("coworking", language="en") == ["Coworking spaces"]


def test_a_draft_translation_is_not_shown(site_tree, pages):
    english = pages["coworking"].copy_for_translation(site_tree.en, copy_parents=False)
    english.title = "Coworking spaces (draft)"
    english.save_revision()
    assert not english.live
    promote("coworking", pages["coworking"])
    assert promoted("coworking", language="en") == []


def test_a_page_promoted_in_both_languages_is_shown_once_at_its_first_place(site_tree, pages):
    english = translate(pages["coworking"], site_tree.en, title="Coworking spaces", slug="coworking")
    promote("coworking", pages["installation"], english, pages["tiers-lieux"], pages["coworking"])
    assert promoted("coworking") == [
        "S'installer à la campagne",
        "Espaces de coworking",
        "Les tiers-lieux du réseau",
    ]


# --- Query budget ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [2, 15])
@pytest.mark.parametrize("visitor", ["anonymous", "member"])
def test_a_constant_number_of_queries_whatever_the_number_of_promotions(
    site_tree, frozen, count, visitor, django_assert_max_num_queries
):
    news_index = NewsIndexPageFactory(parent=site_tree.home)
    targets = [
        StandardPageFactory(parent=site_tree.home, title=f"Page {i}", slug=f"page-{i}")
        if i % 2
        else NewsPageFactory(parent=news_index, title=f"Actualité {i}", slug=f"actu-{i}")
        for i in range(count)
    ]
    promote("coworking", *targets)
    user = make_person() if visitor == "member" else None
    request = visitor_request(user)
    # The site's root paths are cached (Django's cache) across requests: warm them as a running site would.
    site_tree.home.get_url(request=visitor_request())
    # Promotions, the promoted terms, the locales, the restrictions and the alias pages (these four once per
    # content version: the promotion just made is a new one), page types, one per page type (2 here), the
    # request's site; a logged-in visitor adds their groups and the members' check of their restrictions.
    budget = {"anonymous": 9, "member": 11}[visitor]
    with translation.override("fr"), django_assert_max_num_queries(budget):
        promotions = promoted_pages(request, "coworking")
    assert len(promotions) == count


def test_a_search_without_promotions_runs_no_query_for_them(pages, django_assert_num_queries):
    promote("coworking", pages["coworking"])
    assert promoted("autre chose") == []  # reads the promoted terms, once per content version
    with django_assert_num_queries(0):
        assert promoted("autre chose") == []


def test_a_promotion_made_after_a_search_shows_at_once(pages):
    assert promoted("tiers-lieux") == []
    promote("tiers-lieux", pages["tiers-lieux"])
    assert promoted("tiers-lieux") == ["Les tiers-lieux du réseau"]
    SearchPromotion.objects.filter(query__query_string="tiers-lieux").delete()
    assert promoted("tiers-lieux") == []


# --- Rendering --------------------------------------------------------------------------------------------------------


def render_promotions(promotions, language="fr"):
    with translation.override(language):
        html = render_to_string("search/includes/promotions.html", {"promotions": promotions})
    return BeautifulSoup(html, "html.parser")


def test_the_include_renders_an_accessible_section():
    html = render_promotions(
        [
            Promotion(title="Espaces de coworking", url="/fr/coworking/", description="Où travailler"),
            Promotion(title="France Tiers-Lieux", url="https://www.francetierslieux.fr/", description=""),
        ]
    )
    section = html.select_one("section.search-promotions")
    heading = section.find("h2")
    assert section["aria-labelledby"] == heading["id"]
    assert heading.get_text(strip=True) == "Recommandé"
    items = section.select("ol > li")
    assert [(a.get_text(strip=True), a["href"]) for a in html.select(".search-promotions h3 a")] == [
        ("Espaces de coworking", "/fr/coworking/"),
        ("France Tiers-Lieux", "https://www.francetierslieux.fr/"),
    ]
    assert items[0].find("p").get_text(strip=True) == "Où travailler"
    assert items[1].find("p") is None


def test_the_include_renders_nothing_without_promotions():
    assert render_promotions([]).get_text(strip=True) == ""


def test_the_include_heading_is_translated_in_english():
    html = render_promotions([Promotion(title="Coworking spaces", url="/en/coworking/", description="")], "en")
    assert html.select_one(".search-promotions h2").get_text(strip=True) == "Recommended"


# --- Recording searches -------------------------------------------------------------------------------------------


def test_searches_are_recorded_under_their_normalised_form(frozen):
    for typed in ("Coworking", "coworking ", "  COWORKING", "tiers lieux"):
        record_search(typed)
    assert Query.get("coworking").hits == 3
    assert QueryDailyHits.objects.get(query__query_string="coworking").date == datetime.date(2026, 6, 15)
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["coworking", "tiers lieux"]


@pytest.mark.parametrize("query", ["", "    ", "a" * 201, None])
def test_empty_and_oversized_searches_are_not_recorded(query):
    record_search(query)
    assert not Query.objects.exists()
    assert not QueryDailyHits.objects.exists()


def test_a_failure_to_record_is_logged_and_does_not_raise(monkeypatch, caplog):
    def broken(cls, query_string):
        # A real database error: on PostgreSQL it aborts the transaction unless a savepoint catches it.
        with connection.cursor() as cursor:
            cursor.execute("SELECT hits FROM no_such_table")

    monkeypatch.setattr(Query, "get", classmethod(broken))
    record_search("coworking")  # does not raise
    assert "Could not record the search 'coworking'" in caplog.text
    # The request's transaction is still usable after the failure.
    assert Query.objects.count() == 0


def test_a_nul_character_is_no_search_and_no_error(pages):
    promote("coworking", pages["coworking"])
    record_search("co\x00working")
    assert promoted("co\x00working") == []
    assert not QueryDailyHits.objects.exists()


def test_other_errors_are_not_swallowed(monkeypatch):
    def buggy(cls, query_string):
        raise TypeError("a bug, not a database failure")

    monkeypatch.setattr(Query, "get", classmethod(buggy))
    with pytest.raises(TypeError):
        record_search("coworking")


# --- Admin: promotions and the "Search terms" report ---------------------------------------------------------------


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def editor_client(client, *codenames):
    group = Group.objects.create(name="Rédaction (test)")  # not the Communication role, which has them all
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailsearchpromotions", codename=codename)
        )
    editor = UserFactory(username="chargee-com")
    editor.groups.add(group)
    client.force_login(editor)
    return client


PROMOTION_PERMISSIONS = ("add_searchpromotion", "change_searchpromotion", "delete_searchpromotion")


def test_a_superuser_creates_a_promotion_through_the_admin(superuser_client, pages):
    add_url = reverse("wagtailsearchpromotions:add")
    assert superuser_client.get(add_url).status_code == 200
    response = superuser_client.post(
        add_url,
        {
            "query_string": "Coworking",
            "editors_picks-TOTAL_FORMS": 2,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-page": pages["tiers-lieux"].pk,
            "editors_picks-0-description": "Des lieux pour travailler",
            "editors_picks-0-ORDER": 1,
            "editors_picks-0-DELETE": "",
            "editors_picks-1-page": pages["coworking"].pk,
            "editors_picks-1-description": "La liste des espaces",
            "editors_picks-1-ORDER": 0,
            "editors_picks-1-DELETE": "",
        },
    )
    assert response.status_code == 302
    assert promoted("coworking") == ["Espaces de coworking", "Les tiers-lieux du réseau"]


def test_an_editor_with_the_permissions_manages_promotions(client, pages):
    promote("coworking", pages["coworking"])
    editor = editor_client(client, *PROMOTION_PERMISSIONS)
    response = editor.get(reverse("wagtailsearchpromotions:index"))
    assert response.status_code == 200
    assert "coworking" in soup(response).get_text()
    assert editor.get(reverse("wagtailsearchpromotions:add")).status_code == 200


def test_an_editor_without_the_permissions_is_refused_promotions_and_report(client, pages):
    promote("coworking", pages["coworking"])
    editor = editor_client(client)
    for name in (
        "wagtailsearchpromotions:index",
        "wagtailsearchpromotions:add",
        "wagtailsearchpromotions:search_terms",
    ):
        response = editor.get(reverse(name))
        assert response.status_code in (302, 403), name
        assert "coworking" not in response.content.decode()


def test_recorded_searches_appear_in_the_search_terms_report(superuser_client, frozen):
    for _ in range(3):
        record_search("Tiers-lieux")
    record_search("coworking")
    response = superuser_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert response.status_code == 200
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in soup(response).select("table tbody tr")
    ]
    assert rows == [["tiers-lieux", "3"], ["coworking", "1"]]


def test_an_editor_with_the_promotions_permissions_reads_the_search_terms_report(client, frozen):
    record_search("coworking")
    editor = editor_client(client, *PROMOTION_PERMISSIONS)
    response = editor.get(reverse("wagtailsearchpromotions:search_terms"))
    assert response.status_code == 200
    assert "coworking" in response.content.decode()


# --- Nightly garbage collection ------------------------------------------------------------------------------------


def test_garbage_collect_deletes_daily_hits_older_than_the_setting_and_keeps_recent_ones(settings, pages, frozen):
    assert settings.WAGTAILSEARCH_HITS_MAX_AGE == 90
    today = datetime.date(2026, 6, 15)
    recent, old_only, promoted_query = Query.get("coworking"), Query.get("vieille recherche"), promote("tiers lieux")
    SearchPromotion.objects.create(query=promoted_query, page=pages["tiers-lieux"], sort_order=0)
    for query, days in ((recent, 0), (recent, 90), (recent, 91), (old_only, 91), (promoted_query, 200)):
        query.add_hit(date=today - datetime.timedelta(days=days))

    call_command("searchpromotions_garbage_collect", stdout=io.StringIO())

    assert sorted(QueryDailyHits.objects.values_list("query__query_string", "date")) == [
        ("coworking", today - datetime.timedelta(days=90)),
        ("coworking", today),
    ]
    # A search term with no hits left goes; one with a promotion stays, so the promotion survives.
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["coworking", "tiers lieux"]
    assert promoted("tiers lieux") == ["Les tiers-lieux du réseau"]


# --- The search page (wired in search/views.py and templates/search/search.html) ----------------------------------


def promoted_links(response):
    assert response.status_code == 200
    return [(a.get_text(strip=True), a["href"]) for a in soup(response).select(".search-promotions h3 a")]


def test_the_search_page_shows_promotions_above_the_results(client, pages):
    promote("coworking", pages["coworking"], pages["tiers-lieux"])
    response = client.get("/fr/recherche/", {"q": "Coworking"})
    assert promoted_links(response) == [
        ("Espaces de coworking", "/fr/coworking/"),
        ("Les tiers-lieux du réseau", "/fr/tiers-lieux/"),
    ]
    # Above the results: after the count, before the list of results.
    section = soup(response).select_one("section.search-promotions")
    assert section.find_previous(attrs={"role": "status"}) is not None
    assert section.find_next("ol", class_="search-results") is not None


def test_promotions_show_even_when_the_search_finds_nothing(client, pages):
    promote("emploi rural", pages["installation"])
    response = client.get("/fr/recherche/", {"q": "emploi rural"})
    assert promoted_links(response) == [("S'installer à la campagne", "/fr/installation/")]
    assert not soup(response).select("ol.search-results:not(.search-promotions__list)")


def test_the_search_page_shows_a_private_promotion_to_valid_members_only(client, site_tree, pages, frozen):
    area = MemberAreaPageFactory(parent=site_tree.home, locale=site_tree.fr)
    private = StandardPageFactory(parent=area, title="Mémento coworking réservé", slug="memento")
    promote("coworking", private, pages["coworking"])
    assert promoted_links(client.get("/fr/recherche/", {"q": "coworking"})) == [
        ("Espaces de coworking", "/fr/coworking/")
    ]
    client.force_login(make_person())
    assert promoted_links(client.get("/fr/recherche/", {"q": "coworking"})) == [
        ("Mémento coworking réservé", "/fr/espace-adherents/memento/"),
        ("Espaces de coworking", "/fr/coworking/"),
    ]


def test_the_english_search_page_shows_translations_only(client, site_tree, pages):
    translate(pages["coworking"], site_tree.en, title="Coworking spaces", slug="coworking")
    promote("coworking", pages["tiers-lieux"], pages["coworking"])
    assert promoted_links(client.get("/en/search/", {"q": "coworking"})) == [("Coworking spaces", "/en/coworking/")]


def test_the_search_page_records_searches_but_not_their_next_pages(client, site_tree, frozen):
    for i in range(11):
        StandardPageFactory(parent=site_tree.home, title=f"Coworking numéro {i}", slug=f"coworking-{i}")
    client.get("/fr/recherche/", {"q": "Coworking"})
    client.get("/fr/recherche/", {"q": "coworking "})
    client.get("/fr/recherche/", {"q": "coworking", "page": 2})
    client.get("/fr/recherche/", {"q": ""})
    client.get("/fr/recherche/", {"q": "a" * 500})
    assert list(Query.objects.values_list("query_string", flat=True)) == ["coworking"]
    assert Query.get("coworking").hits == 2


def test_no_promotion_section_without_a_query(client, pages):
    promote("coworking", pages["coworking"])
    assert not soup(client.get("/fr/recherche/")).select(".search-promotions")


@pytest.mark.parametrize("count", [2, 15])
def test_the_search_page_queries_do_not_grow_with_the_promotions(
    client, site_tree, count, django_assert_max_num_queries
):
    targets = [
        StandardPageFactory(parent=site_tree.home, title=f"Coworking {i}", slug=f"coworking-{i}") for i in range(count)
    ]
    promote("coworking", *targets)
    client.get("/fr/recherche/", {"q": "autre"})  # warm the site's caches, as a running site has them
    # The search itself takes 13 queries; the promotions add theirs (7, see above), at both sizes.
    with django_assert_max_num_queries(20):
        response = client.get("/fr/recherche/", {"q": "coworking"})
    assert len(promoted_links(response)) == count


def test_editors_with_the_promotions_permissions_find_both_in_the_admin_menu(client):
    editor = editor_client(client, *PROMOTION_PERMISSIONS)
    html = editor.get("/admin/").content.decode()
    assert reverse("wagtailsearchpromotions:search_terms") in html
    assert reverse("wagtailsearchpromotions:index") in html


def test_editors_without_them_do_not_see_the_report_in_the_menu(client):
    html = editor_client(client).get("/admin/").content.decode()
    assert reverse("wagtailsearchpromotions:search_terms") not in html


def test_superusers_see_the_report_once_in_the_menu(client):
    client.force_login(UserFactory(is_superuser=True))
    html = client.get("/admin/").content.decode()
    assert html.count(reverse("wagtailsearchpromotions:search_terms")) == 1
