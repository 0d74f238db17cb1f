"""The demo loader: a bilingual tree built from the client's documents, loaded once for this module."""

from io import StringIO

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from wagtail.models import Collection, Locale, Page, Revision, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.blocks import BodyBlock
from cms.models import Footer, SiteSettings, TerritoryIndexPage, TerritoryPage, Theme
from cms.roles import sync_roles
from home.models import HomePage
from tests.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run ``load_demo`` once for the module (it takes a few seconds) and roll it back afterwards."""
    out = StringIO()
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        cache.clear()
        call_command("load_demo", stdout=out, stderr=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def locales(demo):
    return Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")


@pytest.fixture
def homes(locales):
    fr, en = locales
    home = HomePage.objects.get(locale=fr)
    return home, home.get_translation(en).specific


def tree_snapshot():
    return sorted(Page.objects.filter(depth__gte=2).values_list("locale__language_code", "url_path", "live"))


def test_second_run_updates_in_place_and_sets_no_password_without_debug(demo):
    before = tree_snapshot()
    themes, revisions = Theme.objects.count(), Revision.objects.count()
    out = StringIO()
    call_command("load_demo", "--print-accounts", stdout=out)
    assert tree_snapshot() == before
    assert Revision.objects.count() == revisions  # nothing changed, nothing republished
    # 155 French pages (24 with the privacy notice, the catalogue, 47 offers, the agenda, 71 events, the members'
    # area), and in English
    assert len(before) == 310
    assert Theme.objects.count() == themes
    assert Footer.objects.count() == 2
    # DEBUG is off in tests: the accounts are listed, no password is set or shown.
    assert "agent-diois" in out.getvalue()
    assert "DEBUG is off" in out.getvalue()
    for user in get_user_model().objects.filter(username__in=["redaction", "agent-diois"]):
        assert not user.has_usable_password()
        assert not user.is_staff


def test_if_empty_does_nothing_when_a_home_page_exists(demo):
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert "already exists" in out.getvalue()


def test_french_home_is_the_default_site_root_with_the_real_hero(homes):
    home, _ = homes
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert (site.hostname, site.port) == ("localhost", 80)
    assert home.slug == "accueil" and home.depth == 2 and home.live
    assert home.hero_title == "Vivre et travailler à la campagne : les territoires ruraux vous accueillent"
    assert "territoires ruraux d'Auvergne-Rhône-Alpes" in home.hero_text
    assert [block.value["title"] for block in home.objectives] == [
        "Se mettre en mouvement sur l'accueil et la création d'activités",
        "Développer les liens urbain-rural dans les projets et dans l'accompagnement",
        "Renforcer la coopération et la mutualisation entre territoires ruraux",
    ]
    # Wagtail's welcome page is gone.
    assert not Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).exists()


def test_english_home_is_a_live_localize_translation(homes, locales):
    home, home_en = homes
    _, en = locales
    assert home_en.translation_key == home.translation_key
    assert home_en.live and not home_en.has_unpublished_changes
    assert home_en.slug == "home"
    assert home_en.hero_title == "Live and work in the countryside: rural territories welcome you"
    assert "rural territories of Auvergne-Rhône-Alpes" in home_en.hero_text
    source = TranslationSource.objects.get_for_instance(home)
    assert Translation.objects.get(source=source, target_locale=en).enabled


def test_no_french_string_left_untranslated_on_the_english_home(demo, homes, locales):
    home, _ = homes
    _, en = locales
    source = TranslationSource.objects.get_for_instance(home)
    segments = StringSegment.objects.filter(source=source).annotate_translation(en)
    assert segments.count() > 30
    assert [s.string.data for s in segments if s.translation is None] == []
    assert "no English translation" not in demo


def test_nine_territories_in_each_language_with_coordinates(locales):
    for locale in locales:
        index = TerritoryIndexPage.objects.get(locale=locale)
        territories = TerritoryPage.objects.child_of(index).live()
        assert territories.count() == 9
        for territory in territories:
            assert territory.has_point, territory.title
            assert 44 < territory.latitude < 47 and 3.5 < territory.longitude < 6, territory.title
            assert territory.contacts.exists()
    diois = TerritoryPage.objects.get(locale=locales[0], slug="pays-diois")
    assert (float(diois.latitude), float(diois.longitude)) == (44.753, 5.37)
    assert diois.department == "26"
    assert "Die" in diois.commune_list


def test_every_body_block_but_video_is_used(locales):
    used = set()
    for page in Page.objects.filter(locale=locales[0]).specific():
        used |= {block.block_type for block in getattr(page, "body", None) or []}
    assert used == set(BodyBlock().child_blocks) - {"video"}


def test_english_pages_render_english_text_and_link_english_pages(client, demo):
    html = soup(client.get("/en/territories/"))
    assert "Nine rural territories of Auvergne-Rhône-Alpes" in html.get_text()
    assert html.find("a", href="/en/territories/pays-diois/")
    home = soup(client.get("/en/"))
    hrefs = {a["href"] for a in home.select("main a[href^='/']")}
    assert "/en/the-approach/" in hrefs and not any(href.startswith("/fr/") for href in hrefs)
    footer = {a["href"] for a in home.select("footer a[href^='/']")}
    assert {"/en/contact/", "/en/accessibility-statement/", "/en/legal-notice/", "/en/personal-data/"} <= footer
    review = soup(client.get("/en/the-approach/2016-review/"))
    assert "94 project holders advised" in review.get_text()
    assert review.find("th", string="Place")  # TableBlock cells are translated too


def test_french_territory_page_shows_its_contact(client, demo):
    html = soup(client.get("/fr/territoires/pays-diois/"))
    assert html.h1.get_text(strip=True) == "CC du Pays Diois"
    assert "Malika Sema" in html.get_text()
    assert html.find("a", href="mailto:malika.sema@example.org")


def test_territorial_agent_may_edit_only_pays_diois(locales):
    fr, _ = locales
    users = get_user_model().objects
    agent, editor = users.get(username="agent-diois"), users.get(username="redaction")
    diois = TerritoryPage.objects.get(locale=fr, slug="pays-diois")
    roannais = TerritoryPage.objects.get(locale=fr, slug="roannais")
    assert agent.has_perm("wagtailadmin.access_admin")
    assert diois.permissions_for_user(agent).can_edit()
    assert not diois.permissions_for_user(agent).can_publish()
    assert not roannais.permissions_for_user(agent).can_edit()
    assert [group.name for group in agent.groups.all()] == [f"Territoire – {diois.title}"]  # CC du Pays Diois
    assert [group.name for group in editor.groups.all()] == ["Communication"]
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("agenda.change_registration")  # the officers manage who registered for sessions
    assert not agent.has_perm("agenda.view_registration")
    assert roannais.permissions_for_user(editor).can_publish()
    # Every demo territory has its group and collection, and loading the demo left the roles in step.
    territories = TerritoryPage.objects.filter(locale=fr)
    assert Group.objects.filter(name__startswith="Territoire – ").count() == territories.count()
    assert Collection.objects.filter(name__in=[t.title for t in territories], depth=2).count() == territories.count()
    assert sync_roles(apps) == []


def test_the_privacy_notice_exists_in_both_languages(client, demo):
    """The registration form's consent links to it (agenda.registrations.forms.privacy_page)."""
    french = soup(client.get("/fr/donnees-personnelles/"))
    assert french.h1.get_text(strip=True) == "Données personnelles"
    text = french.main.get_text(" ", strip=True)
    for words in ("Responsable du traitement", "consentement", "anonymisées douze mois après", "organisateurs", "CNIL"):
        assert words in text
    english = soup(client.get("/en/personal-data/"))
    assert english.h1.get_text(strip=True) == "Personal data"
    assert "anonymised twelve months after the event" in english.main.get_text(" ", strip=True)
    # The site settings name it, so the registration form's consent links to it.
    assert french.select_one("footer a[href='/fr/donnees-personnelles/']") is not None
    assert SiteSettings.for_site(Site.objects.get(is_default_site=True)).privacy_page.url == "/fr/donnees-personnelles/"
