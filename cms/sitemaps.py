"""A sitemap of both languages (Wagtail's contrib sitemap lists only the default locale's tree)."""

from django.contrib.sitemaps import Sitemap

from cms.visibility import visible_pages


class PageSitemap(Sitemap):
    """Every page an anonymous visitor may see, in every locale."""

    def items(self):
        return visible_pages(None, any_locale=True).filter(depth__gt=1).order_by("path").select_related("locale")

    def location(self, item):
        return item.get_url()

    def lastmod(self, item):
        return item.last_published_at
