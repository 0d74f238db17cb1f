"""The catalogue ("Offres"): filters, facet counts, chips, sorting, pagination, visibility, query budget."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
import wagtail_factories

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation

from cms.content_version import forget_content
from offers import catalogue as catalogue_module
from offers.catalogue import build_catalogue
from offers.models import OfferPage
from tests.conftest import measure_queries, soup
from tests.factories import OfferPageFactory, UserFactory
from tests.offers.catalogue_data import HIDDEN_TITLES, NOW, at, build_catalogue_data

pytestmark = pytest.mark.django_db

NEWEST_FIRST = [
    "Animateur nature",
    "Atelier de menuiserie",
    "Maraîcher associé",
    "Gîte de randonnée",
    "Boulangerie à reprendre",
]


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_catalogue_data(site_tree)


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".offer-list .card__title a")]


def count_text(response):
    return soup(response).select_one("[role=status][aria-live=polite]").get_text(" ", strip=True)


def ignored(response):
    box = soup(response).select_one("#catalogue-ignored")
    return [li.get_text(strip=True) for li in box.select("li")] if box else []


def test_lists_the_visible_offers_of_the_language_newest_first(client, data):
    response = client.get(data.url)
    assert response.status_code == 200
    assert titles(response) == NEWEST_FIRST
    assert count_text(response) == "5 offres"
    main_text = soup(response).main.get_text(" ")
    assert not [title for title in HIDDEN_TITLES if title in main_text]
    english = client.get(data.url_en)
    assert titles(english) == ["Market gardener partner", "Bakery to take over"]
    assert soup(english).select_one("select[name=territory] option[selected]") is None


def test_hidden_offers_are_never_listed_counted_or_mapped(client, data):
    catalogue = client.get(data.url).context["catalogue"]
    listed = set(catalogue.offers.values_list("title", flat=True))
    assert listed == set(NEWEST_FIRST)
    assert catalogue.count == 5
    for facet in catalogue.facets.values():
        if facet.name != "sector":  # an offer has several sectors
            assert sum(choice.count for choice in facet.choices) == 5, facet.name
    tourisme = next(c for c in catalogue.facets["sector"].choices if c.value == "tourisme")
    assert tourisme.count == 2  # the draft, expired and private tourism offers are not counted
    mapped = {point["title"] for point in catalogue.map_points}
    assert mapped == set(NEWEST_FIRST) - {"Animateur nature"}  # it has no coordinates
    assert not mapped & HIDDEN_TITLES
    # A logged-in visitor passes the login restriction: the gate, not the catalogue, decides.
    client.force_login(UserFactory())
    assert "Offre réservée" in titles(client.get(data.url))


def test_map_points_carry_urls_and_coordinates(client, data):
    catalogue = client.get(data.url + "?territory=pays-diois").context["catalogue"]
    points = {point["title"]: point for point in catalogue.map_points}
    boulangerie = data.offers["boulangerie"]
    assert points["Boulangerie à reprendre"] == {
        "title": "Boulangerie à reprendre",
        "url": boulangerie.url,
        "lat": 44.753,
        "lng": 5.370,
        "commune": "Die",
    }
    assert set(points) == {"Boulangerie à reprendre", "Gîte de randonnée"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=boulangerie", ["Boulangerie à reprendre"]),
        ("q=four+bois", ["Boulangerie à reprendre"]),  # every word must match
        ("q=four+piscine", []),
        ("q=Roanne", ["Maraîcher associé"]),  # the commune is indexed
        ("territory=pays-diois", ["Gîte de randonnée", "Boulangerie à reprendre"]),
        ("type=emploi", ["Animateur nature", "Maraîcher associé"]),
        ("sector=tourisme", ["Animateur nature", "Gîte de randonnée"]),
        (
            "sector=tourisme&sector=artisanat",
            ["Animateur nature", "Atelier de menuiserie", "Gîte de randonnée", "Boulangerie à reprendre"],
        ),
        (
            "sector=tourisme&sector=agriculture",
            ["Animateur nature", "Maraîcher associé", "Gîte de randonnée", "Boulangerie à reprendre"],
        ),
        ("department=69", ["Animateur nature", "Atelier de menuiserie"]),
        ("near=lyon", ["Atelier de menuiserie"]),  # 50 km by default: Roanne (67 km) and Die (120 km) are out
        ("near=lyon&radius=100", ["Atelier de menuiserie", "Maraîcher associé"]),
        ("near=valence&radius=80", ["Gîte de randonnée", "Boulangerie à reprendre"]),
        ("territory=beaujolais-vert&type=emploi", ["Animateur nature"]),
        ("type=emploi&sector=artisanat", []),
    ],
)
def test_each_filter(client, data, query, expected):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    assert not ignored(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", NEWEST_FIRST),
        ("sort=newest", NEWEST_FIRST),
        (
            "sort=closing",
            # Soonest expiry first, then the offers without an end date, newest first.
            [
                "Maraîcher associé",
                "Gîte de randonnée",
                "Animateur nature",
                "Atelier de menuiserie",
                "Boulangerie à reprendre",
            ],
        ),
        (
            "sort=nearest&near=lyon&radius=200",
            ["Atelier de menuiserie", "Maraîcher associé", "Boulangerie à reprendre", "Gîte de randonnée"],
        ),
        (
            "sort=nearest&near=valence&radius=200",
            ["Boulangerie à reprendre", "Gîte de randonnée", "Atelier de menuiserie", "Maraîcher associé"],
        ),
    ],
)
def test_sort_orders(client, data, query, expected):
    response = client.get(f"{data.url}?{query}")
    assert titles(response) == expected
    selected = soup(response).select_one("#filter-sort option[selected]")["value"]
    assert selected == (parse_qs(query).get("sort", ["newest"])[0])


def test_nearest_without_a_town_falls_back_to_newest_and_says_so(client, data):
    response = client.get(data.url + "?sort=nearest")
    assert titles(response) == NEWEST_FIRST
    assert ignored(response) == ["Le tri par proximité demande une ville : les offres sont triées par date."]
    assert soup(response).select_one("#filter-sort option[selected]")["value"] == "newest"


def facet_counts(response, name):
    """{value: count} as shown beside each choice of a facet of the form."""
    html = soup(response)
    counts = {}
    for option in html.select(f"select[name={name}] option"):
        match = re.search(r"\((\d+)\)$", option.get_text(strip=True))
        if option["value"] and match:
            counts[option["value"]] = int(match.group(1))
    for box in html.select(f"input[name={name}]"):
        if box["value"]:
            counts[box["value"]] = int(
                box.find_parent("label").select_one(".facet-count").get_text(strip=True).strip("()")
            )
    return counts


@pytest.mark.parametrize(
    "base",
    [
        "",
        "type=emploi",
        "near=lyon&radius=120",
        "q=reprendre",
        "sector=tourisme",
        # Two or three of territory, type and department: counted together in one grouped query.
        "type=emploi&department=69",
        "territory=pays-diois&type=reprise&department=26",
        "sector=tourisme&type=emploi&department=69",
        "sector=tourisme&sector=artisanat&territory=beaujolais-vert&department=69&near=lyon&radius=200",
    ],
)
def test_the_count_beside_a_choice_is_the_number_of_results_after_ticking_it(client, data, base):
    page = client.get(f"{data.url}?{base}")
    checked = 0
    for name in ["territory", "type", "sector", "department"]:
        counts = facet_counts(page, name)
        assert counts, name
        for value, count in counts.items():
            params = parse_qs(base)
            if name == "sector" and value in params.get("sector", []):
                continue  # ticked already
            params[name] = [value]  # ticking a sector while another is ticked widens: shown alone here
            query = "&".join(f"{k}={v}" for k, values in params.items() for v in values)
            after = client.get(f"{data.url}?{query}")
            assert len(titles(after)) == count, (base, name, value)
            checked += 1
    assert checked >= 8


def test_facet_labels_follow_the_language_and_fall_back_to_french(client, data):
    html = soup(client.get(data.url_en))

    def labels(name):
        return [box.find_parent("label").get_text(" ", strip=True) for box in html.select(f"input[name={name}]")]

    assert "Tourism (0)" in labels("sector")  # the English translation of the term
    assert "Agriculture et alimentation (2)" in labels("sector")  # no English name yet: the French one
    assert {"Business takeover (1)", "Job (1)"} <= set(labels("type"))
    # Cards show the type in the active language too.
    assert [p.get_text(strip=True) for p in html.select(".offer-card .card__meta")] == ["Job", "Business takeover"]


def test_territory_values_are_the_same_in_both_languages(client, data):
    # The English Pays Diois has the slug "diois-country"; the filter value stays "pays-diois".
    english = client.get(data.url_en + "?territory=pays-diois")
    assert titles(english) == ["Bakery to take over"]
    options = [o["value"] for o in soup(english).select("select[name=territory] option") if o["value"]]
    assert options == ["pays-diois", "roannais"]  # ordered by English title: "Diois country", "Roannais"
    assert client.get(data.url_en + "?territory=diois-country").context["catalogue"].ignored


def test_chips_remove_one_filter_and_keep_the_others(client, data):
    query = "q=atelier&territory=beaujolais-vert&type=local&sector=artisanat&sector=tourisme&near=lyon&radius=60"
    response = client.get(f"{data.url}?{query}")
    assert titles(response) == ["Atelier de menuiserie"]
    chips = {a.get_text(" ", strip=True): a["href"] for a in soup(response).select(".filter-chip")}
    assert list(chips) == [
        "Mots-clés : « atelier » – retirer ce filtre ×",
        "Territoire : Beaujolais Vert – retirer ce filtre ×",
        "Type d'offre : Local ou atelier – retirer ce filtre ×",
        "Secteurs : Artisanat – retirer ce filtre ×",
        "Secteurs : Tourisme – retirer ce filtre ×",
        "À moins de 60 km de Lyon – retirer ce filtre ×",
    ]
    full = parse_qs(query)
    for label, href in chips.items():
        assert urlsplit(href).path == data.url
        remaining = parse_qs(urlsplit(href).query)
        removed = {k: set(v) for k, v in full.items()}
        for key, values in remaining.items():
            removed[key] -= set(values)
        removed = {k: v for k, v in removed.items() if v}
        assert len(removed) in (1, 2), label  # one filter, or near with its radius
        assert client.get(href).status_code == 200
    assert parse_qs(urlsplit(chips["Secteurs : Artisanat – retirer ce filtre ×"]).query)["sector"] == ["tourisme"]
    assert "radius" not in parse_qs(urlsplit(chips["À moins de 60 km de Lyon – retirer ce filtre ×"]).query)


def test_empty_state_suggests_widening(client, data):
    response = client.get(data.url + "?near=lyon&radius=10&type=emploi")
    assert titles(response) == []
    assert count_text(response) == "Aucune offre"
    empty = soup(response).select_one(".catalogue__empty")
    links = {a.get_text(" ", strip=True): a["href"] for a in empty.select("a")}
    assert links["Étendre le rayon à 20 km"] == f"{data.url}?type=emploi&near=lyon&radius=20"
    assert links["Voir toutes les offres"] == data.url
    assert f"{data.url}?near=lyon&radius=10" in links.values()  # without the type


def test_pagination_keeps_the_filters(client, data):
    diois = data.territories["pays-diois"]
    with time_machine.travel(NOW, tick=False):
        for n in range(14):
            offer = OfferPageFactory(
                parent=diois, offer_type=data.types["emploi"], title=f"Saisonnier {n:02d}", first_published_at=at(n)
            )
            offer.sectors.set([data.sectors["tourisme"]])
            offer.save()
    first = client.get(data.url + "?sector=tourisme&sort=newest")
    assert count_text(first) == "16 offres, page 1 sur 2"
    assert len(titles(first)) == 12
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    assert parse_qs(urlsplit(next_link).query) == {"sector": ["tourisme"], "page": ["2"]}
    second = client.get(data.url + next_link)
    assert titles(second) == ["Saisonnier 12", "Saisonnier 13", "Animateur nature", "Gîte de randonnée"]
    assert soup(second).select_one("input[name=sector][value=tourisme]").has_attr("checked")


BAD_QUERIES = [
    ("territory=nexiste-pas", "Territoire"),
    ("type=zzz", "Type d'offre"),
    ("sector=a&sector=a", "Secteurs"),
    ("sector=tourisme&sector=typo", "Secteurs"),
    ("department=99", "Département"),
    ("radius=abc", "Rayon (km)"),
    ("radius=1e9", "Rayon (km)"),
    ("near=lyon&radius=0", "Rayon (km)"),
    ("page=-1", "Page"),
    ("page=0", "Page"),
    ("page=1.5", "Page"),
    ("sort=evil", "Trier par"),
    ("near=atlantis", "À proximité de"),
    ("q=" + "a" * 5000, "Mots-clés"),
    ("q=%00", "Mots-clés"),
    ("q=%22*()%3A", "Mots-clés"),  # punctuation only: search syntax, not words
    ("territory=%00", "Territoire"),
    ("sector=%ff%fe", "Secteurs"),
]


@pytest.mark.parametrize(("query", "field"), BAD_QUERIES)
def test_bad_values_are_ignored_and_shown(client, data, query, field):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code == 200
    messages = ignored(response)
    assert len(messages) == 1, messages
    assert f"« {field} »" in messages[0]


@pytest.mark.parametrize(
    "query",
    [
        "page=999999",
        "q=%ff%fe",
        "type=emploi&type=local",
        "q=a&q=b",
        "sector=",
        "q=%3Cscript%3Ealert(1)%3C/script%3E",
        "territory=pays-diois&territory=roannais",
        "radius=50",
        "unknown=1",
        "page=2&page=1",
    ],
)
def test_odd_but_harmless_queries(client, data, query):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert len(titles(response)) <= 12


def test_a_page_beyond_the_last_shows_the_last(client, data):
    response = client.get(data.url + "?type=emploi&page=999999")
    assert titles(response) == ["Animateur nature", "Maraîcher associé"]


def test_repeated_single_values_keep_the_last(client, data):
    assert titles(client.get(data.url + "?type=emploi&type=local")) == ["Atelier de menuiserie"]


def test_build_catalogue_offers_is_filtered_and_sorted_for_feeds(data):
    request = RequestFactory().get(data.url, {"sector": "tourisme", "sort": "closing", "page": "2"})
    request.user = AnonymousUser()
    with translation.override("fr"):
        offers = build_catalogue(request, data.index).offers
        # Not paginated: page=2 is the page's business, a feed lists every matching offer.
        assert offers.model is OfferPage
        assert [o.title for o in offers] == ["Gîte de randonnée", "Animateur nature"]


def listing(response):
    catalogue = response.context["catalogue"]
    return titles(response), count_text(response), catalogue.map_points


@pytest.mark.parametrize(
    "query", ["", "sector=tourisme&sort=closing", "type=emploi&page=2", "near=lyon&radius=200&sort=nearest"]
)
def test_cards_and_map_are_the_same_above_the_map_limit(client, data, monkeypatch, query):
    # Up to MAX_MAP_POINTS results, one query lists them all for the map and the cards are fetched by id;
    # above, the map and the cards are two queries of their own.
    with time_machine.travel(NOW, tick=False):
        for n in range(14):
            OfferPageFactory(
                parent=data.territories["roannais"],
                offer_type=data.types["emploi"],
                title=f"Saisonnier {n:02d}",
                first_published_at=at(n + 50),
                latitude=45.9 + n / 100,
                longitude=4.3,
            )
    few = listing(client.get(f"{data.url}?{query}"))
    monkeypatch.setattr(catalogue_module, "MAX_MAP_POINTS", 1)
    cache.clear()  # the limit applies when results are computed, and these were cached
    many = listing(client.get(f"{data.url}?{query}"))
    assert many[:2] == few[:2]
    assert many[2] == few[2][:1]
    assert few[0]


def test_above_the_map_limit_the_queries_do_not_grow_either(client, data, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(catalogue_module, "MAX_MAP_POINTS", 3)
    budget, _response = measure_queries(client, data.url, django_assert_max_num_queries)
    with time_machine.travel(NOW, tick=False):
        for n in range(20):
            OfferPageFactory(parent=data.territories["roannais"], title=f"Saisonnier {n:02d}", first_published_at=at(n))
    _counts, response = measure_queries(client, data.url, django_assert_max_num_queries, budget)
    assert response.context["catalogue"].count == 25
    assert len(response.context["catalogue"].map_points) == 3


def test_map_point_urls_are_the_pages_urls(client, data):
    unicode = OfferPageFactory(parent=data.territories["pays-diois"], title="Café", slug="café-à-reprendre")
    for url in (data.url, data.url_en):
        response = client.get(url)
        request = response.wsgi_request
        with translation.override(response.context["catalogue"].locale.language_code):
            expected = {
                offer.title: offer.get_url(request)
                for offer in response.context["catalogue"].offers.exclude(latitude=None)
            }
        assert {point["title"]: point["url"] for point in response.context["catalogue"].map_points} == expected
    assert expected["Bakery to take over"] == "/en/territories/diois-country/bakery/"
    assert client.get(unicode.url).status_code == 200
    points = client.get(data.url).context["catalogue"].map_points
    assert {"Café": unicode.url} in [{point["title"]: point["url"]} for point in points]
    assert "%C3%A9" in unicode.url


def make_offers(territory, offer_type, sector, images, count, start=0):
    offers = []
    for n in range(start, start + count):
        offers.append(
            OfferPageFactory(
                parent=territory,
                offer_type=offer_type,
                title=f"Atelier partagé {n}",
                summary="Un atelier partagé à la campagne.",
                first_published_at=at(n % 300),
                image=images[n % len(images)],
                latitude=45.9 + (n % 50) / 100,
                longitude=4.3 + (n % 50) / 100,
            )
        )
    through = OfferPage.sectors.through
    through.objects.bulk_create([through(offerpage_id=o.pk, sector_id=sector.pk) for o in offers])
    return offers


def test_the_catalogue_runs_as_many_queries_with_500_offers_as_with_10(client, data, django_assert_max_num_queries):
    territory = data.territories["beaujolais-vert"]
    images = [wagtail_factories.ImageFactory(title=f"Image {n}") for n in range(12)]
    urls = [data.url, data.url + "?q=atelier&type=emploi&sector=artisanat&near=lyon&radius=100&sort=nearest&page=2"]
    with time_machine.travel(NOW, tick=False):
        make_offers(territory, data.types["emploi"], data.sectors["artisanat"], images, 10)
    budgets = [measure_queries(client, url, django_assert_max_num_queries)[0] for url in urls]
    with time_machine.travel(NOW, tick=False):
        make_offers(territory, data.types["emploi"], data.sectors["artisanat"], images, 490, start=10)
    forget_content()  # bulk_create sends no signal: a bulk import says the content changed
    assert OfferPage.objects.count() > 500
    for url, budget in zip(urls, budgets, strict=True):
        (cold, _warm), response = measure_queries(client, url, django_assert_max_num_queries, budget)
        assert cold > 10  # really measured
        catalogue = response.context["catalogue"]
        assert catalogue.count >= 490
        assert len(catalogue.map_points) >= 490
        assert len(soup(response).select(".offer-list img")) >= 10  # the renditions came prefetched
    print(f"catalogue queries (cold, warm): {budgets} (plain, filtered)")  # noqa: T201
