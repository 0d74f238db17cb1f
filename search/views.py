"""The site search page: every page the visitor may see in the active language (see :mod:`search.query`)."""

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from agenda.models import EventIndexPage
from cms.filters import ListingUrlsMixin
from cms.page_cache import served_from_cache
from cms.routing import uses_site
from cms.visibility import visible_pages
from offers.models import OfferIndexPage
from search.forms import PARAMETERS, SearchForm
from search.promotions import promoted_pages, record_search
from search.query import SORT_RELEVANCE, SiteSearch, visible_territories
from search.suggestions import close_pages, suggested_query

URL_PARAMETERS = [name for name in PARAMETERS if name != "page"]


class SearchPage(ListingUrlsMixin):
    """What the template reads: the form, the search, facets and the URLs that change one parameter."""

    url_parameters = URL_PARAMETERS

    def __init__(self, request):
        self.request = request
        self.path = request.path
        territories = visible_territories(request)
        self.form = SearchForm(request.GET, territories=territories)
        self.values = self.form.values
        self.text = self.values.get("q", "")
        self.search = SiteSearch(request, self.values, territories)

    def normalise_params(self, params):
        if params.get("sort") == SORT_RELEVANCE:
            params.pop("sort")
        return params

    @property
    def reset_url(self):
        return self.url(kind=None, territory=None)

    def facets(self):
        return [
            self.search.facet("kind", _("Type de contenu"), self.url),
            self.search.facet("territory", _("Territoire"), self.url),
        ]

    def sorts(self):
        return [
            (value, label, self.search.sort == value, self.url(sort=value))
            for value, label in self.form.fields["sort"].choices
        ]

    def elsewhere(self):
        """The catalogue and the agenda with the same words, for a search that found little."""
        links = []
        for model, label in ((OfferIndexPage, _("le catalogue des offres")), (EventIndexPage, _("l’agenda"))):
            index = visible_pages(self.request, model.objects.all()).first()
            if index is not None:
                links.append((label, f"{index.url}?{urlencode({'q': self.text})}"))
        return links

    def close_pages(self):
        return close_pages(self.request, self.search.terms)

    def suggestion(self):
        suggested = suggested_query(self.request, self.search.terms)
        return (suggested, self.url(q=suggested, kind=None, territory=None)) if suggested else None


def counts_as_a_search(page):
    return bool(page.search.terms) and page.search.page_number == 1  # not the following pages of its results


@uses_site
def search(request):
    page = SearchPage(request)
    promotions = []
    if counts_as_a_search(page):
        record_search(page.text)
        promotions = promoted_pages(request, page.text)
    context = {"search_page": page, "form": page.form, "query": page.text, "promotions": promotions}
    return render(request, "search/search.html", context)


@functools.cache
def search_paths():
    """The search page's path in each language (``/fr/recherche/``, ``/en/search/``)."""
    paths = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths.add(reverse("search"))
    return frozenset(paths)


@receiver(served_from_cache, dispatch_uid="search.count_cached_searches")
def count_cached_search(sender, request, **kwargs):
    """A search answered from the page cache still counts in the "Search terms" report."""
    if request.path_info in search_paths():  # every cached page comes here: a set lookup, not a URL resolution
        page = SearchPage(request)
        if counts_as_a_search(page):
            record_search(page.text)
