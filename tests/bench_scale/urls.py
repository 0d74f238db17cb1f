"""The site's URLs plus ``/bench/ok/``, the trivial view every page of the benchmark is compared with.

It goes through the whole middleware stack, like the pages, but reads no database and renders no template:
its time is the floor that the server, the middleware and the HTTP client cost.
"""

from django.http import HttpResponse
from django.urls import path

from cms.urls import handler404, handler500  # noqa: F401 (looked up on the root URLconf)
from cms.urls import urlpatterns as site_urlpatterns


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok/", ok, name="bench_ok"), *site_urlpatterns]
