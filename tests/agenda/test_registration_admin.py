"""Registrations in the admin: who may see them, the dates' seat counts, the organisers' actions on a date, the
message to every participant, the CSV export and the attendance sheet."""

import csv
import datetime
import importlib.util
import io

import pytest
import time_machine

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from agenda.models import EmailKind, Registration, RegistrationEmail, RegistrationMode, RegistrationStatus
from agenda.registrations import register
from tests.agenda.support import NOW, PARIS
from tests.conftest import soup, translate
from tests.factories import EventIndexPageFactory, EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 12, 3, 14, 0, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def index(site_tree):
    return EventIndexPageFactory(parent=site_tree.home)


def make_event(index, capacity=2, count=1, **fields):
    dates = [
        {"start": START + datetime.timedelta(days=7 * n), "end": START + datetime.timedelta(days=7 * n, hours=2)}
        | {"capacity": capacity}
        for n in range(count)
    ]
    defaults = {"registration_mode": RegistrationMode.SITE, "title": "Atelier installation"}
    fields = defaults | {"slug": "atelier-installation"} | fields
    return EventPageFactory(parent=index, dates=dates, **fields)


@pytest.fixture
def event(index):
    return make_event(index)


@pytest.fixture
def date(event):
    return event.dates.get()


def person(n, **extra):
    return {
        "first_name": f"Prénom{n}",
        "last_name": f"Nom{n}",
        "email": f"personne{n}@example.org",
        "organisation": "Mairie de Die",
        "role": "Chargée de mission",
        "territory": "Pays Diois",
        "phone": "04 75 00 00 00",
        "needs": "Accès en fauteuil",
        "comment": "Un commentaire privé",
        **extra,
    }


def fill(date, count, **extra):
    return [register(date, person(n, **extra), by_editor=True) for n in range(1, count + 1)]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def editor(*codenames):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="agenda", codename__in=codenames))
    return user


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to its dashboard and a message."""
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def url(name, *args):
    return reverse(f"agenda_registrations:{name}", args=args)


def text(response):
    return soup(response).get_text(" ", strip=True)


# Who may see what ---------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client, date):
    for target in (url("index"), url("date", date.pk), url("csv", date.pk), url("sheet", date.pk)):
        response = client.get(target)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


def test_an_editor_without_the_permission_is_refused_and_has_no_menu_item(client, date):
    client.force_login(editor())
    for target in (url("index"), url("date", date.pk), url("csv", date.pk), url("sheet", date.pk)):
        assert_refused(client.get(target))
    assert url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_who_may_only_view_cannot_act(client, date):
    (registration,) = fill(date, 1)
    client.force_login(editor("view_registration"))
    assert client.get(url("date", date.pk)).status_code == 200
    assert url("index") in client.get(reverse("wagtailadmin_home")).content.decode()
    assert_refused(client.post(url("cancel", date.pk, registration.pk)))
    assert_refused(client.post(url("add", date.pk), person(9)))
    assert_refused(client.post(url("message", date.pk), {"recipients": "all", "subject": "a", "body": "b"}))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_an_organiser_with_the_permissions_can_act(client, date):
    (registration,) = fill(date, 1)
    client.force_login(editor("view_registration", "change_registration"))
    response = client.post(url("attended", date.pk, registration.pk))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED


# The dates --------------------------------------------------------------------------------------------


def test_the_index_lists_upcoming_site_dates_with_their_seats(admin_client, index, date):
    fill(date, 3)  # two seats: two confirmed, one waiting
    make_event(
        index,
        registration_mode=RegistrationMode.LINK,
        title="Ailleurs",
        slug="ailleurs",
        registration_url="https://example.org",
    )
    past = make_event(index, title="Passé", slug="passe")
    past.dates.update(start=NOW - datetime.timedelta(days=3), end=NOW - datetime.timedelta(days=3))

    response = admin_client.get(url("index"))

    assert response.status_code == 200
    rows = soup(response).select("table.listing tbody tr")
    assert [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in rows] == [
        ["Atelier installation", "jeudi 3 décembre 2026, 14:00", "2 / 2", "0", "1"]
    ]
    assert rows[0].a["href"] == url("date", date.pk)

    past_rows = soup(admin_client.get(url("index") + "?past=on")).select("table.listing tbody tr")
    assert [row.a.get_text(strip=True) for row in past_rows] == ["Passé"]


def test_the_index_filters_one_event_and_ignores_a_bad_filter(admin_client, index, date):
    other = make_event(index, title="Autre", slug="autre")
    response = admin_client.get(url("index") + f"?event={other.pk}")
    assert [row.a.get_text(strip=True) for row in soup(response).select("tbody tr")] == ["Autre"]
    response = admin_client.get(url("index") + "?event=abc&past=zzz&p=-4")
    assert response.status_code == 200
    assert len(soup(response).select("tbody tr")) == 2


def count_queries(client, target, django_assert_max_num_queries):
    client.get(target)  # warm up: content types, site root paths
    with django_assert_max_num_queries(10) as queries:
        response = client.get(target)
    assert response.status_code == 200
    return len(queries.captured_queries), soup(response)


def test_the_index_takes_as_many_queries_for_2_dates_as_for_10(admin_client, index, django_assert_max_num_queries):
    counts = []
    for size in (2, 10):
        event = make_event(index, count=size, title=f"Série de {size}", slug=f"serie-{size}")
        for date in event.dates.all():
            fill(date, 3)
        queries, html = count_queries(admin_client, url("index") + f"?event={event.pk}", django_assert_max_num_queries)
        assert len(html.select("tbody tr")) == size
        counts.append(queries)
    assert counts[0] == counts[1]


def test_the_date_page_takes_as_many_queries_for_2_people_as_for_10(admin_client, date, django_assert_max_num_queries):
    date.capacity = 6
    date.save()
    counts = []
    for size in (2, 10):
        Registration.objects.all().delete()
        fill(date, size)
        queries, html = count_queries(admin_client, url("date", date.pk), django_assert_max_num_queries)
        assert len(html.select("section tbody tr")) == size
        counts.append(queries)
    assert counts[0] == counts[1]


def test_the_event_edit_page_links_to_its_registrations(admin_client, event):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert f"{url('index')}?event={event.pk}" in response.content.decode()


def test_a_translated_event_shows_its_french_seats_once(admin_client, site_tree, index, event, date):
    fill(date, 1)
    translate(index, site_tree.en, title="Events", slug="events")
    english = translate(event, site_tree.en, title="Setting-up workshop", slug="setting-up-workshop")
    assert english.dates.count() == 1

    for target in (url("index"), url("index") + f"?event={english.pk}"):
        rows = soup(admin_client.get(target)).select("tbody tr")
        assert [row.a["href"] for row in rows] == [url("date", date.pk)]
        assert rows[0].select("td")[2].get_text(strip=True) == "1 / 2"
    assert (
        f"{url('index')}?event={english.pk}"
        in admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    )


def test_the_groups_editor_offers_the_registration_permissions(admin_client):
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    for codename in ("view_registration", "change_registration", "add_registration"):
        permission = Permission.objects.get(content_type__app_label="agenda", codename=codename)
        assert f'value="{permission.pk}"' in html


def test_unknown_or_foreign_ids_are_404(admin_client, index, date):
    (registration,) = fill(date, 1)
    other = make_event(index, title="Autre", slug="autre").dates.get()
    link = make_event(index, title="Lien", slug="lien", registration_mode=RegistrationMode.NONE).dates.get()

    # An admin 404 goes through LocaleMiddleware, which tries the French prefix first: a 404 there too.
    def status(method, target):
        return getattr(admin_client, method)(target, follow=True).status_code

    assert status("get", url("date", 999999)) == 404
    assert status("get", url("date", link.pk)) == 404  # not registered on this site
    assert status("get", url("csv", 999999)) == 404
    assert status("post", url("promote", date.pk, 999999)) == 404
    assert status("post", url("cancel", other.pk, registration.pk)) == 404  # not this date's
    assert admin_client.get(url("promote", date.pk, registration.pk)).status_code == 405
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


# The date page and its actions ------------------------------------------------------------------------


def test_the_date_page_groups_by_status_with_the_waiting_list_in_queue_order(admin_client, date):
    fill(date, 2)
    late = register(date, person(3, last_name="Aardvark"), by_editor=True)
    later = register(date, person(4, last_name="Abbott"), by_editor=True)
    Registration.objects.filter(pk=late.pk).update(created_at=NOW + datetime.timedelta(minutes=5))

    html = soup(admin_client.get(url("date", date.pk)))

    headings = [h.get_text(strip=True) for h in html.select("section h2")]
    assert headings == ["Confirmée (2)", "Liste d'attente (2)", "Présent·e (0)", "Annulée (0)"]
    waiting = html.find(id="waiting").find_parent("section")
    assert [row.th.get_text(" ", strip=True).split(" (")[0] for row in waiting.select("tbody tr")] == [
        f"Abbott {later.first_name}",
        f"Aardvark {late.first_name}",
    ]
    assert "2 places prises sur 2, 0 restantes." in html.get_text(" ", strip=True)
    links = {a.get_text(" ", strip=True): a["href"] for a in html.select("header a[href]")}
    assert links["Ajouter une personne"] == url("add", date.pk)
    assert links["Écrire aux participants"] == url("message", date.pk)
    assert links["Exporter en CSV"] == url("csv", date.pk)
    assert links["Feuille d'émargement"] == url("sheet", date.pk)
    for form in html.select("section form"):
        assert form["method"] == "post" and form.find("input", attrs={"name": "csrfmiddlewaretoken"})


def test_cancel_asks_first_then_promotes_the_next_waiting(admin_client, date):
    first, second, waiting = fill(date, 3)
    confirm = admin_client.get(url("cancel", date.pk, first.pk))
    assert "Annuler l'inscription de Prénom1 Nom1" in text(confirm)
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED  # a GET changes nothing

    response = admin_client.post(url("cancel", date.pk, first.pk), {"notify": "on"}, follow=True)

    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    page = text(response)
    assert "Inscription de Prénom1 Nom1 annulée." in page
    assert "Prénom3 Nom3 passe de la liste d'attente" in page
    assert first.emails.filter(kind=EmailKind.CANCELLATION).exists()
    assert waiting.emails.filter(kind=EmailKind.PROMOTION).exists()

    again = admin_client.post(url("cancel", date.pk, first.pk), follow=True)
    assert "déjà annulée" in text(again)


def test_cancel_without_notice_sends_nothing_to_the_person(admin_client, date):
    (registration,) = fill(date, 1)
    admin_client.post(url("cancel", date.pk, registration.pk))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert not registration.emails.filter(kind=EmailKind.CANCELLATION).exists()


def test_promote_without_a_free_seat_says_why(admin_client, date):
    _first, _second, waiting = fill(date, 3)
    response = admin_client.post(url("promote", date.pk, waiting.pk), follow=True)
    assert "Aucune place libre" in text(response)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING

    date.capacity = 3
    date.save()
    response = admin_client.post(url("promote", date.pk, waiting.pk), follow=True)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert "Prénom3 Nom3 a maintenant une place confirmée" in text(response)


def test_attended_toggles_both_ways(admin_client, date):
    (registration,) = fill(date, 1)
    admin_client.post(url("attended", date.pk, registration.pk))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED
    admin_client.post(url("absent", date.pk, registration.pk))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    response = admin_client.post(url("absent", date.pk, registration.pk), follow=True)
    assert "Seule une inscription confirmée" in text(response)


def test_an_organiser_adds_someone_after_the_deadline_and_a_duplicate_is_refused(admin_client, date):
    date.registration_deadline = NOW - datetime.timedelta(days=1)
    date.save()
    response = admin_client.post(url("add", date.pk), person(1, email=" Personne1@Example.org "), follow=True)
    assert "Prénom1 Nom1 est inscrit·e." in text(response)
    registration = Registration.objects.get()
    assert registration.added_by_editor and registration.email == "personne1@example.org"
    assert registration.status == RegistrationStatus.CONFIRMED

    again = admin_client.post(url("add", date.pk), person(1, first_name="Autre"))
    assert again.status_code == 200
    assert "déjà inscrite" in text(again)
    assert Registration.objects.count() == 1


def test_the_add_form_shows_missing_fields(admin_client, date):
    response = admin_client.post(url("add", date.pk), {"first_name": "Léa"})
    assert response.status_code == 200
    html = soup(response)
    assert html.find("input", attrs={"name": "email"})
    assert not Registration.objects.exists()


def test_a_full_date_puts_the_added_person_on_the_waiting_list(admin_client, date):
    fill(date, 2)
    response = admin_client.post(url("add", date.pk), person(5), follow=True)
    assert "liste d'attente" in text(response)
    assert Registration.objects.get(email="personne5@example.org").status == RegistrationStatus.WAITING


@pytest.mark.parametrize(("recipients", "expected"), [("confirmed", 2), ("all", 3)])
def test_writing_to_participants_queues_one_message_each(
    admin_client, date, django_capture_on_commit_callbacks, recipients, expected
):
    first, _second, _waiting = fill(date, 3)
    register(date, person(7), by_editor=True)
    Registration.objects.filter(email="personne7@example.org").update(status=RegistrationStatus.CANCELLED)
    admin_client.post(url("attended", date.pk, first.pk))
    RegistrationEmail.objects.all().delete()
    mail.outbox.clear()
    sends = importlib.util.find_spec("agenda.registrations.emails") is not None

    with django_capture_on_commit_callbacks(execute=sends):
        response = admin_client.post(
            url("message", date.pk),
            {"recipients": recipients, "subject": "Salle changée", "body": "Rendez-vous salle 2."},
            follow=True,
        )

    emails = RegistrationEmail.objects.filter(kind=EmailKind.MESSAGE)
    assert emails.count() == expected
    assert {e.subject for e in emails} == {"Salle changée"}
    assert f"Message envoyé à {expected} personnes." in text(response)
    if sends:
        assert len(mail.outbox) == expected


def test_writing_needs_a_subject_and_a_message(admin_client, date):
    fill(date, 1)
    response = admin_client.post(url("message", date.pk), {"recipients": "all"})
    assert response.status_code == 200
    assert not RegistrationEmail.objects.filter(kind=EmailKind.MESSAGE).exists()


# Exports -----------------------------------------------------------------------------------------------


def test_the_csv_export_is_for_french_spreadsheets(admin_client, date):
    first, _second, waiting = fill(date, 3)
    register(date, person(4, last_name="=HYPERLINK(1)"), by_editor=True)
    anonymised = register(date, person(5), by_editor=True)
    Registration.objects.filter(pk=anonymised.pk).update(
        anonymised_at=timezone.now(), first_name="", last_name="", email="anonyme-5@example.invalid"
    )

    response = admin_client.get(url("csv", date.pk))

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="inscriptions-atelier-installation-2026-12-03-14h00.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "no-store" in response["Cache-Control"]  # personal data: Wagtail's admin URLs are never cached
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "nom",
        "prénom",
        "courriel",
        "structure",
        "fonction",
        "territoire",
        "téléphone",
        "besoins particuliers",
        "statut",
        "inscrit·e le",
    ]
    assert rows[1] == [
        "Nom1",
        "Prénom1",
        "personne1@example.org",
        "Mairie de Die",
        "Chargée de mission",
        "Pays Diois",
        "04 75 00 00 00",
        "Accès en fauteuil",
        "Confirmée",
        "22/11/2026 10:00",
    ]
    assert [row[0] for row in rows[1:]] == ["Nom1", "Nom2", "'=HYPERLINK(1)", "Nom3"]
    assert [row[8] for row in rows[1:]] == ["Confirmée", "Confirmée", "Liste d'attente", "Liste d'attente"]
    assert "Un commentaire privé" not in response.content.decode("utf-8-sig")


def test_the_attendance_sheet_lists_the_seats_by_last_name(admin_client, date):
    date.capacity = 5
    date.save()
    register(date, person(1, last_name="Zola"), by_editor=True)
    attended = register(date, person(2, last_name="berger"), by_editor=True)
    admin_client.post(url("attended", date.pk, attended.pk))
    cancelled = register(date, person(3, last_name="Amar"), by_editor=True)
    admin_client.post(url("cancel", date.pk, cancelled.pk))

    response = admin_client.get(url("sheet", date.pk))

    html = soup(response)
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == "Atelier installation"
    assert "jeudi 3 décembre 2026, 14:00" in html.get_text(" ", strip=True)
    assert "Maison des services" in html.get_text(" ", strip=True)
    table = html.find("table")
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 4
    assert [row.th.get_text(strip=True) for row in table.select("tbody tr")] == ["BERGER", "ZOLA"]
    assert html.find("link", rel="stylesheet")["href"].endswith("agenda/css/attendance-sheet.css")


def test_the_print_stylesheet_has_print_rules():
    from django.contrib.staticfiles import finders

    css = open(finders.find("agenda/css/attendance-sheet.css"), encoding="utf-8").read()  # noqa: SIM115
    assert "@media print" in css
