"""An offer's page shows what a project holder needs; a territory's page lists its visible offers."""

import datetime
from decimal import Decimal

import pytest
import time_machine
import wagtail_factories

from django.db import reset_queries

from tests.conftest import publish, soup, translate
from tests.factories import OfferPageFactory, TerritoryPageFactory
from tests.offers.catalogue_data import HIDDEN_TITLES, NOW, at, build_catalogue_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_catalogue_data(site_tree)


@pytest.fixture
def bakery(data):
    """The bakery with every field of an offer filled in."""
    offer = data.offers["boulangerie"]
    document = wagtail_factories.DocumentFactory(title="Bilan 2025")
    offer.image = wagtail_factories.ImageFactory(title="Le fournil")
    offer.body = [{"type": "paragraph", "value": "<p>Le four à bois a été refait en 2022.</p>"}]
    offer.attachments = [{"type": "document", "value": document.pk}]
    offer.rent = Decimal("850.50")
    offer.surface = 1200
    offer.available_from = datetime.date(2026, 9, 1)
    offer.conditions = "Reprise du fonds et du matériel."
    offer.reference = "DIOIS-2026-04"
    offer.postcode = "26150"
    offer.contact_name = "Jeanne Dupré"
    offer.contact_role = "Chargée de mission"
    offer.contact_email = "jeanne@example.org"
    offer.contact_phone = "04 75 00 00 00"
    with time_machine.travel(NOW, tick=False):
        publish(offer)
    return offer, document


def test_offer_page_shows_the_offer(client, data, bakery):
    offer, document = bakery
    response = client.get(offer.url)
    assert response.status_code == 200
    html = soup(response)
    header = html.select_one(".page-header")
    assert html.h1.get_text(strip=True) == "Boulangerie à reprendre"
    assert "Reprise d'entreprise" in header.select_one(".offer__kind").get_text()
    assert header.select_one(".offer-status").get_text(strip=True) == "Disponible"
    place = header.select_one(".offer__place")
    assert "Die (26150)" in place.get_text()
    assert place.select_one("a")["href"] == data.territories["pays-diois"].url
    assert "four à bois" in header.get_text()  # the summary
    main = html.select_one(".offer__main")
    assert main.select_one("img")
    assert "refait en 2022" in main.get_text()
    link = main.select_one(".document-list a")
    assert link.get_text(strip=True) == "Bilan 2025" and link["href"] == document.url
    assert main.select_one(".document-list__meta").get_text(strip=True).startswith("(")
    sectors = [a.get_text(strip=True) for a in main.select(".tags a")]
    assert sorted(sectors) == ["Agriculture et alimentation", "Artisanat"]
    conditions = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True) for div in html.select(".offer-conditions div")
    }
    assert conditions == {
        "Prix de cession": "120\xa0000 €",
        "Loyer mensuel": "850,50 €",
        "Surface": "1\xa0200 m²",
        "Disponible à partir du": "1 septembre 2026",
        "Référence": "DIOIS-2026-04",
        "Autres conditions": "Reprise du fonds et du matériel.",
    }
    contact = html.select_one(".offer__aside .contact-card")
    assert "Jeanne Dupré" in contact.get_text()
    assert contact.select_one('a[href="mailto:jeanne@example.org"]')
    assert contact.select_one('a[href="tel:0475000000"]')


def test_offer_page_in_english_formats_numbers_and_dates_in_english(client, data):
    offer = data.offers["gite"]
    offer.price = Decimal("120000")
    offer.available_from = datetime.date(2026, 9, 1)
    with time_machine.travel(NOW, tick=False):
        publish(offer)
        english = translate(offer, data.index_en.locale, title="Hikers' lodge", slug="lodge")
    html = soup(client.get(english.url))
    assert html.find("html")["lang"] == "en"
    dds = [dd.get_text(" ", strip=True) for dd in html.select(".offer-conditions dd")]
    assert "120,000 €" in " ".join(dds).replace("€120,000", "120,000 €")
    assert "1 September 2026" in dds
    back = html.select_one("a[data-catalogue-back]")
    assert back["href"] == data.url_en


def test_offer_page_status_and_expiry(client, data):
    offer = data.offers["gite"]
    offer.status = "filled"
    with time_machine.travel(NOW, tick=False):
        publish(offer)
        html = soup(client.get(offer.url))
    assert html.select_one(".offer-status").get_text(strip=True) == "Pourvue"
    assert "Offre valable jusqu’au" in html.select_one(".offer-conditions").get_text()


def test_back_to_the_catalogue_link_and_script(client, data):
    html = soup(client.get(data.offers["gite"].url))
    back = html.select_one("a[data-catalogue-back]")
    assert back.get_text(strip=True) == "Retour au catalogue"
    assert back["href"] == back["data-catalogue-path"] == data.url
    scripts = [s["src"] for s in html.select("script[src]")]
    assert any(src.endswith("offers/catalogue.js") for src in scripts)
    # The HTML is the same for every visitor (no Referer-dependent link a cache could share).
    other = soup(client.get(data.offers["gite"].url, HTTP_REFERER="http://testserver/fr/offres/?type=emploi"))
    assert other.select_one("a[data-catalogue-back]")["href"] == data.url


def test_offer_page_has_its_json_ld(client, data):
    html = soup(client.get(data.offers["maraicher"].url))
    assert html.head.select_one('script[type="application/ld+json"]')


def test_catalogue_cards_link_to_offers_with_type_status_place_and_expiry(client, data):
    html = soup(client.get(data.url))
    cards = {card.select_one(".card__title a").get_text(strip=True): card for card in html.select(".offer-card")}
    menuiserie = cards["Atelier de menuiserie"]
    assert menuiserie.select_one(".card__title a")["href"] == data.offers["menuiserie"].url
    assert menuiserie.select_one(".offer-status").get_text(strip=True) == "En discussion"
    assert "Local ou atelier" in menuiserie.select_one(".card__meta").get_text()
    assert menuiserie.select_one(".offer-card__place").get_text(strip=True) == "Amplepuis– Beaujolais Vert"
    assert not cards["Boulangerie à reprendre"].select_one(".offer-status")  # available: no badge
    assert cards["Maraîcher associé"].select_one(".offer-card__expiry").get_text(strip=True) == "Jusqu’au 31 mai 2026"


def test_territory_page_lists_its_visible_offers(client, data):
    diois = data.territories["pays-diois"]
    html = soup(client.get(diois.url))
    section = html.select_one(".territory__offers")
    titles = [a.get_text(strip=True) for a in section.select(".card__title a")]
    assert titles == ["Gîte de randonnée", "Boulangerie à reprendre"]
    assert not set(titles) & HIDDEN_TITLES
    more = section.select_one("a.more-link")
    assert more["href"] == f"{data.url}?territory=pays-diois"
    # The English territory (translated slug) links to the catalogue with the French value.
    english = soup(client.get(data.territories_en["pays-diois"].url))
    section = english.select_one(".territory__offers")
    assert [a.get_text(strip=True) for a in section.select(".card__title a")] == ["Bakery to take over"]
    assert section.select_one("a.more-link")["href"] == f"{data.url_en}?territory=pays-diois"


def test_territory_without_offers_says_so(client, data):
    empty = TerritoryPageFactory(parent=data.territories["roannais"].get_parent(), title="Haut-Allier")
    section = soup(client.get(empty.url)).select_one(".territory__offers")
    assert not section.select(".offer-card")
    assert "Aucune offre publiée pour le moment" in section.get_text()


def test_territory_page_query_count_does_not_grow(client, data, django_assert_max_num_queries):
    diois = data.territories["pays-diois"]
    images = [wagtail_factories.ImageFactory(title=f"Image {n}") for n in range(3)]
    with time_machine.travel(NOW, tick=False):
        OfferPageFactory(parent=diois, title="Offre illustrée", image=images[0], first_published_at=at(1))
    client.get(diois.url)  # renditions are made on the first view
    reset_queries()  # the query log is a bounded deque: once full, captures would read as empty
    with django_assert_max_num_queries(60) as small:
        client.get(diois.url)
    budget = len(small.captured_queries)  # read now: the log is reset below
    with time_machine.travel(NOW, tick=False):
        for n in range(10):
            OfferPageFactory(parent=diois, title=f"Offre {n}", image=images[n % 3], first_published_at=at(n))
    client.get(diois.url)
    reset_queries()
    with django_assert_max_num_queries(budget) as big:
        response = client.get(diois.url)
    assert len(big.captured_queries) > 10
    assert len(soup(response).select(".territory__offers .offer-card")) == 6
