"""Shared fixtures: a bilingual site tree built the way editors build it (French, then translations)."""

import datetime
import socket
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import reset_queries
from django.utils import timezone, translation

from wagtail.models import Locale, Page, Site

from cms.content_version import forget_content
from tests.factories import (
    EventPageFactory,
    HomePageFactory,
    OfferPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)


def local_redis_answers():
    """Whether the machine's Redis answers on 127.0.0.1:6379 (tests of the production cache skip otherwise)."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def soup(response):
    """Parse a response's HTML."""
    return BeautifulSoup(response.content, "html.parser")


def translate(page, locale, **fields):
    """Create the translation of ``page`` in ``locale`` with ``fields`` set, published."""
    translated = page.copy_for_translation(locale, copy_parents=False)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def build_pays_diois(home):
    """Under ``home``: Territoires › Pays Diois, with an offer (the Luc-en-Diois bakery) and an event in 20
    days (the newcomers' welcome), both published. Returns ``(territory, offer, event)``."""
    territories = TerritoryIndexPageFactory(parent=home, title="Territoires", slug="territoires")
    territory = TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")
    offer = OfferPageFactory(parent=territory, title="Reprise de la boulangerie de Luc-en-Diois", slug="boulangerie")
    start = timezone.now() + datetime.timedelta(days=20)
    event = EventPageFactory(
        parent=territory,
        title="Accueil des nouveaux arrivants",
        slug="accueil",
        dates=[{"start": start, "end": start + datetime.timedelta(hours=2)}],
    )
    return territory, offer, publish(event)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request served by an earlier test on the same worker
    (an English page, the admin in an editor's language) leaves its language active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_content_version():
    """Each test starts under a new content version: an earlier test's rolled-back pages sent no signal, and
    what was cached under its last version (in the cache or in this process) must not outlive it."""
    forget_content()


@dataclass
class SiteTree:
    fr: Locale
    en: Locale
    root: Page
    home: Page
    home_en: Page
    site: Site


@pytest.fixture
def locales(db):
    fr = Locale.objects.get(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return fr, en


@pytest.fixture
def site_tree(locales):
    """A French home page as the default site's root, and its English translation."""
    return build_site_tree(*locales)


def build_site_tree(fr, en):
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root, locale=fr)
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    home_en = translate(home, en, title="Home", slug="home", hero_title="Living and working in the countryside")
    return SiteTree(fr=fr, en=en, root=root, home=home, home_en=home_en, site=site)


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker):
    """The migrated test database (locales, root page, root collection, groups), serialized once.

    Browser tests commit (the live server reads from another thread), so the database is flushed after
    each of them; they restore this state first. Django's own serialized rollback is not reliable
    here: pytest-django does not always keep the copy when Django TestCase classes run first.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(scope="module")
def migrated_state_afterwards(migrated_state, django_db_blocker):
    """The migrated state (locales, root page, groups) back for the tests after a module of transactional tests:
    a transactional test leaves the database flushed."""
    yield
    with django_db_blocker.unblock():
        restore_migrated_state(migrated_state)


def restore_migrated_state(migrated_state):
    """Empty the database and bring back the migrated state (locales, root page, groups).

    A flush's post_migrate recreates content types and permissions under new ids: they are dropped first so
    the migrated state comes back with the ids everything else refers to.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.all().delete()
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(migrated_state)
    # The rows come back with their ids, but PostgreSQL's sequences do not follow: set them past those ids.
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def measure_queries(client, url, django_assert_max_num_queries, budget=(60, 60)):
    """The queries of ``url`` cold (nothing cached: site frame, filter choices, results) and warm (all
    cached), each at most its ``budget``; and the cold response."""
    client.get(url)  # warm up: renditions, site root paths, content types
    cache.clear()
    reset_queries()  # the query log is a bounded deque: once full, captures would read as empty
    with django_assert_max_num_queries(budget[0]) as cold:
        response = client.get(url)
    cold_count = len(cold.captured_queries)
    reset_queries()
    with django_assert_max_num_queries(budget[1]) as warm:
        assert client.get(url).content == response.content
    assert response.status_code == 200
    assert len(warm.captured_queries) < cold_count  # the cache really served the second one
    return (cold_count, len(warm.captured_queries)), response
