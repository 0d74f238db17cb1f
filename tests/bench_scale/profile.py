"""Profile pages of the scale benchmark's database in-process: ``python -m tests.bench_scale.profile URL…``.

The benchmark's settings (production, Redis db 8, no full-page cache), Django's test client, one warm-up
request per URL, then ``BENCH_SCALE_PROFILE_REPEAT`` (10) requests under pyinstrument, printed as text with
the SQL queries of one request (count and the five slowest). ``--cold`` drops the content version before each
request (the site's data caches empty, as after a publication). Run ``make bench-scale`` once first: it
fills the database.
"""

import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench_scale.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"


def main(urls, cold=False):
    import django

    django.setup()
    from pyinstrument import Profiler

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from tests.bench_scale.run import drop_content_version

    setup_test_environment()
    client = Client()
    repeat = int(os.environ.get("BENCH_SCALE_PROFILE_REPEAT", 10))
    for url in urls:
        assert client.get(url).status_code == 200, url
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        for _ in range(repeat):
            if cold:
                drop_content_version()
            with profiler:
                client.get(url)
        print(f"== {url}: {(time.perf_counter() - started) * 1000 / repeat:.1f} ms per request ({repeat} requests)")
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        if cold:
            drop_content_version()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = sorted(captured.captured_queries, key=lambda query: -float(query["time"]))
        print(f"{len(queries)} queries; the slowest:")
        for query in queries[:5]:
            print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:600]}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main([url for url in arguments if url != "--cold"], cold="--cold" in arguments)
