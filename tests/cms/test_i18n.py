"""Two languages: prefixed URLs, redirect from /, language switcher, hreflang, styled 404s."""

import pytest

from tests.conftest import soup, translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french_by_default(client, site_tree):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_redirects_by_accept_language(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_home_pages_answer_in_their_language(client, site_tree):
    fr = soup(client.get("/fr/"))
    en = soup(client.get("/en/"))
    assert fr.html["lang"] == "fr"
    assert en.html["lang"] == "en"
    assert fr.h1.get_text(strip=True) == "Vivre et travailler à la campagne"
    assert en.h1.get_text(strip=True) == "Living and working in the countryside"


def switcher(html):
    nav = html.select_one("nav.lang-switcher")
    return {a["hreflang"]: a["href"] for a in nav.find_all("a")}


def test_switcher_goes_to_the_translated_page(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    translate(page, site_tree.en, title="The approach", slug="the-approach")
    html = soup(client.get("/fr/la-demarche/"))
    assert switcher(html) == {"fr": "/fr/la-demarche/", "en": "/en/the-approach/"}
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert alternates["en"] == "http://testserver/en/the-approach/"
    assert alternates["fr"] == "http://testserver/fr/la-demarche/"
    assert alternates["x-default"] == "http://testserver/fr/la-demarche/"


def test_switcher_falls_back_to_the_other_home_without_translation(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="Seulement en français", slug="francais")
    html = soup(client.get("/fr/francais/"))
    assert switcher(html)["en"] == "/en/"
    # No hreflang alternate for a translation that does not exist.
    assert not html.select('link[rel="alternate"][hreflang="en"]')


def test_draft_translation_is_not_offered(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Objectifs", slug="objectifs")
    draft = page.copy_for_translation(site_tree.en)
    assert not draft.live
    assert switcher(soup(client.get("/fr/objectifs/")))["en"] == "/en/"
    assert client.get(f"/en/{draft.slug}/").status_code == 404


def test_unknown_url_gives_styled_404_in_the_right_language(client, site_tree):
    fr = client.get("/fr/nexiste-pas/")
    en = client.get("/en/does-not-exist/")
    assert fr.status_code == en.status_code == 404
    assert soup(fr).h1.get_text(strip=True) == "Page introuvable"
    assert soup(en).html["lang"] == "en"
    assert soup(en).h1.get_text(strip=True) == "Page not found"
    # The styled page keeps the site's frame (header, skip link).
    assert soup(fr).select_one("a.skip-link")


def test_unprefixed_unknown_url_redirects_then_404s(client, site_tree):
    response = client.get("/nexiste-pas/", follow=True)
    assert response.status_code == 404
    assert response.redirect_chain[0][0] == "/fr/nexiste-pas/"


def test_search_url_is_translated(client, site_tree):
    assert client.get("/fr/recherche/").status_code == 200
    assert client.get("/en/search/").status_code == 200


@pytest.mark.parametrize(
    ("language", "heading"), [("fr", "Le site rencontre un problème"), ("en", "The site has run into a problem")]
)
def test_server_error_page_is_self_contained_and_translated(rf, language, heading, django_assert_num_queries):
    from django.utils import translation

    from cms.views import server_error

    with translation.override(language), django_assert_num_queries(0):
        response = server_error(rf.get(f"/{language}/"))
    html = soup(response)
    assert response.status_code == 500
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading


def test_switcher_on_the_search_page_keeps_the_query(client, site_tree):
    html = soup(client.get("/fr/recherche/?q=coworking"))
    assert switcher(html) == {"fr": "/fr/recherche/?q=coworking", "en": "/en/search/?q=coworking"}


@pytest.mark.parametrize(("accept", "label"), [("fr-FR,fr", "Mot de passe"), ("en-GB,en", "Password")])
def test_the_admin_login_labels_the_password_in_the_editors_language(client, accept, label):
    page = soup(client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=accept))
    field = page.select_one("input[name=password]")
    # (the asterisk is the required mark)
    assert page.select_one(f"label[for={field['id']}]").get_text(strip=True).rstrip("*") == label
