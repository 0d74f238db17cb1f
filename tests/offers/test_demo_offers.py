"""The demo offers: 40+ bilingual offers across the nine territories, loaded once for this module."""

import datetime
from collections import Counter
from io import StringIO

import pytest
import time_machine

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Locale

from cms.demo import app_demo_modules
from cms.demo.texts import english
from cms.models import TerritoryPage
from offers import demo_content
from offers.demo_content import expiry
from offers.models import OfferIndexPage, OfferPage, OfferStatus, OfferType, Sector
from tests.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run ``load_demo`` once for the module and roll it back afterwards."""
    out = StringIO()
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        cache.clear()
        call_command("load_demo", stdout=out, stderr=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def offers(demo):
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    french = list(OfferPage.objects.filter(locale=fr).select_related("territory", "offer_type"))
    translations = {
        page.translation_key: page
        for page in OfferPage.objects.filter(locale=en).select_related("territory", "offer_type")
    }
    return fr, en, french, translations


def test_the_offers_app_is_found_by_the_demo_loader():
    assert demo_content in app_demo_modules()


def test_forty_odd_french_offers_each_with_a_live_english_translation(offers, demo):
    _, en, french, translations = offers
    assert len(french) >= 40
    assert len(translations) == len(french)
    for offer in french:
        translated = translations[offer.translation_key]
        assert offer.live and translated.live, offer.title
        assert translated.title == english(offer.title) and translated.title != offer.title
        assert translated.slug == english(offer.slug) and translated.slug != offer.slug
        assert translated.offer_type.locale_id == en.pk
        assert translated.offer_type.translation_key == offer.offer_type.translation_key
        assert translated.expire_at == offer.expire_at
    assert "no English translation" not in demo


def test_offers_are_spread_over_the_nine_territories_near_their_town(offers):
    fr, en, french, translations = offers
    per_territory = Counter(offer.territory.slug for offer in french)
    assert len(per_territory) == 9 and min(per_territory.values()) >= 4
    for offer in [*french, *translations.values()]:
        territory = offer.territory
        assert territory is not None and territory.locale_id == offer.locale_id
        assert offer.get_parent().pk == territory.pk
        assert abs(offer.latitude - float(territory.latitude)) < 0.5, offer.title
        assert abs(offer.longitude - float(territory.longitude)) < 0.5, offer.title
        assert offer.commune and len(offer.postcode) == 5
        assert offer.insee_code == "" or offer.insee_code[:2] == offer.postcode[:2]


def test_every_type_and_sector_is_used_and_links_stay_on_the_french_terms(offers):
    fr, _, french, translations = offers
    assert {offer.offer_type.slug for offer in french} == set(
        OfferType.objects.filter(locale=fr).values_list("slug", flat=True)
    )
    assert OfferType.objects.filter(locale=fr).count() == 7
    assert set(OfferType.objects.filter(locale=fr, is_job=True).values_list("slug", flat=True)) == {"emploi"}
    used = set(Sector.objects.filter(offers__in=french).values_list("slug", flat=True))
    assert used == set(Sector.objects.filter(locale=fr).values_list("slug", flat=True))
    assert len(used) == 9
    # Synchronised, not translated: the English offers point at the same (French) sectors.
    for offer in french:
        translated = translations[offer.translation_key]
        assert set(translated.sectors.values_list("pk", flat=True)) == set(offer.sectors.values_list("pk", flat=True))
    assert Sector.objects.filter(locale__language_code="en").count() == 9


def test_statuses_expiry_dates_conditions_and_contacts_vary(offers):
    _, _, french, _ = offers
    now = timezone.now()
    statuses = Counter(offer.status for offer in french)
    assert statuses[OfferStatus.FILLED] >= 3 and statuses[OfferStatus.IN_DISCUSSION] >= 3
    expired = [offer for offer in french if offer.expire_at and offer.expire_at <= now]
    soon = [offer for offer in french if offer.expire_at and now < offer.expire_at <= now + datetime.timedelta(30)]
    assert len(expired) >= 3 and len(soon) >= 3
    assert any(offer.expire_at is None for offer in french)
    assert any(offer.salary for offer in french if offer.offer_type.slug == "emploi")
    assert any(offer.price for offer in french) and any(offer.rent for offer in french)
    assert any(offer.surface for offer in french)
    assert "DIO-2026-03" in {offer.reference for offer in french}
    without_contact = [offer for offer in french if not offer.contact_name]
    assert without_contact and len(without_contact) < len(french)
    # No contact of its own: the territory's contact is shown.
    assert without_contact[0].contact["name"] == without_contact[0].territory.contacts.first().name


def test_catalogue_sits_in_the_menu_between_territories_and_contact(client, demo):
    for locale, url, labels in [
        ("fr", "/fr/", ["Territoires", "Offres", "Agenda", "Contact"]),
        ("en", "/en/", ["Territories", "Offers", "Calendar", "Contact"]),
    ]:
        assert OfferIndexPage.objects.get(locale__language_code=locale).live
        menu = [a.get_text(strip=True) for a in soup(client.get(url)).select("nav.main-nav a")]
        start = menu.index(labels[0])
        assert menu[start : start + 4] == labels


def test_english_offer_page_reads_in_english(client, offers):
    _, _, french, translations = offers
    offer = next(offer for offer in french if offer.reference == "DIO-2026-03")
    translated = translations[offer.translation_key]
    response = client.get(translated.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Organic bakery to take over in Luc-en-Diois"
    assert translated.url.startswith("/en/territories/pays-diois/")


def test_a_second_run_keeps_the_offers_and_their_dates(demo):
    before = {page.pk: (page.expire_at, page.first_published_at) for page in OfferPage.objects.all()}
    call_command("load_demo", stdout=StringIO())
    after = {page.pk: (page.expire_at, page.first_published_at) for page in OfferPage.objects.all()}
    assert after == before


def test_expired_offers_stay_expired_after_publish_scheduled(demo):
    call_command("publish_scheduled", stdout=StringIO())
    expired = set(OfferPage.objects.filter(expired=True).values_list("pk", flat=True))
    assert len(expired) >= 6  # French and English
    call_command("load_demo", stdout=StringIO())
    assert set(OfferPage.objects.filter(expired=True, live=False).values_list("pk", flat=True)) == expired


NOW = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_expiry_dates_are_relative_to_the_load_and_kept_while_in_the_same_bucket():
    now = timezone.now()
    in_ten_days = expiry(10, None, now)
    assert in_ten_days.date() == datetime.date(2026, 3, 20) and in_ten_days.hour == 18
    assert expiry(None, in_ten_days, now) is None
    # The next day, an offer still expiring within 30 days keeps its date…
    tomorrow = now + datetime.timedelta(days=1)
    assert expiry(10, in_ten_days, tomorrow) == in_ten_days
    # …but one whose date has passed gets a new one.
    assert expiry(10, in_ten_days, now + datetime.timedelta(days=12)).date() == datetime.date(2026, 4, 1)
    assert expiry(-5, expiry(-5, None, now), now + datetime.timedelta(days=40)) == expiry(-5, None, now)


def test_every_territory_slug_of_the_offers_exists(demo):
    slugs = set(TerritoryPage.objects.filter(locale__language_code="fr").values_list("slug", flat=True))
    assert {offer.territory for offer in demo_content.OFFERS} <= slugs
