"""The "Adhérents" admin: organisations filtered by membership status, people, and the CSV import view."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import MemberOrganisation, MemberProfile
from tests.conftest import soup
from tests.factories.members import MemberOrganisationFactory, MembershipFactory
from tests.members.conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    return client


@pytest.fixture
def organisations(frozen):
    """Today is 15 June 2026."""
    valid = MemberOrganisationFactory(name="Valide toute l'année")
    MembershipFactory(organisation=valid, year=2026)
    lapsing = MemberOrganisationFactory(name="Échue fin juin")
    MembershipFactory(organisation=lapsing, year=2026, valid_from="2025-07-01", valid_until="2026-06-30")
    lapsed = MemberOrganisationFactory(name="Échue l'an dernier")
    MembershipFactory(organisation=lapsed, year=2025)
    MemberOrganisationFactory(name="Jamais adhérente")
    return valid, lapsing, lapsed


def names_in(client, **params):
    response = client.get(reverse("members_organisations:index"), params)
    assert response.status_code == 200
    rows = soup(response).select("table.listing tbody tr")
    return sorted(row.find("td").find("a").get_text(" ", strip=True) for row in rows)


def test_the_filters_return_the_right_organisations(admin_client, organisations):
    every = ["Jamais adhérente", "Valide toute l'année", "Échue fin juin", "Échue l'an dernier"]
    assert names_in(admin_client) == sorted(every)
    assert names_in(admin_client, status="valid") == ["Valide toute l'année", "Échue fin juin"]
    assert names_in(admin_client, status="lapsing") == ["Échue fin juin"]
    assert names_in(admin_client, status="lapsed") == ["Échue l'an dernier"]


def test_the_listing_shows_until_when_and_links_the_import(admin_client, organisations):
    html = soup(admin_client.get(reverse("members_organisations:index")))
    assert "31/12/2026" in html.get_text()
    assert html.find("a", href=reverse("members_organisations:import"))


def test_people_are_filtered_by_their_organisation_status(admin_client, organisations):
    valid, lapsing, lapsed = organisations
    make_person(valid, years=(), email="valide@example.org", username="valide")
    make_person(lapsed, years=(), email="echue@example.org", username="echue")
    response = admin_client.get(reverse("members_people:index"), {"status": "lapsed"})
    html = response.content.decode()
    assert "echue@example.org" in html and "valide@example.org" not in html


def test_an_editor_adds_a_person_with_their_account(admin_client, organisations, django_user_model):
    valid, *_ = organisations
    response = admin_client.post(
        reverse("members_people:add"),
        {
            "email": "Nouvelle@Example.org",
            "first_name": "Nina",
            "last_name": "Nouvelle",
            "organisation": valid.pk,
            "job_title": "Animatrice",
            "territory": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = MemberProfile.objects.get(user__email="nouvelle@example.org")
    assert profile.organisation == valid and profile.user.first_name == "Nina"
    assert not profile.user.has_usable_password()


def test_the_import_view_lists_bad_rows_and_writes_nothing(admin_client, frozen):
    bad = (
        b"organisation,kind,valid_from,valid_until,email,first_name,last_name\nDiois,planete,2026-01-01,2026-12-31,,,\n"
    )
    response = admin_client.post(
        reverse("members_organisations:import"), {"file": SimpleUploadedFile("a.csv", bad, "text/csv")}
    )
    assert response.status_code == 200
    errors = [item.get_text(strip=True) for item in soup(response).select(".members-import-errors li")]
    assert len(errors) == 1 and errors[0].startswith("Ligne 2 : type « planete » inconnu")
    assert not MemberOrganisation.objects.exists()


def test_the_import_view_imports_a_good_file(admin_client, frozen):
    good = (
        b"organisation,kind,valid_from,valid_until,email,first_name,last_name\n"
        b"Diois,territoire,2026-01-01,2026-12-31,a@example.org,A,B\n"
    )
    response = admin_client.post(
        reverse("members_organisations:import"), {"file": SimpleUploadedFile("a.csv", good, "text/csv")}, follow=True
    )
    assert response.status_code == 200
    assert "Import terminé" in response.content.decode()
    assert MemberProfile.objects.get().organisation.name == "Diois"


def test_the_import_view_needs_the_rights(client, django_user_model, frozen):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editeur", "e@example.org", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("members_organisations:import")).status_code in (302, 403)


def test_the_listing_does_not_query_per_organisation(admin_client, frozen):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(reverse("members_organisations:index")).status_code == 200
        return len(captured)

    for _index in range(3):
        MembershipFactory(organisation=MemberOrganisationFactory(), year=2026)
    count_queries()  # the first admin request of a test fills per-process caches: measure warm requests only
    few = count_queries()
    for _index in range(12):
        MembershipFactory(organisation=MemberOrganisationFactory(), year=2026)
    assert count_queries() == few
