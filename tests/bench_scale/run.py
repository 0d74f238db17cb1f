"""`make bench-scale`: the catalogue, the agenda and search at 10,000 offers / 20,000 dates, over HTTP.

Issue 9's bar: on PostgreSQL with 10,000 offers and 20,000 event dates, the filtered catalogue, the agenda
list and search each within 5× the median time of a trivial Django view on the same server when uncached,
and a cached anonymous page within 2× of it.

1. The data (:mod:`tests.bench_scale.fill`): filled once in ``BENCH_SCALE_DB_URL`` (default
   ``postgresql://postgres@127.0.0.1:5432/villecampagne_scale``), kept between runs.
2. The server: gunicorn (two workers) on a free port of 127.0.0.1 with the production settings
   (:mod:`tests.bench_scale.settings`: DEBUG off, Redis db 8 under its own key prefix, no HTTPS redirect)
   and a URLconf that adds ``/bench/ok/``, the trivial view (whole middleware stack, no database, no
   template). It runs twice: with ``PAGE_CACHE_SECONDS=0`` for the uncached figures, then with the full-page
   cache on for the cached one. The bench's Redis keys are deleted before each phase.
3. The measures: one ``requests.Session``, sequential; each row's URLs are requested in turn, a warm-up
   round first, then ``BENCH_SCALE_REQUESTS`` (60) timed requests, each right after a timed request of the
   trivial view: a row's ratio is its median over the median of its own trivial requests (same load).
   "Uncached" means no full-page cache: the site's own data (site frame, filter choices and cards, see
   ``cms.content_cache``; the facet indexes of the catalogue and the agenda, ``cms.facet_index``) work as in
   production, warm after the warm-up round. No row reads a per-query result: the indexes answer any filters,
   a combination first asked as fast as a repeated one (a search's matching ids are cached per words). The
   "cold" rows drop the content version before every request (what the first request after any publication
   costs: the indexes built again, the frame and cards rendered again), for information; same 5× bar.
4. Queries per page: each URL once more in this process through Django's test client, with
   ``CaptureQueriesContext``, data caches warm and then cold.

Exit status 1 when a bar is missed (a cached phase with no HIT counts as missed, and says so).
"""

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

# What this process measures itself (the query counts) is pages built, never the full-page cache: the settings
# module, imported just below, reads this at import. The gunicorn phases pass their own value.
os.environ["PAGE_CACHE_SECONDS"] = "0"

from tests.bench_scale import fill  # noqa: E402
from tests.bench_scale.settings import KEY_PREFIX  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
REQUESTS = int(os.environ.get("BENCH_SCALE_REQUESTS", 60))
CACHED_SECONDS = int(os.environ.get("BENCH_SCALE_PAGE_CACHE_SECONDS", 300))
REDIS_URL = "redis://127.0.0.1:6379/8"
TRIVIAL = "/bench/ok/"
UNCACHED_BAR, CACHED_BAR = 5.0, 2.0
SEARCH_TERMS = ["boulangerie", "emploi", "atelier partagé", "marché de producteurs", "reprise"]


def percentile_95(timings):
    return statistics.quantiles(timings, n=20)[-1]


def redis_client():
    import redis

    return redis.Redis.from_url(REDIS_URL)


def forget_bench_cache():
    """Delete every key of the benchmark's prefix (and only those) in Redis db 8."""
    client = redis_client()
    keys = list(client.scan_iter(f"{KEY_PREFIX}:*", count=1000))
    if keys:
        client.delete(*keys)


def drop_content_version():
    """What any publication does: every data cache entry of the site is stale from now on."""
    redis_client().delete(f"{KEY_PREFIX}:1:cms:content-version")


# --- URLs: real values of the filled database ------------------------------------------------------------


def scenario():
    """``{row: [urls]}`` built from the database's territories and terms (Django set up)."""
    from agenda.models import EventType
    from cms.models import Audience, TerritoryPage, Theme
    from offers.models import OfferType, Sector

    territories = list(TerritoryPage.objects.filter(locale__language_code="fr").order_by("path"))
    departments = sorted({t.department for t in territories if t.department})
    types = list(OfferType.objects.filter(locale__language_code="fr").order_by("slug").values_list("slug", flat=True))
    sectors = list(Sector.objects.filter(locale__language_code="fr").order_by("slug").values_list("slug", flat=True))
    event_types = list(
        EventType.objects.filter(locale__language_code="fr").order_by("slug").values_list("slug", flat=True)
    )
    themes = list(Theme.objects.filter(locale__language_code="fr").order_by("slug").values_list("slug", flat=True))
    audiences = list(
        Audience.objects.filter(locale__language_code="fr").order_by("slug").values_list("slug", flat=True)
    )
    catalogue = [
        f"/fr/offres/?type={types[0]}&department={departments[0]}",
        f"/fr/offres/?sector={sectors[1]}&territory={territories[1].slug}",
        f"/fr/offres/?type={types[1]}&sector={sectors[0]}&sector={sectors[2]}",
        f"/fr/offres/?department={departments[-1]}&sort=newest&page=2",
        "/fr/offres/?near=lyon&radius=50",
        f"/fr/offres/?q=boulangerie&department={departments[1 % len(departments)]}",
    ]
    agenda_filtered = [
        f"/fr/agenda/?territory={territories[2].slug}",
        f"/fr/agenda/?type={event_types[0]}&theme={themes[0]}",
        f"/fr/agenda/?audience={audiences[0]}&mode=online",
        f"/fr/agenda/?theme={themes[-1]}&free=1",
    ]
    search = [f"/fr/recherche/?q={requests.utils.quote(term)}" for term in SEARCH_TERMS]
    return {
        "trivial view": [TRIVIAL],
        "catalogue, filtered": catalogue,
        "agenda list": ["/fr/agenda/"],
        "agenda list, filtered": agenda_filtered,
        "search": search,
    }


def render_checks():
    """A generated offer and event, French and English: each must render (200) and show its title."""
    from agenda.models import EventPage
    from offers.models import OfferPage

    urls = []
    for model in (OfferPage, EventPage):
        for code in ("fr", "en"):
            page = model.objects.live().filter(locale__language_code=code).order_by("-pk").first()
            urls.append((page.url, page.title))
    return urls


# --- The server --------------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the site with the benchmark's settings; ``PAGE_CACHE_SECONDS`` as given."""

    def __init__(self, page_cache_seconds):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": fill.SETTINGS,
            "BENCH_SCALE_DB_URL": fill.database_url(),
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        }
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_until_ready(self):
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base + TRIVIAL, timeout=10).status_code == 200:
                    return
            except requests.RequestException:  # not listening yet, or still importing the site
                pass
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped at start-up")
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer within 90 s")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- Measures ------------------------------------------------------------------------------------------------


def timed(session, base, urls, *, cold=False):
    """Warm-up round, then ``REQUESTS`` timed requests over ``urls`` in turn, each right after one of the trivial
    view: ``{median, p95, trivial, x_cache}``, ``trivial`` the median of the trivial view's interleaved requests.

    Interleaving makes each row's ratio compare times taken under the same load (the machine is shared: the
    trivial view alone varied from 4 to 14 ms over one run).
    """
    for url in urls:
        session.get(base + url).raise_for_status()
    timings, trivial, x_cache = [], [], {}
    for number in range(REQUESTS):
        url = urls[number % len(urls)]
        start = time.perf_counter()
        session.get(base + TRIVIAL).raise_for_status()
        trivial.append((time.perf_counter() - start) * 1000)
        if cold:
            drop_content_version()
        start = time.perf_counter()
        response = session.get(base + url)
        timings.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
        status = response.headers.get("X-Cache", "absent")
        x_cache[status] = x_cache.get(status, 0) + 1
    result = {
        "median": statistics.median(timings),
        "p95": percentile_95(timings),
        "trivial": statistics.median(trivial),
        "x_cache": x_cache,
    }
    print(f"   {urls[0][:60]:60} … median {result['median']:.1f} ms (trivial {result['trivial']:.1f})", flush=True)
    return result


def query_counts(urls, *, cold):
    """The most SQL queries any of ``urls`` runs, in this process (test client, no full-page cache)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # A host of ALLOWED_HOSTS; no setup_test_environment(), whose instrumented templates cost more than the page.
    client = Client(HTTP_HOST="127.0.0.1")
    counts = []
    for url in urls:
        if cold:
            drop_content_version()
        else:
            client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(len(captured.captured_queries))
    return max(counts)


def main():
    print(f"== Load at the start: {os.popen('TZ=UTC uptime').read().strip()}")  # noqa: S605, S607
    fill.ensure_filled()
    os.environ["DJANGO_SETTINGS_MODULE"] = fill.SETTINGS
    import django

    django.setup()
    rows = scenario()
    session = requests.Session()
    results, failed = {}, False

    # Phase 1: no full-page cache.
    forget_bench_cache()
    server = Server(page_cache_seconds=0)
    try:
        for url, title in render_checks():
            response = session.get(server.base + url)
            if response.status_code != 200 or title not in response.text:
                print(f"!! {url}: {response.status_code}, title shown: {title in response.text}")
                failed = True
        for name, urls in rows.items():
            results[name] = timed(session, server.base, urls)
        for name, urls in rows.items():
            if name != "trivial view":
                results[f"{name}, cold"] = timed(session, server.base, urls, cold=True)
    finally:
        server.stop()

    # Phase 2: the full-page cache on; anonymous pages.
    cached_rows = {"home (cached)": ["/fr/"], "catalogue (cached)": ["/fr/offres/"]}
    forget_bench_cache()
    server = Server(page_cache_seconds=CACHED_SECONDS)
    try:
        for name, urls in cached_rows.items():
            results[name] = timed(session, server.base, urls)
    finally:
        server.stop()

    # Queries per page, in this process.
    forget_bench_cache()
    queries = {}
    for name, urls in rows.items():
        queries[name] = (query_counts(urls, cold=False), query_counts(urls, cold=True))
    forget_bench_cache()

    failed |= report(results, queries, rows, cached_rows)
    print(f"== Load at the end: {os.popen('TZ=UTC uptime').read().strip()}")  # noqa: S605, S607
    return 1 if failed else 0


def report(results, queries, rows, cached_rows):
    failed = False
    print()
    print(
        f"{REQUESTS} timed requests per row after a warm-up round, sequential, each after one of the trivial view "
        "(its median in the 'trivial' column; the ratio is to it). Times in ms."
    )
    print(
        f"{'row':32} {'median':>8} {'p95':>8} {'trivial':>8} {'ratio':>7} {'bar':>5} {'':6} "
        f"{'queries warm/cold':>18}  X-Cache"
    )
    for name, result in results.items():
        kind = name.removesuffix(", cold")
        cached = name in cached_rows
        trivial = name.startswith("trivial view")
        ratio = result["median"] / result["trivial"]
        bar = CACHED_BAR if cached else UNCACHED_BAR
        verdict = "" if trivial else ("PASS" if ratio <= bar else "FAIL")
        x_cache = ", ".join(f"{k} {v}" for k, v in sorted(result["x_cache"].items()))
        if cached and not result["x_cache"].get("HIT"):
            verdict = "NO HIT"
        if verdict in {"FAIL", "NO HIT"}:
            failed = True
        count = queries.get(kind)
        count_cell = f"{count[0]:>8}/{count[1]:<9}" if count and not trivial else ""
        print(
            f"{name:32} {result['median']:8.1f} {result['p95']:8.1f} {result['trivial']:8.1f} {ratio:6.1f}× "
            f"{'' if trivial else f'{bar:.0f}×':>5} {verdict:6} {count_cell:>18}  {x_cache}"
        )
    if any(not results[name]["x_cache"].get("HIT") for name in cached_rows):
        print(
            "!! The cached phase got no X-Cache: HIT: the full-page cache (PAGE_CACHE_SECONDS) is not in this "
            "checkout yet, or did not store these pages. Its rows are uncached times, not cached ones."
        )
    print("Rows rotate over:")
    for name, urls in rows.items():
        if name != "trivial view":
            print(f"  {name}: " + "  ".join(urls))
    for name, urls in cached_rows.items():
        print(f"  {name}: " + "  ".join(urls))
    return failed


if __name__ == "__main__":
    sys.exit(main())
