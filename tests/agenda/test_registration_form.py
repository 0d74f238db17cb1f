"""Registering for a date on the event page: the seats it shows, the form, the confirmation, the waiting list, the
closed dates, forged addresses, robots, rate limits, members-only events and the English page."""

import datetime

import pytest
import time_machine

from django.core.cache import cache

from agenda.models import DateStatus, EventDate, RegistrationMode
from agenda.models.registrations import EmailKind, Registration, RegistrationEmail, RegistrationStatus
from cms.models import SiteSettings
from tests.agenda.agenda_data import NOW, at
from tests.conftest import soup, translate
from tests.factories import EventIndexPageFactory, EventPageFactory, StandardPageFactory, UserFactory
from tests.factories.members import MemberProfileFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    """Wednesday 2 June 2027, 10:00 in Paris; the rate limits' counters start from zero."""
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield
    cache.clear()


@pytest.fixture
def index(site_tree):
    index = EventIndexPageFactory(parent=site_tree.home, title="Agenda", slug="agenda")
    translate(index, site_tree.en, title="Events", slug="events")
    return index


def site_event(index, dates=None, **fields):
    dates = dates or [
        {"start": at(6, 22, 9), "end": at(6, 22, 12), "capacity": 20, "registration_deadline": at(6, 20, 12)}
    ]
    fields.setdefault("title", "Journée d'accueil des actifs")
    fields.setdefault("contact_email", "organisation@example.org")
    return EventPageFactory(parent=index, registration_mode=RegistrationMode.SITE, dates=dates, **fields)


@pytest.fixture
def event(index):
    return site_event(index)


def first_date(page):
    return page.dates.order_by("start").first()


def form_url(page, date):
    return f"{page.url}inscription/{date.pk}/"


def person(**overrides):
    data = {
        "first_name": "Camille",
        "last_name": "Martin",
        "email": "camille@example.org",
        "organisation": "Communauté de communes du Diois",
        "role": "Chargée de mission accueil",
        "territory": "Pays Diois",
        "phone": "",
        "needs": "Repas végétarien",
        "comment": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def text(node):
    return node.get_text(" ", strip=True) if node else ""


def fill(date, count, status=RegistrationStatus.CONFIRMED):
    for number in range(count):
        Registration.objects.create(
            date=date,
            event=date.page,
            event_title=date.page.title,
            date_start=date.start,
            first_name="P",
            last_name=str(number),
            email=f"p{number}-{status}@example.org",
            organisation="O",
            role="R",
            territory="T",
            status=status,
        )


# The form and a confirmed registration


def test_the_form_has_labels_autocomplete_consent_and_a_hidden_honeypot(client, event):
    date = first_date(event)
    response = client.get(form_url(event, date))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = soup(response)
    assert text(html.h1) == "S’inscrire"
    form = html.select_one("form.registration-form")
    assert form["method"] == "post" and form["action"] == form_url(event, date)
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    for name, autocomplete in [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("email", "email"),
        ("organisation", "organization"),
        ("role", "organization-title"),
        ("phone", "tel"),
    ]:
        field = form.select_one(f"[name={name}]")
        assert field["autocomplete"] == autocomplete, name
        assert form.select_one(f'label[for="{field["id"]}"]'), name
    assert form.select_one("[name=email]").get("aria-describedby") == "id_email_helptext"
    assert form.select_one("input[name=consent][type=checkbox]").has_attr("required")
    honeypot = form.select_one(".form-field--honeypot")
    assert honeypot["aria-hidden"] == "true"
    assert honeypot.select_one("input[name=website]")["tabindex"] == "-1"
    assert "Ne remplissez pas ce champ" in text(honeypot)
    assert "complète" not in text(html.main)
    # The consent's label reads well without a privacy notice page.
    assert text(form.select_one('label[for="id_consent"]')).startswith("J'accepte que ces informations")


def test_the_consent_links_to_the_privacy_notice_in_the_visitors_language(client, site_tree, event):
    privacy = StandardPageFactory(parent=site_tree.home, title="Données personnelles", slug="donnees-personnelles")
    privacy_en = translate(privacy, site_tree.en, title="Personal data", slug="personal-data")
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.privacy_page = privacy
    site_settings.save()
    event_en = translate(event, site_tree.en, title="Welcome day", slug="welcome-day")
    label = soup(client.get(form_url(event, first_date(event)))).select_one('label[for="id_consent"]')
    assert label.a["href"] == privacy.url
    label_en = soup(client.get(form_url(event_en, first_date(event_en)))).select_one('label[for="id_consent"]')
    assert label_en.a["href"] == privacy_en.url


def test_a_visitor_registers_and_a_reload_of_the_confirmation_registers_nobody_twice(client, event):
    date = first_date(event)
    response = client.post(form_url(event, date), person())
    assert response.status_code == 302
    assert response["Location"] == form_url(event, date) + "merci/"
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert (registration.first_name, registration.email, registration.needs) == (
        "Camille",
        "camille@example.org",
        "Repas végétarien",
    )
    assert registration.language == "fr"
    assert registration.consent_at is not None
    assert set(RegistrationEmail.objects.values_list("kind", flat=True)) == {
        EmailKind.CONFIRMATION,
        EmailKind.ORGANISER,
    }

    for _ in range(2):
        done = client.get(response["Location"])
        assert done.status_code == 200
        assert "no-cache" in done["Cache-Control"]
        html = soup(done)
        assert text(html.h1) == "Votre inscription est confirmée"
        assert "camille@example.org" in text(html.select_one(".registration__done"))
        assert "courriel de confirmation" in text(html.select_one(".registration__done"))
    assert Registration.objects.count() == 1


def test_the_confirmation_without_a_registration_in_this_session_goes_back_to_the_form(client, event):
    date = first_date(event)
    response = client.get(form_url(event, date) + "merci/")
    assert response.status_code == 302
    assert response["Location"] == form_url(event, date)


def test_the_21st_on_20_seats_is_warned_then_put_on_the_waiting_list(client, event):
    date = first_date(event)
    fill(date, 19)
    assert "complète" not in text(soup(client.get(form_url(event, date))).main)
    client.post(form_url(event, date), person(email="vingtieme@example.org"))
    assert Registration.objects.get(email="vingtieme@example.org").status == RegistrationStatus.CONFIRMED

    html = soup(client.get(form_url(event, date)))
    warning = html.select_one(".registration__full")
    assert "Cette date est complète : votre inscription sera placée sur liste d’attente" in text(warning)
    assert warning.find_next("form")  # said before the form, not after submitting
    assert text(html.select_one("form.registration-form button[type=submit]")) == "M’inscrire sur la liste d’attente"

    response = client.post(form_url(event, date), person(email="vingt-et-unieme@example.org"), follow=True)
    assert Registration.objects.get(email="vingt-et-unieme@example.org").status == RegistrationStatus.WAITING
    assert Registration.objects.occupying().count() == 20
    assert text(soup(response).h1) == "Vous êtes sur la liste d’attente"
    assert RegistrationEmail.objects.filter(
        registration__email="vingt-et-unieme@example.org", kind=EmailKind.WAITING_LIST
    ).exists()


# The event page


def test_the_event_page_shows_the_seats_and_a_link_to_each_open_dates_form(client, index):
    event = site_event(
        index,
        dates=[
            {"start": at(6, 10, 9), "end": at(6, 10, 12), "capacity": 20, "registration_deadline": at(6, 8, 18)},
            {"start": at(6, 11, 9), "end": at(6, 11, 12), "capacity": 10},
            {"start": at(6, 12, 9), "end": at(6, 12, 12), "capacity": 2},
            {"start": at(6, 13, 9), "end": at(6, 13, 12), "capacity": 20, "registration_deadline": at(6, 1, 18)},
            {"start": at(6, 14, 9), "end": at(6, 14, 12)},
            {"start": at(6, 15, 9), "end": at(6, 15, 12), "status": DateStatus.CANCELLED},
        ],
    )
    dates = list(event.dates.order_by("start"))
    fill(dates[1], 7)
    fill(dates[2], 2)
    fill(dates[2], 1, RegistrationStatus.WAITING)
    fill(dates[0], 1, RegistrationStatus.CANCELLED)
    html = soup(client.get(event.url))
    items = html.select("section.event-dates li.event-date")
    assert len(items) == 6
    seats = [text(item.select_one(".event-date__seats")) for item in items]
    assert seats == ["20 places", "plus que 3 places", "complet – liste d’attente", "inscriptions closes", "", ""]
    assert "Inscription avant le 8 juin 2027, 18:00" in text(items[0])
    links = [item.select_one("a.event-date__register") for item in items]
    assert [link["href"] if link else None for link in links] == [
        form_url(event, dates[0]),
        form_url(event, dates[1]),
        form_url(event, dates[2]),
        None,
        form_url(event, dates[4]),
        None,
    ]
    assert text(links[0]) == "S’inscrire – jeudi 10 juin 2027 , de 09:00 à 12:00"
    assert text(links[2]).startswith("S’inscrire (liste d’attente) – samedi 12 juin 2027")
    aside = html.select_one("aside.event__aside")
    assert "Inscription sur ce site" in text(aside)
    assert "bientôt disponible" not in text(html)


def test_one_seat_left_and_the_deadline_in_paris_time(client, index):
    # 21:30 UTC on 19 June is 23:30 in Paris (summer time).
    deadline = datetime.datetime(2027, 6, 19, 21, 30, tzinfo=datetime.UTC)
    event = site_event(
        index, dates=[{"start": at(6, 22, 9), "end": at(6, 22, 12), "capacity": 1, "registration_deadline": deadline}]
    )
    item = soup(client.get(event.url)).select_one("li.event-date")
    assert text(item.select_one(".event-date__seats")) == "plus qu’une place"
    assert "Inscription avant le 19 juin 2027, 23:30" in text(item)


def test_a_members_only_event_says_so_on_its_public_page(client, index):
    event = site_event(index, membership_required=True)
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Inscription réservée aux adhérents du réseau (cotisation à jour)" in text(soup(response).main)


def test_the_event_page_costs_the_same_queries_with_2_or_12_dates(client, index, django_assert_max_num_queries):
    """Seats are counted in one query for every date (``annotate_seats``), whatever their number."""

    def queries(count):
        dates = [{"start": at(6, 10 + d, 9), "end": at(6, 10 + d, 12), "capacity": 20 + d} for d in range(count)]
        event = site_event(index, title=f"Cycle de {count} ateliers", dates=dates)
        for date in event.dates.all():
            fill(date, 3)
        client.get(event.url)  # warm the site's caches
        with django_assert_max_num_queries(30) as captured:
            response = client.get(event.url)
        assert len(soup(response).select("a.event-date__register")) == count
        assert text(soup(response).select_one(".event-date__seats")) == "17 places"
        return len(captured.captured_queries)

    assert queries(2) == queries(12)


# Closed dates and forged addresses


def test_after_the_deadline_a_clear_message_and_no_form(client, index):
    event = site_event(
        index, dates=[{"start": at(6, 22, 9), "end": at(6, 22, 12), "registration_deadline": at(6, 1, 12)}]
    )
    date = first_date(event)
    for response in (client.get(form_url(event, date)), client.post(form_url(event, date), person())):
        assert response.status_code == 200
        html = soup(response)
        assert "Les inscriptions sont closes pour cette date." in text(html.main)
        assert html.select_one("form.registration-form") is None
    assert not Registration.objects.exists()


def test_a_cancelled_date_takes_no_registration(client, index):
    event = site_event(index, dates=[{"start": at(6, 22, 9), "end": at(6, 22, 12), "status": DateStatus.CANCELLED}])
    date = first_date(event)
    response = client.post(form_url(event, date), person())
    assert response.status_code == 200
    assert "Cette date est annulée ou reportée" in text(soup(response).main)
    assert not Registration.objects.exists()


def test_an_event_without_registration_on_this_site_has_no_form(client, index):
    event = EventPageFactory(parent=index, dates=[(at(6, 22, 9), at(6, 22, 12))])
    response = client.get(form_url(event, first_date(event)))
    assert response.status_code == 200
    assert "ne prend pas d'inscription sur ce site" in text(soup(response).main)


@pytest.mark.parametrize(
    "suffix",
    [
        "inscription/{other}/",
        "inscription/{other}/merci/",
        "inscription/999999/",
        "inscription/99999999999999999999999999/",
        "inscription/9223372036854775808/",
        "inscription/abc/",
        "inscription/-1/",
        "inscription/1.5/",
        "inscription/%00/",
        "inscription/",
    ],
)
def test_a_forged_date_is_a_404(client, index, event, suffix):
    other = site_event(index, title="Autre événement")
    url = event.url + suffix.format(other=first_date(other).pk)
    assert client.get(url).status_code == 404
    assert client.post(url, person()).status_code == 404
    assert not Registration.objects.exists()


# Errors on the form


def test_missing_fields_are_listed_at_the_top_and_linked_to_their_field(client, event):
    response = client.post(form_url(event, first_date(event)), {"first_name": "Camille"})
    assert response.status_code == 200
    html = soup(response)
    summary = html.select_one("#form-errors")
    assert summary["role"] == "alert"
    links = {a["href"] for a in summary.select("a")}
    assert links == {"#id_last_name", "#id_email", "#id_organisation", "#id_role", "#id_territory", "#id_consent"}
    consent = text(summary.select_one('a[href="#id_consent"]'))
    assert consent == "Consentement : Cochez la case pour accepter l'utilisation de vos données."
    email = html.select_one("#id_email")
    assert email["aria-invalid"] == "true"
    assert "id_email_errors" in email["aria-describedby"].split()
    assert html.select_one("#id_email_errors")
    assert html.title.get_text().startswith("Erreur")
    assert html.select_one("#id_first_name")["value"] == "Camille"
    assert not Registration.objects.exists()


def test_a_bad_email_is_refused(client, event):
    response = client.post(form_url(event, first_date(event)), person(email="camille@"))
    assert "Saisissez une adresse électronique valide" in text(soup(response).select_one("#id_email_errors"))
    assert not Registration.objects.exists()


def test_a_10_kb_comment_is_refused_with_a_clear_message(client, event):
    response = client.post(form_url(event, first_date(event)), person(comment="x" * 10_000))
    assert response.status_code == 200
    errors = text(soup(response).select_one("#id_comment_errors"))
    assert "Votre commentaire est trop long : 2000 caractères au plus (il en compte 10000)." in errors
    assert not Registration.objects.exists()


def test_the_same_email_twice_is_told_and_stored_once(client, event):
    date = first_date(event)
    client.post(form_url(event, date), person())
    response = client.post(form_url(event, date), person(email="  Camille@Example.ORG "))
    assert response.status_code == 200
    assert "Cette adresse est déjà inscrite à cette date." in text(soup(response).select_one("#id_email_errors"))
    assert Registration.objects.count() == 1


def test_a_filled_honeypot_is_refused_quietly_and_nothing_is_stored(client, event):
    response = client.post(form_url(event, first_date(event)), person(website="http://spam.example"))
    assert response.status_code == 200
    summary = text(soup(response).select_one("#form-errors"))
    assert "Votre inscription n'a pas pu être enregistrée." in summary
    assert "website" not in summary and "Ne remplissez" not in summary
    assert not Registration.objects.exists()
    assert not RegistrationEmail.objects.exists()


@pytest.mark.parametrize(
    "query",
    ["?date=abc", "?%ff%fe=1", "?next=javascript:alert(1)", "?email[]=x&consent=maybe", "?" + "a=1&" * 200],
)
def test_garbage_query_strings_cause_no_error(client, event, query):
    date = first_date(event)
    assert client.get(form_url(event, date) + query).status_code == 200
    assert client.get(form_url(event, date) + "merci/" + query).status_code == 302
    assert client.get(event.url + query).status_code == 200


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"consent": "maybe", "email": ["a@example.org", "b@example.org"]},
        {"first_name": "\x00", "email": "x\x00@example.org", "consent": "on"},
        {"first_name": "a" * 100_000, "consent": "on"},
        {"csrfmiddlewaretoken": "x", "unknown": "y"},
    ],
)
def test_garbage_posts_cause_no_error(client, event, data):
    response = client.post(form_url(event, first_date(event)), data)
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_a_post_without_csrf_token_is_refused(event):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(form_url(event, first_date(event)), person())
    assert response.status_code == 403
    assert not Registration.objects.exists()


# Rate limits


def test_too_many_posts_from_one_address_are_refused_with_429(client, event, settings):
    settings.AGENDA_REGISTRATION_RATE_PER_IP = "3/h"
    url = form_url(event, first_date(event))
    for number in range(3):
        assert (
            client.post(url, person(email=f"p{number}@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.7").status_code
            == 302
        )
    response = client.post(url, person(email="p3@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.status_code == 429
    assert "no-cache" in response["Cache-Control"]
    html = soup(response)
    assert "Trop de demandes d'inscription" in text(html.select_one("#form-errors"))
    assert html.select_one("form.registration-form")
    assert Registration.objects.count() == 3
    # Another address is not held back.
    assert client.post(url, person(email="p4@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


def test_too_many_registrations_for_one_email_are_refused_with_429(client, index, settings):
    settings.AGENDA_REGISTRATION_RATE_PER_EMAIL = "2/h"
    event = site_event(index, dates=[{"start": at(6, 20 + d, 9), "end": at(6, 20 + d, 12)} for d in range(3)])
    dates = list(event.dates.order_by("start"))
    for number, date in enumerate(dates[:2]):
        response = client.post(form_url(event, date), person(), HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
        assert response.status_code == 302
    response = client.post(form_url(event, dates[2]), person(email="CAMILLE@example.org"))
    assert response.status_code == 429
    assert "Trop de demandes d'inscription" in text(soup(response).select_one("#form-errors"))
    assert Registration.objects.count() == 2
    assert client.post(form_url(event, dates[2]), person(email="dominique@example.org")).status_code == 302


# Members-only events and logged-in people


@pytest.fixture
def members_event(index):
    return site_event(index, membership_required=True)


def member(**fields):
    profile = MemberProfileFactory(
        user=UserFactory(first_name="Alix", last_name="Durand", email="alix@example.org"),
        job_title="Animatrice",
        territory="Roannais",
        organisation__name="Roannais Agglomération",
        **fields,
    )
    MembershipFactory(organisation=profile.organisation, year=2027)
    return profile.user


def test_an_anonymous_visitor_is_sent_to_the_login_and_back(client, members_event):
    url = form_url(members_event, first_date(members_event))
    for response in (client.get(url), client.post(url, person())):
        assert response.status_code == 302
        assert response["Location"] == f"/fr/compte/connexion/?next={url}"
    assert not Registration.objects.exists()


def test_a_logged_in_non_member_is_told_how_to_join(client, members_event):
    client.force_login(UserFactory())
    url = form_url(members_event, first_date(members_event))
    for response in (client.get(url), client.post(url, person())):
        assert response.status_code == 403
        assert "Comment adhérer ?" in text(soup(response).main)
        assert soup(response).select_one("form.registration-form") is None
    assert not Registration.objects.exists()


def test_a_member_registers_with_the_form_filled_from_the_account(client, members_event):
    user = member()
    client.force_login(user)
    date = first_date(members_event)
    html = soup(client.get(form_url(members_event, date)))
    values = {name: html.select_one(f"[name={name}]").get("value") for name in ("first_name", "last_name", "email")}
    assert values == {"first_name": "Alix", "last_name": "Durand", "email": "alix@example.org"}
    assert html.select_one("[name=organisation]")["value"] == "Roannais Agglomération"
    assert html.select_one("[name=role]")["value"] == "Animatrice"
    assert html.select_one("[name=territory]")["value"] == "Roannais"
    data = person(first_name="Alix", last_name="Durand", email="alix@example.org")
    assert client.post(form_url(members_event, date), data).status_code == 302
    assert Registration.objects.get().user == user


def test_a_logged_in_visitor_without_profile_gets_names_and_email(client, event):
    client.force_login(UserFactory(first_name="Sam", last_name="Petit", email="sam@example.org"))
    html = soup(client.get(form_url(event, first_date(event))))
    assert html.select_one("[name=first_name]")["value"] == "Sam"
    assert html.select_one("[name=email]")["value"] == "sam@example.org"
    assert not html.select_one("[name=organisation]").get("value")


# The English page


def test_the_english_page_registers_on_the_same_seats(client, site_tree, event):
    date = first_date(event)
    fill(date, 19)
    event_en = translate(event, site_tree.en, title="Welcome day", slug="welcome-day")
    date_en = first_date(event_en)
    assert date_en.pk != date.pk
    assert (date_en.locale_id, date_en.translation_key) == (site_tree.en.pk, date.translation_key)

    page = soup(client.get(event_en.url))
    assert page.select_one("a.event-date__register")["href"] == form_url(event_en, date_en)
    assert page.select_one(".event-date__seats")["data-seats-left"] == "1"

    assert client.get(form_url(event_en, date_en)).status_code == 200
    response = client.post(form_url(event_en, date_en), person(email="sam@example.org"))
    assert response["Location"] == form_url(event_en, date_en) + "merci/"
    registration = Registration.objects.get(email="sam@example.org")
    assert (registration.date_id, registration.language, registration.status) == (
        date.pk,
        "en",
        RegistrationStatus.CONFIRMED,
    )
    assert "complète" in text(soup(client.get(form_url(event, date))).main)
    # The French page's date cannot be registered through the English page, nor the other way round.
    assert client.get(form_url(event_en, date)).status_code == 404
    assert client.get(form_url(event, date_en)).status_code == 404


def test_an_english_page_without_its_own_date_rows_is_a_404_not_a_500(client, site_tree, event):
    event_en = translate(event, site_tree.en, title="Welcome day", slug="welcome-day")
    EventDate.objects.filter(page=event_en).delete()
    assert client.get(form_url(event_en, first_date(event))).status_code == 404
