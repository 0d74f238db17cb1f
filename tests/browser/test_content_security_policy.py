"""The public pages run under the strict Content-Security-Policy (cms/content_security.py) without one refusal:
Chromium reports every blocked inline script, style attribute or foreign file as a `securitypolicyviolation` event
and a console error. The editors' userbar, shown on the same public pages, must work under it as well."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Locale

from agenda.models import EventIndexPage, EventPage
from home.models import HomePage
from offers.models import OfferPage
from tests.browser.test_offer_map import catalogue_with_mapped_offers

PASSWORD = "csp-de-test-2026"

# Runs before any of the page's own scripts: keeps every violation the document (or a shadow root) reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " "
        + (event.sourceFile || "") + ":" + event.lineNumber);
}, true);
"""


@pytest.fixture
def watched(page):
    """The page, with its console errors/warnings and CSP violations recorded for ``problems``."""
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    page.add_init_script(RECORD_VIOLATIONS)
    page.messages = messages
    return page


def problems(page):
    """What went wrong on the current page: console errors and warnings, then CSP violations.

    The userbar's accessibility checker logs what it finds in the content as a console error ("axe.run results");
    that is the checker working (it runs axe in the page), not a refusal of the policy, so it is left out.
    """
    console = [
        m
        for m in page.messages
        if m.split(":", 1)[0] in ("error", "warning", "pageerror") and not m.startswith("error: axe.run results")
    ]
    return console + page.evaluate("window.__cspViolations")


def public_urls():
    fr = Locale.objects.get(language_code="fr")
    offer = OfferPage.objects.live().filter(locale=fr).first()
    event = EventPage.objects.live().filter(locale=fr, dates__isnull=False).first()
    return {
        "home": HomePage.objects.get(locale=fr).url,
        "catalogue": catalogue_with_mapped_offers().url,
        "offer": offer.url,
        "agenda": EventIndexPage.objects.live().filter(locale=fr).first().url,
        "event": event.url,
        "search": reverse("search") + "?q=ferme",
        "login": reverse("accounts:login"),
    }


def test_public_pages_break_no_rule_of_the_policy(demo, watched):
    found = {}
    for name, url in public_urls().items():
        watched.messages.clear()
        response = watched.goto(demo.url + url)
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        watched.wait_for_load_state("networkidle")
        if name == "catalogue":  # Leaflet has drawn the map (its layers are placed through the CSSOM)
            expect(watched.locator("[data-offer-map-ready=true]")).to_have_count(1)
            watched.locator(".leaflet-marker-icon").first.focus()
            watched.keyboard.press("Enter")
            expect(watched.locator(".leaflet-popup")).to_be_visible()
        if name == "search":  # the autocomplete builds its list of suggestions
            watched.locator("form.header-search input[type=search]").first.fill("fer")
            watched.wait_for_timeout(600)
        found[name] = problems(watched)
    assert found == {name: [] for name in found}


def test_the_userbar_works_under_the_public_policy(demo, watched):
    editor = get_user_model().objects.get(username="redaction")
    editor.set_password(PASSWORD)
    editor.save(update_fields=["password"])
    watched.goto(demo.url + reverse("wagtailadmin_login"))
    watched.fill("input[name=username]", "redaction")
    watched.fill("input[name=password]", PASSWORD)
    watched.locator("form button[type=submit]").first.click()
    expect(watched).to_have_url(demo.url + reverse("wagtailadmin_home"))

    watched.messages.clear()
    offer = OfferPage.objects.live().filter(locale__language_code="fr").first()
    watched.goto(demo.url + offer.url)
    trigger = watched.locator("wagtail-userbar").locator("#wagtail-userbar-trigger")
    trigger.click()
    # The menu opens (its styles come from the admin's stylesheet) and leads to the editor.
    edit = watched.locator("wagtail-userbar").get_by_role("menuitem", name="Modifier cette page")
    expect(edit).to_be_visible()
    watched.wait_for_load_state("networkidle")
    # The userbar's accessibility checker (axe, from the admin's scripts) has run and shows its count.
    watched.wait_for_timeout(1000)
    assert problems(watched) == []

    # The admin's relaxed policy lets its own inline scripts and styles run: the page editor and its preview panel.
    watched.messages.clear()
    watched.goto(demo.url + reverse("wagtailadmin_pages:edit", args=[offer.pk]))
    expect(watched.locator("#w-editor-heading, h1").first).to_be_visible()
    watched.locator("[data-side-panel-toggle=preview]").click()
    expect(watched.locator("iframe#w-preview-iframe")).to_be_visible()
    watched.wait_for_load_state("networkidle")
    watched.wait_for_timeout(1500)
    refusals = [m for m in problems(watched) if "Content Security Policy" in m or "Permissions-Policy" in m]
    assert refusals + watched.evaluate("window.__cspViolations") == []
