"""The CSV import: a good file imports, the same file again changes nothing, bad rows are reported by line and
nothing is written."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from members.importer import import_members
from members.models import MemberOrganisation, MemberProfile, Membership
from tests.factories.members import MemberOrganisationFactory

pytestmark = pytest.mark.django_db

GOOD = """organisation,kind,valid_from,valid_until,email,first_name,last_name
Pays Diois,territoire,2026-01-01,2026-12-31,anne.martin@example.org,Anne,Martin
Pays Diois,territoire,2026-01-01,2026-12-31,paul.durand@example.org,Paul,Durand
Ronalpia,accompagnement,01/01/2026,31/12/2026,lea.petit@example.org,Léa,Petit
Commune de Die,Collectivité,2026-03-01,2027-02-28,,,
"""


def counts():
    return (
        MemberOrganisation.objects.count(),
        Membership.objects.count(),
        MemberProfile.objects.count(),
        get_user_model().objects.count(),
    )


def snapshot():
    return (
        list(MemberOrganisation.objects.values_list("name", "kind", "contact_email").order_by("name")),
        list(Membership.objects.values_list("organisation__name", "year", "valid_from", "valid_until").order_by("pk")),
        list(
            MemberProfile.objects.values_list(
                "user__email", "user__first_name", "user__last_name", "organisation__name"
            )
        ),
    )


def test_a_good_file_imports_organisations_memberships_and_people():
    result = import_members(GOOD.encode())
    assert result.ok
    assert counts() == (3, 3, 3, 3)
    diois = MemberOrganisation.objects.get(name="Pays Diois")
    assert diois.kind == "territoire"
    assert sorted(diois.people.values_list("user__email", flat=True)) == [
        "anne.martin@example.org",
        "paul.durand@example.org",
    ]
    die = MemberOrganisation.objects.get(name="Commune de Die")
    assert die.kind == "collectivite"
    assert str(die.memberships.get().valid_until) == "2027-02-28"
    lea = get_user_model().objects.get(email="lea.petit@example.org")
    assert (lea.first_name, lea.member_profile.organisation.name) == ("Léa", "Ronalpia")
    assert not lea.has_usable_password()


def test_reimporting_the_same_file_changes_nothing():
    import_members(GOOD.encode())
    before = snapshot()
    result = import_members(GOOD.encode())
    assert result.ok and not result.changed
    assert snapshot() == before
    assert counts() == (3, 3, 3, 3)


def test_a_later_file_updates_by_name_and_email():
    import_members(GOOD.encode())
    later = (
        "organisation;kind;valid_from;valid_until;email;first_name;last_name\n"
        "pays diois;territoire;2027-01-01;2027-12-31;ANNE.MARTIN@example.org;Anne;Martin-Roux\n"
        "Ronalpia;accompagnement;2026-01-01;2026-12-31;paul.durand@example.org;Paul;Durand\n"
    )
    result = import_members(later.encode())
    assert result.ok, result.errors
    assert result.created == {"organisations": 0, "memberships": 1, "people": 0}
    assert result.updated == {"organisations": 0, "memberships": 0, "people": 2}
    anne = get_user_model().objects.get(email="anne.martin@example.org")
    assert anne.last_name == "Martin-Roux"
    assert sorted(MemberOrganisation.objects.get(name="Pays Diois").memberships.values_list("year", flat=True)) == [
        2026,
        2027,
    ]
    assert get_user_model().objects.get(email="paul.durand@example.org").member_profile.organisation.name == "Ronalpia"


def test_bad_rows_are_reported_by_line_and_nothing_is_written():
    MemberOrganisationFactory(name="Déjà là", contact_email="deja@example.org")
    before = snapshot()
    bad = (
        "organisation,kind,valid_from,valid_until,email,first_name,last_name\n"
        "Pays Diois,territoire,2026-01-01,2026-12-31,anne.martin@example.org,Anne,Martin\n"
        "Pays Diois,territoire,2026-01-01,2026-12-31,pas-une-adresse,Paul,Durand\n"
        ",territoire,2026-01-01,2026-12-31,x@example.org,,\n"
        "Ronalpia,entreprise,2026-01-01,2026-12-31,lea@example.org,Léa,Petit\n"
        "Ronalpia,accompagnement,2026-13-01,2026-12-31,lea@example.org,Léa,Petit\n"
        "Ronalpia,accompagnement,2026-12-31,2026-01-01,lea@example.org,Léa,Petit\n"
        "Pays Diois,association,2026-01-01,2026-12-31,marc@example.org,Marc,\n"
        "Ronalpia,accompagnement,2026-01-01,2026-12-31,anne.martin@example.org,Anne,Martin\n"
    )
    result = import_members(bad.encode())
    assert not result.ok
    reported = {error.line: error.message for error in result.errors}
    assert sorted(reported) == [3, 4, 5, 6, 7, 8, 9]
    assert "pas-une-adresse" in reported[3]
    assert "organisation" in reported[4] and "vide" in reported[4]
    assert "entreprise" in reported[5]
    assert "2026-13-01" in reported[6]
    assert "précède" in reported[7]
    assert "ligne 2" in reported[8]
    assert "autre organisation à la ligne 2" in reported[9]
    assert str(result.errors[0]).startswith("Ligne 3 : ")
    assert snapshot() == before


def test_missing_columns_are_reported_on_line_1():
    result = import_members(b"organisation,kind\nPays Diois,territoire\n")
    assert [(error.line, error.message) for error in result.errors] == [
        (1, "colonnes manquantes : valid_from, valid_until, email, first_name, last_name.")
    ]


def test_a_windows_spreadsheet_is_read():
    text = "organisation;kind;valid_from;valid_until;email;first_name;last_name\r\n" + (
        "Vallée de la Drôme;territoire;01/01/2026;31/12/2026;helene@example.org;Hélène;Chéry\r\n"
    )
    result = import_members(text.encode("cp1252"))
    assert result.ok, result.errors
    assert get_user_model().objects.get(email="helene@example.org").first_name == "Hélène"
    assert MemberOrganisation.objects.filter(name="Vallée de la Drôme").exists()


def test_the_command_imports_and_refuses_a_bad_file(tmp_path):
    good = tmp_path / "adherents.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_members", str(good), stdout=out)
    assert "créés : 3 organisations, 3 adhésions, 3 personnes" in out.getvalue()
    out = io.StringIO()
    call_command("import_members", str(good), stdout=out)
    assert "créés : 0 organisations, 0 adhésions, 0 personnes ; mis à jour : 0 organisations" in out.getvalue()

    bad = tmp_path / "mauvais.csv"
    bad.write_text(GOOD + "Ronalpia,inconnu,2026-01-01,2026-12-31,z@example.org,Z,Z\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 ligne"):
        call_command("import_members", str(bad), stdout=io.StringIO(), stderr=err)
    assert "Ligne 6 : type « inconnu » inconnu" in err.getvalue()
