"""Cancelling a registration: through the signed link of the emails (no account needed) and from "my
registrations"; forged, expired and replayed links get a clear page, never an error."""

import datetime
from urllib.parse import urlsplit

import pytest
import time_machine

from django.core import signing

from agenda import registrations as service
from agenda.models import EmailKind, Registration, RegistrationStatus
from tests.agenda.registration_support import person, site_session
from tests.conftest import soup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(site_tree):
    return site_session(site_tree, capacity=1)


def link(registration):
    return urlsplit(service.cancel_url(registration)).path


def text(response):
    return soup(response).get_text(" ", strip=True)


def test_the_link_asks_for_confirmation_and_only_the_post_cancels(client, session):
    _, date = session
    registration = service.register(date, person(1))
    response = client.get(link(registration))
    assert response.status_code == 200
    assert "Session Ma petite entreprise rurale" in text(response)
    assert soup(response).select_one("form[method=post] button").get_text(strip=True) == "Confirmer l'annulation"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED  # a mail scanner following the link cancels nothing

    response = client.post(link(registration))
    assert response.status_code == 200
    assert "est annulée" in text(response)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.cancelled_at is not None
    assert registration.emails.filter(kind=EmailKind.CANCELLATION).count() == 1


def test_cancelling_gives_the_seat_to_the_first_person_waiting(client, session):
    _, date = session
    first = service.register(date, person(1))
    waiting = [service.register(date, person(n)) for n in (2, 3)]
    assert [r.status for r in waiting] == [RegistrationStatus.WAITING] * 2
    client.post(link(first))
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "alex1@example.org": RegistrationStatus.CANCELLED,
        "alex2@example.org": RegistrationStatus.CONFIRMED,
        "alex3@example.org": RegistrationStatus.WAITING,
    }
    assert waiting[0].emails.filter(kind=EmailKind.PROMOTION).count() == 1


def test_a_replayed_link_says_it_is_already_cancelled_and_promotes_no_one_else(client, session):
    _, date = session
    first = service.register(date, person(1))
    service.register(date, person(2))
    service.register(date, person(3))
    url = link(first)
    client.post(url)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 410
        assert "déjà annulée" in text(response)
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() == 1


@pytest.mark.parametrize(
    "token",
    ["nonsense", "1:abc", "eyJyIjoxfQ:1vXyZ:forged", "%00", "a" * 500, "x:y:z:w", "'; DROP TABLE x; --"],
)
def test_a_forged_link_gets_a_clear_message(client, session, token):
    response = client.get(f"/fr/inscriptions/annuler/{token}/")
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "n'est pas valide" in text(response)


def test_a_link_signed_for_another_registration_number_is_refused(client, session):
    _, date = session
    registration = service.register(date, person(1))
    other = signing.TimestampSigner(salt=service.CANCEL_SALT).sign_object({"r": registration.pk, "e": "0" * 16})
    response = client.post(f"/fr/inscriptions/annuler/{other}/")
    assert response.status_code == 400
    assert "n'existe plus" in text(response)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_an_expired_link_says_so(client, site_tree, settings):
    _, date = site_session(site_tree, days_ahead=600)
    registration = service.register(date, person(1))
    url = link(registration)
    with time_machine.travel(datetime.timedelta(days=settings.AGENDA_REGISTRATION_LINK_MAX_AGE_DAYS + 1)):
        response = client.post(url)
    assert response.status_code == 400
    assert "a expiré" in text(response)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_past_session_cannot_be_cancelled(client, session):
    _, date = session
    registration = service.register(date, person(1))
    with time_machine.travel(date.start + datetime.timedelta(hours=1)):
        response = client.post(link(registration))
    assert response.status_code == 409
    assert "déjà eu lieu" in text(response)


def test_the_english_link_is_in_english(client, session):
    _, date = session
    registration = service.register(date, person(1), language="en")
    assert link(registration).startswith("/en/")
    response = client.get(link(registration))
    assert response.status_code == 200
    assert soup(response).html["lang"] == "en"


def test_my_registrations_lists_and_cancels_my_own_only(client, session):
    _, date = session
    me = UserFactory(email="alex1@example.org")
    mine = service.register(date, person(1, email="Alex1@Example.org"))
    someone_else = service.register(date, person(2))

    response = client.get("/fr/inscriptions/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/connexion/?next=")

    client.force_login(me)
    response = client.get("/fr/inscriptions/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    page = text(response)
    assert "Session Ma petite entreprise rurale" in page
    assert "alex2@" not in page
    assert client.get(f"/fr/inscriptions/{mine.pk}/annuler/").status_code == 405  # only a POST cancels

    assert client.post(f"/fr/inscriptions/{someone_else.pk}/annuler/").status_code == 404
    assert client.post("/fr/inscriptions/999999/annuler/").status_code == 404
    response = client.post(f"/fr/inscriptions/{mine.pk}/annuler/", follow=True)
    assert "est annulée" in text(response)
    mine.refresh_from_db()
    someone_else.refresh_from_db()
    assert (mine.status, someone_else.status) == (RegistrationStatus.CANCELLED, RegistrationStatus.CONFIRMED)
    # someone_else was waiting (capacity 1): the seat went to them
    assert someone_else.promoted_at is not None


def test_the_account_page_links_to_my_registrations(client):
    client.force_login(UserFactory())
    response = client.get("/fr/compte/")
    assert soup(response).select_one('a[href="/fr/inscriptions/"]') is not None


def test_seats_added_by_an_organiser_go_to_the_waiting_list_on_publishing(session):
    page, date = session
    service.register(date, person(1))
    waiting = [service.register(date, person(n)) for n in (2, 3, 4)]
    date.capacity = 3
    date.save()
    page.save_revision().publish()
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
