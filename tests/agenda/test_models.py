"""EventPage's territory: set from the parent for a local event, kept in the page's language for a regional one."""

import datetime

import pytest

from agenda.models.events import PARIS
from tests.conftest import translate
from tests.factories import EventIndexPageFactory, EventPageFactory, TerritoryIndexPageFactory, TerritoryPageFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 3, 2, 9, 0, tzinfo=PARIS)


@pytest.fixture
def territories(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=index, title="Pays Diois", slug="pays-diois")
    translate(index, site_tree.en, title="Territories", slug="territories")
    diois_en = translate(diois, site_tree.en, title="Pays Diois (en)", slug="pays-diois")
    return diois, diois_en


def test_local_event_takes_its_parent_territory(territories):
    diois, _ = territories
    event = EventPageFactory(parent=diois, dates=[(START, START)])
    assert event.territory_id == diois.pk


def test_translation_of_a_regional_event_points_at_the_territory_in_its_language(site_tree, territories):
    diois, diois_en = territories
    agenda = EventIndexPageFactory(parent=site_tree.home)
    translate(agenda, site_tree.en, title="Calendar", slug="calendar")
    event = EventPageFactory(parent=agenda, territory=diois, dates=[(START, START)])

    english = translate(event, site_tree.en, title="Regional day")

    assert english.territory_id == diois_en.pk
    assert event.territory_id == diois.pk
