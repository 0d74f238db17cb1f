"""A member logs in, reads the members' area, logs out and is refused; a non-member is told how to join.

Every page of the way (login, password reset, account, members' area, join page) passes axe-core.
"""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from members.models import MemberAreaPage, TrainingResourcePage

PASSWORD = "un-mot-de-passe-de-test-2026"


def with_password(username):
    """The demo account ``username`` with a known password (the demo sets none outside DEBUG)."""
    user = get_user_model().objects.get(username=username)
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def member_area(language_code):
    return MemberAreaPage.objects.live().get(locale=Locale.objects.get(language_code=language_code))


def log_in(page, username):
    page.get_by_label("Adresse électronique ou identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def axe_failures(page, axe, failures):
    results = axe.run(page)
    if results.violations_count:
        failures.append(f"{page.url}:\n{results.generate_report()}")


def test_a_member_logs_in_reads_the_area_logs_out_and_is_refused(demo, page):
    with_password("adherent-demo")
    area = member_area("fr")
    axe, failures = Axe(), []

    page.goto(demo.url + area.url)
    expect(page).to_have_url(re.compile(r"/fr/compte/connexion/\?next="))
    expect(page.locator("main")).to_contain_text("réservée aux adhérents")
    axe_failures(page, axe, failures)
    log_in(page, "adherent-demo")
    expect(page).to_have_url(demo.url + area.url)
    expect(page.locator("h1")).to_have_text(area.title)
    axe_failures(page, axe, failures)

    page.goto(demo.url + "/fr/compte/")
    expect(page.locator(".account-membership")).to_contain_text("Valide jusqu'au")
    axe_failures(page, axe, failures)
    page.get_by_role("button", name="Se déconnecter").click()

    page.goto(demo.url + area.url)
    expect(page).to_have_url(re.compile(r"/fr/compte/connexion/\?next="))
    expect(page.locator("h1")).to_have_text("Se connecter")
    assert not failures, "\n\n".join(failures)


def test_a_non_member_is_told_how_to_join_and_is_not_sent_back_to_the_login(demo, page):
    with_password("visiteur-demo")
    area = member_area("fr")
    page.goto(demo.url + area.url)
    log_in(page, "visiteur-demo")
    expect(page).to_have_url(demo.url + area.url)
    expect(page.locator("h1")).not_to_have_text(area.title)
    expect(page.locator("main")).to_contain_text("cotisation annuelle")
    assert page.locator("input[type=password]").count() == 0  # not the login form again
    failures = []
    axe_failures(page, Axe(), failures)
    assert not failures, "\n\n".join(failures)


def test_account_pages_have_no_axe_violation_in_both_languages(demo, page):
    axe, failures = Axe(), []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for url in ("/fr/compte/connexion/", "/fr/compte/mot-de-passe/oublie/", "/en/account/login/"):
            page.goto(demo.url + url)
            axe_failures(page, axe, failures)
        page.goto(demo.url + "/fr/compte/connexion/")
        page.get_by_role("button", name="Se connecter").click()  # empty form: the errors are shown and linked
        expect(page.locator(".form-errors")).to_be_visible()
        axe_failures(page, axe, failures)
    assert not failures, "\n\n".join(failures)


def test_a_member_filters_the_resources_downloads_a_document_logs_out_and_is_refused(demo, page):
    with_password("adherent-demo")
    area = member_area("fr")
    page.goto(demo.url + area.url)
    log_in(page, "adherent-demo")
    expect(page).to_have_url(demo.url + area.url)
    page.locator("input[name=kind][value=memento]").check()
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"kind=memento"))
    expect(page.locator("#resource-count")).to_contain_text("6 ressources")
    page.locator(".card-grid a").first.click()
    expect(page.locator(".resource__documents")).to_be_visible()
    link = page.locator(".resource__documents a").first
    with page.expect_download() as download_info:
        link.click()
    path = download_info.value.path()
    with open(path, "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"
    resource_url, document_url = page.url, link.get_attribute("href")

    page.goto(demo.url + "/fr/compte/")
    page.get_by_role("button", name="Se déconnecter").click()
    for url in (resource_url, demo.url + document_url):
        page.goto(url)
        expect(page).to_have_url(re.compile(r"/fr/compte/connexion/\?next="))
        expect(page.locator("h1")).to_have_text("Se connecter")


def test_the_members_index_and_a_resource_have_no_axe_violation(demo, page):
    with_password("adherent-demo")
    page.goto(demo.url + "/fr/compte/connexion/")
    log_in(page, "adherent-demo")
    axe, failures = Axe(), []
    for code in ("fr", "en"):
        area = member_area(code)
        resource = TrainingResourcePage.objects.live().filter(locale=area.locale).order_by("path").first()
        assert resource is not None, f"the demo content has no {code} training resource"
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            for url in (area.url, f"{area.url}?kind=memento&year=zzz", resource.url):
                page.goto(demo.url + url)
                axe_failures(page, axe, failures)
    assert not failures, "\n\n".join(failures)
