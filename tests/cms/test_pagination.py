"""The pagination component links to a bounded number of pages, however long the listing (20,000 dates made
1,500 links, a third of a megabyte: see ``make bench-scale``)."""

from bs4 import BeautifulSoup

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def pagination(number, count=20_000, query=""):
    page = Paginator(range(count), 12).get_page(number)
    html = render_to_string("components/pagination.html", {"items": page, "query": query})
    return BeautifulSoup(html, "html.parser").select_one("nav.pagination")


def items(nav):
    return [li.get_text(" ", strip=True) for li in nav.select("li")]


def test_a_long_listing_links_to_its_ends_and_the_neighbours_of_the_current_page():
    nav = pagination(700)
    assert items(nav) == [
        "Page précédente",
        "Page 1",
        "…",
        "Page 698",
        "Page 699",
        "Page 700",
        "Page 701",
        "Page 702",
        "…",
        "Page 1667",
        "Page suivante",
    ]
    assert nav.select_one("a[aria-current=page]").get_text(" ", strip=True) == "Page 700"


def test_near_an_end_there_is_no_gap_on_that_side():
    assert items(pagination(2)) == [
        "Page précédente",
        "Page 1",
        "Page 2",
        "Page 3",
        "Page 4",
        "…",
        "Page 1667",
        "Page suivante",
    ]
    assert items(pagination(1667)) == ["Page précédente", "Page 1", "…", "Page 1665", "Page 1666", "Page 1667"]


def test_a_short_listing_links_to_every_page_and_keeps_the_query():
    nav = pagination(1, count=40, query="type=emploi")
    assert [a["href"] for a in nav.select("a")] == [
        "?type=emploi&page=1",
        "?type=emploi&page=2",
        "?type=emploi&page=3",
        "?type=emploi&page=4",
        "?type=emploi&page=2",
    ]
