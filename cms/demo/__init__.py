"""Demo content: the French tree from the client's documents, its English translation, and demo accounts.

``load_demo`` is what ``manage.py load_demo`` runs; it is idempotent (pages are found by slug under their
parent, snippets by slug and locale, images and documents by title). Everything happens in one
transaction: a failure leaves the database as it was.

Apps add their own demo content without ``cms`` importing them (``cms`` imports no app): any installed
app with a ``demo_content`` module is asked, through these optional functions, in this order:

- ``prepare(fr, en)``: before the tree specs are built; create the app's snippets in both languages
  (the English sync needs the English version of every translatable snippet a page points to);
- ``extend_tree(home_spec, fr)``: add ``PageSpec`` children to the tree (find parents with ``find_spec``);
  field values may be model instances, lists of instances for many-to-many fields included;
- ``after_sync(pages, translations, fr, en)``: after the French tree (``pages`` by French slug path) is
  published and the English tree synchronised; fix what wagtail-localize does not carry over;
- ``demo_accounts(reset_passwords=..., existing_only=...)``: create (or, with ``existing_only``, only find)
  the app's demo accounts; return rows for the accounts table, ``(login, role, password or None, url)``.
"""

import importlib
import importlib.util
import time

from django.apps import apps
from django.db import transaction

from wagtail.models import Locale

from cms.demo.accounts import ensure_accounts
from cms.demo.images import ensure_documents, ensure_images
from cms.demo.indexing import deferred_indexing, reindex
from cms.demo.snippets import ensure_footers, ensure_site_settings, ensure_taxonomies
from cms.demo.translate import EnglishSync
from cms.demo.tree import build_tree

TERRITORY_FOR_AGENT = "territoires/pays-diois"


def app_demo_modules():
    """The ``<app>.demo_content`` modules of the installed apps other than ``cms``, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo_content"
        if config.name != "cms" and importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


def _call(modules, hook, *args):
    for module in modules:
        function = getattr(module, hook, None)
        if function is not None:
            function(*args)


def _unchanged_expired(page):
    """An expired page (``publish_scheduled`` unpublished it) with an English version: left as it is."""
    return page.expired and not page.live and page.get_translations().exists()


@transaction.atomic
def load_demo(stdout, *, warnings=None, reset_passwords=False):
    """Load or refresh the demo; return the account rows (see ``ensure_accounts``).

    Progress goes to ``stdout``, the list of French strings left without English to ``warnings``.
    """
    from cms.demo.content import home_spec

    started = time.monotonic()
    fr = Locale.objects.get(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    modules = app_demo_modules()
    images = ensure_images()
    documents = ensure_documents()
    # Before the tree: pages link to the taxonomies, and their English versions need the English terms.
    ensure_taxonomies(fr, en)
    _call(modules, "prepare", fr, en)
    with deferred_indexing():
        spec = home_spec()
        _call(modules, "extend_tree", spec, fr)
        pages, published, site = build_tree(spec, fr, images, documents)
        sync = EnglishSync(en)  # after build_tree: building the specs records the French-English pairs
        stdout.write(
            f"French tree: {len(pages)} pages, {len(published)} published ({time.monotonic() - started:.1f} s)."
        )
        started = time.monotonic()
        to_sync = [page for page in pages.values() if page.pk in published or not _unchanged_expired(page)]
        translations = sync.sync_all(to_sync, published)
        _call(modules, "after_sync", pages, translations, fr, en)
        reindex([*pages.values(), *translations])
    sync.report(warnings or stdout)
    stdout.write(f"English tree: {len(translations)} pages synchronised ({time.monotonic() - started:.1f} s).")
    ensure_site_settings(site, pages)
    ensure_footers(pages, fr, en)
    rows = ensure_accounts(pages[TERRITORY_FOR_AGENT], reset_passwords=reset_passwords)
    return rows + app_accounts(modules, reset_passwords=reset_passwords)


def app_accounts(modules=None, *, reset_passwords, existing_only=False):
    """The rows of the apps' demo accounts (``demo_accounts`` hooks)."""
    rows = []
    for module in app_demo_modules() if modules is None else modules:
        function = getattr(module, "demo_accounts", None)
        if function is not None:
            rows += function(reset_passwords=reset_passwords, existing_only=existing_only)
    return rows


__all__ = ["load_demo"]
