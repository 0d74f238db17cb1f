"""The scale benchmark's data: the demo, then 10,000 offers and 20,000 event dates, kept between runs.

``ensure_filled()`` (parent process, no Django) looks for the marker row of :data:`DATA_VERSION` in the
benchmark's database and, when it is missing, drops and recreates the database and fills it in a child
process (``python -m tests.bench_scale.fill``, with the benchmark's settings): migrate, ``load_demo``, the
generated pages, the search index, ``ANALYZE``, ``collectstatic``, then the marker. A second run finds the
marker and skips all of it. Change :data:`DATA_VERSION` whenever what is generated changes.

Pages are written in bulk rather than through ``add_child`` and revisions (minutes for 10,000 pages, and
nothing more to measure): treebeard paths computed after each territory's last child, the ``numchild`` of
the territories raised once, the ``wagtailcore_page`` rows then the subclass rows inserted 500 at a time,
the many-to-many rows in bulk, and the search index written with the backend's own ``add_items`` (the
index entries the site search and the catalogue's ``q`` read). The tree is then checked for what
``manage.py fixtree`` reports (without its fixes) and every generated page type must
have its subclass row (:func:`check_tree`); the benchmark then renders pages of both kinds.

Offers: French pages spread over the demo's territories (round robin), offer types (through the activity
of the title), sectors (one to three), themes (zero to two), statuses and expiry dates; one in five has an
English translation under the English territory (same translation key, the English term of its type, the
French sectors and themes as wagtail-localize synchronises them). Events: four dates each on average (one
to seven), 90 % of them in the next 18 months, the rest in the two past months, with an event type, themes
and audiences; one in five translated likewise, with its dates copied for the English page.
"""

import datetime
import os
import random
import subprocess
import sys
import time
import uuid

import psycopg

from tests.bench_scale.settings import BENCH_DIR, DEFAULT_DB_URL

DATA_VERSION = 1
OFFERS = 10_000
DATES = 20_000
TRANSLATED_SHARE = 5  # one page in five has an English translation
BATCH = 500
MARKER_TABLE = "bench_scale_data"
SETTINGS = "tests.bench_scale.settings"
# The term's column in each many-to-many table.
TERM_COLUMNS = {"sectors": "sector_id", "themes": "theme_id", "audiences": "audience_id"}

# (French title, English title, offer type slug); about one in forty is a bakery, for the "q" searches.
ACTIVITIES = [
    ("Boulangerie à reprendre", "Bakery for takeover", "reprise-d-entreprise"),
    ("Épicerie multiservice à reprendre", "Village shop for takeover", "reprise-d-entreprise"),
    ("Menuiserie à transmettre", "Joinery business for takeover", "reprise-d-entreprise"),
    ("Gîte rural à reprendre", "Holiday cottage for takeover", "reprise-d-entreprise"),
    ("Librairie-café à reprendre", "Bookshop café for takeover", "reprise-d-entreprise"),
    ("Garage automobile à reprendre", "Car repair shop for takeover", "reprise-d-entreprise"),
    ("Restaurant de village à reprendre", "Village restaurant for takeover", "reprise-d-entreprise"),
    ("Cuisinier·ère en auberge", "Cook in a country inn", "emploi"),
    ("Animateur·rice nature", "Nature guide", "emploi"),
    ("Aide à domicile", "Home carer", "emploi"),
    ("Technicien·ne de maintenance", "Maintenance technician", "emploi"),
    ("Développeur·se web", "Web developer", "emploi"),
    ("Agent·e d'accueil touristique", "Tourist information officer", "emploi"),
    ("Ouvrier·ère agricole", "Farm worker", "emploi"),
    ("Chargé·e de mission économie circulaire", "Circular economy officer", "emploi"),
    ("Atelier à louer", "Workshop to rent", "local-ou-atelier"),
    ("Local commercial en centre-bourg", "Shop premises in the village centre", "local-ou-atelier"),
    ("Terres maraîchères", "Market garden land", "foncier-agricole"),
    ("Ferme d'élevage à transmettre", "Livestock farm for takeover", "foncier-agricole"),
    ("Verger à reprendre", "Orchard for takeover", "foncier-agricole"),
    ("Poste en coworking", "Coworking desk", "tiers-lieu"),
    ("Atelier partagé en tiers-lieu", "Shared workshop in a third place", "tiers-lieu"),
    ("Appel à projets : recyclerie", "Call for projects: reuse centre", "appel-a-projets"),
    ("Cabinet médical disponible", "Medical practice available", "installation-sante"),
    ("Maison de santé : cabinet de kinésithérapie", "Health centre: physiotherapy practice", "installation-sante"),
]
BAKERY_SHARE = 40
TOPICS = [
    ("Atelier « S'installer à la campagne »", "Workshop: moving to the countryside"),
    ("Café installation", "Newcomers' café"),
    ("Visite d'un tiers-lieu", "Visit of a third place"),
    ("Forum de l'emploi", "Job fair"),
    ("Marché de producteurs", "Farmers' market"),
    ("Réunion d'information reprise d'entreprise", "Information meeting: taking over a business"),
    ("Formation des agents d'accueil", "Training for welcome officers"),
    ("Rencontre des porteurs de projet", "Project holders' meeting"),
]


# --- Parent process: is the database filled? ---------------------------------------------------------


def database_url():
    return os.environ.get("BENCH_SCALE_DB_URL", DEFAULT_DB_URL)


def _server_url(url):
    return url.rsplit("/", 1)[0] + "/postgres"


def _database_name(url):
    return url.rsplit("/", 1)[1].split("?", 1)[0]


def filled_version(url):
    """The marker row of the database at ``url`` (a dict), or None (no database, no marker)."""
    try:
        with psycopg.connect(url, connect_timeout=3) as connection:
            row = connection.execute(
                f"SELECT version, offers, dates, seconds, filled_at FROM {MARKER_TABLE} ORDER BY filled_at DESC LIMIT 1"  # noqa: S608
            ).fetchone()
    except psycopg.Error:
        return None
    if row is None:
        return None
    return dict(zip(["version", "offers", "dates", "seconds", "filled_at"], row, strict=True))


def ensure_filled():
    """Fill the benchmark's database unless it holds the current data version; return its marker row."""
    url = database_url()
    marker = filled_version(url)
    if marker and marker["version"] == DATA_VERSION and (BENCH_DIR / "media" / "original_images").is_dir():
        print(
            f"== {_database_name(url)}: data version {DATA_VERSION} already filled on "
            f"{marker['filled_at']:%Y-%m-%d %H:%M} ({marker['offers']:,} offers, "
            f"{marker['dates']:,} dates, filled in {marker['seconds']:.0f} s): fill skipped."
        )
        return marker
    name = _database_name(url)
    print(f"== Filling {name} (data version {DATA_VERSION}): demo, {OFFERS:,} offers, {DATES:,} event dates…")
    started = time.perf_counter()
    with psycopg.connect(_server_url(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "BENCH_SCALE_DB_URL": url}
    subprocess.run([sys.executable, "-m", "tests.bench_scale.fill"], env=env, check=True)  # noqa: S603
    marker = filled_version(url)
    print(f"== Filled in {time.perf_counter() - started:.0f} s.")
    return marker


# --- Child process: fill (Django set up with the benchmark's settings) ---------------------------------


def _bulk_pages(model, pages, parents):
    """Insert ``pages`` (unsaved instances of ``model``) as the last children of ``parents[page]``, in bulk."""
    from django.db.models import F

    from wagtail.models import Page

    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    own_fields = model._meta.local_concrete_fields
    by_parent = {}
    for page in pages:
        by_parent.setdefault(parents[id(page)].pk, []).append(page)
    for parent_pk, children in by_parent.items():
        parent = Page.objects.get(pk=parent_pk)
        last = parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        for offset, page in enumerate(children, start=1):
            page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
            page.depth = parent.depth + 1
            page.url_path = f"{parent.url_path}{page.slug}/"
        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + len(children))
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        rows = Page._base_manager._insert(batch, fields=page_fields, returning_fields=[Page._meta.pk])
        for page, (pk,) in zip(batch, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = pk
        model._base_manager._insert(batch, fields=own_fields)


def _index(model, pages):
    from modelsearch.backends import get_search_backend

    index = get_search_backend().get_index_for_model(model)
    for start in range(0, len(pages), BATCH):
        index.add_items(model, pages[start : start + BATCH])


def _page_fields(title, locale, translation_key, content_type, published, slug):
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "locale": locale,
        "translation_key": translation_key,
        "content_type": content_type,
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": published,
        "last_published_at": published,
    }


class Context:
    """The demo's locales, territories (French and their English translations) and terms."""

    def __init__(self):
        from wagtail.models import Locale

        from agenda.models import EventType
        from cms.models import Audience, TerritoryPage, Theme
        from offers.models import OfferType, Sector

        self.fr = Locale.objects.get(language_code="fr")
        self.en = Locale.objects.get(language_code="en")
        self.territories = list(TerritoryPage.objects.filter(locale=self.fr).order_by("path"))
        english = {t.translation_key: t for t in TerritoryPage.objects.filter(locale=self.en)}
        self.english_territory = {t.pk: english.get(t.translation_key) for t in self.territories}

        def terms(model, locale):
            return {term.slug: term for term in model.objects.filter(locale=locale)}

        self.offer_types = {code: terms(OfferType, locale) for code, locale in (("fr", self.fr), ("en", self.en))}
        self.event_types = {code: terms(EventType, locale) for code, locale in (("fr", self.fr), ("en", self.en))}
        self.sectors = list(Sector.objects.filter(locale=self.fr))
        self.themes = list(Theme.objects.filter(locale=self.fr))
        self.audiences = list(Audience.objects.filter(locale=self.fr))


def generate_offers(ctx, count, rng):
    """``count`` French offers and the English translation of one in :data:`TRANSLATED_SHARE`."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from django.utils.text import slugify

    from offers.models import OfferPage, OfferStatus

    content_type = ContentType.objects.get_for_model(OfferPage)
    now = timezone.now()
    french, english, parents = [], [], {}
    for number in range(count):
        territory = ctx.territories[number % len(ctx.territories)]
        activity = ACTIVITIES[0] if number % BAKERY_SHARE == 0 else ACTIVITIES[1 + number % (len(ACTIVITIES) - 1)]
        fr_title, en_title, type_slug = activity
        commune = (territory.commune_list or [territory.title])[number % len(territory.commune_list or [1])]
        published = now - datetime.timedelta(minutes=rng.randrange(60 * 24 * 365))
        expire_at = None if rng.random() < 0.5 else now + datetime.timedelta(days=rng.randrange(-120, 240))
        common = {
            "expire_at": expire_at,
            "status": rng.choices(list(OfferStatus.values), weights=[8, 1, 1])[0],
            "body": [],
            "attachments": [],
            "commune": commune,
            "postcode": "",
            "latitude": float(territory.latitude) + rng.uniform(-0.15, 0.15),
            "longitude": float(territory.longitude) + rng.uniform(-0.15, 0.15),
        }
        key = uuid.uuid4()
        slug = f"{slugify(fr_title)[:60]}-{number}"
        offer = OfferPage(
            **_page_fields(f"{fr_title} – {commune}", ctx.fr, key, content_type, published, slug),
            **common,
            territory=territory,
            offer_type=ctx.offer_types["fr"][type_slug],
            summary=f"Une opportunité d'installation à {commune}, {territory.title}.",
        )
        offer.bench_sectors = rng.sample(ctx.sectors, rng.randint(1, min(3, len(ctx.sectors))))
        offer.bench_themes = rng.sample(ctx.themes, rng.randint(0, min(2, len(ctx.themes))))
        french.append(offer)
        parents[id(offer)] = territory
        english_territory = ctx.english_territory.get(territory.pk)
        if number % TRANSLATED_SHARE == 0 and english_territory is not None:
            translation = OfferPage(
                **_page_fields(f"{en_title} – {commune}", ctx.en, key, content_type, published, slug),
                **common,
                territory=english_territory,
                offer_type=ctx.offer_types["en"].get(type_slug) or offer.offer_type,
                summary=f"An opportunity to settle in {commune}, {territory.title}.",
            )
            # wagtail-localize synchronises the French terms (override_translatable_fields).
            translation.bench_sectors, translation.bench_themes = offer.bench_sectors, offer.bench_themes
            english.append(translation)
            parents[id(translation)] = english_territory
    offers = french + english
    _bulk_pages(OfferPage, offers, parents)
    for field in ("sectors", "themes"):
        through = getattr(OfferPage, field).through
        column = TERM_COLUMNS[field]
        through.objects.bulk_create(
            [
                through(offerpage_id=offer.pk, **{column: term.pk})
                for offer in offers
                for term in getattr(offer, f"bench_{field}")
            ],
            batch_size=BATCH * 4,
        )
    _index(OfferPage, offers)
    return len(french), len(english)


def generate_events(ctx, dates_count, rng):
    """French events with ``dates_count`` dates in all, and the English translation of one in five."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from django.utils.text import slugify

    from agenda.models import EventDate, EventPage

    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    type_slugs = sorted(ctx.event_types["fr"])
    french, english, parents, schedule = [], [], {}, []
    remaining, number = dates_count, 0
    while remaining > 0:
        territory = ctx.territories[number % len(ctx.territories)]
        fr_topic, en_topic = TOPICS[number % len(TOPICS)]
        slug = f"{slugify(fr_topic)[:50]}-{number}"
        key = uuid.uuid4()
        type_slug = type_slugs[number % len(type_slugs)] if type_slugs else None
        common = {
            "body": [],
            "commune": territory.title,
            "attendance_mode": "offline" if number % 5 else "online",
            "is_free": bool(number % 3),
        }
        event = EventPage(
            **_page_fields(f"{fr_topic} – {territory.title} n° {number}", ctx.fr, key, content_type, now, slug),
            **common,
            territory=territory,
            event_type=ctx.event_types["fr"].get(type_slug),
            summary=f"Une rencontre à {territory.title}.",
        )
        event.bench_themes = rng.sample(ctx.themes, rng.randint(0, min(2, len(ctx.themes))))
        event.bench_audiences = rng.sample(ctx.audiences, rng.randint(0, min(2, len(ctx.audiences))))
        french.append(event)
        parents[id(event)] = territory
        # 90 % in the next 18 months, the rest in the two past months; weekly repeats.
        count = min(remaining, rng.randint(1, 7))
        remaining -= count
        first = (
            now + datetime.timedelta(days=rng.randrange(1, 548))
            if rng.random() < 0.9
            else now - datetime.timedelta(days=rng.randrange(60))
        ).replace(minute=0, second=0, microsecond=0)
        first = first.replace(hour=rng.randrange(7, 17))
        event.bench_dates = [
            (first + datetime.timedelta(days=7 * repeat), "cancelled" if rng.random() < 0.02 else "scheduled")
            for repeat in range(count)
        ]
        english_territory = ctx.english_territory.get(territory.pk)
        if number % TRANSLATED_SHARE == 0 and english_territory is not None:
            translation = EventPage(
                **_page_fields(f"{en_topic} – {territory.title} no. {number}", ctx.en, key, content_type, now, slug),
                **common,
                territory=english_territory,
                event_type=ctx.event_types["en"].get(type_slug) or event.event_type,
                summary=f"A meeting in {territory.title}.",
            )
            translation.bench_themes, translation.bench_audiences = event.bench_themes, event.bench_audiences
            translation.bench_source = event
            english.append(translation)
            parents[id(translation)] = english_territory
        number += 1
    events = french + english
    _bulk_pages(EventPage, events, parents)
    for event in french:
        event.bench_date_keys = [uuid.uuid4() for _ in event.bench_dates]
    for event in events:
        source = getattr(event, "bench_source", event)
        for (start, status), key in zip(source.bench_dates, source.bench_date_keys, strict=True):
            schedule.append(
                EventDate(
                    page_id=event.pk,
                    locale_id=event.locale_id,
                    translation_key=key,
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    status=status,
                )
            )
    EventDate.objects.bulk_create(schedule, batch_size=BATCH * 4)
    for field in ("themes", "audiences"):
        through = getattr(EventPage, field).through
        column = TERM_COLUMNS[field]
        through.objects.bulk_create(
            [
                through(eventpage_id=event.pk, **{column: term.pk})
                for event in events
                for term in getattr(event, f"bench_{field}")
            ],
            batch_size=BATCH * 4,
        )
    _index(EventPage, events)
    french_dates = sum(len(event.bench_dates) for event in french)
    return len(french), len(english), french_dates, len(schedule) - french_dates


# What treebeard's ``find_problems`` (the report of ``manage.py fixtree``) checks, in five queries instead of two
# per page (two minutes at this size): characters outside the alphabet, a path length that is not a multiple
# of the step, a missing parent, a depth that does not match the path, a wrong number of children.
TREE_CHECKS = {
    "bad alphabet": "SELECT id FROM wagtailcore_page WHERE path !~ '^[0-9A-Z]*$'",
    "bad path length": "SELECT id FROM wagtailcore_page WHERE length(path) % {steplen} <> 0",
    "orphans": """
        SELECT child.id FROM wagtailcore_page child
        LEFT JOIN wagtailcore_page parent ON parent.path = left(child.path, length(child.path) - {steplen})
        WHERE child.depth > 1 AND parent.id IS NULL""",
    "bad depth": "SELECT id FROM wagtailcore_page WHERE depth <> length(path) / {steplen}",
    "bad numchild": """
        SELECT parent.id FROM wagtailcore_page parent
        LEFT JOIN (
            SELECT left(path, length(path) - {steplen}) AS parent_path, count(*) AS n
            FROM wagtailcore_page GROUP BY 1
        ) children ON children.parent_path = parent.path
        WHERE parent.numchild <> coalesce(children.n, 0)""",
}


def check_tree():
    """Raise when the page tree has a problem ``fixtree`` would report, or a generated page lacks its row."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail.models import Page

    from agenda.models import EventPage
    from offers.models import OfferPage

    assert Page.alphabet == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    found = {}
    with connection.cursor() as cursor:
        for name, query in TREE_CHECKS.items():
            cursor.execute(query.format(steplen=Page.steplen))
            ids = [row[0] for row in cursor.fetchall()]
            if ids:
                found[name] = ids[:10]
    if found:
        raise RuntimeError(f"page tree problems after the fill: {found}")
    for model in (OfferPage, EventPage):
        pages = Page.objects.filter(content_type=ContentType.objects.get_for_model(model)).count()
        rows = model.objects.count()
        if pages != rows:
            raise RuntimeError(f"{model.__name__}: {pages} pages but {rows} subclass rows")


def fill():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    rng = random.Random(2026)
    timings = {}
    started = time.perf_counter()
    for name, command, kwargs in (
        ("migrate", "migrate", {"interactive": False}),
        ("load_demo", "load_demo", {}),
        ("collectstatic", "collectstatic", {"interactive": False}),
    ):
        step = time.perf_counter()
        call_command(command, verbosity=0, **kwargs)
        timings[name] = time.perf_counter() - step
    ctx = Context()
    step = time.perf_counter()
    with transaction.atomic():
        offers_fr, offers_en = generate_offers(ctx, OFFERS, rng)
    timings["offers"] = time.perf_counter() - step
    step = time.perf_counter()
    with transaction.atomic():
        events_fr, events_en, dates_fr, dates_en = generate_events(ctx, DATES, rng)
    timings["events"] = time.perf_counter() - step
    step = time.perf_counter()
    check_tree()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    timings["check + analyze"] = time.perf_counter() - step
    total = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {MARKER_TABLE} (version integer, offers integer, dates integer, seconds float, "
            "filled_at timestamptz DEFAULT now())"
        )
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (version, offers, dates, seconds) VALUES (%s, %s, %s, %s)",  # noqa: S608
            [DATA_VERSION, offers_fr, dates_fr, total],
        )
    print(
        f"   {offers_fr:,} French offers (+ {offers_en:,} English translations), {events_fr:,} French events "
        f"with {dates_fr:,} dates (+ {events_en:,} English events, {dates_en:,} dates)."
    )
    print("   " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items()) + f"; total {total:.1f} s.")


if __name__ == "__main__":
    fill()
