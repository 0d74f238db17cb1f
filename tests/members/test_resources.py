"""Training resources: the page type, its place in the tree, its page, and the members' index that lists them.

The index is the members' area itself: a GET form over the resources the member may see in their language,
with counts beside each choice (over the other filters), removable chips, an empty state, bad values
reported rather than a server error, privately cached, in a constant number of queries.
"""

import datetime

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from members.listing import TrainingResourceFilterSet, visible_resources
from members.models import MemberAreaPage, ResourceKind, TrainingResourcePage
from members.pdf import minimal_pdf
from tests.conftest import soup, translate
from tests.factories import StandardPageFactory, ThemeFactory
from tests.factories.members import TrainingResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(locales):
    fr, en = locales
    welcome = ThemeFactory(name="Accueil d'actifs", slug="accueil-actifs", locale=fr)
    translated = welcome.copy_for_translation(en)
    translated.name = "Welcoming newcomers"
    translated.save()
    events = ThemeFactory(name="Événementiel", slug="evenementiel", locale=fr)
    return {"welcome": welcome, "events": events}


def resource(area, **fields):
    return TrainingResourcePageFactory(parent=area, **fields)


@pytest.fixture
def resources(member_area, themes):
    """Three French resources: two mementos (2016, 2021) and a method sheet (2016)."""
    return {
        "memento": resource(
            member_area,
            title="Mémento accueil d'actifs",
            slug="memento-accueil",
            kind=ResourceKind.MEMENTO,
            session_date=datetime.date(2016, 11, 17),
            themes=[themes["welcome"]],
        ),
        "contract": resource(
            member_area,
            title="Contrat de réciprocité ville-campagne",
            slug="contrat-reciprocite",
            kind=ResourceKind.MEMENTO,
            session_date=datetime.date(2021, 3, 9),
            summary="Coopérer entre une métropole et les territoires ruraux voisins.",
            themes=[themes["welcome"], themes["events"]],
        ),
        "sheet": resource(
            member_area,
            title="Fiche méthode : mobiliser autrement",
            slug="mobiliser-autrement",
            kind=ResourceKind.METHOD,
            session_date=datetime.date(2016, 6, 2),
            themes=[themes["events"]],
        ),
    }


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select("#resource-results .card__title a")]


def counts(response, name):
    """``{value: label with count}`` of the facet ``name``'s radio buttons."""
    html = soup(response)
    return {
        radio["value"]: radio.find_parent("label").get_text(" ", strip=True)
        for radio in html.select(f"#resource-filters input[name={name}]")
        if radio["value"]
    }


# The page type --------------------------------------------------------------------------------------------


def test_a_resource_lives_only_under_the_members_area_and_has_no_children(member_area, site_tree):
    assert TrainingResourcePage.can_create_at(member_area)
    assert not TrainingResourcePage.can_create_at(site_tree.home)
    assert TrainingResourcePage.allowed_subpage_models() == []
    assert MemberAreaPage in TrainingResourcePage.allowed_parent_page_models()


def test_the_factory_builds_a_valid_live_resource(member_area, frozen):
    page = TrainingResourcePageFactory(parent=member_area)
    page.full_clean()
    assert page.live and page.url.startswith("/fr/espace-adherents/")


def test_a_resource_is_private_like_its_area(client, resources, non_member, member, frozen):
    url = resources["memento"].url
    response = client.get(url)
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    client.force_login(non_member)
    assert client.get(url).status_code == 403
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_resources_are_not_listed_for_anyone_else(rf, resources, non_member, lapsed_member, frozen):
    from django.contrib.auth.models import AnonymousUser

    for user in (AnonymousUser(), non_member, lapsed_member):
        request = rf.get("/")
        request.user = user
        assert not visible_resources(request).exists()


def test_the_english_translation_of_a_resource_is_private_and_keeps_the_french_terms(
    client, member_area_en, resources, themes, member, non_member, frozen, site_tree
):
    page = resources["contract"]
    english = translate(page, site_tree.en, title="City-countryside reciprocity contract", slug="reciprocity-contract")
    assert PageViewRestriction.objects.filter(page__in=[member_area_en]).count() == 1
    assert english.kind == ResourceKind.MEMENTO and english.session_date == page.session_date
    assert set(english.themes.all()) == {themes["welcome"], themes["events"]}
    assert client.get(english.url).status_code == 302
    client.force_login(non_member)
    assert client.get(english.url).status_code == 403
    client.force_login(member)
    response = client.get("/en/members-area/")
    assert titles(response) == ["City-countryside reciprocity contract"]
    html = soup(response)
    assert "Welcoming newcomers" in html.select_one("#resource-results").get_text()
    # The same language-independent value filters in both languages.
    assert "Welcoming newcomers (1)" in counts(client.get("/en/members-area/?theme=accueil-actifs"), "theme").values()


# The resource page ----------------------------------------------------------------------------------------


@pytest.fixture
def document(db):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Documents adhérents").first() or root.add_child(
        name="Documents adhérents"
    )
    doc = get_document_model()(title="Mémento accueil d'actifs (PDF)", collection=collection)
    doc.file.save("memento-accueil.pdf", ContentFile(minimal_pdf("Mémento accueil d'actifs")), save=False)
    doc.save()
    return doc


def test_the_resource_page_shows_its_session_documents_and_visible_related_resources(
    client, resources, member, document, frozen, member_area, site_tree
):
    page = resources["memento"]
    hidden = StandardPageFactory(parent=site_tree.home, title="Brouillon", slug="brouillon")
    draft = resource(member_area, title="Ressource en préparation", slug="en-preparation", live=False)
    page.documents = [("document", {"document": document, "caption": "Le mémento complet"})]
    page.related_resources = [("resource", resources["sheet"]), ("resource", draft)]
    page.session_speakers = "Marie Dupont\nJean Martin"
    page.save_revision().publish()
    assert hidden.live
    client.force_login(member)
    html = soup(client.get(page.url))
    assert html.h1.get_text(strip=True) == "Mémento accueil d'actifs"
    assert html.select_one(".page-header__meta").get_text(strip=True) == "Mémento"
    assert html.find("time", datetime="2016-11-17").get_text(strip=True) == "17 novembre 2016"
    assert "Marie Dupont" in html.select_one(".resource__session").get_text()
    links = html.select(".resource__documents li")
    assert len(links) == 1
    assert links[0].a.get_text(strip=True) == "Le mémento complet"
    assert links[0].a["href"] == document.url
    assert "PDF" in links[0].get_text() and "octets" in links[0].get_text()
    related = [a.get_text(strip=True) for a in html.select(".resource__related a")]
    assert related == ["Fiche méthode : mobiliser autrement"]
    crumbs = [a.get_text(strip=True) for a in html.select("nav.breadcrumbs a")]
    assert crumbs == ["Accueil", "Espace adhérents", "Mémento accueil d'actifs"]
    headings = [h.get_text(strip=True) for h in html.main.find_all("h2")]
    assert {"Session d’origine", "Documents", "Ressources liées"} <= set(headings)


def test_an_unreachable_video_provider_leaves_a_plain_link(client, resources, member, frozen, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def not_found(url, *args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_embed", not_found)
    page = resources["sheet"]
    page.video_url = "https://video.example.org/w/abc"
    page.save_revision().publish()
    client.force_login(member)
    html = soup(client.get(page.url))
    assert html.select_one(".resource__video a")["href"] == "https://video.example.org/w/abc"
    assert html.select_one(".resource__video iframe") is None


def test_a_video_player_gets_a_title(client, resources, member, frozen, monkeypatch):
    from types import SimpleNamespace

    from wagtail.embeds import embeds

    monkeypatch.setattr(
        embeds,
        "get_embed",
        lambda url, *a, **k: SimpleNamespace(html='<iframe src="https://v.example.org/e/1"></iframe>'),
    )
    page = resources["sheet"]
    page.video_url = "https://v.example.org/w/1"
    page.save_revision().publish()
    client.force_login(member)
    frame = soup(client.get(page.url)).select_one(".resource__video iframe")
    assert frame["title"] == "Vidéo : Fiche méthode : mobiliser autrement"


# The members' index ---------------------------------------------------------------------------------------


def test_the_index_lists_the_resources_as_cards_privately_cached(client, member_area, resources, member, frozen):
    client.force_login(member)
    response = client.get(member_area.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    # Newest session first.
    assert titles(response) == [
        "Contrat de réciprocité ville-campagne",
        "Mémento accueil d'actifs",
        "Fiche méthode : mobiliser autrement",
    ]
    card = soup(response).select("#resource-results .card")[0]
    assert card.select_one(".resource-card__kind").get_text(strip=True) == "Mémento"
    assert card.find("time", datetime="2021-03-09")
    assert "Coopérer entre une métropole" in card.get_text()
    assert [li.get_text(strip=True) for li in card.select(".tag")] == ["Accueil d'actifs", "Événementiel"]
    assert soup(response).select_one("#resource-count").get_text(strip=True) == "3 ressources"


def test_filters_combine_and_each_facet_counts_over_the_other_filters(client, member_area, resources, member, frozen):
    client.force_login(member)
    response = client.get(f"{member_area.url}?theme=evenementiel&kind=memento")
    assert titles(response) == ["Contrat de réciprocité ville-campagne"]
    # Kinds among the "Événementiel" resources; themes among the mementos; years among both filters.
    assert counts(response, "kind") == {"memento": "Mémento (1)", "fiche-methode": "Fiche méthode (1)"}
    assert counts(response, "theme") == {"accueil-actifs": "Accueil d'actifs (2)", "evenementiel": "Événementiel (1)"}
    assert counts(response, "year") == {"2021": "2021 (1)"}
    response = client.get(f"{member_area.url}?year=2016")
    assert titles(response) == ["Mémento accueil d'actifs", "Fiche méthode : mobiliser autrement"]
    assert counts(response, "year") == {"2021": "2021 (1)", "2016": "2016 (2)"}


def test_chips_remove_one_filter_each(client, member_area, resources, member, frozen):
    client.force_login(member)
    html = soup(client.get(f"{member_area.url}?theme=evenementiel&kind=memento&year=2021"))
    chips = {a.get_text(" ", strip=True).split(" – ")[0]: a["href"] for a in html.select(".filter-chip")}
    assert chips == {
        "Thématique : Événementiel": "/fr/espace-adherents/?kind=memento&year=2021",
        "Type de ressource : Mémento": "/fr/espace-adherents/?theme=evenementiel&year=2021",
        "Année de la session : 2021": "/fr/espace-adherents/?theme=evenementiel&kind=memento",
    }


def test_keywords_search_the_resources(client, member_area, resources, member, frozen):
    client.force_login(member)
    response = client.get(f"{member_area.url}?q=réciprocité")
    assert titles(response) == ["Contrat de réciprocité ville-campagne"]
    assert counts(response, "kind") == {"memento": "Mémento (1)"}


def test_nothing_matches_shows_how_to_widen(client, member_area, resources, member, frozen):
    client.force_login(member)
    html = soup(client.get(f"{member_area.url}?theme=accueil-actifs&kind=fiche-methode"))
    assert html.select_one("#resource-count").get_text(strip=True) == "Aucune ressource"
    empty = html.select_one(".catalogue__empty")
    assert "Aucune ressource ne correspond à ces critères." in empty.get_text()
    assert empty.find("a", href="/fr/espace-adherents/")


def test_an_area_without_resources_says_so(client, member_area, member, frozen):
    client.force_login(member)
    html = soup(client.get(member_area.url))
    assert "Aucune ressource n’est encore publiée." in html.select_one(".catalogue__empty").get_text()


def test_bad_values_are_reported_and_ignored(client, member_area, resources, member, frozen):
    client.force_login(member)
    response = client.get(f"{member_area.url}?theme=inconnu&kind=podcast&year=1850&page=zero&q=%2A%2A")
    assert response.status_code == 200
    assert len(titles(response)) == 3
    ignored = [li.get_text(strip=True) for li in soup(response).select("#resource-ignored li")]
    assert len(ignored) == 5, ignored
    assert "Valeur ignorée pour « Thématique » : « inconnu »." in ignored


def test_the_form_is_a_plain_get_form(client, member_area, resources, member, frozen):
    client.force_login(member)
    form = soup(client.get(member_area.url)).select_one("#resource-filters")
    assert form["method"] == "get" and form["action"] == "/fr/espace-adherents/"
    assert form.find("button", type="submit")
    assert {field["name"] for field in form.select("input[name]")} == {"q", "theme", "kind", "year"}


def test_the_filter_set_offers_only_the_years_of_visible_resources(rf, member_area, resources, member, frozen):
    request = rf.get("/")
    request.user = member
    filterset = TrainingResourceFilterSet({}, queryset=visible_resources(request), request=request)
    assert filterset.years == ["2021", "2016"]


@pytest.mark.parametrize("size", [5, 40])
def test_the_index_runs_a_constant_number_of_queries(
    client, member_area, themes, member, frozen, size, django_assert_max_num_queries
):
    for n in range(size):
        resource(
            member_area,
            title=f"Ressource {n}",
            slug=f"ressource-{n}",
            kind=list(ResourceKind)[n % len(ResourceKind)],
            session_date=datetime.date(2016 + n % 6, 1 + n % 12, 1),
            themes=[themes["welcome"], themes["events"]][: 1 + n % 2],
        )
    client.force_login(member)
    client.get(member_area.url)  # warm the per-process caches (site root paths, locales)
    # The same budget at both sizes: the page itself (session, member check, restrictions, menus) and
    # one query per facet, one for the page of cards and one for their themes.
    with django_assert_max_num_queries(41):
        response = client.get(f"{member_area.url}?theme=accueil-actifs&kind=memento")
    assert response.status_code == 200
