from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health, views
from cms.sitemaps import PageSitemap
from search import autocomplete as autocomplete_views
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Members' files get private cache headers from this wrapper of Wagtail's document view (a string: cms
    # imports no app); the access check itself is members' before_serve_document hook.
    path("documents/", include("members.document_urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Outside the language prefix and never cached: the load balancer and monitoring ask every app server.
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}cms/img/favicon.ico", permanent=True)),
]

if settings.SERVE_MEDIA:
    # Development and tests only: images from local media. Documents are never served from here but
    # through /documents/, which applies their collection's privacy: local_media answers 404 for them.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", views.local_media))

urlpatterns += i18n_patterns(
    path(_("recherche/"), search_views.search, name="search"),
    path(_("recherche/suggestions/"), autocomplete_views.autocomplete, name="search_autocomplete"),
    path(_("compte/"), include("members.urls")),
    path(_("inscriptions/"), include("agenda.registrations.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
