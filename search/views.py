"""The site search: every page the visitor may see in the active language."""

from django.shortcuts import render

from wagtail.models import Page

from cms.models import paginate
from cms.visibility import visible_pages
from search.forms import SearchForm
from search.promotions import promoted_pages, record_search


def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = None
    promotions = []
    if query:
        visible_ids = visible_pages(request).filter(depth__gt=1).values_list("pk", flat=True)
        found = Page.objects.filter(pk__in=list(visible_ids)).search(query)
        results = paginate(request, found, per_page=10)
        # One query for the specific pages of this result page, instead of one per row.
        specific = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in results.object_list]).specific()}
        results.object_list = [specific[p.pk] for p in results.object_list if p.pk in specific]
        if results.number == 1:  # a search, not its next pages
            record_search(query)
            promotions = promoted_pages(request, query)
    context = {"form": form, "query": query, "results": results, "promotions": promotions}
    return render(request, "search/search.html", context)
