"""An officer imports offers from a CSV file: the preview shows the bad row's error on its line and passes axe-core;
the corrected file imports as drafts under the territory."""

import csv
import io

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.urls import reverse

from cms.models import TerritoryPage
from offers.models import OfferPage, OfferType
from tests.browser.test_registration_admin import log_in_to_the_admin

HEADERS = ["Titre", "Type d'offre", "Commune", "Code postal"]


def csv_upload(rows):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return {"name": "offres.csv", "mimeType": "text/csv", "buffer": ("\ufeff" + out.getvalue()).encode("utf-8")}


def test_an_officer_previews_fixes_and_imports_a_csv(demo, page):
    territory = TerritoryPage.objects.filter(locale__language_code="fr").order_by("title").first()
    offer_type = OfferType.objects.filter(locale__language_code="fr").order_by("name").first()
    good = ["Menuiserie à transmettre (essai d'import)", offer_type.slug, "Die", "26150"]
    log_in_to_the_admin(page, demo.url)

    page.goto(demo.url + reverse("offers_import:upload"))
    page.get_by_label("Territoire").select_option(label=territory.title)
    page.get_by_label("Fichier").set_input_files(
        csv_upload([good, ["Café associatif à reprendre (essai d'import)", offer_type.slug, "", "2615"]])
    )
    page.get_by_role("button", name="Vérifier le fichier").click()

    expect(page.locator("#ligne-2")).to_contain_text("OK")
    bad = page.locator("#ligne-3")
    expect(bad).to_contain_text("Commune : obligatoire.")
    expect(bad).to_contain_text("Code postal : « 2615 » n'est pas un code postal à 5 chiffres.")
    expect(page.get_by_role("button", name="Importer")).to_have_count(0)
    # Our content only: Wagtail's own frame is Wagtail's to test.
    results = Axe().run(page, context=".nice-padding")
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("link", name="Envoyer le fichier corrigé").click()
    expect(page.get_by_label("Territoire")).to_have_value(str(territory.pk))
    page.get_by_label("Fichier").set_input_files(
        csv_upload([good, ["Café associatif à reprendre (essai d'import)", offer_type.slug, "Luc-en-Diois", "26310"]])
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    expect(page.locator("#ligne-3")).to_contain_text("OK")
    page.get_by_role("button", name="Importer 2 offres en brouillon").click()

    expect(page.locator(".messages")).to_contain_text("2 offres importées en brouillon")
    imported = OfferPage.objects.filter(title__endswith="(essai d'import)")
    assert sorted(imported.values_list("territory_id", "live")) == [(territory.pk, False)] * 2
