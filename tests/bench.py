"""`make bench`: response times of the main pages on the demo content, against targets.

Runs on a throw-away SQLite database (or DATABASE_URL), outside the test suite: speed targets live
here, never in a timed test.
"""

import os
import statistics
import sys
import tempfile
import time

TARGET_MEDIAN_MS = 150
REQUESTS_PER_URL = 30
URLS = ["/fr/", "/en/", "/fr/territoires/", "/fr/actualites/", "/fr/la-demarche/", "/fr/recherche/?q=territoire"]


def main():
    workdir = tempfile.mkdtemp(prefix="bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    client = Client()
    failed = False
    print(f"{'URL':32} {'median':>8} {'p95':>8}  (ms, {REQUESTS_PER_URL} requests, target median ≤ {TARGET_MEDIAN_MS})")
    for url in URLS:
        client.get(url)  # warm-up
        timings = []
        for _ in range(REQUESTS_PER_URL):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[-1]
        flag = "" if median <= TARGET_MEDIAN_MS else "  OVER TARGET"
        failed |= bool(flag)
        print(f"{url:32} {median:8.1f} {p95:8.1f}{flag}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
