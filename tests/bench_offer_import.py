"""Time the admin's offers import of a generated 1,000-row spreadsheet on the current database, through its views.

    .venv/bin/python -m tests.bench_offer_import            # db.sqlite3 (cms.settings.dev), as `make bench`
    DJANGO_SETTINGS_MODULE=cms.settings.test DATABASE_URL=postgresql://… .venv/bin/python -m tests.bench_offer_import

Uploads the file (read and checked), shows the preview (every row checked again and rendered), then confirms the
import (1,000 draft pages with their revisions, in one transaction), as an administrator would, and prints each
step's time. Everything happens inside a transaction rolled back at the end: the database is left as it was.
Uses the first French territory (a throw-away one when there is none) and the existing offer types and sectors.
``BENCH_IMPORT_ROWS`` changes the size. Exit status 1 when the whole takes a minute or more (issue 8's bar).
"""

import csv
import io
import os
import sys
import time
import uuid

TARGET_SECONDS = 60
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", 1000))
COMMUNES = [("Die", "26150"), ("Crest", "26400"), ("Nyons", "26110"), ("Ambert", "63600"), ("Roanne", "42300")]


class Rollback(Exception):
    pass


def generated_csv(count, types, sectors):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        ["Titre", "Type d'offre", "Secteurs", "Statut", "Résumé", "Commune", "Code postal", "Prix de cession (€)"]
        + ["Surface (m²)", "Disponible à partir du", "Courriel du contact"]
    )
    run = uuid.uuid4().hex[:6]
    for n in range(count):
        commune, postcode = COMMUNES[n % len(COMMUNES)]
        writer.writerow(
            [
                f"Offre d'essai {run} numéro {n}",
                types[n % len(types)],
                " | ".join(sectors[n % len(sectors) : n % len(sectors) + 2]),
                "Disponible",
                "Une offre générée pour mesurer l'import.",
                commune,
                postcode,
                f"{50_000 + n * 10},50",
                str(40 + n % 200),
                "01/03/2027",
                f"contact{n}@example.org",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def territory_and_vocabulary():
    from wagtail.models import Locale, Page

    from cms.models import TerritoryPage
    from offers.models import OfferType, Sector

    locale = Locale.get_default()
    territory = TerritoryPage.objects.filter(locale=locale).order_by("path").first()
    if territory is None:
        territory = Page.get_first_root_node().add_child(
            instance=TerritoryPage(title="Territoire du banc d'essai", slug="banc-essai-import", department="26")
        )
    types = list(OfferType.objects.filter(locale=locale).values_list("slug", flat=True))
    if not types:
        types = [OfferType.objects.create(name="Emploi", slug="emploi", locale=locale).slug]
    sectors = list(Sector.objects.filter(locale=locale).values_list("slug", flat=True))
    if not sectors:
        sectors = [Sector.objects.create(name="Artisanat", slug="artisanat", locale=locale).slug]
    return territory, types, sectors


def timed(label, timings, action):
    start, cpu = time.perf_counter(), time.process_time()
    response = action()
    timings.append((label, time.perf_counter() - start, time.process_time() - cpu))
    return response


def run():
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse

    from offers.models import OfferPage

    timings = []
    try:
        with transaction.atomic():
            territory, types, sectors = territory_and_vocabulary()
            user = get_user_model().objects.create(username=f"bench-{uuid.uuid4().hex[:8]}", is_superuser=True)
            client = Client(SERVER_NAME="localhost")
            client.force_login(user)
            content = generated_csv(ROWS, types, sectors)
            before = OfferPage.objects.child_of(territory).count()
            upload = io.BytesIO(content)
            upload.name = "offres.csv"
            response = timed(
                "upload (read + check)",
                timings,
                lambda: client.post(reverse("offers_import:upload"), {"territory": territory.pk, "file": upload}),
            )
            assert response.status_code == 302, response.status_code
            preview_url = response["Location"]
            response = timed("preview (check + render)", timings, lambda: client.get(preview_url))
            assert response.status_code == 200 and b"offres en brouillon" in response.content
            confirm_url = preview_url + "importer/"
            response = timed("import (write drafts)", timings, lambda: client.post(confirm_url))
            assert response.status_code == 302, response.status_code
            created = OfferPage.objects.child_of(territory).count() - before
            raise Rollback
    except Rollback:
        pass
    total = sum(seconds for _, seconds, _ in timings)
    lines = [f"Offers import, {ROWS:,} rows, {connection.vendor} ({connection.settings_dict['NAME']}):"]
    # CPU time of this process beside the elapsed time: on a busy machine the first can be far below the second.
    lines += [f"  {label:28} {seconds:7.2f} s  (CPU {cpu:6.2f} s)" for label, seconds, cpu in timings]
    lines.append(
        f"  {'total':28} {total:7.2f} s  (CPU {sum(cpu for *_, cpu in timings):6.2f} s)  {created:,} drafts written, "
        f"then rolled back; target < {TARGET_SECONDS} s"
    )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0 if total < TARGET_SECONDS and created == ROWS else 1


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    return run()


if __name__ == "__main__":
    sys.exit(main())
