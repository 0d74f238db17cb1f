"""Search suggestions as you type: the titles and URLs of the pages the visitor may see, as JSON.

The combobox of ``search/static/search/autocomplete.js`` calls this view; without JavaScript the search forms
submit to the search page as before. The answer depends on who asks (members see the members' pages), so it
is never stored by a shared cache for someone else.
"""

from django import forms
from django.http import JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import capfirst
from django.views.decorators.http import require_GET

from wagtail.models import Page

from cms.filters import MAX_QUERY_LENGTH, search_terms
from cms.visibility import visible_pages

MAX_RESULTS = 8
MIN_LENGTH = 2


class AutocompleteForm(forms.Form):
    q = forms.CharField(max_length=MAX_QUERY_LENGTH, required=False, strip=True)


def suggestions(request, query):
    """The first ``MAX_RESULTS`` visible pages (below the home pages) whose title starts with ``query``'s words.

    Returns a list of ``{"title", "url", "kind"}`` dicts; the number of SQL queries does not depend on how
    many pages match.
    """
    terms = search_terms(query)
    if not terms or len("".join(terms)) < MIN_LENGTH:
        return []
    # Filter before searching: the search backend only sees the visible pages (ids as a subquery: ``expire_at``
    # and the private sections are not filter fields of the search index).
    visible_ids = visible_pages(request).filter(depth__gt=2).values("pk")
    found = Page.objects.filter(pk__in=visible_ids).autocomplete(" ".join(terms))[:MAX_RESULTS]
    results = []
    for page in found:
        # ``specific_class`` comes from the content type cache: no query per page.
        model = page.specific_class or Page
        url = page.get_url(request)
        if url is None:
            continue
        results.append({"title": page.title, "url": url, "kind": str(capfirst(model._meta.verbose_name))})
    return results


@require_GET
def autocomplete(request):
    """``?q=…`` → ``{"query": "…", "results": [{"title", "url", "kind"}, …]}``.

    A ``q`` over 200 characters (or with a NUL character) answers 400 with ``{"error": "…"}``.
    """
    form = AutocompleteForm(request.GET)
    if form.is_valid():
        query = form.cleaned_data["q"]
        response = JsonResponse({"query": query, "results": suggestions(request, query)})
    else:
        # Too long, or a NUL character: the form's own message, translated.
        response = JsonResponse({"error": " ".join(form.errors["q"])}, status=400)
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response
