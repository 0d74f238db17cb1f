"""The catalogue in a browser: filter by territory and sector, open an offer, come back with the filters kept;
axe finds nothing on the catalogue, an offer and a territory page, in both languages."""

import re
from collections import Counter

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from wagtail.models import Locale

from cms.models import TerritoryPage
from cms.visibility import visible_pages
from offers.models import OfferIndexPage, OfferPage


def visible(model, language_code):
    return visible_pages(None, model.objects.all(), locale=Locale.objects.get(language_code=language_code))


def busiest_territory_and_sector():
    """The (territory slug, sector slug) pair with the most visible French offers, and that number.

    Read from the database so the test follows the demo content as it evolves.
    """
    pairs = Counter()
    for offer in visible(OfferPage, "fr").select_related("territory").prefetch_related("sectors"):
        for sector in offer.sectors.all():
            pairs[offer.territory.slug, sector.slug] += 1
    assert pairs, "the demo content has no French offer with a sector"
    return pairs.most_common(1)[0]


def test_filter_open_an_offer_and_come_back_with_the_filters(demo, page):
    (territory, sector), count = busiest_territory_and_sector()
    catalogue_url = visible(OfferIndexPage, "fr").get().url
    page.goto(demo.url + catalogue_url)
    filters = page.get_by_role("search", name="Filtrer les offres")
    filters.get_by_label("Territoire", exact=True).select_option(territory)
    sector_box = filters.locator(f"input[name=sector][value='{sector}']")
    sector_box.check()
    filters.get_by_role("button", name="Filtrer").click()

    expect(page).to_have_url(re.compile(rf"\?.*territory={territory}.*&sector={sector}"))
    filtered_url = page.url
    expect(page.get_by_role("status")).to_contain_text(f"{count} offre")
    cards = page.locator(".offer-list .card__title a")
    expect(cards).to_have_count(min(count, 12))
    title = cards.first.inner_text()

    # Follow an offer, then the browser's Back button: the URL carries the filters, the form shows them.
    cards.first.click()
    expect(page.locator("h1")).to_have_text(title)
    page.go_back()
    expect(page).to_have_url(filtered_url)
    expect(filters.get_by_label("Territoire", exact=True)).to_have_value(territory)
    expect(sector_box).to_be_checked()

    # The offer's "Retour au catalogue" link comes back to the same filtered list (catalogue.js).
    cards.first.click()
    page.get_by_role("link", name="Retour au catalogue").click()
    expect(page).to_have_url(filtered_url)
    expect(sector_box).to_be_checked()

    # Removing the sector chip keeps the territory.
    page.locator(".filter-chip", has_text="Secteurs").click()
    expect(page).not_to_have_url(re.compile("sector="))
    expect(filters.get_by_label("Territoire", exact=True)).to_have_value(territory)


def test_catalogue_offer_and_territory_pages_have_no_axe_violation(demo, page):
    (territory, sector), _count = busiest_territory_and_sector()
    urls = []
    for code in ("fr", "en"):
        catalogue = visible(OfferIndexPage, code).get()
        offer = visible(OfferPage, code).exclude(territory=None).order_by("path").first()
        assert offer is not None, f"the demo content has no {code} offer"
        urls += [
            catalogue.url,
            # Filters, chips and a radius too small for anything: the empty state and its suggestions.
            f"{catalogue.url}?territory={territory}&sector={sector}&near=lyon&radius=5&sort=nearest",
            f"{catalogue.url}?near=atlantis&radius=abc",  # ignored values, shown in the form
            offer.url,
            visible(TerritoryPage, code).get(pk=offer.territory_id).url,
        ]
    axe = Axe()
    failures = []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            page.goto(demo.url + url)
            results = axe.run(page)
            if results.violations_count:
                failures.append(f"{url} at {width}px:\n{results.generate_report()}")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{url} scrolls horizontally by {overflow}px at {width}px"
    assert not failures, "\n\n".join(failures)
