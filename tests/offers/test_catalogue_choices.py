"""The catalogue's filter choices are cached: any change to a term or a territory shows at once, expiry too."""

import datetime

import pytest
import time_machine

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Locale, PageViewRestriction

from offers.filters import filter_choices
from tests.conftest import soup
from tests.factories import OfferTypeFactory, SectorFactory, TerritoryPageFactory, UserFactory
from tests.offers.catalogue_data import NOW, build_catalogue_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_catalogue_data(site_tree)


def values(client, url, name):
    html = soup(client.get(url))
    return [field["value"] for field in html.select(f"[name={name}] option, input[name={name}]") if field["value"]]


def request_for(user=None):
    request = RequestFactory().get("/fr/offres/")
    request.user = user or AnonymousUser()
    return request


def test_a_new_term_is_a_choice_at_once(client, data):
    assert values(client, data.url, "type") == ["emploi", "local", "reprise"]
    assert "tiers-lieu" not in values(client, data.url, "type")  # now cached
    OfferTypeFactory(name="Tiers-lieu", slug="tiers-lieu", locale=data.types["emploi"].locale)
    assert values(client, data.url, "type") == ["emploi", "local", "reprise", "tiers-lieu"]
    SectorFactory(name="Numérique", slug="numerique", locale=data.types["emploi"].locale)
    assert "numerique" in values(client, data.url, "sector")
    data.types["local"].delete()
    assert values(client, data.url, "type") == ["emploi", "reprise", "tiers-lieu"]


def test_a_translated_term_name_shows_at_once(client, data):
    english = data.types["emploi"].get_translation(Locale.objects.get(language_code="en"))
    client.get(data.url_en)  # cached
    english.name = "Employment"
    english.save()
    boxes = soup(client.get(data.url_en)).select("input[name=type]")
    assert "Employment (1)" in [box.find_parent("label").get_text(" ", strip=True) for box in boxes]


def test_publishing_or_unpublishing_a_territory_changes_the_choices_at_once(client, data):
    assert values(client, data.url, "territory") == ["beaujolais-vert", "pays-diois", "roannais"]
    index = data.territories["roannais"].get_parent()
    vercors = TerritoryPageFactory(parent=index, title="Vercors", slug="vercors", live=False)
    assert "vercors" not in values(client, data.url, "territory")
    vercors.save_revision().publish()
    assert values(client, data.url, "territory") == ["beaujolais-vert", "pays-diois", "roannais", "vercors"]
    data.territories["roannais"].unpublish()
    assert values(client, data.url, "territory") == ["beaujolais-vert", "pays-diois", "vercors"]


def test_cached_choices_end_when_a_territory_expires(data):
    territory = data.territories["roannais"]
    territory.expire_at = NOW + datetime.timedelta(days=2)
    territory.save()
    with translation.override("fr"):
        fr = Locale.get_active()
        with time_machine.travel(NOW, tick=False):
            assert "roannais" in filter_choices(request_for(), fr).territories
        with time_machine.travel(NOW + datetime.timedelta(days=3), tick=False):
            assert "roannais" not in filter_choices(request_for(), fr).territories


def test_private_territories_are_cached_apart_for_those_who_may_see_them(data):
    PageViewRestriction.objects.create(page=data.territories["roannais"], restriction_type=PageViewRestriction.LOGIN)
    with translation.override("fr"):
        fr = Locale.get_active()
        anonymous = filter_choices(request_for(), fr)
        member = filter_choices(request_for(UserFactory()), fr)
        assert "roannais" not in anonymous.territories
        assert "roannais" in member.territories
        assert "roannais" not in filter_choices(request_for(), fr).territories  # the member's entry is not shared


def test_cached_choices_run_no_query(data, django_assert_num_queries):
    with translation.override("fr"):
        fr = Locale.get_active()
        filter_choices(request_for(), fr)
        with django_assert_num_queries(0):  # the private sections too are read once per content version
            choices = filter_choices(request_for(), fr)
    assert [option.value for option in choices.sectors] == ["agriculture", "artisanat", "tourisme"]


def test_the_private_sections_are_read_once_per_content_version(data, django_assert_num_queries):
    from cms.visibility import denied_sections

    request = request_for()
    private = data.hidden["private"]
    with django_assert_num_queries(2):  # the restrictions and the alias pages
        assert denied_sections(request) == denied_sections(request) == ((private.path, private.depth),)
    with django_assert_num_queries(0):  # the next visitor
        assert denied_sections(request_for()) == ((private.path, private.depth),)
    request.user = UserFactory()  # logging in within the request: worked out again
    assert denied_sections(request) == ()
    # A new private section is a change of content: the next request is denied it.
    other = data.offers["boulangerie"]
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    assert (other.path, other.depth) in denied_sections(request_for())


def test_cached_choices_are_kept_in_the_app_server(data, monkeypatch):
    from cms import content_cache

    with translation.override("fr"):
        fr = Locale.get_active()
        first = filter_choices(request_for(), fr)
        reads, real = [], content_cache.cache

        class Counting:
            def __getattr__(self, name):
                reads.append(name)
                return getattr(real, name)

        monkeypatch.setattr(content_cache, "cache", Counting())
        assert filter_choices(request_for(), fr) is first  # neither the cache nor the database read again
    assert reads == []
