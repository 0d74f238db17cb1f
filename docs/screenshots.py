"""The screenshots of the editors' guide (docs/editors.md), taken from the demo site: ``make screenshots``.

What it does, from a checkout with its ``.venv`` (nothing is downloaded):

1. creates a temporary directory with a SQLite database and a media folder, and a settings module on top
   of ``cms.settings.test`` that points at them;
2. migrates, runs ``load_demo``, gives the demo accounts ``redaction`` and ``agent-diois`` a known password,
   and imports the demo feed of Pays Diois (so the sources, the last imports and the pending reviews show
   something);
3. serves the site from a thread on 127.0.0.1 (a free port), and drives Debian's Chromium with Playwright
   (1280×800, French), logged in as the account each shot names; every request that does not go to
   127.0.0.1 is refused;
4. saves each shot as ``docs/images/editors/<name>.png`` (256 colours, so the guide stays light), then stops
   the server and deletes the temporary directory.

The shots are data (``SHOTS``): to add one, add a line. ``url`` may name the pages and objects of the demo that
``targets()`` looks up (``{offer_edit}``…); ``steps`` are Playwright actions done before the shot; ``clip``
takes only an element (the whole viewport otherwise); ``highlight`` draws a frame around an element.

    .venv/bin/python docs/screenshots.py            # every shot
    .venv/bin/python docs/screenshots.py dashboard  # only the shots whose name contains "dashboard"
"""

import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUTPUT = BASE_DIR / "docs" / "images" / "editors"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 800}
PASSWORD = "guide-des-editeurs-2027"  # noqa: S105 - demo accounts of a throwaway database
ACCOUNTS = ("redaction", "agent-diois")


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file name, the account logged in, the address, and how to frame it."""

    name: str
    account: str
    url: str
    # ("click", selector) | ("fill", selector, text) | ("press", selector, key) | ("wait", selector)
    # | ("select", selector, option label) | ("upload", selector, file): a file that prepare() wrote ({import_csv}…)
    steps: tuple = ()
    clip: str | tuple = ""  # a CSS selector: only this element (several: the box around them); empty: the viewport
    highlight: str = ""  # a CSS selector framed in red


NEW_OFFER = "Épicerie à reprendre à Menglon"
NEW_OFFER_SUMMARY = "Épicerie et dépôt de pain au cœur du village, clientèle fidèle, logement à l'étage."
FOOTER_MORE = "footer [data-w-dropdown-target='toggle']"  # the arrow next to "Enregistrer le brouillon"
FOOTER_MENU = "footer .w-dropdown__content"
HEADER_MORE = "#w-slim-header-buttons [data-w-dropdown-target='toggle']"  # the "⋮" of the page's header
CHANGES_OFFER = "Local artisanal à louer à Die"
CHANGES_COMMENT = "Merci d'indiquer le loyer mensuel et la surface de l'atelier, et d'ajouter une photo."
AWAITING_ROW = f"#awaiting-review-section tr:has-text('{NEW_OFFER}')"
ROW_MENU = f"{AWAITING_ROW} >> role=button[name='Actions']"
EXPIRING = ("Boulangerie bio à reprendre", "Chargé·e de projet économie circulaire", "Appel à projets : ressourcerie")
BULK_MORE = "[data-bulk-action-footer] button:has-text('Plus')"  # the bulk actions past the first four
PICK_THREE = tuple(("click", f"tr:has-text('{title}') input[data-bulk-action-checkbox]") for title in EXPIRING)
IMPORT_CHOOSE = (("select", "#id_territory", "{diois_title}"),)


# fmt: off
SHOTS = [
    # Se connecter, le tableau de bord
    Shot("connexion", "", "/admin/login/", clip="main"),
    Shot("tableau-de-bord", "redaction", "/admin/"),
    Shot("tableau-de-bord-agent", "agent-diois", "/admin/"),
    # Publier une offre (l'agent du Pays Diois)
    Shot("offre-explorateur", "agent-diois", "{territory_explore}", highlight="a[href$='/add_subpage/']"),
    Shot("offre-choisir-type", "agent-diois", "{territory_add_subpage}", clip="main"),
    Shot("offre-formulaire", "agent-diois", "{offer_add}",
         steps=(("fill", "#id_title", NEW_OFFER), ("fill", "#id_summary", NEW_OFFER_SUMMARY))),
    Shot("offre-onglets", "agent-diois", "{offer_edit}", clip="[role=tablist]"),
    Shot("offre-soumettre", "agent-diois", "{offer_add}",
         steps=(("fill", "#id_title", NEW_OFFER), ("click", FOOTER_MORE)), highlight=FOOTER_MENU),
    # Publier un événement
    Shot("evenement-dates", "agent-diois", "{event_edit}", steps=(("click", "#tab-label-dates"),)),
    Shot("evenement-inscription", "redaction", "{session_edit}", steps=(("click", "#tab-label-inscription"),)),
    # Inscrire l'agenda d'un territoire (flux)
    Shot("flux-liste", "redaction", "{sources_list}"),
    Shot("flux-formulaire", "redaction", "{source_edit}", clip="main"),
    Shot("flux-imports", "redaction", "{source_import}"),
    # Traduire une page
    Shot("traduire-menu", "redaction", "{submitted_edit}", steps=(("click", HEADER_MORE),),
         highlight="a[href*='/localize/submit/page/']"),
    Shot("traduire-editeur", "redaction", "{offer_translation_edit}"),
    Shot("traductions-rapport", "redaction", "{translations_report}"),
    Shot("traductions-exporter", "redaction", "{translations_export}", clip=("main header", "main form")),
    Shot("traductions-importer", "redaction", "{translations_import}", clip=("main header", "main form")),
    # Gérer les adhérents
    Shot("adherents-organisations", "redaction", "{organisations}"),
    Shot("adherents-import", "redaction", "{members_import}", clip="main"),
    Shot("adherents-personnes", "redaction", "{people}"),
    # Les inscriptions aux sessions
    Shot("inscriptions-liste", "redaction", "{registrations}"),
    Shot("inscriptions-session", "redaction", "{session_registrations}"),
    # Relire et publier ce que les territoires proposent
    Shot("relecture-par-territoire", "redaction", "/admin/", clip="#moderation-by-territory-section"),
    Shot("relecture-a-relire", "redaction", "/admin/", clip="#awaiting-review-section"),
    Shot("relecture-page", "redaction", "{submitted_edit}", steps=(("click", FOOTER_MORE),), highlight=FOOTER_MENU),
    Shot("relecture-soumettre", "agent-diois", "{offer_add}",
         steps=(("fill", "#id_title", NEW_OFFER), ("click", FOOTER_MORE)), clip=(FOOTER_MENU, "footer"),
         highlight="footer button[name='action-submit']"),
    Shot("relecture-actions", "redaction", "/admin/", steps=(("click", ROW_MENU),)),
    Shot("relecture-demander-modifications", "redaction", "/admin/",
         steps=(("click", ROW_MENU), ("click", f"{AWAITING_ROW} >> role=button[name='Demander des modifications']"),
                ("fill", ".modal textarea[name=comment]", CHANGES_COMMENT)), clip=".modal-content"),
    Shot("relecture-a-reprendre", "agent-diois", "/admin/", clip="#changes-requested-section"),
    # Programmer la publication et l'expiration ; les actions groupées
    Shot("publication-programmer", "redaction", "{offer_edit}",
         steps=(("click", "[data-side-panel-toggle='status']"),
                ("click", "button[data-a11y-dialog-show='schedule-publishing-dialog']"))),
    Shot("offres-liste", "redaction", "{offers}"),
    Shot("prolonger-selection", "redaction", "{territory_explore}", steps=(*PICK_THREE, ("click", BULK_MORE)),
         highlight="a[href*='extend_expiry']"),
    Shot("prolonger-formulaire", "redaction", "{extend_expiry}"),
    Shot("copier-offre", "agent-diois", "{offer_edit}", steps=(("click", HEADER_MORE),),
         highlight="#w-slim-header-buttons [href*='/copier/']"),
    # Importer des offres depuis un tableur (last: the import writes drafts that other shots would show)
    Shot("import-offres-envoi", "redaction", "{offers_import}", steps=IMPORT_CHOOSE),
    Shot("import-offres-apercu", "redaction", "{offers_import}",
         steps=(*IMPORT_CHOOSE, ("upload", "#id_file", "{import_csv_bad}"), ("click", "main button[type=submit]"),
                ("wait", "#apercu")), highlight="#ligne-3"),
    Shot("import-offres-succes", "redaction", "{offers_import}",
         steps=(*IMPORT_CHOOSE, ("upload", "#id_file", "{import_csv_good}"), ("click", "main button[type=submit]"),
                ("click", "main form button[type=submit]"), ("wait", ".messages"))),
]
# fmt: on


def settings_module(directory):
    """A settings module on top of the test settings: the database and the media in ``directory``."""
    (directory / "media").mkdir()
    (directory / "screenshots_settings.py").write_text(
        "from cms.settings.test import *  # noqa: F403\n"
        f"DATABASES = {{'default': {{'ENGINE': 'django.db.backends.sqlite3', 'NAME': {str(directory / 'db.sqlite3')!r},"
        " 'OPTIONS': {'transaction_mode': 'IMMEDIATE', 'timeout': 20}}}\n"
        f"MEDIA_ROOT = {str(directory / 'media')!r}\n"
        "ALLOWED_HOSTS = ['127.0.0.1']\n"
    )
    return "screenshots_settings"


def load_demo():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    for user in get_user_model().objects.filter(username__in=ACCOUNTS):
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


def prepare(base_url, directory):
    """What the demo does not hold but the guide shows: the feed of Pays Diois imported (served by this server,
    its events arrive as drafts awaiting review), an offer the agent submitted for review and another the officer
    sent back with a comment, the home page changed since its translation, and two spreadsheets of offers to
    import (in ``directory``). Returns the files the shots upload, by name."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    from agenda.demo_content import DEMO_SOURCE_NAME
    from agenda.imports import import_source
    from agenda.models import EventSource
    from cms.models import TerritoryPage
    from offers.models import OfferPage, OfferType

    source = EventSource.objects.get(name=DEMO_SOURCE_NAME)
    source.url = f"{base_url}/static/agenda/demo/pays-diois.ics"
    source.save(update_fields=["url"])
    run = import_source(source, force=True)
    print(f"  demo feed imported: {run.get_status_display()}, {run.summary} {run.error}")  # noqa: T201
    # The address a territory would give, rather than this server's port, which changes at every run.
    source.url = "https://agenda.example.org/pays-diois.ics"
    source.save(update_fields=["url"])

    agent = get_user_model().objects.get(username="agent-diois")
    diois = TerritoryPage.objects.get(slug="pays-diois", locale__language_code="fr")
    offer = OfferPage(
        title=NEW_OFFER,
        slug="epicerie-a-reprendre-menglon",
        summary=NEW_OFFER_SUMMARY,
        offer_type=OfferType.objects.filter(locale=diois.locale).order_by("pk").first(),
        commune="Menglon",
        postcode="26410",
        owner=agent,
        live=False,
    )
    diois.add_child(instance=offer)
    offer.save_revision(user=agent)
    offer.get_workflow().start(offer, user=agent)

    # Another one, sent back by the officer with a comment: the agent's "Vos pages à reprendre".
    officer = get_user_model().objects.get(username="redaction")
    sent_back = OfferPage(
        title=CHANGES_OFFER,
        slug="local-artisanal-a-louer-die",
        summary="Un local de 120 m² en rez-de-chaussée, au centre de Die, pour un artisan ou un atelier partagé.",
        offer_type=offer.offer_type,
        commune="Die",
        postcode="26150",
        owner=agent,
        live=False,
    )
    diois.add_child(instance=sent_back)
    sent_back.save_revision(user=agent)
    state = sent_back.get_workflow().start(sent_back, user=agent)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, officer, "reject", comment=CHANGES_COMMENT)

    # The home page published again since its translation was synchronised: "à mettre à jour" in the report.
    home = Page.objects.get(depth=2, locale=diois.locale).specific
    home.save_revision(user=officer).publish(user=officer)

    # The spreadsheets the import shots upload: one with a bad row, then the corrected one.
    def spreadsheet(name, rows):
        path = directory / name
        lines = ["Titre;Type d'offre;Commune;Code postal", *(";".join(row) for row in rows)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(path)

    kind = offer.offer_type.slug
    first = ["Boulangerie à reprendre à Châtillon-en-Diois", kind, "Châtillon-en-Diois", "26410"]
    return {
        "import_csv_bad": spreadsheet("offres-a-corriger.csv", [first, ["Gîte rural à vendre", kind, "", "2634"]]),
        "import_csv_good": spreadsheet(
            "offres.csv", [first, ["Gîte rural à vendre à Lus-la-Croix-Haute", kind, "Lus-la-Croix-Haute", "26620"]]
        ),
    }


def targets():
    """The addresses the shots name, looked up in the demo (ids change with each database)."""
    from django.urls import reverse

    from agenda.demo_content import DEMO_SOURCE_NAME
    from agenda.demo_content.registrations import SESSION_SLUG
    from agenda.models import EventPage, EventSource
    from cms.models import TerritoryPage
    from offers.models import OfferPage

    diois = TerritoryPage.objects.get(slug="pays-diois", locale__language_code="fr")
    offer = OfferPage.objects.filter(territory=diois, locale__language_code="fr", live=True).order_by("path").first()
    event = (
        EventPage.objects.filter(territory=diois, locale__language_code="fr", live=True, source__isnull=True)
        .order_by("path")
        .first()
    )
    session = EventPage.objects.get(slug=SESSION_SLUG, locale__language_code="fr")
    source = EventSource.objects.get(name=DEMO_SOURCE_NAME)
    translation = offer.get_translations().filter(locale__language_code="en").first()
    submitted = OfferPage.objects.get(slug="epicerie-a-reprendre-menglon", locale=diois.locale)
    sent_back = OfferPage.objects.get(slug="local-artisanal-a-louer-die", locale=diois.locale)

    def edit(page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else "/admin/"

    return {
        "territory_explore": reverse("wagtailadmin_explore", args=[diois.pk]),
        "territory_add_subpage": reverse("wagtailadmin_pages:add_subpage", args=[diois.pk]),
        "offer_add": reverse("wagtailadmin_pages:add", args=["offers", "offerpage", diois.pk]),
        "offer_edit": edit(offer),
        "offer_translation_edit": edit(translation),
        "event_edit": edit(event),
        "session_edit": edit(session),
        "sources_list": reverse("wagtailsnippets_agenda_eventsource:list"),
        "source_edit": reverse("wagtailsnippets_agenda_eventsource:edit", args=[source.pk]),
        "source_import": reverse("wagtailsnippets_agenda_eventsource:import", args=[source.pk]),
        "organisations": reverse("members_organisations:index"),
        "members_import": reverse("members_organisations:import"),
        "people": reverse("members_people:index"),
        "registrations": reverse("agenda_registrations:index"),
        "session_registrations": reverse("agenda_registrations:date", args=[session.dates.order_by("start")[0].pk]),
        "submitted_edit": edit(submitted),
        "offers": reverse("offres:index"),
        "changes_edit": edit(sent_back),
        # The bulk action's page for the three offers the explorer's shot ticks (what its JavaScript asks).
        "extend_expiry": reverse("wagtail_bulk_action", args=["wagtailcore", "page", "extend_expiry"])
        + "?"
        + "&".join(
            f"id={offer.pk}" for title in EXPIRING for offer in diois.get_children().filter(title__startswith=title)
        )
        + f"&next={reverse('wagtailadmin_explore', args=[diois.pk])}",
        "diois_title": diois.title,
        "offers_import": reverse("offers_import:upload"),
        "translations_report": reverse("translations_status_report"),
        "translations_export": reverse("translations_po_export"),
        "translations_import": reverse("translations_po_import"),
    }


class Server:
    """The site served from a thread, as Django's live server does."""

    def __init__(self):
        from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
        from django.core.wsgi import get_wsgi_application

        class QuietHandler(WSGIRequestHandler):
            def log_message(self, *args):
                pass

        self.httpd = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
        self.httpd.set_app(get_wsgi_application())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def only_local(route):
    if route.request.url.startswith("http://127.0.0.1:"):
        return route.continue_()
    return route.abort()


def log_in(context, base_url, account):
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", account)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base_url}/admin/")
    page.close()


def take(page, shot, base_url, urls):
    page.set_default_timeout(10_000)
    page.goto(base_url + shot.url.format(**urls), wait_until="networkidle")
    # Avatars come from Gravatar, which is not asked: no broken image in the shots.
    page.add_style_tag(content="[class*=avatar] img { visibility: hidden; }")
    for action, selector, *args in shot.steps:
        locator = page.locator(selector).first
        args = [arg.format(**urls) for arg in args]
        if action == "click":
            locator.click()
        elif action == "fill":
            locator.fill(*args)
        elif action == "press":
            locator.press(*args)
        elif action == "wait":
            locator.wait_for()
        elif action == "select":
            locator.select_option(label=args[0])
        elif action == "upload":
            locator.set_input_files(args[0])
    page.wait_for_timeout(300)  # the end of the admin's transitions
    if shot.highlight:
        page.locator(shot.highlight).first.evaluate(
            "el => { el.style.outline = '4px solid #d0021b'; el.style.outlineOffset = '3px'; }"
        )
    path = OUTPUT / f"{shot.name}.png"
    if isinstance(shot.clip, tuple):
        boxes = [page.locator(selector).first.bounding_box() for selector in shot.clip]
        left, top = min(box["x"] for box in boxes) - 12, min(box["y"] for box in boxes) - 12
        right = max(box["x"] + box["width"] for box in boxes) + 12
        bottom = max(box["y"] + box["height"] for box in boxes) + 12
        clip = {"x": max(left, 0), "y": max(top, 0), "width": right - max(left, 0), "height": bottom - max(top, 0)}
        page.screenshot(path=path, type="png", animations="disabled", clip=clip)
    elif shot.clip:
        page.locator(shot.clip).first.screenshot(path=path, type="png", animations="disabled")
    else:
        page.screenshot(path=path, type="png", animations="disabled")
    shrink(path)
    return path


def shrink(path):
    """256 colours: a screenshot of the admin loses nothing visible and weighs three to four times less."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def shoot(shots, base_url, urls):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    failures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            contexts = {}
            for shot in shots:
                context = contexts.get(shot.account)
                if context is None:
                    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT, timezone_id="Europe/Paris")
                    context.route("**/*", only_local)
                    if shot.account:
                        log_in(context, base_url, shot.account)
                    contexts[shot.account] = context
                page = context.new_page()
                try:
                    path = take(page, shot, base_url, urls)
                    print(f"  {path.relative_to(BASE_DIR)} ({path.stat().st_size // 1024} Ko)")  # noqa: T201
                except Exception as error:  # noqa: BLE001 - one broken shot is reported, the others are taken
                    failures.append(f"{shot.name}: {error}")
                finally:
                    page.close()
        finally:
            browser.close()
    return failures


def main(argv):
    wanted = [shot for shot in SHOTS if not argv or any(word in shot.name for word in argv)]
    directory = Path(tempfile.mkdtemp(prefix="editors-guide-"))
    try:
        sys.path[:0] = [str(directory), str(BASE_DIR)]
        os.environ["DJANGO_SETTINGS_MODULE"] = settings_module(directory)
        os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        print("Loading the demo in a temporary database (about a minute)…")  # noqa: T201
        load_demo()
        with Server() as server:
            urls = {**prepare(server.url, directory), **targets()}
            from django.db import connections

            connections.close_all()
            # Playwright's sync API runs an event loop in this thread; the server's threads do the Django work.
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            print(f"Taking {len(wanted)} screenshots from {server.url}…")  # noqa: T201
            failures = shoot(wanted, server.url, urls)
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(directory, ignore_errors=True)
    for failure in failures:
        print(f"!! {failure}", file=sys.stderr)  # noqa: T201
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
