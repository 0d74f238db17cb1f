"""The event page: its dates (upcoming first, past ones folded), place, conditions, registration, contact, the
.ics download, the way back to the agenda, and the date wording of ``{% date_range %}`` in both languages."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from django.template import Context, Template
from django.utils import translation

from agenda.models import AttendanceMode, DateStatus, EventDate, RegistrationMode
from tests.agenda.agenda_data import NOW, all_day, at, build_agenda_data
from tests.conftest import soup
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_agenda_data(site_tree)


def text(node):
    return node.get_text(" ", strip=True) if node else ""


def test_a_local_event_page_shows_what_where_when_and_how(client, data):
    event = data.events["atelier"]
    EventDate.objects.create(page=event, start=at(5, 6, 14), end=at(5, 6, 16))  # a past session
    response = client.get(event.url)
    assert response.status_code == 200
    html = soup(response)
    assert text(html.h1) == "Atelier installation"
    header = html.select_one(".page-header")
    assert "Atelier" in text(header.select_one(".page-header__meta"))
    assert header.select_one(f'a[href="{data.territories["pays-diois"].url}"]').get_text() == "Pays Diois"

    dates = html.select_one("section.event-dates")
    upcoming = dates.select(":scope > ul > li")
    assert [text(li.select_one(".event-date__when")) for li in upcoming] == [
        "jeudi 10 juin 2027 , de 14:00 à 16:00",
        "jeudi 8 juillet 2027 , de 14:00 à 16:00",
    ]
    assert upcoming[1].select_one(".event-status").get_text(strip=True) == "Annulé"
    assert "event-date--cancelled" in upcoming[1]["class"]
    past = dates.select_one("details.event-dates__past")
    assert text(past.summary) == "1 date passée"
    assert past.select_one("time")["datetime"] == "2027-05-06"

    ics = dates.find("a", string="Ajouter à mon agenda (.ics)")
    assert ics["href"] == event.url + "ical/"
    assert ics.has_attr("download")
    back = html.find("a", string="Retour à l’agenda")
    assert back["href"] == data.url
    tags = {a.get_text(strip=True): a["href"] for a in html.select(".tags a")}
    assert tags == {
        "Alimentation": data.url + "?theme=alimentation",
        "Porteurs de projet": data.url + "?audience=porteurs-de-projet",
    }

    aside = html.select_one("aside.event__aside")
    assert "Maison des services" in text(aside.select_one(".event__address"))
    assert "26150 Die" in text(aside.select_one(".event__address"))
    assert "Gratuit" in text(aside.select_one(".offer-conditions"))
    assert "Sans inscription." in text(aside)


def test_the_page_carries_its_json_ld(client, data):
    html = soup(client.get(data.events["atelier"].url))
    assert html.head.select_one('script[type="application/ld+json"]')


def test_an_online_paid_event_for_members_with_registration_by_link(client, data):
    event = EventPageFactory(
        parent=data.index,
        title="Formation à distance",
        attendance_mode=AttendanceMode.ONLINE,
        online_link="https://visio.example.org/formation",
        venue_name="",
        commune="",
        is_free=False,
        price=Decimal("30"),
        price_details="Repas non compris",
        membership_required=True,
        registration_mode=RegistrationMode.LINK,
        registration_url="https://inscriptions.example.org/formation",
        organiser="Centre de ressources",
        contact_name="Camille Martin",
        contact_email="camille@example.org",
        dates=[
            {
                "start": at(6, 22, 9),
                "end": at(6, 22, 12),
                "capacity": 20,
                "registration_deadline": at(6, 18, 12),
            }
        ],
    )
    html = soup(client.get(event.url))
    assert "En ligne" in text(html.select_one(".offer__place"))
    assert "Événement régional" in text(html.select_one(".page-header__meta"))
    aside = html.select_one("aside.event__aside")
    assert aside.select_one(".event__address") is None
    assert aside.find("a", href="https://visio.example.org/formation")
    conditions = text(aside.select_one(".offer-conditions"))
    assert "30 € – Repas non compris" in conditions
    assert "Réservé aux adhérents du réseau" in conditions
    register = aside.select_one('a.button[href="https://inscriptions.example.org/formation"]')
    assert text(register) == "S’inscrire – Formation à distance"
    assert "Organisé par Centre de ressources" in text(aside)
    assert aside.select_one('.contact-card a[href="mailto:camille@example.org"]')
    date = html.select_one(".event-dates li")
    assert "20 places" in text(date)
    assert "Inscription avant le 18 juin 2027" in text(date)


@pytest.mark.parametrize(
    ("mode", "fields", "expected"),
    [
        (RegistrationMode.EMAIL, {"registration_email": "inscription@example.org"}, "Inscription par courriel :"),
        (RegistrationMode.SITE, {"contact_email": "contact@example.org"}, "Inscription sur ce site"),
    ],
)
def test_registration_by_email_or_on_this_site(client, data, mode, fields, expected):
    event = EventPageFactory(parent=data.index, registration_mode=mode, dates=[(at(6, 22, 9), at(6, 22, 12))], **fields)
    aside = soup(client.get(event.url)).select_one("aside.event__aside")
    assert expected in text(aside)
    if mode == RegistrationMode.EMAIL:
        assert aside.select_one('a[href^="mailto:inscription@example.org"]')
    else:
        assert aside.select_one('.contact-card a[href="mailto:contact@example.org"]')


def test_registration_closes_with_the_deadline_or_the_cancellation(client, data):
    event = EventPageFactory(
        parent=data.index,
        registration_mode=RegistrationMode.LINK,
        registration_url="https://inscriptions.example.org/",
        dates=[{"start": at(6, 22, 9), "end": at(6, 22, 12), "registration_deadline": at(6, 1, 12)}],
    )
    aside = soup(client.get(event.url)).select_one("aside.event__aside")
    assert "Les inscriptions sont closes." in text(aside)
    assert aside.select_one("a.button") is None


def test_a_past_event_says_so_and_keeps_its_dates(client, data):
    html = soup(client.get(data.events["forum"].url))
    assert "Cet événement est passé." in text(html.select_one(".event-dates"))
    assert html.select_one("details.event-dates__past time")["datetime"] == "2027-05-10"


def test_the_english_page_speaks_english(client, data):
    event = data.events_en["atelier"]
    response = client.get(event.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "en"
    assert text(html.h1) == "Settlement workshop"
    when = html.select_one(".event-date__when")
    assert when.select_one("time")["datetime"] == "2027-06-10"
    assert "June" in text(when)
    assert html.find("a", href=data.url_en)  # back to the English agenda
    assert html.find("a", href=event.url + "ical/")


# {% date_range %} ------------------------------------------------------------------------------------------


def render_range(date, language="fr"):
    with translation.override(language):
        return soup_text(Template("{% load agenda_tags %}{% date_range date %}").render(Context({"date": date})))


def soup_text(markup):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(markup, "html.parser")
    return html.get_text(), [t["datetime"] for t in html.select("time")]


@pytest.mark.parametrize(
    ("values", "words", "machine"),
    [
        (all_day(6, 5), "samedi 5 juin 2027", ["2027-06-05"]),
        (all_day(6, 5, 6), "du 5 au 6 juin 2027", ["2027-06-05", "2027-06-06"]),
        (all_day(6, 30) | {"end": at(7, 3)}, "du 30 juin au 2 juillet 2027", ["2027-06-30", "2027-07-02"]),
        (
            {"start": at(6, 5, 14), "end": at(6, 5, 16, 30), "all_day": False},
            "samedi 5 juin 2027, de 14:00 à 16:30",
            ["2027-06-05", "2027-06-05T14:00:00+02:00", "2027-06-05T16:30:00+02:00"],
        ),
        (
            {"start": at(6, 5, 14), "end": at(6, 5, 14), "all_day": False},
            "samedi 5 juin 2027 à 14:00",
            ["2027-06-05", "2027-06-05T14:00:00+02:00"],
        ),
        (
            {"start": at(6, 5, 14), "end": at(6, 6, 12), "all_day": False},
            "du 5 juin 2027 à 14:00 au 6 juin 2027 à 12:00",
            ["2027-06-05T14:00:00+02:00", "2027-06-06T12:00:00+02:00"],
        ),
    ],
)
def test_date_range_in_french(values, words, machine):
    date = EventDate(**values)
    assert render_range(date) == (words, machine)


def test_date_range_across_years_and_in_winter_time():
    date = EventDate(start=at(12, 30), end=datetime.datetime(2028, 1, 3, tzinfo=at(1, 1).tzinfo), all_day=True)
    assert render_range(date) == ("du 30 décembre 2027 au 2 janvier 2028", ["2027-12-30", "2028-01-02"])
    winter = EventDate(start=at(1, 12, 18), end=at(1, 12, 20), all_day=False)
    assert render_range(winter)[1][1] == "2027-01-12T18:00:00+01:00"


def test_date_range_in_english():
    date = EventDate(start=at(6, 5, 14), end=at(6, 5, 16), all_day=False)
    words, _machine = render_range(date, "en")
    assert "Saturday 5 June 2027" in words
    assert "2 p.m." in words  # English time format


def test_a_cancelled_date_of_the_event_stays_on_its_page(client, data):
    event = EventPageFactory(
        parent=data.index,
        dates=[{"start": at(6, 22, 9), "end": at(6, 22, 12), "status": DateStatus.CANCELLED}],
    )
    html = soup(client.get(event.url))
    assert text(html.select_one(".event-date .event-status")) == "Annulé"


def test_a_long_series_shows_its_next_six_dates_and_folds_the_others(client, data):
    event = EventPageFactory(
        parent=data.index,
        dates=[
            (at(6, 7, 18) + datetime.timedelta(weeks=n), at(6, 7, 20) + datetime.timedelta(weeks=n)) for n in range(9)
        ],
    )
    dates = soup(client.get(event.url)).select_one("section.event-dates")
    assert len(dates.select(":scope > ul > li")) == 6
    more = dates.select_one("details.event-dates__more")
    assert text(more.summary) == "3 autres dates à venir"
    assert [t["datetime"] for t in more.select("li time:first-child")] == ["2027-07-19", "2027-07-26", "2027-08-02"]
