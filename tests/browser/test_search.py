"""Search suggestions in a browser, with the keyboard only: type the start of a title, go down, press Enter;
Escape closes the list; axe finds nothing with the list open, in French and English, wide and narrow."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from wagtail.models import Locale

from cms.models import StandardPage, TerritoryPage
from cms.visibility import visible_pages
from offers.models import OfferIndexPage


def a_demo_page(model, language_code):
    """A visible page of the demo, below the home page, and what to type to find it (its title, the last word cut)."""
    locale = Locale.objects.get(language_code=language_code)
    page = visible_pages(None, model.objects.filter(depth__gt=2), locale=locale).order_by("path").first()
    assert page is not None, f"the demo content has no visible {model.__name__} in {language_code}"
    words = page.title.split()
    words[-1] = words[-1][: max(3, len(words[-1]) - 2)]
    return page, " ".join(words)


def header_field(page):
    return page.get_by_role("banner").get_by_role("combobox")


def open_suggestions(page, typed):
    field = header_field(page)
    field.focus()
    page.keyboard.type(typed)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    return field, listbox


@pytest.mark.parametrize("model", [TerritoryPage, StandardPage])
def test_type_a_title_go_down_and_press_enter(demo, page, model):
    target, typed = a_demo_page(model, "fr")
    page.goto(demo.url + "/fr/")
    field, listbox = open_suggestions(page, typed)
    options = listbox.get_by_role("option")
    expect(options.first).to_be_visible()
    titles = [t.strip() for t in listbox.locator(".autocomplete__title").all_inner_texts()]
    assert target.title in titles, (typed, titles)
    for _ in range(titles.index(target.title) + 1):
        page.keyboard.press("ArrowDown")
    active = options.nth(titles.index(target.title))
    expect(active).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", active.get_attribute("id"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo.url + target.url)
    expect(page.locator("h1")).to_have_text(target.title)


def test_enter_without_an_active_option_submits_the_search(demo, page):
    target, _typed = a_demo_page(TerritoryPage, "fr")
    page.goto(demo.url + "/fr/")
    # The whole title: the search page looks for whole words, not prefixes.
    open_suggestions(page, target.title)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fr/recherche/\?q="))
    expect(page.locator(".search-results")).to_contain_text(target.title)


def test_escape_closes_the_list_then_empties_the_field(demo, page):
    _target, typed = a_demo_page(TerritoryPage, "fr")
    page.goto(demo.url + "/fr/")
    field, listbox = open_suggestions(page, typed)
    expect(page.locator(".header-search [aria-live=polite]")).to_have_text(re.compile(r"^\d+ suggestions?$"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    assert field.get_attribute("aria-activedescendant") is None
    expect(field).to_have_value(typed)
    page.keyboard.press("Escape")
    expect(field).to_have_value("")
    # Leaving the field closes the list too.
    page.keyboard.type(typed)
    expect(listbox).to_be_visible()
    page.keyboard.press("Tab")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")


def test_the_search_page_field_suggests_too_and_the_filters_do_not(demo, page):
    target, typed = a_demo_page(TerritoryPage, "fr")
    page.goto(demo.url + "/fr/recherche/")
    field = page.get_by_role("main").get_by_role("combobox")
    field.focus()
    page.keyboard.type(typed)
    expect(page.get_by_role("main").get_by_role("listbox")).to_contain_text(target.title)
    # The catalogue's own q filters the catalogue: no suggestions there.
    catalogue = visible_pages(None, OfferIndexPage.objects.all(), locale=Locale.objects.get(language_code="fr")).get()
    page.goto(demo.url + catalogue.url)
    expect(page.locator("#catalogue-filters input[name=q]")).to_have_count(1)
    expect(page.locator("#catalogue-filters [role=combobox]")).to_have_count(0)


@pytest.mark.parametrize("language_code", ["fr", "en"])
@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violation_with_the_list_open(demo, page, language_code, width):
    target, typed = a_demo_page(TerritoryPage, language_code)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo.url + f"/{language_code}/")
    _field, listbox = open_suggestions(page, typed)
    page.keyboard.press("ArrowDown")
    expect(listbox.locator("[aria-selected=true]")).to_have_count(1)
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the open list scrolls the page sideways by {overflow}px at {width}px"


def test_a_click_on_a_suggestion_opens_it_in_english(demo, page):
    target, typed = a_demo_page(TerritoryPage, "en")
    page.goto(demo.url + "/en/search/")
    field, listbox = open_suggestions(page, typed)
    expect(listbox).to_have_attribute("aria-label", "Suggestions")
    expect(page.locator(".header-search [aria-live=polite]")).to_have_text(re.compile(r"^\d+ suggestions?$"))
    listbox.get_by_role("option", name=re.compile(re.escape(target.title))).first.click()
    expect(page).to_have_url(demo.url + target.url)
    assert target.url.startswith("/en/")
