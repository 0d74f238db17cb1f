"""Offer pages describe themselves to search engines (schema.org JSON-LD) and to social networks (Open Graph)."""

import datetime
import json
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
import wagtail_factories

from django.template.loader import render_to_string

from cms.jsonld import jsonld_script
from offers.jsonld import offer_jsonld
from tests.conftest import soup
from tests.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    OfferTypeFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 11, 22, 10, 0, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def diois(site_tree):
    OfferIndexPageFactory(parent=site_tree.home)
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    return TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois")


@pytest.fixture
def job_offer(diois):
    return OfferPageFactory(
        parent=diois,
        title="Agent·e d'accueil touristique",
        slug="agent-accueil",
        offer_type=OfferTypeFactory(name="Emploi", slug="emploi", is_job=True),
        summary="Accueil des visiteurs à l'office de tourisme.",
        salary=Decimal("24000.00"),
        first_published_at=NOW - datetime.timedelta(days=2),
        expire_at=NOW + datetime.timedelta(days=30),
        available_from=datetime.date(2027, 1, 4),
        reference="DIOIS-12",
    )


@pytest.fixture
def premises_offer(diois):
    return OfferPageFactory(
        parent=diois,
        title="Atelier à louer",
        slug="atelier",
        offer_type=OfferTypeFactory(name="Local ou atelier", slug="local"),
        status="in_discussion",
        rent=Decimal("450.50"),
        available_from=datetime.date(2027, 1, 1),
        expire_at=NOW + datetime.timedelta(days=30),
    )


def jsonld_of(html):
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_a_job_is_a_job_posting(rf, job_offer):
    data = offer_jsonld(job_offer, rf.get("/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Agent·e d'accueil touristique"
    assert data["description"] == "Accueil des visiteurs à l'office de tourisme."
    assert data["datePosted"] == "2026-11-20"
    assert data["validThrough"] == "2026-12-22T10:00:00+01:00"
    assert data["jobStartDate"] == "2027-01-04"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Pays Diois",
        "url": "http://localhost/fr/territoires/pays-diois/",
    }
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Die",
        "postalCode": "26150",
        "addressRegion": "Auvergne-Rhône-Alpes",
        "addressCountry": "FR",
    }
    assert data["jobLocation"]["geo"] == {"@type": "GeoCoordinates", "latitude": 44.753, "longitude": 5.37}
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "value": 24000, "unitText": "YEAR"},
    }
    assert data["identifier"]["value"] == "DIOIS-12"


def test_other_offers_are_an_offer_of_a_place(rf, premises_offer):
    data = offer_jsonld(premises_offer, rf.get("/"))
    assert data["@type"] == "Offer"
    assert data["name"] == "Atelier à louer"
    assert data["url"] == "http://localhost/fr/territoires/pays-diois/atelier/"
    assert data["availability"] == "https://schema.org/LimitedAvailability"
    assert data["category"] == "Local ou atelier"
    assert (data["price"], data["priceCurrency"]) == (450.5, "EUR")
    assert data["priceSpecification"]["referenceQuantity"]["unitCode"] == "MON"
    assert data["availabilityStarts"] == "2027-01-01"
    assert data["validThrough"] == "2026-12-22T10:00:00+01:00"
    assert data["availableAtOrFrom"]["@type"] == "Place"
    assert data["availableAtOrFrom"]["address"]["addressLocality"] == "Die"
    assert data["offeredBy"]["name"] == "Pays Diois"
    assert "baseSalary" not in data


@pytest.mark.parametrize(
    ("status", "availability"),
    [("available", "InStock"), ("in_discussion", "LimitedAvailability"), ("filled", "SoldOut")],
)
def test_availability_follows_the_status(rf, premises_offer, status, availability):
    premises_offer.status = status
    assert offer_jsonld(premises_offer, rf.get("/"))["availability"] == f"https://schema.org/{availability}"


def test_a_sale_price_wins_over_the_rent_and_no_price_gives_none(rf, premises_offer):
    premises_offer.price = Decimal("85000")
    data = offer_jsonld(premises_offer, rf.get("/"))
    assert data["price"] == 85000 and "priceSpecification" not in data
    premises_offer.price = premises_offer.rent = None
    data = offer_jsonld(premises_offer, rf.get("/"))
    assert "price" not in data and "priceCurrency" not in data


def test_a_title_cannot_close_the_script_element(rf, job_offer):
    job_offer.title = "</script><script>alert('x')</script> & <b>"
    html = str(jsonld_script(offer_jsonld(job_offer, rf.get("/"))))
    assert html.count("</script>") == 1 and html.endswith("</script>")
    assert "<script>alert" not in html and "<b>" not in html
    data = jsonld_of(soup(type("Response", (), {"content": html.encode()})))
    assert data["title"] == "</script><script>alert('x')</script> & <b>"


def test_the_include_renders_only_for_an_offer_page(rf, job_offer, diois):
    request = rf.get("/")
    html = render_to_string("offers/includes/offer_jsonld.html", {"page": job_offer}, request=request)
    assert '<script type="application/ld+json">' in html
    assert render_to_string("offers/includes/offer_jsonld.html", {"page": diois}, request=request).strip() == ""


def test_the_offer_page_carries_its_json_ld_and_open_graph_image(client, job_offer):
    job_offer.image = wagtail_factories.ImageFactory(title="Office de tourisme")
    job_offer.save_revision().publish()
    html = soup(client.get(job_offer.url))
    data = jsonld_of(html.head)
    assert data["@type"] == "JobPosting"
    og_image = html.head.find("meta", property="og:image")["content"]
    assert og_image.startswith("http://testserver/") and "fill-1200x630" in og_image
    assert data["image"] == og_image
    assert html.head.find("meta", property="og:title")["content"] == "Agent·e d'accueil touristique"
    assert html.head.find("meta", property="og:description")["content"] == job_offer.summary


def test_an_offer_without_image_has_no_og_image(client, premises_offer):
    html = soup(client.get(premises_offer.url))
    assert html.head.find("meta", property="og:image") is None
    assert "image" not in jsonld_of(html.head)
