"""Wagtail's routing with its walk down the tree cached per content version (``cms.routing``): the same pages
answer at the same paths as Wagtail's own, a change of the tree shows at once, and the private-page check is
skipped only where no restriction can apply."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction, Site

from cms.models.mixins import BasePage
from tests.conftest import build_pays_diois, publish, translate
from tests.factories import (
    EventIndexPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    territory, offer, event = build_pays_diois(site_tree.home)
    agenda = EventIndexPageFactory(parent=site_tree.home)
    about = StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    goals = StandardPageFactory(parent=about, title="Objectifs", slug="objectifs")
    return dict(
        home=site_tree.home, territory=territory, offer=offer, event=event, agenda=agenda, about=about, goals=goals
    )


def route(home, path):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return home.route(request, [part for part in path.split("/") if part])


@pytest.mark.parametrize(
    "path, expected",
    [
        ("territoires/pays-diois/boulangerie", "offer"),
        ("territoires/pays-diois", "territory"),
        ("la-demarche/objectifs", "goals"),
        ("agenda", "agenda"),
    ],
)
def test_a_path_leads_to_the_same_page_as_wagtails_own_walk(tree, path, expected):
    components = path.split("/")
    ours = route(tree["home"], path).page
    request = RequestFactory().get("/")
    wagtails = Page.route(tree["home"], request, components).page  # Wagtail's walk, level by level
    assert ours.pk == wagtails.pk == tree[expected].pk
    assert type(ours) is type(tree[expected])  # the specific page, as Wagtail gives it


def test_once_walked_a_deep_page_is_found_with_one_query(tree, django_assert_num_queries):
    with django_assert_num_queries(4):  # the walk: one query per level, then the specific page
        route(tree["home"], "territoires/pays-diois/boulangerie")
    with django_assert_num_queries(1):  # the specific page only
        assert route(tree["home"], "territoires/pays-diois/boulangerie").page == tree["offer"]


def test_a_renamed_page_answers_at_its_new_path_at_once(client, tree):
    assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    goals = tree["goals"]
    goals.slug = "nos-objectifs"
    publish(goals)
    assert client.get("/fr/la-demarche/objectifs/").status_code == 404
    assert client.get("/fr/la-demarche/nos-objectifs/").status_code == 200


def test_a_moved_page_answers_at_its_new_path_at_once(client, tree):
    assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    tree["goals"].move(tree["home"], pos="last-child")
    response = client.get("/fr/la-demarche/objectifs/")  # Wagtail's redirect, made on the move
    assert (response.status_code, response["Location"]) == (301, "/fr/objectifs/")
    assert client.get("/fr/objectifs/").status_code == 200


def test_a_deleted_page_is_gone_at_once(client, tree):
    assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    tree["goals"].delete()
    assert client.get("/fr/la-demarche/objectifs/").status_code == 404


def test_an_unpublished_page_is_not_found_and_comes_back_when_published(client, tree):
    assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    tree["goals"].unpublish()
    assert client.get("/fr/la-demarche/objectifs/").status_code == 404
    publish(tree["goals"])
    assert client.get("/fr/la-demarche/objectifs/").status_code == 200


def test_a_path_that_leads_nowhere_is_not_kept(tree):
    with pytest.raises(Http404):
        route(tree["home"], "la-demarche/calendrier")
    with pytest.raises(Http404):
        route(tree["home"], "la-demarche/objectifs/plus-bas")  # below a leaf
    StandardPageFactory(parent=tree["about"], title="Calendrier", slug="calendrier")
    assert route(tree["home"], "la-demarche/calendrier").page.title == "Calendrier"


def test_the_routes_of_the_agenda_and_of_an_event_are_theirs(client, tree):
    assert client.get("/fr/agenda/ical/")["Content-Type"].startswith("text/calendar")
    assert client.get("/fr/territoires/pays-diois/accueil/ical/")["Content-Type"].startswith("text/calendar")
    date = tree["event"].dates.get()
    response = client.get(f"/fr/territoires/pays-diois/accueil/inscription/{date.pk}/")
    assert response.status_code == 200
    assert response.context["page"] == tree["event"]
    assert client.get("/fr/territoires/pays-diois/accueil/pas-une-route/").status_code == 404


def test_the_page_types_with_their_own_routing_are_where_the_walk_hands_over(tree):
    from cms.routing import walk

    home = tree["home"]
    pk, label, used = walk(home, ["territoires", "pays-diois", "accueil", "ical"])
    assert (pk, label, used) == (tree["event"].pk, "agenda.EventPage", 3)
    assert walk(home, ["agenda", "ical"])[1:] == ("agenda.EventIndexPage", 1)
    assert walk(home, ["la-demarche", "objectifs"])[1:] == ("cms.StandardPage", 2)


# --- The private-page check -------------------------------------------------------------------------------------


def test_a_public_page_runs_no_query_for_view_restrictions(tree, django_assert_num_queries):
    goals = Page.objects.get(pk=tree["goals"].pk).specific
    assert isinstance(goals, BasePage)
    goals.get_view_restrictions()  # the site's restrictions, read once per content version
    with django_assert_num_queries(0):
        assert list(goals.get_view_restrictions()) == []


@pytest.mark.parametrize("where", ["page", "parent"])
def test_a_private_page_and_what_is_below_it_still_ask_for_a_login(client, tree, where):
    assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    private = tree["goals"] if where == "page" else tree["about"]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/la-demarche/objectifs/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    assert list(tree["goals"].specific.get_view_restrictions()) == list(PageViewRestriction.objects.all())


def test_an_alias_of_a_private_page_asks_for_a_login_too(client, tree):
    PageViewRestriction.objects.create(page=tree["goals"], restriction_type=PageViewRestriction.LOGIN)
    alias = tree["goals"].create_alias(parent=tree["home"], update_slug="objectifs-du-reseau")
    assert alias.live
    response = client.get("/fr/objectifs-du-reseau/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


# The site of a page request (SiteMiddleware) ---------------------------------------------------------------


def site_request(host="localhost", port="80"):
    request = RequestFactory().get("/", HTTP_HOST=host if port == "80" else f"{host}:{port}")
    request.META["SERVER_PORT"] = port
    return request


def test_the_site_is_wagtails_and_read_once_per_content_version(tree, django_assert_num_queries):
    from cms.routing import find_site

    wagtails = Site._find_for_request(site_request())
    find_site(site_request())
    find_site(site_request("first-made-up.example"))
    with django_assert_num_queries(0):
        ours = find_site(site_request())
        assert ours.pk == wagtails.pk
        assert type(ours.root_page) is type(tree["home"])  # specific, so routing asks no more
        assert ours.root_page.pk == tree["home"].pk
        # Any hostname no site has gets the default site, from the same entry.
        assert find_site(site_request("second-made-up.example")).pk == wagtails.pk


def test_each_request_has_its_own_copy_of_the_site(tree):
    from cms.routing import find_site

    first = find_site(site_request())
    first.hostname = "changed.example"
    first.root_page.title = "Changé"
    second = find_site(site_request())
    assert second.hostname != "changed.example"
    assert second.root_page.title != "Changé"


def test_a_changed_site_answers_at_once(client, tree):
    assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="autre.example", port=80, root_page=tree["about"], is_default_site=False)
    assert client.get("/fr/", HTTP_HOST="autre.example").context["page"].pk == tree["about"].pk
    other.root_page = tree["goals"]
    other.save()
    assert client.get("/fr/", HTTP_HOST="autre.example").context["page"].pk == tree["goals"].pk
    assert client.get("/fr/", HTTP_HOST=site.hostname).context["page"].pk == tree["home"].pk


def test_a_page_request_reads_no_site_once_warm(client, tree):
    client.get("/fr/la-demarche/objectifs/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    assert not [q for q in queries.captured_queries if '"wagtailcore_site"' in q["sql"]]


def test_the_search_page_reads_no_site_once_warm(client, tree):
    client.get("/fr/recherche/?q=boulangerie")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/recherche/?q=boulangerie").status_code == 200
    assert not [q for q in queries.captured_queries if '"wagtailcore_site"' in q["sql"]]


def test_an_english_request_reads_neither_the_locale_nor_the_english_home_once_warm(client, site_tree):
    about = StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    translate(about, site_tree.en, title="The approach", slug="the-approach")
    assert client.get("/en/the-approach/").context["page"].title == "The approach"
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/the-approach/")
    assert response.context["page"].title == "The approach"
    read = [q["sql"] for q in queries.captured_queries]
    assert not [sql for sql in read if '"wagtailcore_locale"' in sql]
    assert not [sql for sql in read if '"home_homepage"' in sql]  # the English home, the walk's root


def test_a_renamed_english_home_is_routed_from_at_once(client, site_tree):
    about = StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    translate(about, site_tree.en, title="The approach", slug="the-approach")
    assert client.get("/en/").context["page"].title == "Home"
    home_en = type(site_tree.home_en).objects.get(pk=site_tree.home_en.pk)  # as the editor opens it, children counted
    home_en.title = "Welcome"
    publish(home_en)
    assert client.get("/en/").context["page"].title == "Welcome"
    assert client.get("/en/the-approach/").status_code == 200


# Listing pages kept in each app server; the site's root paths ------------------------------------------------


def test_a_listing_page_is_served_without_reading_it_again_once_warm(client, tree):
    assert client.get("/fr/agenda/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/agenda/?type=atelier")  # another filter: the same page
    assert response.context["page"].pk == tree["agenda"].pk
    assert not [q for q in queries.captured_queries if '"agenda_eventindexpage"' in q["sql"]]


def test_a_content_page_is_read_at_each_request(client, tree):
    client.get("/fr/la-demarche/objectifs/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/la-demarche/objectifs/").status_code == 200
    assert [q for q in queries.captured_queries if '"cms_standardpage"' in q["sql"]]  # not kept: it may weigh


def test_a_renamed_or_unpublished_listing_page_shows_so_at_once(client, tree):
    assert client.get("/fr/agenda/").context["page"].title == tree["agenda"].title
    agenda = type(tree["agenda"]).objects.get(pk=tree["agenda"].pk)
    agenda.title = "Agenda du réseau"
    publish(agenda)
    assert client.get("/fr/agenda/").context["page"].title == "Agenda du réseau"
    agenda.unpublish()
    assert client.get("/fr/agenda/").status_code == 404


def test_each_request_gets_its_own_copy_of_a_kept_listing_page(tree):
    first = route(tree["home"], "agenda").page
    first.title = "Changé par une requête"
    second = route(tree["home"], "agenda").page
    assert second.pk == first.pk
    assert second.title == tree["agenda"].title


def test_a_warm_page_request_does_not_read_the_site_root_paths(client, tree, monkeypatch):
    client.get("/fr/la-demarche/objectifs/")
    reads = []
    wagtails = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(lambda: reads.append(1) or wagtails()))
    response = client.get("/fr/la-demarche/objectifs/")
    assert reads == []
    assert '<link rel="canonical" href="http://localhost/fr/la-demarche/objectifs/">' in response.text
    assert 'href="/fr/la-demarche/"' in response.text  # the breadcrumbs' links, built from the kept paths


def test_a_renamed_site_shows_in_page_urls_at_once(client, tree):
    assert '<link rel="canonical" href="http://localhost/fr/la-demarche/">' in client.get("/fr/la-demarche/").text
    site = Site.objects.get(is_default_site=True)
    site.hostname = "villecampagne.example"
    site.save()
    response = client.get("/fr/la-demarche/", HTTP_HOST="villecampagne.example")
    assert '<link rel="canonical" href="http://villecampagne.example/fr/la-demarche/">' in response.text
