"""Every page type, in both languages, passes axe-core with no violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from wagtail.models import Locale, Page

from cms.models import FormPage, NewsIndexPage, NewsPage, StandardPage, TerritoryIndexPage, TerritoryPage
from home.models import HomePage

PAGE_TYPES = [HomePage, StandardPage, NewsIndexPage, NewsPage, TerritoryIndexPage, TerritoryPage, FormPage]
EXTRA_PATHS = {
    "fr": [
        "/fr/recherche/?q=territoire",
        "/fr/recherche/?q=emploi&kind=offer&sort=newest&page=2",  # facets, sort and pagination in use
        "/fr/recherche/?q=territiore",  # no result: a suggestion and links to the catalogue and the agenda
        "/fr/recherche/?q=zzzzzz&kind=nimporte",  # an ignored value reported
        "/fr/page-qui-nexiste-pas/",
    ],
    "en": ["/en/search/?q=territory", "/en/search/?q=territroy", "/en/search/?q=zzzzzz", "/en/no-such-page/"],
}


def urls_of_every_page_type(language_code):
    locale = Locale.objects.get(language_code=language_code)
    urls = []
    for model in PAGE_TYPES:
        page = Page.objects.type(model).live().filter(locale=locale).order_by("path").first()
        assert page is not None, f"the demo content has no live {model.__name__} in {language_code}"
        urls.append(page.url)
    return urls + EXTRA_PATHS[language_code]


@pytest.mark.parametrize("language_code", ["fr", "en"])
@pytest.mark.parametrize("width", [1280, 320])
def test_every_page_type_has_no_axe_violation(demo, page, language_code, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    failures = []
    for url in urls_of_every_page_type(language_code):
        page.goto(demo.url + url)
        assert page.locator("html").get_attribute("lang") == language_code, url
        results = axe.run(page)
        if results.violations_count:
            failures.append(f"{url}:\n{results.generate_report()}")
        # Nothing overflows sideways on a narrow phone.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls horizontally by {overflow}px at {width}px"
    assert not failures, "\n\n".join(failures)
