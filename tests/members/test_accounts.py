"""Accounts in both languages: log in, log out, reset a forgotten password by e-mail, change it, see my account;
repeated failures lock the login with a message."""

import re

import pytest
import time_machine

from django.core import mail

from tests.conftest import soup
from tests.members.conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un-nouveau-mot-de-passe-2026"


def login(client, username, password, url="/fr/compte/connexion/", **extra):
    return client.post(url, {"username": username, "password": password, **extra})


def test_the_login_page_is_an_accessible_french_form(client, site_tree):
    response = client.get("/fr/compte/connexion/")
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Se connecter"
    assert html.find("label", attrs={"for": "id_username"}).get_text(strip=True).startswith("Adresse électronique")
    assert html.find("label", attrs={"for": "id_password"})
    assert html.find("a", href="/fr/compte/mot-de-passe/oublie/")


def test_the_login_page_in_english(client, site_tree):
    html = soup(client.get("/en/account/login/"))
    assert html.h1.get_text(strip=True) == "Log in"
    assert html.find("a", href="/en/account/password/forgotten/")


def test_login_then_back_to_next(client, member_area, member, frozen):
    response = login(client, member.username, PASSWORD, next="/fr/espace-adherents/")
    assert response.status_code == 302 and response["Location"] == "/fr/espace-adherents/"
    assert client.get("/fr/espace-adherents/").status_code == 200


def test_login_without_next_goes_to_my_account(client, member, site_tree, frozen):
    response = login(client, member.username, PASSWORD)
    assert response["Location"] == "/fr/compte/"


def test_a_wrong_password_shows_an_error_linked_to_the_form(client, member, site_tree):
    response = login(client, member.username, "faux")
    assert response.status_code == 200
    html = soup(response)
    assert html.find(id="form-errors").get("role") == "alert"
    assert "_auth_user_id" not in client.session


def test_field_errors_are_linked_with_aria_describedby(client, site_tree):
    html = soup(client.post("/fr/compte/connexion/", {"username": "", "password": ""}))
    field = html.find("input", attrs={"name": "username"})
    assert field["aria-invalid"] == "true"
    assert html.find(id=field["aria-describedby"].split()[-1]).get_text(strip=True)


def test_logout_is_a_post(client, member, site_tree, frozen):
    client.force_login(member)
    assert client.get("/fr/compte/deconnexion/").status_code == 405
    response = client.post("/fr/compte/deconnexion/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_with_a_working_link(client, member, site_tree, frozen):
    response = client.post("/fr/compte/mot-de-passe/oublie/", {"email": member.email})
    assert response.status_code == 302 and response["Location"] == "/fr/compte/mot-de-passe/oublie/envoye/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "nouveau mot de passe" in message.subject
    link = re.search(r"http://testserver(/fr/compte/mot-de-passe/nouveau/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)  # Django swaps the token for a session key, then redirects
    assert form_page.status_code == 200
    html = soup(form_page)
    assert html.find("input", attrs={"name": "new_password1"})
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/fr/compte/mot-de-passe/nouveau/fait/"
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # The link served once.
    assert "plus valable" in soup(client.get(link, follow=True)).main.get_text()


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, site_tree):
    response = client.post("/fr/compte/mot-de-passe/oublie/", {"email": "inconnu@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_email_in_english(client, member, site_tree, frozen):
    client.post("/en/account/password/forgotten/", {"email": member.email})
    assert "/en/account/password/new/" in mail.outbox[0].body
    assert mail.outbox[0].body.startswith("Hello,")


def test_password_change(client, member, site_tree, frozen):
    client.force_login(member)
    response = client.post(
        "/fr/compte/mot-de-passe/changer/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/fr/compte/mot-de-passe/change/"
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert "_auth_user_id" in client.session  # still logged in


def test_password_change_needs_a_login(client, site_tree):
    response = client.get("/fr/compte/mot-de-passe/changer/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/connexion/?next=/fr/compte/mot-de-passe/changer/"


def test_my_account_shows_my_organisation_and_until_when(client, member, site_tree, frozen):
    client.force_login(member)
    response = client.get("/fr/compte/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    text = soup(response).main.get_text(" ", strip=True)
    organisation = member.member_profile.organisation.name
    assert organisation in text
    assert "Valide jusqu'au 31 décembre 2026" in text


def test_my_account_in_english(client, member, site_tree, frozen):
    client.force_login(member)
    text = soup(client.get("/en/account/")).main.get_text(" ", strip=True)
    assert "My account" in text and "Valid until 31 December 2026" in text


def test_my_account_says_when_the_membership_lapsed(client, lapsed_member, non_member, site_tree, frozen):
    client.force_login(lapsed_member)
    assert "Échue" in soup(client.get("/fr/compte/")).main.get_text()
    client.force_login(non_member)
    assert "aucune organisation adhérente" in soup(client.get("/fr/compte/")).main.get_text()


def test_my_account_needs_a_login(client, site_tree):
    response = client.get("/en/account/")
    assert response["Location"] == "/en/account/login/?next=/en/account/"


def test_five_failures_lock_the_login_with_a_message(client, member, site_tree):
    for _attempt in range(5):
        login(client, member.username, "faux")
    response = login(client, member.username, PASSWORD)
    assert response.status_code == 429
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Trop de tentatives de connexion"
    assert "15 minutes" in html.main.get_text()
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_after_the_cool_off(client, member, site_tree):
    with time_machine.travel("2026-06-15 10:00 +02:00", tick=False):
        for _attempt in range(5):
            login(client, member.username, "faux")
        assert login(client, member.username, PASSWORD).status_code == 429
    with time_machine.travel("2026-06-15 10:16 +02:00", tick=False):
        assert login(client, member.username, PASSWORD).status_code == 302


def test_the_lockout_message_in_english(client, site_tree):
    make_person(username="someone")
    for _attempt in range(6):
        response = login(client, "someone", "wrong", url="/en/account/login/")
    assert response.status_code == 429
    assert soup(response).h1.get_text(strip=True) == "Too many login attempts"


def test_the_test_client_can_still_log_in(client, member, site_tree, frozen):
    assert client.login(username=member.username, password=PASSWORD)
    assert client.get("/fr/compte/").status_code == 200
