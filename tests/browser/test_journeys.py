"""What a visitor does: switch language, follow the navigation, send the contact form."""

from playwright.sync_api import expect

from django.core import mail

from cms.models import FormPage


def test_skip_link_is_first_and_moves_focus_to_the_content(demo, page):
    page.goto(demo.url + "/fr/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#contenu")).to_be_focused()


def test_switch_language_and_follow_navigation(demo, page):
    page.goto(demo.url + "/")
    expect(page).to_have_url(demo.url + "/fr/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Territoires").click()
    expect(page.locator("h1")).to_have_text("Territoires")
    page.get_by_role("navigation", name="Choix de la langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(demo.url + "/en/territories/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="News").click()
    expect(page.locator("h1")).to_have_text("News")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page).to_have_url(demo.url + "/fr/actualites/")


def test_contact_form_is_sent_and_stored(demo, page):
    page.goto(demo.url + "/fr/contact/")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator(".form-errors")).to_be_visible()
    assert len(mail.outbox) == 0
    form = page.locator("form.form")
    for field in form.locator("input[type=text], input[type=email], textarea").all():
        kind = field.get_attribute("type")
        field.fill("camille@example.org" if kind == "email" else "Camille Martin, porteuse de projet à Lyon")
    for checkbox in form.locator("input[type=checkbox]").all():
        checkbox.check()
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    contact = FormPage.objects.get(locale__language_code="fr", slug="contact")
    assert contact.get_submission_class().objects.filter(page=contact).count() == 1
    assert len(mail.outbox) == 1
    assert "Camille Martin" in mail.outbox[0].body
