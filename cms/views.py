"""Small views of the project itself: robots.txt and the error pages."""

import posixpath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The styled 404, in the language of the URL (LocaleMiddleware has activated it)."""
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def server_error(request):
    """A self-contained 500 page: no database, no context processors, both languages."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))


def local_media(request, path):
    """Local images in development and tests (MEDIA_ROOT read per request, so tests may override it).

    Never documents: they go through /documents/, which applies their collection's privacy. The path is
    checked once normalised, as ``serve`` normalises it
    (``images/../documents/x.pdf``, ``./documents/``, ``//documents/``).
    """
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised == "documents" or normalised.startswith("documents/"):
        # 403 rather than 404, which LocaleMiddleware would redirect to /fr/media/documents/.
        raise PermissionDenied
    return serve(request, path, document_root=settings.MEDIA_ROOT)
