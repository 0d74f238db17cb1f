"""The site frame (home, menu) is cached, yet a published, moved, expired or private page shows right away."""

import datetime
import re

import pytest
import time_machine

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from tests.cms.test_i18n import switcher
from tests.conftest import soup, translate
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC)


def menu(client, url="/fr/"):
    return [a.get_text(strip=True) for a in soup(client.get(url)).select(".main-nav a")]


def test_a_published_page_joins_the_cached_menu_at_once(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="La démarche", show_in_menus=True)
    assert menu(client) == ["La démarche"]
    news = StandardPageFactory(parent=site_tree.home, title="Actualités", show_in_menus=True, live=False)
    assert menu(client) == ["La démarche"]
    news.save_revision().publish()
    assert menu(client) == ["La démarche", "Actualités"]
    news.refresh_from_db()
    news.unpublish()
    assert menu(client) == ["La démarche"]


def test_a_renamed_or_moved_page_changes_the_cached_menu(client, site_tree):
    approach = StandardPageFactory(parent=site_tree.home, title="La démarche", show_in_menus=True)
    contact = StandardPageFactory(parent=site_tree.home, title="Contact", show_in_menus=True)
    assert menu(client) == ["La démarche", "Contact"]
    approach.title = "Notre démarche"
    approach.save_revision().publish()
    assert menu(client) == ["Notre démarche", "Contact"]
    contact.move(approach, pos="left")
    assert menu(client) == ["Contact", "Notre démarche"]


def test_a_menu_page_leaves_the_cached_menu_when_it_expires(client, site_tree):
    with time_machine.travel(NOW, tick=False):
        StandardPageFactory(parent=site_tree.home, title="La démarche", show_in_menus=True)
        StandardPageFactory(
            parent=site_tree.home,
            title="Appel à projets 2026",
            show_in_menus=True,
            expire_at=timezone.now() + datetime.timedelta(hours=1),
        )
        assert menu(client) == ["La démarche", "Appel à projets 2026"]
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        # No save happened (publish_scheduled has not run): the cached entry ends with its first expiry.
        assert menu(client) == ["La démarche"]


def test_a_private_menu_page_is_cached_apart_for_those_who_may_see_it(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="La démarche", show_in_menus=True)
    private = StandardPageFactory(parent=site_tree.home, title="Espace adhérents", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert menu(client) == ["La démarche"]
    client.force_login(UserFactory())
    assert menu(client) == ["La démarche", "Espace adhérents"]
    client.logout()
    assert menu(client) == ["La démarche"]


def test_english_pages_get_their_own_cached_frame(client, site_tree):
    assert soup(client.get("/fr/")).select_one(".site-brand")["href"] == "/fr/"
    assert soup(client.get("/en/")).select_one(".site-brand")["href"] == "/en/"


def test_a_cached_frame_reads_neither_the_home_page_nor_the_menu_again(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="La démarche", show_in_menus=True)
    client.get("/fr/")  # fills the cache
    with CaptureQueriesContext(connection) as cold_after_change:
        StandardPageFactory(parent=site_tree.home, title="Contact", show_in_menus=True)
        client.get("/fr/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/fr/")
    assert menu_queries(warm) == []
    assert len(menu_queries(cold_after_change)) == 1


def menu_queries(captured):
    """The queries that filter on ``show_in_menus`` (other queries only select the column)."""
    return [q["sql"] for q in captured.captured_queries if re.search(r'"show_in_menus"(\)| AND| ORDER)', q["sql"])]


def breadcrumbs(client, url):
    return [a.get_text(strip=True) for a in soup(client.get(url)).select("nav.breadcrumbs a")]


def test_a_renamed_or_moved_section_shows_in_the_cached_breadcrumbs_at_once(client, site_tree):
    section = StandardPageFactory(parent=site_tree.home, title="La démarche")
    other = StandardPageFactory(parent=site_tree.home, title="Ressources")
    page = StandardPageFactory(parent=section, title="Objectifs", slug="objectifs")
    assert breadcrumbs(client, "/fr/la-demarche/objectifs/") == ["Accueil", "La démarche", "Objectifs"]
    section.title = "Notre démarche"
    section.save_revision().publish()
    assert breadcrumbs(client, "/fr/la-demarche/objectifs/") == ["Accueil", "Notre démarche", "Objectifs"]
    page.move(other, pos="last-child")
    assert breadcrumbs(client, "/fr/ressources/objectifs/") == ["Accueil", "Ressources", "Objectifs"]


def test_a_translation_published_later_joins_the_cached_language_links(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Objectifs", slug="objectifs")
    assert switcher(soup(client.get("/fr/objectifs/"))) == {"fr": "/fr/objectifs/", "en": "/en/"}
    translate(page, site_tree.en, title="Objectives", slug="objectives")
    assert switcher(soup(client.get("/fr/objectifs/"))) == {"fr": "/fr/objectifs/", "en": "/en/objectives/"}


def test_a_cached_page_frame_reads_neither_its_ancestors_nor_its_translations_again(client, site_tree):
    section = StandardPageFactory(parent=site_tree.home, title="La démarche")
    StandardPageFactory(parent=section, title="Objectifs", slug="objectifs")
    with CaptureQueriesContext(connection) as cold:
        client.get("/fr/la-demarche/objectifs/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/fr/la-demarche/objectifs/")
    assert len(frame_queries(cold)) == 2
    assert frame_queries(warm) == []


def frame_queries(captured):
    """The breadcrumbs' query (ancestors by depth) and the language links' (the page's translations)."""
    return [
        q["sql"]
        for q in captured.captured_queries
        if 'ORDER BY "wagtailcore_page"."depth"' in q["sql"] or '"translation_key" =' in q["sql"]
    ]


def settings_queries(captured):
    return [q["sql"] for q in captured.captured_queries if '"cms_sitesettings"' in q["sql"]]


def test_the_site_settings_are_read_once_and_a_change_shows_at_once(client, site_tree):
    from wagtail.models import Site

    from cms.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation, settings.email = "Cap Rural", "contact@example.org"
    settings.save()
    client.get("/fr/")
    with CaptureQueriesContext(connection) as warm:
        footer = soup(client.get("/fr/")).select_one("footer").get_text(" ", strip=True)
    assert settings_queries(warm) == []
    assert "Cap Rural" in footer
    settings.organisation = "Réseau rural régional"
    settings.save()
    assert "Réseau rural régional" in soup(client.get("/fr/")).select_one("footer").get_text(" ", strip=True)


def test_each_request_gets_its_own_copy_of_the_site_settings(rf, site_tree):
    from wagtail.models import Site

    from cms.models import SiteSettings

    first, second = rf.get("/fr/"), rf.get("/fr/")
    first._wagtail_site = second._wagtail_site = Site.objects.get(is_default_site=True)
    mine = SiteSettings.for_request(first)
    mine.organisation = "Changé dans une requête"
    theirs = SiteSettings.for_request(second)
    assert theirs.organisation != "Changé dans une requête"
    assert theirs._request is second and mine._request is first


# The footer, rendered once per content version, language and site ---------------------------------------------


def footer_text(response):
    return soup(response).select_one(".site-footer").get_text(" ", strip=True)


def test_the_footer_is_rendered_once_and_a_change_shows_at_once(client, site_tree):
    from cms.models import Footer, FooterLink

    about = StandardPageFactory(parent=site_tree.home, title="Mentions légales", slug="mentions-legales")
    footer = Footer.objects.create(locale=site_tree.fr, funding_notice="Cofinancé par le FEADER.")
    FooterLink.objects.create(footer=footer, locale=site_tree.fr, page=about)
    assert "Cofinancé par le FEADER." in footer_text(client.get("/fr/"))
    response = client.get("/fr/mentions-legales/")  # another page: the same footer, not rendered again
    assert 'href="/fr/mentions-legales/"' in str(soup(response).select_one(".site-footer"))
    assert "components/footer.html" not in [template.name for template in response.templates]
    footer.funding_notice = "Cofinancé par la Région Auvergne-Rhône-Alpes."
    footer.save()
    assert "Cofinancé par la Région Auvergne-Rhône-Alpes." in footer_text(client.get("/fr/mentions-legales/"))
    about.slug = "mentions"
    about.save_revision().publish()
    assert 'href="/fr/mentions/"' in str(soup(client.get("/fr/")).select_one(".site-footer"))


def test_each_language_gets_its_own_footer(client, site_tree):
    from cms.models import Footer

    Footer.objects.create(locale=site_tree.fr, funding_notice="Cofinancé par le FEADER.")
    Footer.objects.create(locale=site_tree.en, funding_notice="Co-funded by the EAFRD.")
    assert "Cofinancé par le FEADER." in footer_text(client.get("/fr/"))
    assert "Co-funded by the EAFRD." in footer_text(client.get("/en/"))
    assert "Cofinancé par le FEADER." in footer_text(client.get("/fr/"))
