"""The map of offers in a real browser: Leaflet draws one marker per place, keyboard users reach the offers,
axe finds nothing, nothing is downloaded from a tile server, and without JavaScript the list is all there is."""

import json

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from wagtail.models import Locale

from cms.models import TerritoryPage
from cms.visibility import visible_pages
from home.models import HomePage
from offers.models import OfferIndexPage, OfferPage
from tests.factories import OfferIndexPageFactory, OfferPageFactory


def catalogue_with_mapped_offers():
    """The French catalogue of the demo, with offers that have coordinates (created if the demo has none)."""
    fr = Locale.objects.get(language_code="fr")
    catalogue = OfferIndexPage.objects.live().filter(locale=fr).first()
    if catalogue is None:
        catalogue = OfferIndexPageFactory(parent=HomePage.objects.get(locale=fr), title="Offres", slug="offres")
    mapped = visible_pages(None, OfferPage.objects.all(), locale=fr).exclude(latitude=None)
    if not mapped.exists():
        territory = visible_pages(None, TerritoryPage.objects.all(), locale=fr).first()
        for n, (lat, lng) in enumerate([(44.753, 5.37), (44.682, 5.61), (44.9, 5.2)]):
            OfferPageFactory(parent=territory, title=f"Offre cartographiée {n}", latitude=lat, longitude=lng)
    return catalogue


def places_of(page):
    points = json.loads(page.locator(".offer-map script[id$='-points']").first.text_content())
    return points_and_places(points)


def points_and_places(points):
    assert points
    return points, {(round(p["lat"], 5), round(p["lng"], 5)) for p in points}


def test_catalogue_map_draws_a_marker_per_place_and_passes_axe(demo, page):
    url = demo.url + catalogue_with_mapped_offers().url
    outside = []
    page.on("request", lambda request: None if request.url.startswith(demo.url) else outside.append(request.url))
    # The catalogue's points are not in the page: the map script fetches them from the map/ route.
    with page.expect_response(lambda response: "/map/" in response.url) as fetched:
        page.goto(url)
    assert fetched.value.ok
    data = fetched.value.json()
    points, places = points_and_places(data["points"])
    assert page.locator(".offer-map script[id$='-points']").count() == 0
    expect(page.locator(".offer-map__note")).to_have_text(data["note"])
    canvas = page.locator(".offer-map .leaflet-container")
    expect(canvas).to_be_visible()
    expect(page.locator(".offer-map")).to_have_attribute("data-offer-map-ready", "true")
    markers = page.locator(".offer-map .leaflet-marker-icon")
    expect(markers).to_have_count(len(places))
    # Without a tile server (tests), the region's outline is the background and nothing leaves the site.
    expect(page.locator(".offer-map .offer-map__region")).to_have_count(1)
    assert page.locator(".offer-map .leaflet-tile").count() == 0
    assert outside == []

    # A keyboard user opens a marker's popup and finds a link to the offer.
    markers.first.focus()
    page.keyboard.press("Enter")
    popup_links = page.locator(".offer-map .leaflet-popup a[href]:not(.leaflet-popup-close-button)")
    expect(popup_links.first).to_be_visible()
    assert popup_links.first.get_attribute("href") in {p["url"] for p in points}
    expect(page.locator(".leaflet-popup-close-button")).to_have_attribute("aria-label", "Fermer")
    # Let the popup finish fading in, so that axe measures its real contrast. (A string predicate for
    # wait_for_function would be evaluated with eval(), which the site's Content-Security-Policy refuses.)
    expect(page.locator(".offer-map .leaflet-popup")).to_have_css("opacity", "1")

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_map_stays_out_of_the_way(demo, browser):
    url = demo.url + catalogue_with_mapped_offers().url
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(url)
        expect(page.locator(".offer-map")).to_be_hidden()
        expect(page.locator(".offer-list a").first).to_be_visible()
    finally:
        context.close()


def test_territory_page_maps_its_offers_and_passes_axe(demo, page):
    catalogue_with_mapped_offers()
    fr = Locale.objects.get(language_code="fr")
    offers = visible_pages(None, OfferPage.objects.all(), locale=fr).exclude(latitude=None)
    territory = TerritoryPage.objects.get(pk=offers.values_list("territory_id", flat=True).first())
    page.goto(demo.url + territory.url)
    points, places = places_of(page)
    assert {p["url"] for p in points} <= {offer.url for offer in offers}
    expect(page.locator(".offer-map .leaflet-marker-icon")).to_have_count(len(places))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
