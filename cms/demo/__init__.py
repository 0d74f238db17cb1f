"""Demo content: the French tree from the client's documents, its English translation, and demo accounts.

``load_demo`` is what ``manage.py load_demo`` runs; it is idempotent (pages are found by slug under their
parent, snippets by slug and locale, images and documents by title). Everything happens in one
transaction: a failure leaves the database as it was.
"""

import time

from django.db import transaction

from wagtail.models import Locale

from cms.demo.accounts import ensure_accounts
from cms.demo.images import ensure_documents, ensure_images
from cms.demo.indexing import deferred_indexing, reindex
from cms.demo.snippets import ensure_footers, ensure_site_settings, ensure_taxonomies
from cms.demo.translate import EnglishSync
from cms.demo.tree import build_tree

TERRITORY_FOR_AGENT = "territoires/pays-diois"


@transaction.atomic
def load_demo(stdout, *, warnings=None, reset_passwords=False):
    """Load or refresh the demo; return the account rows (see ``ensure_accounts``).

    Progress goes to ``stdout``, the list of French strings left without English to ``warnings``.
    """
    from cms.demo.content import home_spec

    started = time.monotonic()
    fr = Locale.objects.get(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    images = ensure_images()
    documents = ensure_documents()
    with deferred_indexing():
        pages, published, site = build_tree(home_spec(), fr, images, documents)
        sync = EnglishSync(en)  # after build_tree: building the specs records the French-English pairs
        stdout.write(
            f"French tree: {len(pages)} pages, {len(published)} published ({time.monotonic() - started:.1f} s)."
        )
        started = time.monotonic()
        translations = sync.sync_all(pages.values(), published)
        reindex([*pages.values(), *translations])
    sync.report(warnings or stdout)
    stdout.write(f"English tree: {len(translations)} pages synchronised ({time.monotonic() - started:.1f} s).")
    ensure_taxonomies(fr, en)
    ensure_site_settings(site)
    ensure_footers(pages, fr, en)
    return ensure_accounts(pages[TERRITORY_FOR_AGENT], reset_passwords=reset_passwords)


__all__ = ["load_demo"]
