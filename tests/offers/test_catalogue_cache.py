"""The catalogue caches its counts and listed offers per query, yet every change, expiry or privacy shows."""

import datetime

import pytest
import time_machine

from wagtail.models import PageViewRestriction

from tests.factories import OfferPageFactory, UserFactory
from tests.offers.catalogue_data import NOW, at, build_catalogue_data
from tests.offers.test_catalogue import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_catalogue_data(site_tree)


def results(client, url):
    response = client.get(url)
    catalogue = response.context["catalogue"]
    counts = {choice.value: choice.count for choice in catalogue.facets["type"].choices}
    return catalogue.count, counts, titles(response)


def test_a_published_offer_is_counted_and_listed_at_once(client, data):
    url = f"{data.url}?territory=roannais"
    count, counts, listed = results(client, url)
    with time_machine.travel(NOW, tick=False):
        offer = OfferPageFactory(
            parent=data.territories["roannais"],
            offer_type=data.types["emploi"],
            title="Saisonnier en station",
            first_published_at=at(90),
            live=False,
        )
    assert results(client, url) == (count, counts, listed)  # a draft changes nothing
    with time_machine.travel(NOW, tick=False):
        offer.save_revision().publish()
    new_count, new_counts, new_listed = results(client, url)
    assert new_count == count + 1
    assert new_counts["emploi"] == counts.get("emploi", 0) + 1
    assert "Saisonnier en station" in new_listed and "Saisonnier en station" not in listed
    offer.refresh_from_db()
    offer.unpublish()
    assert results(client, url) == (count, counts, listed)


def test_an_offer_leaves_the_cached_results_when_it_expires(client, data):
    url = f"{data.url}?type=emploi"
    with time_machine.travel(NOW, tick=False):
        OfferPageFactory(
            parent=data.territories["roannais"],
            offer_type=data.types["emploi"],
            title="Remplacement d’été",
            first_published_at=at(95),
            expire_at=NOW + datetime.timedelta(days=1),
        )
        count, _counts, listed = results(client, url)
        assert "Remplacement d’été" in listed
    # Nothing is saved when the date passes (publish_scheduled has not run): the entry ends by itself.
    with time_machine.travel(NOW + datetime.timedelta(days=2), tick=False):
        later_count, _counts, later_listed = results(client, url)
    assert later_count == count - 1
    assert "Remplacement d’été" not in later_listed


def test_private_offers_are_cached_apart_for_those_who_may_see_them(client, data):
    everything = results(client, data.url)[0]
    in_roannais = results(client, f"{data.url}?territory=roannais")[0]
    assert in_roannais > 0
    user = UserFactory()
    client.force_login(user)
    logged_in = results(client, data.url)[0]  # the fixture has a login-only offer elsewhere too
    client.logout()
    PageViewRestriction.objects.create(page=data.territories["roannais"], restriction_type=PageViewRestriction.LOGIN)
    assert results(client, data.url)[0] == everything - in_roannais
    client.force_login(user)
    assert results(client, data.url)[0] == logged_in
    client.logout()
    assert results(client, data.url)[0] == everything - in_roannais
