"""`make bench`: response times and query counts of the main pages and of the catalogue, against targets.

Also measures the agenda (`tests.bench_agenda`): list, filtered list, month grid, iCalendar and RSS feeds over
``BENCH_DATES`` generated dates (default 20,000), and one import of a ``BENCH_IMPORT_EVENTS``-event feed (3,000).

Runs outside the test suite (speed targets live here, never in a timed test), once per database: a
throw-away SQLite file, then a throw-away PostgreSQL database (``bench_villecampagne``, created and dropped)
when the local server answers at ``BENCH_PG_URL``. Each run happens in a child process (Django is set up
once per process): migrate, ``load_demo``, then ``BENCH_OFFERS`` generated offers (default 10,000) under
the nine demo territories, indexed for search, before the measures.

Generated offers are valid pages (treebeard paths, URL paths, search index entries) written in bulk:
creating 10,000 pages through ``add_child`` and revisions would take many minutes and measure nothing more.
Exit status 1 when a target is missed: each page's median under 150 ms, the filtered catalogue's median
under 50 ms with 10,000 offers or more, and each site search row's median under 100 ms on PostgreSQL (the
production search; SQLite's rows are reported only). Requests after the first are served with the cache
filled, as a repeated query is in production; the "cold" row empties the cache before each request and is
held to the 150 ms page target.

The site search rows (many results, one word, two words, a facet, newest first, no result) run once the
offers and the events are generated and indexed. ``BENCH_REQUESTS`` (30) sets the requests per URL and
``BENCH_PG_DATABASE`` the throw-away database's name, for a quick check run beside someone else's.
"""

import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

PAGE_TARGET_MS = 150
FILTERED_TARGET_MS = 50
FILTERED_TARGET_FROM = 10_000
SEARCH_TARGET_MS = 100
SEARCH_TARGET_VENDORS = {"postgresql"}
# ``BENCH_REQUESTS``: fewer requests per URL for a quick check that the bench runs.
REQUESTS_PER_URL = int(os.environ.get("BENCH_REQUESTS", 30))
DEFAULT_OFFERS = 10_000
PAGE_URLS = ["/fr/", "/en/", "/fr/territoires/", "/fr/actualites/", "/fr/la-demarche/", "/fr/recherche/?q=territoire"]
CATALOGUE_URLS = [
    ("catalogue", "/fr/offres/"),
    ("filtered", "/fr/offres/?type=emploi&sector=tourisme&department=26"),
    # The same with an empty cache before each request: the cost of a query nobody asked since the last change.
    ("filtered, cold", "/fr/offres/?type=emploi&sector=tourisme&department=26"),
    ("q", "/fr/offres/?q=boulangerie"),
    ("rss", "/fr/offres/rss/"),
]
SEARCH_URLS = [
    ("search, many results", "/fr/recherche/?q=emploi"),
    ("search", "/fr/recherche/?q=boulangerie"),
    ("search, two words", "/fr/recherche/?q=economie%20circulaire"),
    ("search, faceted", "/fr/recherche/?q=boulangerie&kind=offer"),
    ("search, newest", "/fr/recherche/?q=emploi&sort=newest"),
    ("search, no result", "/fr/recherche/?q=kangourou"),
    # The cache emptied before each request: the first visitor to ask since the last change of content.
    ("search, many results, cold", "/fr/recherche/?q=emploi"),
    ("search, cold", "/fr/recherche/?q=boulangerie"),
]
PG_SERVER_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
# ``BENCH_PG_DATABASE``: another name when several people bench on the same server.
PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "bench_villecampagne")
BATCH = 500

# Vocabulary of the generated offers (about one in forty is a bakery, for the ``q`` measure).
ACTIVITIES = [
    ("Boulangerie à reprendre", "reprise-d-entreprise"),
    ("Épicerie multiservice à reprendre", "reprise-d-entreprise"),
    ("Menuiserie à transmettre", "reprise-d-entreprise"),
    ("Gîte rural à reprendre", "reprise-d-entreprise"),
    ("Librairie-café à reprendre", "reprise-d-entreprise"),
    ("Garage automobile à reprendre", "reprise-d-entreprise"),
    ("Salon de coiffure à reprendre", "reprise-d-entreprise"),
    ("Restaurant de village à reprendre", "reprise-d-entreprise"),
    ("Cuisinier·ère en auberge", "emploi"),
    ("Animateur·rice nature", "emploi"),
    ("Aide à domicile", "emploi"),
    ("Technicien·ne de maintenance", "emploi"),
    ("Développeur·se web", "emploi"),
    ("Agent·e d'accueil touristique", "emploi"),
    ("Ouvrier·ère agricole", "emploi"),
    ("Chargé·e de mission économie circulaire", "emploi"),
    ("Atelier à louer", "local-ou-atelier"),
    ("Local commercial en centre-bourg", "local-ou-atelier"),
    ("Bureaux disponibles", "local-ou-atelier"),
    ("Terres maraîchères", "foncier-agricole"),
    ("Ferme d'élevage à transmettre", "foncier-agricole"),
    ("Verger à reprendre", "foncier-agricole"),
    ("Poste en coworking", "tiers-lieu"),
    ("Atelier partagé en tiers-lieu", "tiers-lieu"),
    ("Appel à projets : recyclerie", "appel-a-projets"),
    ("Appel à candidatures : boutique à l'essai", "appel-a-projets"),
    ("Cabinet médical disponible", "installation-sante"),
    ("Maison de santé : cabinet de kinésithérapie", "installation-sante"),
]
BAKERY_SHARE = 40


def percentile_95(timings):
    return statistics.quantiles(timings, n=20)[-1]


# --- Child process: one database --------------------------------------------------------------------


def generate_offers(count, seed=2026):
    """Write ``count`` live French offers under the demo territories, in bulk, and index them for search."""
    from modelsearch.backends import get_search_backend

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from django.utils.text import slugify

    from wagtail.models import Locale, Page

    from cms.models import TerritoryPage
    from offers.models import OfferPage, OfferStatus, OfferType, Sector

    rng = random.Random(seed)
    fr = Locale.objects.get(language_code="fr")
    territories = list(TerritoryPage.objects.filter(locale=fr).order_by("path"))
    types = {term.slug: term for term in OfferType.objects.filter(locale=fr)}
    sectors = list(Sector.objects.filter(locale=fr))
    content_type = ContentType.objects.get_for_model(OfferPage)
    now = timezone.now()
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    offer_fields = OfferPage._meta.local_concrete_fields
    through = OfferPage.sectors.through
    created = []
    with transaction.atomic():
        for number in range(count):
            territory = territories[number % len(territories)]
            title, type_slug = (
                ACTIVITIES[0] if number % BAKERY_SHARE == 0 else ACTIVITIES[1 + number % (len(ACTIVITIES) - 1)]
            )
            communes = territory.commune_list or [territory.title]
            commune = communes[number % len(communes)]
            title = f"{title} – {commune}"
            slug = f"{slugify(title)[:60]}-{number}"
            published = now - datetime.timedelta(minutes=rng.randrange(60 * 24 * 365))
            roll = rng.random()
            expire_at = None if roll < 0.5 else now + datetime.timedelta(days=rng.randrange(-120, 240))
            created.append(
                OfferPage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    locale=fr,
                    translation_key=uuid.uuid4(),
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    expire_at=expire_at,
                    url_path=f"{territory.url_path}{slug}/",
                    depth=territory.depth + 1,
                    territory=territory,
                    offer_type=types[type_slug],
                    status=rng.choices(list(OfferStatus.values), weights=[8, 1, 1])[0],
                    summary=f"Une opportunité d'installation à {commune}, {territory.title}.",
                    body=[],
                    attachments=[],
                    commune=commune,
                    postcode="",
                    latitude=float(territory.latitude) + rng.uniform(-0.15, 0.15),
                    longitude=float(territory.longitude) + rng.uniform(-0.15, 0.15),
                )
            )
        # Tree paths: after each territory's last existing child.
        for territory in territories:
            children = [offer for offer in created if offer.territory is territory]
            last = territory.get_last_child()
            step = Page._str2int(last.path[-Page.steplen :]) if last else 0
            for offset, offer in enumerate(children, start=1):
                offer.path = Page._get_path(territory.path, territory.depth + 1, step + offset)
            Page.objects.filter(pk=territory.pk).update(numchild=F("numchild") + len(children))
        for start in range(0, len(created), BATCH):
            batch = created[start : start + BATCH]
            rows = Page._base_manager._insert(batch, fields=page_fields, returning_fields=[Page._meta.pk])
            for offer, (pk,) in zip(batch, rows, strict=True):
                offer.pk = offer.id = offer.page_ptr_id = pk
            OfferPage._base_manager._insert(batch, fields=offer_fields)
        through.objects.bulk_create(
            [
                through(offerpage_id=offer.pk, sector_id=sector.pk)
                for offer in created
                for sector in rng.sample(sectors, rng.randint(1, 3))
            ],
            batch_size=BATCH,
        )
        index = get_search_backend().get_index_for_model(OfferPage)
        for start in range(0, len(created), BATCH):
            index.add_items(OfferPage, created[start : start + BATCH])
    return len(created)


def measure(client, url, cold=False):
    """``{median, p95, queries}`` of ``url`` (ms), or None when the URL does not exist (yet).

    ``cold``: the cache (site frame, filter choices, catalogue results) is emptied before each request.
    """
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    if response.status_code == 404:
        return None
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(REQUESTS_PER_URL):
        if cold:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return {
        "median": statistics.median(timings),
        "p95": percentile_95(timings),
        "queries": len(captured.captured_queries),
    }


def run_one(output_path, offers):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from cms.models import TerritoryPage
    from offers.models import OfferPage
    from tests import bench_agenda

    setup_test_environment()
    timings = {}
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    timings["migrate"] = time.perf_counter() - start
    start = time.perf_counter()
    call_command("load_demo", verbosity=0)
    timings["load_demo"] = time.perf_counter() - start
    start = time.perf_counter()
    generate_offers(offers)
    timings["generate"] = time.perf_counter() - start
    start = time.perf_counter()
    dates = bench_agenda.generate_events(int(os.environ.get("BENCH_DATES", bench_agenda.DEFAULT_DATES)))
    timings["generate_dates"] = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    territory = TerritoryPage.objects.filter(locale__language_code="fr").order_by("path").first()
    results = {
        "vendor": connection.vendor,
        "offers": OfferPage.objects.filter(locale__language_code="fr").count(),
        "setup": timings,
        "pages": {url: measure(client, url) for url in PAGE_URLS},
        "catalogue": {name: measure(client, url, cold=name.endswith("cold")) for name, url in CATALOGUE_URLS},
        "dates": dates,
        "agenda": {name: measure(client, url) for name, url in bench_agenda.agenda_urls(territory.slug)},
        # After both generations: the search runs over the generated offers and events (both indexed).
        "search": {name: measure(client, url, cold=name.endswith("cold")) for name, url in SEARCH_URLS},
        "import": bench_agenda.measure_import(int(os.environ.get("BENCH_IMPORT_EVENTS", bench_agenda.IMPORT_EVENTS))),
    }
    with open(output_path, "w") as output:
        json.dump(results, output)


# --- Parent process: each database, then the table ----------------------------------------------------


def postgres_answers():
    try:
        import psycopg

        psycopg.connect(PG_SERVER_URL, connect_timeout=3).close()
    except Exception:  # noqa: BLE001 - any failure means "no server to bench on"
        return False
    return True


def postgres_database(action):
    import psycopg

    with psycopg.connect(PG_SERVER_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"')
        if action == "create":
            connection.execute(f'CREATE DATABASE "{PG_DATABASE}"')


def run_child(database_url, offers, workdir):
    output_path = os.path.join(workdir, f"results-{uuid.uuid4().hex}.json")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "BENCH_OFFERS": str(offers),
    }
    subprocess.run([sys.executable, "-m", "tests.bench", "--child", output_path], env=env, check=True)  # noqa: S603
    with open(output_path) as results:
        return json.load(results)


def cell(result):
    if result is None:
        return f"{'n/a':>8} {'n/a':>8} {'n/a':>8}"
    return f"{result['median']:8.1f} {result['p95']:8.1f} {result['queries']:8d}"


def report(runs, offers):
    failed = False
    names = list(runs)
    print()
    print(f"{offers:,} generated offers; {REQUESTS_PER_URL} requests per URL; times in ms.")
    header = f"{'':46}" + "".join(f"{name:>27}" for name in names)
    print(header)
    print(f"{'URL':46}" + "".join(f"{'median':>9} {'p95':>8} {'queries':>8}" for _ in names))
    rows = [(url, url, "pages", PAGE_TARGET_MS) for url in PAGE_URLS]
    rows += [
        (f"{name}: {url}", name, "catalogue", FILTERED_TARGET_MS if name == "filtered" else PAGE_TARGET_MS)
        for name, url in CATALOGUE_URLS
    ]
    rows += [
        (f"{name}: {url}", name, "search", PAGE_TARGET_MS if name.endswith("cold") else SEARCH_TARGET_MS)
        for name, url in SEARCH_URLS
    ]
    for label, key, group, target in rows:
        line = f"{label[:46]:46}"
        flags = []
        for name in names:
            result = runs[name][group][key]
            line += " " + cell(result)
            if group == "search":
                applies = runs[name]["vendor"] in SEARCH_TARGET_VENDORS
            else:
                applies = target == PAGE_TARGET_MS or runs[name]["offers"] >= FILTERED_TARGET_FROM
            if result is not None and applies and result["median"] > target:
                flags.append(f"{name} OVER {target} ms")
        if flags:
            failed = True
            line += "  " + ", ".join(flags)
        print(line)
    first = names[0]
    print(f"Agenda: {runs[first]['dates']:,} generated dates (report only; feeds list up to 2,000 dates).")
    for key in runs[first]["agenda"]:
        label = f"{key}: {dict(bench_agenda_urls())[key]}"
        print(f"{label[:46]:46}" + "".join(" " + cell(runs[name]["agenda"][key]) for name in names))
    for name in names:
        result = runs[name]["import"]
        print(
            f"{name}: import of a {bench_import_size():,}-event feed: first run {result['first']['seconds']:.1f} s "
            f"({result['first']['status']}, {result['first']['created']} created, {result['first']['rejected']} refused"
            f"{', ' + result['first']['error'] if result['first']['error'] else ''}); second run "
            f"{result['second']['seconds']:.1f} s ({result['second']['unchanged']} unchanged)."
        )
    for name in names:
        setup = runs[name]["setup"]
        print(
            f"{name}: {runs[name]['offers']:,} French offers; migrate {setup['migrate']:.1f} s, "
            f"load_demo {setup['load_demo']:.1f} s, {offers:,} offers generated in {setup['generate']:.1f} s."
        )
    print(
        f"Targets: median ≤ {PAGE_TARGET_MS} ms per URL; filtered catalogue median ≤ {FILTERED_TARGET_MS} ms "
        f"from {FILTERED_TARGET_FROM:,} offers; site search median ≤ {SEARCH_TARGET_MS} ms on PostgreSQL. q and the "
        "site search are measured on the search index entries written for every generated offer and event."
    )
    return failed


def bench_agenda_urls():
    from tests import bench_agenda

    return bench_agenda.agenda_urls("<territoire>")


def bench_import_size():
    from tests import bench_agenda

    return int(os.environ.get("BENCH_IMPORT_EVENTS", bench_agenda.IMPORT_EVENTS))


def main():
    offers = int(os.environ.get("BENCH_OFFERS", DEFAULT_OFFERS))
    workdir = tempfile.mkdtemp(prefix="bench-")
    try:
        runs = {"SQLite": run_child(f"sqlite:///{workdir}/bench.sqlite3", offers, workdir)}
        if postgres_answers():
            postgres_database("create")
            try:
                runs["PostgreSQL"] = run_child(PG_SERVER_URL.rsplit("/", 1)[0] + f"/{PG_DATABASE}", offers, workdir)
            finally:
                postgres_database("drop")
        else:
            print(f"PostgreSQL does not answer at {PG_SERVER_URL}: SQLite only.")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if report(runs, offers) else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        run_one(sys.argv[2], int(os.environ.get("BENCH_OFFERS", DEFAULT_OFFERS)))
        sys.exit(0)
    sys.exit(main())
