"""The translation workflow: untranslated pages stay off /en/, the status report, the batch PO export/import."""

import io
import zipfile

import polib
import pytest

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail_localize.models import LocaleSynchronization, Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import create_aliases_for_new_page

from cms.roles import COMMUNICATION_GROUP, territory_group_name
from cms.translations.po import export_zip, import_upload, pages_to_translate
from cms.translations.status import MISSING, OUTDATED, UP_TO_DATE, source_pages, with_translation_status
from tests.conftest import publish, soup
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
    UserFactory,
)

SECRET = "Zythologie"  # a French word no English page contains


def french_page(parent, **fields):
    fields.setdefault("title", f"{SECRET} rurale")
    fields.setdefault("slug", "zythologie")
    fields.setdefault("summary", f"La {SECRET} à la campagne.")
    page = StandardPageFactory(parent=parent, **fields)
    return publish(page)


def submit(page, en):
    """The "Translate this page" action, as the admin's submit view runs it."""
    TranslationCreator(None, [en]).create_translations(page)
    return page.get_translation(en).specific


def english_is_clean(client, url):
    """The English URL answers 404 and no English listing names the French page."""
    assert client.get(url).status_code == 404
    assert SECRET not in client.get("/sitemap.xml").content.decode()
    assert SECRET not in client.get("/en/search/?q=rurale").content.decode()
    assert SECRET not in client.get("/en/").content.decode()
    return True


def translate_all(translation, prefix="EN "):
    """Fill every string of ``translation`` through a polib PO file, like a translator's tool."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = prefix + entry.msgid if entry.msgctxt != "slug" else "zythology"
    return po


# 1. Untranslated pages do not go live in French under /en/


def test_translate_this_page_makes_an_english_draft_not_served(client, site_tree):
    page = french_page(site_tree.home)
    english = submit(page, site_tree.en)

    assert not english.live
    assert english.title == page.title  # French text, waiting for its translation
    assert english_is_clean(client, english.url_path.replace("/home/", "/en/", 1))


def test_untranslated_parent_copied_as_alias_is_not_live(client, site_tree):
    news = publish(NewsIndexPageFactory(parent=site_tree.home, title=f"{SECRET} actualités", slug="actu"))
    item = publish(NewsPageFactory(parent=news, title="Une nouvelle", slug="une-nouvelle"))

    submit(item, site_tree.en)

    alias = news.get_translation(site_tree.en)
    assert alias.alias_of_id == news.pk
    assert not alias.live
    assert english_is_clean(client, "/en/actu/")


def test_synchronised_tree_alias_of_a_new_french_page_stays_offline(client, site_tree):
    LocaleSynchronization.objects.create(locale=site_tree.en, sync_from=site_tree.fr)
    page = StandardPageFactory(parent=site_tree.home, title=f"{SECRET} rurale", slug="zythologie")
    create_aliases_for_new_page(page)  # Wagtail's after_create_page hook, as the admin's add view runs it

    publish(page)  # Wagtail publishes the aliases of a published page (Page.update_aliases)

    alias = page.get_translation(site_tree.en)
    assert alias.alias_of_id == page.pk
    assert not alias.live
    assert english_is_clean(client, "/en/zythologie/")


def test_new_french_page_under_translated_parent_through_the_admin(admin_client, client, site_tree):
    news = publish(NewsIndexPageFactory(parent=site_tree.home, title="Actualités", slug="actualites"))
    news_en = submit(news, site_tree.en)
    news_en.title, news_en.slug = "News", "news"
    news_en.save_revision().publish()
    item = publish(NewsPageFactory(parent=news, title=f"{SECRET} rurale", slug="zythologie"))

    # "Sync translated pages" on the parent, then "Translate this page" on the new child, both without publishing.
    source = Translation.objects.get(target_locale=site_tree.en, source__object_id=news.translation_key).source
    response = admin_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[item.pk]), {"locales": [site_tree.en.pk]}
    )
    assert response.status_code == 302

    english = item.get_translation(site_tree.en)
    assert english.get_parent().pk == news_en.pk
    assert not english.live
    assert english_is_clean(client, "/en/news/zythologie/")


def test_saving_a_translation_draft_leaves_the_live_english_page_as_published(client, site_tree):
    page = french_page(site_tree.home)
    english = submit(page, site_tree.en)
    translation = Translation.objects.get(source__object_id=page.translation_key)
    translation.import_po(translate_all(translation))
    translation.save_target(publish=False)
    english.refresh_from_db()
    english.get_latest_revision().publish()
    assert "EN Zythologie rurale" in soup(client.get(english.url)).h1.get_text()
    page.summary = "Un résumé tout neuf, en français seulement."
    publish(page)

    translation.source.update_from_db()  # "Sync translated pages", then the editor's "Save draft"
    translation.save_target(publish=False)

    english.refresh_from_db()
    assert english.live and english.has_unpublished_changes
    assert english.get_latest_revision().as_object().summary == page.summary  # the draft, French fallback
    body = client.get(english.url).content.decode()
    assert "tout neuf" not in body
    assert f"EN La {SECRET} à la campagne." in body

    translation.import_po(translate_all(translation))
    translation.save_target(publish=False)
    english.refresh_from_db()
    english.get_latest_revision().publish()  # publishing the completed translation
    assert "EN Un résumé tout neuf" in client.get(english.url).content.decode()


# 2. The status of each French page


def statuses(site_tree):
    pages = with_translation_status(source_pages(site_tree.fr), site_tree.en)
    return {page.pk: page.translation_status for page in pages}


def test_status_follows_the_translation(site_tree):
    page = french_page(site_tree.home)
    assert statuses(site_tree)[page.pk] == MISSING
    assert statuses(site_tree)[site_tree.home.pk] == UP_TO_DATE  # translated by hand, after the French

    translation_page = submit(page, site_tree.en)
    assert statuses(site_tree)[page.pk] == MISSING  # a draft is not a translation yet

    translation = Translation.objects.get(source__object_id=page.translation_key)
    assert translation.import_po(translate_all(translation)) == []
    translation.save_target(publish=False)
    translation_page.refresh_from_db()
    translation_page.get_latest_revision().publish()
    assert statuses(site_tree)[page.pk] == UP_TO_DATE

    page.summary = "Un nouveau résumé."
    publish(page)
    assert statuses(site_tree)[page.pk] == OUTDATED  # French changed, not synced

    translation.source.update_from_db()  # "Sync translated pages" without publishing
    assert statuses(site_tree)[page.pk] == OUTDATED  # a new string waits for its English
    total, translated = translation.get_progress()
    assert translated == total - 1


def test_status_of_the_alias_is_missing(site_tree):
    LocaleSynchronization.objects.create(locale=site_tree.en, sync_from=site_tree.fr)
    page = french_page(site_tree.home)
    assert statuses(site_tree)[page.pk] == MISSING


# 3. Batch PO export and import


def po_files(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: polib.pofile(archive.read(name).decode()) for name in archive.namelist()}


def test_export_lists_the_untranslated_strings_of_missing_pages(site_tree):
    page = french_page(site_tree.home)

    data, names = export_zip(pages_to_translate(site_tree.fr, site_tree.en), site_tree.en)

    assert names == [f"{page.pk}-zythologie.po"]  # the English home, translated by hand, is up to date
    po = po_files(data)[names[0]]
    assert {entry.msgid for entry in po} >= {page.title, page.summary}
    assert all(entry.msgstr == "" for entry in po)
    assert not page.get_translation(site_tree.en).live  # the export prepared a draft, published nothing


def test_import_fills_the_strings_and_publishes_english_text(client, site_tree):
    page = french_page(site_tree.home)
    data, names = export_zip(pages_to_translate(site_tree.fr, site_tree.en), site_tree.en)
    po = po_files(data)[names[0]]
    for entry in po:
        entry.msgstr = "zythology" if entry.msgctxt == "slug" else entry.msgid.replace(SECRET, "Beerology")

    [report] = import_upload("page.po", str(po).encode(), publish=True)

    assert report.ok and report.published and report.refused == []
    assert report.applied == len(po)
    english = page.get_translation(site_tree.en)
    assert english.live
    response = client.get(english.url)
    assert response.status_code == 200
    assert "Beerology rurale" in soup(response).h1.get_text()
    assert SECRET not in response.content.decode()
    assert statuses(site_tree)[page.pk] == UP_TO_DATE


def test_import_reports_refused_files_and_strings_without_partial_writes(site_tree):
    page = french_page(site_tree.home)
    data, names = export_zip(pages_to_translate(site_tree.fr, site_tree.en), site_tree.en)
    good = po_files(data)[names[0]]
    for entry in good:
        entry.msgstr = "EN " + entry.msgid
    good.append(polib.POEntry(msgid="Un texte disparu", msgctxt="summary", msgstr="A lost text"))
    unknown = polib.POFile()
    unknown.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    unknown.append(polib.POEntry(msgid="x", msgstr="y"))
    bad_html = polib.POFile()
    bad_html.metadata = dict(good.metadata)
    bad_html.append(polib.POEntry(msgid=page.title, msgctxt="title", msgstr="EN <a href='x'>"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("good.po", str(good))
        out.writestr("unknown.po", str(unknown))
        out.writestr("broken.po", 'msgid "a"\nmsgstr "b"\nnot po at all\n')
        out.writestr("notes.txt", "hello")

    reports = {report.name: report for report in import_upload("batch.zip", archive.getvalue())}

    assert reports["good.po"].ok
    assert reports["good.po"].applied == len(good) - 1
    assert [reason for _, reason in reports["good.po"].refused] == ["texte français qui n'est plus sur la page"]
    assert "inconnue" in reports["unknown.po"].error
    assert "Syntaxe" in reports["broken.po"].error
    assert reports["notes.txt"].error
    assert not page.get_translation(site_tree.en).live  # not published unless asked
    assert import_upload("junk.zip", b"not a zip")[0].error
    assert import_upload("junk.po", b"\xff\xfe\x00garbage")[0].error


# The admin report and the PO views


REPORT = "/admin/reports/traductions/"
QUERY_BUDGET = 15  # the same at 5 and 50 pages: session, user, permissions, count, one page of rows


@pytest.fixture
def officer(client, site_tree):
    user = UserFactory(username="communication-test")
    user.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    client.force_login(user)
    return user


def report_rows(response):
    rows = soup(response).select("table.listing tbody tr")
    return {row.select_one("td").get_text(" ", strip=True): row for row in rows}


def test_report_lists_each_french_page_with_its_status_and_links(client, officer, site_tree):
    missing = french_page(site_tree.home, title="Page sans traduction", slug="sans")
    done = french_page(site_tree.home, title="Page traduite", slug="traduite")
    english = submit(done, site_tree.en)
    translation = Translation.objects.get(source__object_id=done.translation_key)
    translation.import_po(translate_all(translation))
    translation.save_target(publish=False)
    english.refresh_from_db()
    english.get_latest_revision().publish()
    done.summary = "Changé."
    publish(done)

    response = client.get(REPORT)

    assert response.status_code == 200
    rows = report_rows(response)
    assert "manquante" in rows["Page sans traduction"].get_text()
    assert "Traduire cette page" in rows["Page sans traduction"].get_text()
    assert "à mettre à jour" in rows["Page traduite"].get_text()
    links = {a.get_text(strip=True): a["href"] for a in rows["Page traduite"].select("a")}
    assert links["Modifier la page française"] == reverse("wagtailadmin_pages:edit", args=[done.pk])
    assert links["Ouvrir la traduction"] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert "à jour" in rows["Accueil"].get_text()

    filtered = report_rows(client.get(REPORT, {"status": MISSING}))
    assert set(filtered) == {"Page sans traduction"}
    assert missing.pk
    by_type = report_rows(client.get(REPORT, {"page_type": "home.homepage"}))
    assert set(by_type) == {"Accueil"}
    assert client.get(REPORT, {"status": "nonsense", "page_type": "x.y"}).status_code == 200


@pytest.mark.parametrize("size", [5, 50])
def test_report_queries_are_bounded(client, officer, site_tree, size, django_assert_max_num_queries):
    for index in range(size):
        page = french_page(site_tree.home, title=f"Page {index}", slug=f"page-{index}")
        if index % 2:
            submit(page, site_tree.en)
    client.get(REPORT)  # warm the content types and the session
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(REPORT)
    assert len(report_rows(response)) == min(size + 1, 50)  # 50 a page


@pytest.fixture
def agent(client, site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    publish(TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Pays Diois"))
    user = UserFactory(username="agent-test")
    user.groups.add(Group.objects.get(name=territory_group_name("Pays Diois")))
    client.force_login(user)
    return user


@pytest.mark.parametrize("url", [REPORT, REPORT + "export-po/", REPORT + "import-po/"])
def test_territorial_agent_is_refused(client, agent, url):
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_the_reports_menu_offers_the_report_to_officers_only(client, site_tree):
    officer = UserFactory(username="communication-menu")
    officer.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    agent = UserFactory(username="agent-menu")
    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    publish(TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Roannais"))
    agent.groups.add(Group.objects.get(name=territory_group_name("Roannais")))
    client.force_login(officer)
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(agent)
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_import_form_without_a_file_shows_an_error(client, officer):
    response = client.post(REPORT + "import-po/", {})
    assert response.status_code == 200
    assert soup(response).select(".error-message, .w-field__errors")
    assert not soup(response).select(".translation-import-results")


def test_admin_export_then_import_publishes_the_english_page(client, officer, site_tree):
    page = french_page(site_tree.home)
    assert "1 page française" in client.get(REPORT + "export-po/").content.decode()

    response = client.post(REPORT + "export-po/", {"page_type": ""})

    assert response["Content-Type"] == "application/zip"
    [(name, po)] = po_files(response.content).items()
    for entry in po:
        entry.msgstr = "zythology" if entry.msgctxt == "slug" else entry.msgid.replace(SECRET, "Beerology")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(name, str(po))
        out.writestr("broken.po", 'msgid "a"\nmsgstr "b"\nnot po at all\n')
    upload = io.BytesIO(archive.getvalue())
    upload.name = "retour.zip"

    response = client.post(REPORT + "import-po/", {"file": upload, "publish": "on"})

    assert response.status_code == 200
    results = soup(response).select(".translation-import-results tbody tr")
    assert [row.select_one("td").get_text(strip=True) for row in results] == [name, "broken.po"]
    assert "publiée" in results[0].get_text()
    assert "Syntaxe PO invalide" in results[1].get_text()
    english = page.get_translation(site_tree.en)
    assert english.live and english.title == "Beerology rurale"


def test_commands_export_then_import(tmp_path, client, site_tree):
    page = french_page(site_tree.home)
    out = tmp_path / "out.zip"
    stdout = io.StringIO()

    call_command("export_translations", str(out), locale="en", stdout=stdout)

    assert "1 fichier(s) PO" in stdout.getvalue()
    [(name, po)] = po_files(out.read_bytes()).items()
    for entry in po:
        entry.msgstr = "zythology" if entry.msgctxt == "slug" else entry.msgid.replace(SECRET, "Beerology")
    po_path = tmp_path / name
    po.save(str(po_path))
    stdout = io.StringIO()

    call_command("import_translations", str(po_path), publish=True, stdout=stdout)

    assert f"{name} : {len(po)} texte(s) appliqué(s)" in stdout.getvalue()
    assert "Beerology rurale" in client.get(page.get_translation(site_tree.en).url).content.decode()
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nnot po at all\n')
    with pytest.raises(CommandError):
        call_command("import_translations", str(broken), stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("export_translations", str(out), locale="de", stdout=io.StringIO())
