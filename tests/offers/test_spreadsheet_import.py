"""The bulk import of offers from a spreadsheet (offers/spreadsheet/, offers/import_views.py): the preview lists every
row with its line and its errors and writes nothing; the import writes drafts under the territory, all or nothing;
only those who may add pages under the territory get there; garbage files answer a form error, never a 500."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision

from offers.models import OfferPage, OfferStatus
from offers.spreadsheet import COLUMNS, importing, read_table
from offers.spreadsheet.columns import CellError, parse_date, parse_decimal, parse_postcode
from tests.conftest import soup
from tests.factories import (
    OfferPageFactory,
    OfferTypeFactory,
    SectorFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=datetime.UTC)
UPLOAD = reverse("offers_import:upload")
HEADERS = ["Titre", "Type d'offre", "Secteurs", "Commune", "Code postal", "Prix de cession (€)", "Expire le"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    diois = TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Pays Diois", slug="pays-diois")
    roannais = TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Roannais", slug="roannais")
    OfferPageFactory(parent=diois, locale=site_tree.fr, title="Gîte à reprendre", slug="gite-a-reprendre")
    return {
        "diois": diois,
        "roannais": roannais,
        "reprise": OfferTypeFactory(name="Reprise d'entreprise", slug="reprise-d-entreprise"),
        "emploi": OfferTypeFactory(name="Emploi", slug="emploi"),
        "artisanat": SectorFactory(name="Artisanat", slug="artisanat"),
        "tourisme": SectorFactory(name="Tourisme", slug="tourisme"),
    }


@pytest.fixture
def admin(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    client.user = user
    return client


def agent_of(territory):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=f"Territoire – {territory.title}"))
    return user


def csv_file(rows, headers=HEADERS, delimiter=";", bom=True, name="offres.csv"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    content = ("\ufeff" if bom else "") + out.getvalue()
    return named(content.encode("utf-8"), name)


def named(content, name):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


GOOD = ["Boulangerie à reprendre", "reprise-d-entreprise", "artisanat", "Die", "26150", "85 000,50", "31/12/2027"]


def good(n):
    return [f"Offre numéro {n}", "Emploi", "Tourisme | artisanat", "Crest", "26400", "", ""]


def upload(client, territory, file):
    return client.post(UPLOAD, {"territory": territory.pk, "file": file})


def preview_rows(response):
    """The preview table: ``{line: (result, title)}``, result "OK" or the errors' text."""
    rows = {}
    for row in soup(response).select("#apercu tbody tr"):
        cells = row.select("td")
        rows[int(row.th.get_text(strip=True))] = (cells[0].get_text(" ", strip=True), cells[1].get_text(strip=True))
    return rows


def page_text(response):
    """The page's text, white space collapsed."""
    return " ".join(soup(response).get_text(" ").split())


def form_errors(response):
    return [error.get_text(" ", strip=True) for error in soup(response).select(".error-message, .help-critical")]


# --- The preview ------------------------------------------------------------------------------------------


def test_the_preview_lists_every_row_with_its_line_and_its_errors_and_writes_nothing(admin, world):
    pages, revisions = OfferPage.objects.count(), Revision.objects.count()
    file = csv_file(
        [
            GOOD,  # line 2
            ["", "emploi", "", "Die", "26150", "", ""],  # 3: no title
            ["Chef de cuisine", "plombier", "", "Die", "26150", "", ""],  # 4: unknown type
            ["Atelier", "emploi", "menuiserie", "Die", "26150", "", ""],  # 5: unknown sector
            ["Local", "emploi", "", "Die", "26150", "beaucoup", "demain"],  # 6: bad number, bad date
            [],  # 7: blank (skipped, counted)
            ["Ferme", "emploi", "", "", "2615", "", ""],  # 8: no commune, short postcode
            ["Boulangerie à reprendre", "emploi", "", "Die", "26150", "", ""],  # 9: same title as line 2
            ["Gîte à reprendre", "emploi", "", "Die", "26150", "", ""],  # 10: already under the territory
            ["Vieille offre", "emploi", "", "Die", "26150", "", "01/12/2026"],  # 11: expiry not ahead
        ]
    )

    response = upload(admin, world["diois"], file)
    assert response.status_code == 302
    response = admin.get(response["Location"])

    assert response.status_code == 200
    rows = preview_rows(response)
    assert list(rows) == [2, 3, 4, 5, 6, 8, 9, 10, 11]
    assert rows[2] == ("OK", "Boulangerie à reprendre")
    assert rows[3][0] == "Erreurs : Titre : obligatoire."
    assert "Type d'offre : « plombier » n'est pas un type d'offre connu." in rows[4][0]
    assert "Secteurs : secteur inconnu : « menuiserie »." in rows[5][0]
    assert "Prix de cession (€) : « beaucoup » n'est pas un nombre." in rows[6][0]
    assert "Expire le : « demain » n'est pas une date (JJ/MM/AAAA)." in rows[6][0]
    assert "Code postal : « 2615 » n'est pas un code postal à 5 chiffres." in rows[8][0]
    assert "Commune : obligatoire." in rows[8][0]
    assert "Titre : même titre (ou même adresse « boulangerie-a-reprendre ») que la ligne 2." in rows[9][0]
    assert "Titre : une page d'adresse « gite-a-reprendre » existe déjà sous ce territoire." in rows[10][0]
    assert "Expire le : la date d'expiration doit être à venir." in rows[11][0]
    html = soup(response)
    summary = html.select_one("#erreurs").get_text(" ", strip=True)
    assert "8 lignes sont en erreur : 3 , 4 , 5 , 6 , 8 , 9 , 10 , 11" in summary
    assert html.select_one("#erreurs a")["href"] == "#ligne-3"
    assert not html.select(f"form[action*='{reverse('offers_import:upload')}'] button[type=submit]")
    assert "Importer" not in " ".join(b.get_text() for b in html.select("button"))
    assert (OfferPage.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_a_bad_row_blocks_the_import(admin, world):
    preview = admin.get(
        upload(admin, world["diois"], csv_file([GOOD, ["", "emploi", "", "Die", "", "", ""]]))["Location"]
    )
    token = preview.wsgi_request.resolver_match.kwargs["token"]

    response = admin.post(reverse("offers_import:confirm", args=[token]), follow=True)

    assert not OfferPage.objects.filter(title="Boulangerie à reprendre").exists()
    assert "Des lignes sont en erreur : corrigez le fichier, rien n'a été importé." in page_text(response)


def test_unknown_columns_are_listed_as_ignored(admin, world):
    file = csv_file([[*GOOD, "x"]], headers=[*HEADERS, "Couleur préférée"])
    response = admin.get(upload(admin, world["diois"], file)["Location"])
    assert "Colonnes ignorées (inconnues) : « Couleur préférée »" in page_text(response)
    assert preview_rows(response)[2][0] == "OK"


# --- The import -------------------------------------------------------------------------------------------


def test_a_csv_import_writes_drafts_under_the_territory_with_their_fields(admin, world):
    headers = [column.header for column in COLUMNS]
    full = {
        "Titre": "Boulangerie à reprendre",
        "Type d'offre": "Reprise d'entreprise",  # by name
        "Secteurs": "artisanat, Tourisme",  # by slug and by name
        "Statut": "En discussion",
        "Résumé": "Commerce en centre-bourg.",
        "Commune": "Die",
        "Code postal": "26150",
        "Code INSEE": "26113",
        "Latitude": "44,753",
        "Longitude": "5.37",
        "Prix de cession (€)": "85 000,50",
        "Loyer mensuel (€)": "450",
        "Salaire annuel brut (€)": "",
        "Surface (m²)": "120",
        "Disponible à partir du": "01/03/2027",
        "Expire le": "2027-12-31",
        "Autres conditions": "Accompagnement du cédant.",
        "Référence": "DIOIS-04",
        "Contact": "Camille Martin",
        "Fonction du contact": "Chargée de mission",
        "Courriel du contact": "camille@example.org",
        "Téléphone du contact": "04 75 00 00 00",
    }
    file = csv_file(
        [[full[h] for h in headers], [full[h] if h != "Titre" else "Autre offre" for h in headers]], headers
    )
    preview = admin.get(upload(admin, world["diois"], file)["Location"])
    assert [result for result, _ in preview_rows(preview).values()] == ["OK", "OK"]
    assert "Importer 2 offres en brouillon" in soup(preview).select_one("form button").get_text(" ", strip=True)

    response = admin.post(soup(preview).select_one("form[method=post]")["action"])

    diois = world["diois"]
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[diois.pk])
    messages = soup(admin.get(response["Location"])).select_one(".messages").get_text(" ", strip=True)
    assert "2 offres importées en brouillon" in messages
    offer = OfferPage.objects.get(title="Boulangerie à reprendre")
    assert offer.get_parent().pk == diois.pk and offer.territory_id == diois.pk
    assert offer.locale_id == diois.locale_id
    assert (offer.live, offer.has_unpublished_changes, offer.owner_id) == (False, True, admin.user.pk)
    assert offer.slug == "boulangerie-a-reprendre"
    assert offer.offer_type == world["reprise"]
    assert set(offer.sectors.all()) == {world["artisanat"], world["tourisme"]}
    assert offer.status == OfferStatus.IN_DISCUSSION
    assert (offer.commune, offer.postcode, offer.insee_code) == ("Die", "26150", "26113")
    assert (offer.latitude, offer.longitude) == (44.753, 5.37)
    assert (offer.price, offer.rent, offer.salary, offer.surface) == (Decimal("85000.50"), Decimal("450.00"), None, 120)
    assert offer.available_from == datetime.date(2027, 3, 1)
    assert timezone.localtime(offer.expire_at, PARIS) == datetime.datetime(2027, 12, 31, tzinfo=PARIS)
    assert (offer.summary, offer.conditions, offer.reference) == (
        "Commerce en centre-bourg.",
        full["Autres conditions"],
        "DIOIS-04",
    )
    assert (offer.contact_name, offer.contact_email) == ("Camille Martin", "camille@example.org")
    revision = offer.latest_revision
    assert revision.user_id == admin.user.pk
    assert revision.as_object().sectors.count() == 2
    assert (offer.draft_title, offer.latest_revision_created_at) == (offer.title, revision.created_at)
    assert PageLogEntry.objects.filter(page=offer, action="wagtail.create", user=admin.user).exists()
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[offer.pk]))  # the draft opens in the editor
    assert edit.status_code == 200
    assert soup(edit).select_one("input[name=title]")["value"] == "Boulangerie à reprendre"
    assert not OfferPage.objects.filter(title="Boulangerie à reprendre").live().exists()


def xlsx_file(rows, headers=HEADERS, name="offres.xlsx"):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return named(out.getvalue(), name)


def test_an_xlsx_file_is_read_with_its_numbers_and_dates(admin, world):
    file = xlsx_file(
        [
            [
                "Épicerie à reprendre",
                "reprise-d-entreprise",
                "artisanat",
                "Bourg-en-Bresse",
                1000,
                42000.5,
                datetime.datetime(2027, 6, 30),
            ],
            [None, None, None, None, None, None, None],  # blank line 3
            ["Chef de rang", "emploi", None, "Die", "26150", "abc", None],
        ]
    )
    preview = admin.get(upload(admin, world["roannais"], file)["Location"])
    rows = preview_rows(preview)
    assert rows[2] == ("OK", "Épicerie à reprendre")
    assert rows[4][0] == "Erreurs : Prix de cession (€) : « abc » n'est pas un nombre."

    file = xlsx_file(
        [
            [
                "Épicerie à reprendre",
                "reprise-d-entreprise",
                "artisanat",
                "Bourg-en-Bresse",
                1000,
                42000.5,
                datetime.datetime(2027, 6, 30),
            ]
        ]
    )
    preview = admin.get(upload(admin, world["roannais"], file)["Location"])
    admin.post(soup(preview).select_one("form[method=post]")["action"])

    offer = OfferPage.objects.get(title="Épicerie à reprendre")
    assert offer.territory_id == world["roannais"].pk
    assert (offer.postcode, offer.price) == ("01000", Decimal("42000.50"))  # Excel had dropped the leading zero
    assert timezone.localtime(offer.expire_at, PARIS) == datetime.datetime(2027, 6, 30, tzinfo=PARIS)


def test_a_comma_separated_file_without_bom_is_read(admin, world):
    file = csv_file([GOOD, good(3)], delimiter=",", bom=False)
    preview = admin.get(upload(admin, world["diois"], file)["Location"])
    assert [result for result, _ in preview_rows(preview).values()] == ["OK", "OK"]


def test_a_failure_in_the_middle_of_the_import_leaves_no_page(admin, world, monkeypatch):
    file = csv_file([good(n) for n in range(2, 6)])
    preview = admin.get(upload(admin, world["diois"], file)["Location"])
    pages, revisions = OfferPage.objects.count(), Revision.objects.count()
    original = importing._save_first_revision
    calls = []

    def failing_on_the_third(page, user):
        calls.append(page.title)
        if len(calls) == 3:  # the third page is written, its revision fails
            raise ValueError("disque plein")
        return original(page, user)

    monkeypatch.setattr(importing, "_save_first_revision", failing_on_the_third)

    response = admin.post(soup(preview).select_one("form[method=post]")["action"], follow=True)

    assert len(calls) == 3
    assert (OfferPage.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert not OfferPage.objects.filter(title__startswith="Offre numéro").exists()
    assert "Ligne 4 : disque plein. Aucune offre n'a été importée." in page_text(response)
    assert preview_rows(response)[4] == ("OK", "Offre numéro 4")  # back on the preview, the file still pending


def test_the_import_checks_again_what_changed_since_the_preview(admin, world):
    preview = admin.get(upload(admin, world["diois"], csv_file([GOOD]))["Location"])
    OfferPageFactory(parent=world["diois"], title="Boulangerie à reprendre", slug="boulangerie-a-reprendre")

    response = admin.post(soup(preview).select_one("form[method=post]")["action"], follow=True)

    assert OfferPage.objects.filter(slug="boulangerie-a-reprendre").count() == 1
    assert "une page d'adresse « boulangerie-a-reprendre » existe déjà" in page_text(response)


def test_an_unknown_or_imported_token_sends_back_to_the_upload(admin, world):
    response = admin.get(reverse("offers_import:preview", args=["inconnu"]), follow=True)
    assert response.redirect_chain[-1][0] == UPLOAD
    assert "Ce fichier n'est plus en attente" in page_text(response)

    preview = admin.get(upload(admin, world["diois"], csv_file([GOOD]))["Location"])
    confirm = soup(preview).select_one("form[method=post]")["action"]
    admin.post(confirm)
    admin.post(confirm)  # a second click imports nothing more
    assert OfferPage.objects.filter(title="Boulangerie à reprendre").count() == 1


# --- Who may import -----------------------------------------------------------------------------------------


def test_an_agent_imports_under_their_territory_only(client, world):
    agent = agent_of(world["diois"])
    client.force_login(agent)

    page = client.get(UPLOAD)
    assert page.status_code == 200
    options = [option.get_text(strip=True) for option in soup(page).select("select[name=territory] option")]
    assert options == ["Pays Diois"]
    assert reverse("offers_import:upload") in client.get(reverse("wagtailadmin_home")).content.decode()

    assert client.get(UPLOAD + f"?territory={world['roannais'].pk}").status_code == 403
    refused = upload(client, world["roannais"], csv_file([GOOD]))
    assert refused.status_code == 200
    assert soup(refused).select_one("form")  # the form again, with the choice refused
    assert not client.session.get("offers_spreadsheet_imports")

    preview = client.get(upload(client, world["diois"], csv_file([GOOD]))["Location"])
    client.post(soup(preview).select_one("form[method=post]")["action"])
    offer = OfferPage.objects.get(title="Boulangerie à reprendre")
    assert (offer.territory_id, offer.owner_id, offer.live) == (world["diois"].pk, agent.pk, False)


def test_the_territory_page_in_the_explorer_offers_the_import(client, admin, world):
    target = UPLOAD + f"?territory={world['diois'].pk}"
    explore = reverse("wagtailadmin_explore", args=[world["diois"].pk])
    assert soup(admin.get(explore)).select(f"a[href='{target}']")
    client.force_login(agent_of(world["diois"]))
    assert soup(client.get(explore)).select(f"a[href='{target}']")
    page = client.get(target)
    assert soup(page).select_one("select[name=territory] option[selected]").get_text(strip=True) == "Pays Diois"


def test_an_agent_of_another_territory_gets_403_on_a_pending_import(client, admin, world):
    preview = admin.get(upload(admin, world["roannais"], csv_file([GOOD]))["Location"])
    token = preview.wsgi_request.resolver_match.kwargs["token"]
    pending = admin.session["offers_spreadsheet_imports"]

    client.force_login(agent_of(world["diois"]))
    session = client.session
    session["offers_spreadsheet_imports"] = pending  # as if the token were theirs
    session.save()

    assert client.get(reverse("offers_import:preview", args=[token])).status_code == 403
    assert client.post(reverse("offers_import:confirm", args=[token])).status_code == 403
    assert not OfferPage.objects.filter(title="Boulangerie à reprendre").exists()


def test_an_editor_who_may_add_no_page_gets_403_and_no_menu_item(client, world):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's default group: rights on the home page only…
    Group.objects.get(name="Editors").page_permissions.all().delete()  # …taken away here
    client.force_login(editor)

    for url in (UPLOAD, reverse("offers_import:template"), reverse("offers_import:preview", args=["x"])):
        response = client.get(url)
        assert response.status_code == 403, url
    assert "Vous ne pouvez pas importer d'offres" in page_text(client.get(UPLOAD))
    assert reverse("offers_import:upload") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


# --- The template and the documentation --------------------------------------------------------------------


def test_the_template_has_the_french_headers_and_reads_back(admin, world):
    response = admin.get(reverse("offers_import:template"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="modele-import-offres.csv"' in response["Content-Disposition"]
    table = read_table(response.content, "modele.csv")
    assert table.headers == [column.header for column in COLUMNS]
    assert table.headers[:3] == ["Titre", "Type d'offre", "Secteurs"]

    page = soup(admin.get(UPLOAD))
    documented = [row.th.get_text(strip=True) for row in page.select("table.listing tbody tr")]
    assert documented == table.headers
    assert "Reprise d'entreprise (reprise-d-entreprise)" in [item.get_text() for item in page.select("main li")]


# --- Garbage ------------------------------------------------------------------------------------------------


def zip_of(name, content):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, content)
    return out.getvalue()


GARBAGE = [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv", "n'est pas un CSV encodé en UTF-8", id="image"),
    pytest.param(b"", "vide.csv", "Le fichier soumis est vide.", id="empty"),
    pytest.param(b"Titre;Type d'offre;Commune\r\n", "entete.csv", "ne contient aucune offre", id="headers-only"),
    pytest.param(
        ("Titre;Type d'offre;Commune\r\n" + "x" * 200_000 + ";emploi;Die\r\n").encode(),
        "enorme.csv",
        "Le fichier CSV est mal formé",
        id="huge-cell-over-csv-limit",
    ),
    pytest.param(
        ("Titre;Type d'offre;Commune\r\n" + "x" * 6_000 + ";emploi;Die\r\n").encode(),
        "long.csv",
        "Ligne 2 : une cellule dépasse 5000 caractères.",
        id="huge-cell",
    ),
    pytest.param(
        "Titre;Type d'offre;Commune\r\nÉpicerie;emploi;Privas\r\n".encode("cp1252"),
        "latin.csv",
        "n'est pas un CSV encodé en UTF-8",
        id="wrong-encoding",
    ),
    pytest.param(
        b"Titre;Type d'offre;Commune\r\nx;y;z\r\n", "faux.xlsx", "n'est pas un classeur XLSX lisible", id="fake-xlsx"
    ),
    pytest.param(
        zip_of("readme.txt", "bonjour"), "archive.xlsx", "n'est pas un classeur XLSX lisible", id="zip-not-xlsx"
    ),
    pytest.param(
        b"nom,age\r\nCamille,34\r\n",
        "autre.csv",
        "Colonnes obligatoires absentes de la ligne 1 : « Titre »",
        id="other-table",
    ),
    pytest.param(
        b"Titre;Titre;Type d'offre;Commune\r\n", "double.csv", "La colonne « Titre » apparaît deux fois", id="twice"
    ),
    pytest.param(b"%PDF-1.4\n", "document.pdf", "Envoyez un fichier .csv ou .xlsx.", id="pdf"),
    pytest.param(b"x" * (2 * 1024 * 1024 + 1), "gros.csv", "Le fichier dépasse 2 Mo", id="too-big"),
]


@pytest.mark.parametrize(("content", "name", "message"), GARBAGE)
def test_a_garbage_file_answers_a_form_error(admin, world, content, name, message):
    response = upload(admin, world["diois"], named(content, name))

    assert response.status_code == 200
    errors = " ".join(form_errors(response))
    assert message in errors, errors
    assert not admin.session.get("offers_spreadsheet_imports")


def test_a_file_over_the_row_limit_is_refused(admin, world, monkeypatch):
    monkeypatch.setattr("offers.spreadsheet.reading.MAX_ROWS", 3)
    response = upload(admin, world["diois"], csv_file([good(n) for n in range(2, 7)]))
    assert "Le fichier compte plus de 3 lignes" in " ".join(form_errors(response))
    response = upload(admin, world["diois"], xlsx_file([good(n) for n in range(2, 7)]))
    assert "Le fichier compte plus de 3 lignes" in " ".join(form_errors(response))


# --- Cells ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12 500,50", "12500.50"),
        ("12\u202f500 €", "12500.00"),
        ("1.234,5", "1234.50"),
        ("99.9", "99.90"),
        (450, "450.00"),
    ],
)
def test_amounts_are_read_in_french_or_english_notation(cell, expected):
    assert parse_decimal(cell) == Decimal(expected)


@pytest.mark.parametrize("cell", ["-5", "abc", "1e400", "nan", True])
def test_bad_amounts_are_refused(cell):
    with pytest.raises(CellError):
        parse_decimal(cell)


def test_dates_and_postcodes():
    assert parse_date("05/03/2027") == parse_date("2027-03-05") == parse_date(datetime.datetime(2027, 3, 5, 0, 0))
    assert parse_postcode(7000) == "07000"
    for bad in ("7000", "260 00 1", "ABCDE"):
        with pytest.raises(CellError):
            parse_postcode(bad)


# --- Query budget -----------------------------------------------------------------------------------------------


def test_the_preview_takes_as_many_queries_for_100_rows_as_for_10(admin, world, django_assert_max_num_queries):
    counts = []
    for size in (10, 100):
        file = csv_file([good(n) for n in range(size)] + [["", "inconnu", "", "", "", "", ""]])
        url = upload(admin, world["diois"], file)["Location"]
        admin.get(url)  # warm up: content types, site root paths
        with django_assert_max_num_queries(25) as queries:
            response = admin.get(url)
        assert len(preview_rows(response)) == size + 1
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
