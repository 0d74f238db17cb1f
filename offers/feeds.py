"""The catalogue's feeds and exports, as routes of the OfferIndexPage (they follow the current filters).

``rss/``, ``csv/`` and ``json/`` under the catalogue's URL take the catalogue's own query string: the
offers they list are ``build_catalogue(request, page).offers``, the visible offers filtered and sorted as
the page lists them. A filter value the form rejects is ignored, as on the page. The serialisers live in
:mod:`offers.exports`; the RSS document is built here.
"""

from django.conf import settings
from django.db.models import Max
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import pgettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.conditional import set_last_modified

RSS_LIMIT = 500
# The query parameters a feed does not pass on: it lists every matching offer, not one page of them.
NOT_PASSED_ON = {"page"}


def filter_query(request):
    """The current query string without the page number, urlencoded ("" when there is no filter)."""
    query = request.GET.copy()
    for name in NOT_PASSED_ON:
        query.pop(name, None)
    return query.urlencode()


def with_query(url, query):
    return f"{url}?{query}" if query else url


def offers_to_rss(offers, request, *, title, link, description, language, feed_url, limit=RSS_LIMIT):
    """An RSS 2.0 document (bytes) listing at most ``limit`` offers, in their order.

    Each item carries the offer's title, absolute URL (also its guid), summary, publication date and
    type as category.
    """
    from offers.exports import offer_records  # offers.models imports this module

    feed = Rss201rev2Feed(
        title=title, link=link, description=description, language=language, feed_url=feed_url, ttl="60"
    )
    for record in offer_records(offers, request, limit=limit):
        published = record["first_published_at"]
        feed.add_item(
            title=record["title"],
            link=record["url"],
            description=record["summary"],
            pubdate=timezone.localtime(published) if published else None,
            unique_id=record["url"],
            unique_id_is_permalink=True,
            categories=[record["type"]["name"]] if record["type"] else None,
        )
    return feed.writeString("utf-8").encode("utf-8")


def last_offer_expiry():
    """When the latest offer to have expired expired: the last moment time alone changed the catalogue."""
    from offers.models import OfferPage  # offers.models imports this module

    return OfferPage.objects.filter(expire_at__lte=timezone.now()).aggregate(last=Max("expire_at"))["last"]


class OfferFeedsMixin(RoutablePageMixin):
    """RSS, CSV and JSON routes of the catalogue; each follows the filters of the query string."""

    def feed_offers(self, request):
        """The offers the catalogue lists for this request: visible, filtered, sorted, not paginated."""
        from offers.catalogue import build_catalogue  # it imports offers.models, which imports this module

        return build_catalogue(request, self).offers

    @path("rss/", name="rss")
    def rss_feed(self, request):
        query = filter_query(request)
        page_url = self.get_full_url(request)
        body = offers_to_rss(
            self.feed_offers(request),
            request,
            title=f"{self.title} – {settings.WAGTAIL_SITE_NAME}",
            link=with_query(page_url, query),
            description=self.description or str(settings.SITE_DESCRIPTION),
            language=self.locale.language_code,
            feed_url=with_query(page_url + self.reverse_subpage("rss").lstrip("/"), query),
        )
        response = HttpResponse(body, content_type="application/rss+xml; charset=utf-8")
        return set_last_modified(response, last_offer_expiry())

    @path("csv/", name="csv")
    def csv_export(self, request):
        from offers.exports import offers_to_csv

        body = offers_to_csv(self.feed_offers(request), request, locale=self.locale)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        stem = pgettext("nom du fichier exporté", "offres")
        filename = f"{stem}-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["X-Robots-Tag"] = "noindex"
        return set_last_modified(response, last_offer_expiry())

    @path("json/", name="json")
    def json_export(self, request):
        from offers.exports import offers_to_json

        data = offers_to_json(self.feed_offers(request), request, locale=self.locale)
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
        response["X-Robots-Tag"] = "noindex"
        return set_last_modified(response, last_offer_expiry())
