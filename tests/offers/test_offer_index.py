"""The catalogue's facet index answers every query as the filters' SQL does: same offers, same order, same counts.

The page reads the index (``offers.offer_index``); the feeds, the exports and the map read ``filter_queryset`` in
SQL. Here random queries over the catalogue's filters are answered both ways and compared.
"""

from collections import Counter
from urllib.parse import urlencode

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import bitsets
from offers.filters import COLUMN_FILTERS
from tests.factories import OfferPageFactory
from tests.offers.catalogue_data import NOW, at, build_catalogue_data

pytestmark = pytest.mark.django_db

TOWNS = ["lyon", "saint-etienne", "grenoble", "valence"]


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        data = build_catalogue_data(site_tree)
        # More offers around the towns, some sharing a place, a date or an expiry: ties must order alike.
        territories = list(data.territories.values())
        types = list(data.types.values())
        sectors = list(data.sectors.values())
        for n in range(24):
            offer = OfferPageFactory(
                parent=territories[n % 3],
                offer_type=types[n % 3],
                title=f"Atelier partagé {n}",
                summary="Un atelier partagé à la campagne." if n % 2 else "Une boulangerie de village.",
                latitude=None if n % 7 == 0 else 45.2 + (n % 6) * 0.15,
                longitude=None if n % 7 == 0 else 4.4 + (n % 4) * 0.2,
                first_published_at=None if n % 11 == 0 else at(n % 5),
                expire_at=None if n % 3 else at(-(n % 4) - 1),
            )
            offer.sectors.set(sectors[: n % 4])
            offer.save()
        yield data


def index_answer(catalogue):
    counts = {name: {v: n for v, n in catalogue._counts(name).items() if n} for name in [*COLUMN_FILTERS, "sector"]}
    return catalogue.count, catalogue.sorted_ids, counts


def sql_answer(catalogue):
    """The same, from ``filter_queryset`` over the visible offers, as the feeds read it."""
    filterset, base = catalogue.filterset, catalogue.base
    ids = list(catalogue.sorted_offers.values_list("pk", flat=True))
    counts = {
        name: dict(Counter(filterset.filter_queryset(base, exclude=name).values_list(column, flat=True)))
        for name, column in COLUMN_FILTERS.items()
    }
    pairs = set(filterset.filter_queryset(base, exclude="sector").values_list("pk", "sectors__slug"))
    counts["sector"] = dict(Counter(slug for _pk, slug in pairs if slug))
    return len(ids), ids, counts


def optional(values):
    return st.one_of(st.none(), st.sampled_from(values))


queries = st.fixed_dictionaries(
    {
        "q": optional(["boulangerie", "atelier", "atelier partagé", "!!", "introuvable"]),
        "territory": optional(["pays-diois", "roannais", "beaujolais-vert", "inconnu"]),
        "type": optional(["emploi", "reprise", "local"]),
        "sector": st.lists(st.sampled_from(["tourisme", "agriculture", "artisanat", "inconnu"]), max_size=3),
        "department": optional(["26", "42", "69", "07"]),
        "near": optional(TOWNS),
        "radius": optional(["5", "30", "80", "200", "1000"]),
        "sort": optional(["newest", "closing", "nearest"]),
        "page": optional(["1", "2"]),
    }
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries, english=st.booleans())
def test_the_index_answers_as_the_sql_filters(client, data, query, english):
    params = {name: value for name, value in query.items() if value not in (None, [])}
    url = (data.url_en if english else data.url) + "?" + urlencode(params, doseq=True)
    with time_machine.travel(NOW, tick=False):
        catalogue = client.get(url).context["catalogue"]
        assert index_answer(catalogue) == sql_answer(catalogue), url


def test_a_sort_by_distance_lists_the_nearest_first_and_the_newest_among_equals(client, data):
    with time_machine.travel(NOW, tick=False):
        catalogue = client.get(f"{data.url}?near=lyon&radius=200&sort=nearest").context["catalogue"]
        distances = catalogue.index.near("lyon", 200).distances
        rows = [catalogue.index.row_of[pk] for pk in catalogue.sorted_ids]
    assert len(rows) > 10
    assert rows == sorted(rows, key=lambda row: (distances[row], row))
    assert [catalogue.index.pks[row] for row in rows] == catalogue.sorted_ids


def test_a_new_combination_of_filters_runs_no_counting_query(client, data):
    with time_machine.travel(NOW, tick=False):
        client.get(f"{data.url}?type=emploi")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{data.url}?type=reprise&sector=artisanat&near=lyon&radius=200&sort=closing")
    assert response.status_code == 200
    counting = [query["sql"] for query in captured if "COUNT(" in query["sql"] or "offerpage_sectors" in query["sql"]]
    assert counting == []
    assert response.context["catalogue"].count == len(response.context["catalogue"].sorted_ids) > 0


def test_bitsets_round_trip():
    assert bitsets.members(bitsets.from_positions([0, 3, 64, 99], 100), list(range(100))) == [0, 3, 64, 99]
    assert bitsets.members(0, ["a", "b"]) == []
    assert bitsets.members(bitsets.full(3), ["a", "b", "c"]) == ["a", "b", "c"]
    assert bitsets.flags(0, 0) == b""
    assert bitsets.from_flags(b"") == 0
    assert bitsets.from_flags(b"\x01\x00\x01").bit_count() == 2
