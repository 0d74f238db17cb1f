"""The catalogue's RSS feed, CSV and JSON exports: they follow the filters and list only what the visitor may see."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
import zoneinfo
from decimal import Decimal
from types import SimpleNamespace

import pytest
import time_machine

from wagtail.models import PageViewRestriction

from offers.exports import CSV_HEADER
from tests.conftest import publish, soup, translate
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
def catalogue(site_tree):
    index = OfferIndexPageFactory(parent=site_tree.home, title="Offres", slug="offres")
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois", department="26")
    roannais = TerritoryPageFactory(parent=territories, title="Roannais", slug="roannais", department="42")
    diois.contacts.create(
        name="Malika Sema", email="accueil@diois.example", phone="04 75 00 00 00", locale=site_tree.fr
    )
    diois = publish(diois)
    job = OfferTypeFactory(name="Emploi", slug="emploi", is_job=True)
    premises = OfferTypeFactory(name="Local ou atelier", slug="local")
    return SimpleNamespace(
        site_tree=site_tree,
        index=index,
        territories=territories,
        diois=diois,
        roannais=roannais,
        job=job,
        premises=premises,
    )


def published(days_ago):
    return NOW - datetime.timedelta(days=days_ago)


def make_offer(catalogue, **fields):
    fields.setdefault("parent", catalogue.diois)
    fields.setdefault("offer_type", catalogue.premises)
    fields.setdefault("first_published_at", published(3))
    return OfferPageFactory(**fields)


@pytest.fixture
def offers(catalogue):
    """Two visible offers, and one of each kind the public must never see through a feed."""
    visible = SimpleNamespace(
        job=make_offer(
            catalogue,
            title="Agent·e d'accueil touristique",
            slug="agent-accueil",
            offer_type=catalogue.job,
            summary="Accueil des visiteurs à Die.",
            salary=Decimal("24000.00"),
            reference="DIOIS-12",
            first_published_at=published(1),
        ),
        premises=make_offer(
            catalogue,
            parent=catalogue.roannais,
            title="Atelier à reprendre",
            slug="atelier",
            commune="Roanne",
            postcode="42300",
            insee_code="42187",
            latitude=46.036,
            longitude=4.068,
            rent=Decimal("450.50"),
            surface=120,
            available_from=datetime.date(2027, 1, 1),
            expire_at=NOW + datetime.timedelta(days=30),
            contact_name="Jean Roux",
            contact_email="jean@roannais.example",
            contact_phone="+33 4 77 00 00 00",
            first_published_at=published(2),
        ),
    )
    make_offer(catalogue, title="Brouillon secret", slug="brouillon", live=False)
    make_offer(catalogue, title="Offre expirée", slug="expiree", expire_at=NOW - datetime.timedelta(hours=1))
    private = make_offer(catalogue, title="Offre réservée", slug="reservee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # The English translation of a French offer: listed under /en/, never under /fr/.
    en = catalogue.site_tree.en
    translate(catalogue.territories, en, title="Territories", slug="territories")
    translate(catalogue.roannais, en, title="Roanne area", slug="roanne-area")
    translated = make_offer(
        catalogue, parent=catalogue.roannais, title="Offre traduite", slug="traduite", first_published_at=published(5)
    )
    translate(translated, en, title="Translated offer", slug="translated-offer")
    return visible


VISIBLE_TITLES = {"Agent·e d'accueil touristique", "Atelier à reprendre", "Offre traduite"}
HIDDEN_TITLES = {"Brouillon secret", "Offre expirée", "Offre réservée", "Translated offer"}


def rss_items(response):
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return root, root.find("channel"), root.findall("channel/item")


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_rss_lists_visible_offers_newest_first(client, offers, catalogue):
    response = client.get("/fr/offres/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root, channel, items = rss_items(response)
    assert root.get("version") == "2.0"
    assert channel.findtext("title").startswith("Offres")
    assert channel.findtext("link") == "http://localhost/fr/offres/"
    assert channel.findtext("language") == "fr"
    assert [item.findtext("title") for item in items] == [
        "Agent·e d'accueil touristique",
        "Atelier à reprendre",
        "Offre traduite",
    ]
    job = items[0]
    assert job.findtext("link") == "http://localhost/fr/territoires/pays-diois/agent-accueil/"
    assert job.findtext("guid") == job.findtext("link")
    assert job.findtext("description") == "Accueil des visiteurs à Die."
    assert job.findtext("category") == "Emploi"
    assert job.findtext("pubDate") == "Sat, 21 Nov 2026 10:00:00 +0100"


def test_csv_opens_in_french_excel(client, offers, catalogue):
    response = client.get("/fr/offres/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="offres-2026-11-22.csv"'
    rows = csv_rows(response)
    header, *lines = rows
    assert header == [str(label) for label in CSV_HEADER]
    assert header[:3] == ["Titre", "Type", "Statut"] and header[-1] == "Adresse" and "Surface m²" in header
    by_title = {line[0]: dict(zip(header, line, strict=True)) for line in lines}
    assert set(by_title) == VISIBLE_TITLES
    job = by_title["Agent·e d'accueil touristique"]
    assert job["Type"] == "Emploi"
    assert job["Statut"] == "Disponible"
    assert job["Territoire"] == "Pays Diois"
    assert job["Département"] == "Drôme (26)"
    assert job["Salaire"] == "24000"
    assert job["Latitude"] == "44,753" and job["Longitude"] == "5,37"
    assert job["Contact"] == "Malika Sema"  # the territory's contact, the offer has none
    assert job["Référence"] == "DIOIS-12"
    assert job["Adresse"] == "http://localhost/fr/territoires/pays-diois/agent-accueil/"
    premises = by_title["Atelier à reprendre"]
    assert premises["Loyer"] == "450,50"
    assert premises["Surface m²"] == "120"
    assert premises["Disponible le"] == "2027-01-01"
    assert premises["Expire le"] == "2026-12-22"
    assert premises["Contact"] == "Jean Roux"
    # A phone number starting with "+" would be run as a formula by a spreadsheet.
    assert premises["Téléphone"] == "'+33 4 77 00 00 00"


def test_csv_neutralises_formulas_in_text(client, catalogue):
    make_offer(catalogue, title='=HYPERLINK("http://evil.example";"clic")', slug="formule")
    rows = csv_rows(client.get("/fr/offres/csv/"))
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example";"clic")'


def test_json_structure(client, offers, catalogue):
    response = client.get("/fr/offres/json/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "Agent·e".encode() in response.content  # not \u-escaped
    data = json.loads(response.content)
    assert data["count"] == 3 and data["limit"] == 500
    premises = next(r for r in data["results"] if r["title"] == "Atelier à reprendre")
    assert premises == {
        "title": "Atelier à reprendre",
        "url": "http://localhost/fr/territoires/roannais/atelier/",
        "type": {"slug": "local", "name": "Local ou atelier"},
        "status": "available",
        "territory": {"slug": "roannais", "title": "Roannais"},
        "department": {"code": "42", "name": "Loire"},
        "commune": "Roanne",
        "postcode": "42300",
        "insee_code": "42187",
        "latitude": 46.036,
        "longitude": 4.068,
        "price": None,
        "rent": 450.5,
        "salary": None,
        "surface": 120,
        "available_from": "2027-01-01",
        "expire_at": "2026-12-22T10:00:00+01:00",
        "summary": "Une opportunité d'installation à la campagne.",
    }


@pytest.mark.parametrize("route", ["rss/", "csv/", "json/"])
def test_invisible_offers_never_leave_through_a_feed(client, offers, catalogue, route):
    content = client.get(f"/fr/offres/{route}").content.decode("utf-8")
    for title in VISIBLE_TITLES:
        assert title in content
    for title in HIDDEN_TITLES:
        assert title not in content


@pytest.mark.parametrize("route", ["rss/", "csv/", "json/"])
def test_feeds_follow_the_language(client, offers, catalogue, route):
    translate(catalogue.index, catalogue.site_tree.en, title="Offers", slug="offers")
    content = client.get(f"/en/offers/{route}").content.decode("utf-8")
    assert "Translated offer" in content
    assert "Offre traduite" not in content and "Atelier" not in content


def test_private_offer_is_listed_for_a_logged_in_visitor(client, offers, catalogue, django_user_model):
    client.force_login(django_user_model.objects.create_user("agent", password="x"))
    titles = {r["title"] for r in client.get("/fr/offres/json/").json()["results"]}
    assert "Offre réservée" in titles
    assert "Brouillon secret" not in titles


def test_feeds_follow_the_filters(client, offers, catalogue):
    rss = rss_items(client.get("/fr/offres/rss/?type=emploi&page=3"))
    assert [item.findtext("title") for item in rss[2]] == ["Agent·e d'accueil touristique"]
    assert rss[1].findtext("link") == "http://localhost/fr/offres/?type=emploi"
    rows = csv_rows(client.get("/fr/offres/csv/?type=emploi"))
    assert [row[0] for row in rows[1:]] == ["Agent·e d'accueil touristique"]
    data = client.get("/fr/offres/json/?territory=roannais").json()
    assert [r["title"] for r in data["results"]] == ["Atelier à reprendre", "Offre traduite"]
    assert data["count"] == 2
    data = client.get("/fr/offres/json/?department=26&q=accueil").json()
    assert [r["title"] for r in data["results"]] == ["Agent·e d'accueil touristique"]


BAD_QUERIES = [
    "radius=abc",
    "radius=-5&near=lyon",
    "radius=99999999999999999999&near=lyon",
    "sector=zzz",
    "type=zzz",
    "territory=%00",
    "department=999",
    "near=nulle-part",
    "sort=drop%20table",
    "page=-1",
    "q=" + "a" * 5000,
    "q=%00",
    "q=%22%27%29%3B--",
    "q=AND+OR+NOT",
    "sector=tourisme&sector=",
    "type=emploi&type=local",
    "%ff%fe=%ff",
]


@pytest.mark.parametrize("route", ["rss/", "csv/", "json/"])
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_query_strings_never_break_a_feed(client, offers, catalogue, route, query):
    response = client.get(f"/fr/offres/{route}?{query}")
    assert response.status_code in (200, 400)


def test_pages_advertise_their_feeds_with_the_current_filters(client, offers, catalogue):
    html = soup(client.get("/fr/offres/?type=emploi&page=2"))
    rss = html.head.select_one('link[rel="alternate"][type="application/rss+xml"]')
    assert rss is not None, "offers/includes/feed_links.html is not included in the catalogue's <head>"
    assert rss["href"] == "/fr/offres/rss/?type=emploi"
    json_link = html.head.select_one('link[rel="alternate"][type="application/json"]')
    assert json_link["href"] == "/fr/offres/json/?type=emploi"


def test_feed_links_include_renders_the_filtered_urls(rf, catalogue):
    from django.template.loader import render_to_string

    request = rf.get("/fr/offres/", {"type": "emploi", "sector": ["a", "b"], "page": "2"})
    html = render_to_string("offers/includes/feed_links.html", {"page": catalogue.index}, request=request)
    links = soup(SimpleNamespace(content=html.encode())).find_all("link")
    assert [(link["type"], link["href"]) for link in links] == [
        ("application/rss+xml", "/fr/offres/rss/?type=emploi&sector=a&sector=b"),
        ("application/json", "/fr/offres/json/?type=emploi&sector=a&sector=b"),
    ]
    html = render_to_string("offers/includes/export_links.html", {"page": catalogue.index}, request=request)
    anchors = soup(SimpleNamespace(content=html.encode())).find_all("a")
    assert [(a.get_text(strip=True), a["href"]) for a in anchors] == [
        ("S’abonner (RSS)", "/fr/offres/rss/?type=emploi&sector=a&sector=b"),
        ("Télécharger (CSV)", "/fr/offres/csv/?type=emploi&sector=a&sector=b"),
        ("JSON", "/fr/offres/json/?type=emploi&sector=a&sector=b"),
    ]


def test_feeds_run_the_same_number_of_queries_with_10_and_500_offers(client, catalogue, django_assert_max_num_queries):
    def create(count):
        for n in range(count):
            territory = catalogue.diois if n % 2 else catalogue.roannais
            make_offer(catalogue, parent=territory, first_published_at=published(n % 30))

    create(10)
    routes = ["rss/", "csv/", "json/", "?type=local", "json/?type=local&near=lyon&radius=200"]
    for route in routes:  # warm the caches (site root paths, content types)
        client.get(f"/fr/offres/{route}")
    small = {}
    for route in routes:
        with django_assert_max_num_queries(60) as captured:
            assert client.get(f"/fr/offres/{route}").status_code == 200
        small[route] = len(captured.captured_queries)
    create(490)
    for route in routes:
        client.get(f"/fr/offres/{route}")  # new pages dropped the cached filter choices: warm them again
    for route in routes:
        with django_assert_max_num_queries(small[route]) as captured:
            response = client.get(f"/fr/offres/{route}")
        assert response.status_code == 200
        assert len(captured.captured_queries) == small[route], route
    assert len(rss_items(client.get("/fr/offres/rss/"))[2]) == 500
    assert len(csv_rows(client.get("/fr/offres/csv/"))) == 501
    data = client.get("/fr/offres/json/").json()
    assert data["count"] == 500 and len(data["results"]) == 500


def test_exports_are_capped_and_say_how_many_match(rf, offers, catalogue):
    from django.utils import translation

    from cms.visibility import visible_pages
    from offers.exports import offers_to_csv, offers_to_json
    from offers.models import OfferPage

    request = rf.get("/fr/offres/json/")
    with translation.override("fr"):
        visible = visible_pages(None, OfferPage.objects.order_by("-first_published_at"))
        data = offers_to_json(visible, request, limit=1)
        rows = list(csv.reader(io.StringIO(offers_to_csv(visible, request, limit=2).decode()[1:]), delimiter=";"))
    assert data["count"] == 3 and data["limit"] == 1
    assert [r["title"] for r in data["results"]] == ["Agent·e d'accueil touristique"]
    assert len(rows) == 3  # the header and two offers
