"""The translations report and the PO import's results, on top of the demo: our content passes axe-core."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.urls import reverse

from home.models import HomePage
from tests.browser.test_registration_admin import log_in_to_the_admin
from tests.factories import StandardPageFactory


def axe_failures(page, context):
    results = Axe().run(page, context=context)
    return [f"{page.url} {context}:\n{results.generate_report()}"] if results.violations_count else []


def test_the_translations_report_and_the_import_results_pass_axe(demo, page, tmp_path):
    home = HomePage.objects.get(locale__language_code="fr")
    draft = StandardPageFactory(parent=home, title="Page à traduire pour le rapport", slug="page-a-traduire-rapport")
    draft.save_revision().publish()
    log_in_to_the_admin(page, demo.url)
    failures = []

    page.goto(demo.url + reverse("translations_status_report"))
    expect(page.locator("#listing-results tbody tr").first).to_contain_text("à jour")  # the demo is translated
    failures += axe_failures(page, "#listing-results")

    page.goto(demo.url + reverse("translations_status_report") + "?status=missing")
    row = page.locator("#listing-results tbody tr", has_text="Page à traduire pour le rapport")
    expect(row).to_contain_text("manquante")
    expect(row.get_by_role("link", name="Traduire cette page")).to_be_visible()
    # Our listing only: Wagtail's own frame, filters and "N matches" heading (its role="alert" on an h2 fails a
    # best-practice rule) are Wagtail's to test.
    failures += axe_failures(page, {"include": [["#listing-results"]], "exclude": [["#listing-results h2"]]})

    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nnot po at all\n')
    page.goto(demo.url + reverse("translations_po_import"))
    page.set_input_files("input[name=file]", str(broken))
    page.get_by_role("button", name="Importer").click()
    expect(page.locator(".translation-import-results tbody tr")).to_contain_text("Syntaxe PO invalide")
    failures += axe_failures(page, ".nice-padding")
    assert not failures, "\n\n".join(failures)
