"""Offers store their territory, compute distances in the database and sit only under territories."""

import pytest

from wagtail.test.utils import WagtailPageTestCase

from cms.models import StandardPage, TerritoryIndexPage, TerritoryPage
from home.models import HomePage
from offers.models import OfferIndexPage, OfferPage
from tests.conftest import publish
from tests.factories import OfferPageFactory, TerritoryIndexPageFactory, TerritoryPageFactory

pytestmark = pytest.mark.django_db


class OfferTreeTests(WagtailPageTestCase):
    def test_offers_live_only_under_territories(self):
        self.assertAllowedParentPageTypes(OfferPage, {TerritoryPage})
        self.assertCanCreateAt(TerritoryPage, OfferPage)
        self.assertCanNotCreateAt(TerritoryIndexPage, OfferPage)
        self.assertCanNotCreateAt(StandardPage, OfferPage)

    def test_catalogue_sits_under_home(self):
        self.assertAllowedParentPageTypes(OfferIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(OfferIndexPage, set())


@pytest.fixture
def territories(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home)
    return TerritoryPageFactory(parent=index, title="Pays Diois"), TerritoryPageFactory(parent=index, title="Roannais")


def test_territory_is_set_from_the_parent_on_save(territories):
    diois, _ = territories
    offer = OfferPageFactory(parent=diois)
    assert OfferPage.objects.get(pk=offer.pk).territory_id == diois.pk


def test_moving_an_offer_updates_its_territory(territories):
    diois, roannais = territories
    offer = OfferPageFactory(parent=diois)
    offer.move(roannais, pos="last-child")
    offer = OfferPage.objects.get(pk=offer.pk)
    offer.save()
    assert offer.territory_id == roannais.pk


def test_near_filters_by_great_circle_distance_in_the_database(territories):
    diois, _ = territories
    OfferPageFactory(parent=diois, title="Die", latitude=44.753, longitude=5.370)
    OfferPageFactory(parent=diois, title="Valence", latitude=44.933, longitude=4.892)
    OfferPageFactory(parent=diois, title="Sans coordonnées", latitude=None, longitude=None)
    lyon = (45.764, 4.836)
    within_100 = OfferPage.objects.near(*lyon, 100).order_by("distance")
    assert [(o.title, round(o.distance)) for o in within_100] == [("Valence", 93)]
    assert {o.title for o in OfferPage.objects.near(*lyon, 150)} == {"Die", "Valence"}


def test_contact_defaults_to_the_territory_contact(territories, site_tree):
    diois, _ = territories
    diois.contacts.create(name="Malika Sema", email="accueil@example.org", locale=site_tree.fr)
    publish(diois)
    offer = OfferPageFactory(parent=diois)
    assert offer.contact["name"] == "Malika Sema"
    offer.contact_name = "Jeanne Dupré"
    assert offer.contact["name"] == "Jeanne Dupré"
