"""Profile pages of the scale benchmark's database in-process: ``python -m tests.bench_scale.profile URL…``.

The benchmark's settings (production, Redis db 8, no full-page cache), Django's WSGI handler called directly
(the test client's bookkeeping would be most of the profile), one warm-up
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
FLAT_LINES = 60


class WSGIClient:
    """GET a URL through the WSGI application, as gunicorn would: ``get(url).status_code``."""

    def __init__(self, application):
        self.application = application

    def get(self, url):
        from types import SimpleNamespace
        from wsgiref.util import setup_testing_defaults

        path, _, query = url.partition("?")
        environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1", "SERVER_NAME": "127.0.0.1"}
        setup_testing_defaults(environ)
        status = []
        body = b"".join(self.application(environ, lambda code, headers, *args: status.append(code)))
        return SimpleNamespace(status_code=int(status[0].split()[0]), content=body)


def main(urls, cold=False):
    import django

    django.setup()
    from pyinstrument import Profiler

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.bench_scale.run import drop_content_version

    client = WSGIClient(WSGIHandler())
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
        # The same by function, time including callees, for what the tree folds away (templates, middleware).
        flat = profiler.output_text(flat=True, flat_time="self", show_all=True)
        print("\n".join(flat.splitlines()[:FLAT_LINES]))
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
