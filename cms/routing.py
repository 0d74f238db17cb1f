"""Wagtail's routing with its walk down the tree read from the cache.

Wagtail finds the page of ``/fr/la-demarche/objectifs/`` level by level: at each one, a query for the child
with the next slug and one more for its specific page, so four queries here before anything is shown. Which
page a path leads to changes only when a page is saved, moved or deleted, which replaces the content version
(``cms.content_cache``); so the walk's end is kept under that version, per site root and path, and a request
runs one query for the specific page found, whose own ``route`` then decides (``live`` or not, a sub-route of
the catalogue or the agenda). The walk stops, as Wagtail's would hand over, at a page type with its own routing.

Each app server keeps the walk's ends it has used for the content version, and the listing pages themselves
(``kept_in_process``: the catalogue, the agenda, reached by every filter and page number), each request
getting its own copy: a listing request then reads neither the cache nor the database to find its page.

Before the walk, Wagtail finds the request's site (a query of 3 ms, for a handful of rows that change once a
year) and its root's specific page (one more query), and every page URL reads where the sites' roots are
from the cache: :class:`SiteMiddleware` reads all three from a memo of this content version instead.
"""

import contextlib
import copy
import hashlib

from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError
from django.http import Http404
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from cms.content_version import content_version, per_version

TIMEOUT = 60 * 60
# What the walk reads of each page: its type, and what ``get_children`` needs to go one level down.
TREE_FIELDS = ("pk", "content_type", "path", "depth", "numchild")


def walks_on(page_class):
    """Whether pages of ``page_class`` route their children as Wagtail's ``Page.route`` does (by slug)."""
    from cms.models.mixins import BasePage

    return page_class is not None and page_class.route in (Page.route, BasePage.route)


def walk(root, path_components):
    """``(pk, model label, number of components used)`` of the page where Wagtail's walk from ``root`` along
    ``path_components`` ends (or hands over to a page type's own routing), or None when a slug leads nowhere."""
    page, used = root, 0
    while used < len(path_components):
        page = page.get_children().filter(slug=path_components[used]).only(*TREE_FIELDS).first()
        if page is None:
            return None
        used += 1
        if not walks_on(page.specific_class):
            break
    return page.pk, (page.specific_class or Page)._meta.label, used


def route(root, request, path_components):
    """What ``root.route(request, path_components)`` returns, for a non-empty path: see the module's doc."""
    path = hashlib.sha256("/".join(path_components).encode()).hexdigest()
    key = f"cms:route:{content_version(request)}:{root.pk}:{path}"

    def walk_end():
        end = cache.get(key)
        if end is None:
            end = walk(root, path_components)
            if end is not None:
                cache.set(key, end, TIMEOUT)
        return end

    # Kept in this process too: only paths that lead to a page are (a made-up path is walked each time).
    end = per_version(request, ("route", key), walk_end, valid=lambda end: end is not None)
    if end is None:
        raise Http404
    pk, label, used = end
    try:
        model = apps.get_model(label)
    except LookupError as error:
        raise Http404 from error
    page = _specific_page(request, model, pk)
    if page is None:
        raise Http404
    return page.route(request, path_components[used:])


def _specific_page(request, model, pk):
    """The page ``pk`` of ``model``, or None; from this content version's memo, as a copy of its own, for
    the page types that ask for it (``kept_in_process``: the listings, which every filter and page number
    reaches by the same route)."""

    def fetch():
        return model.objects.filter(pk=pk).first()

    if not getattr(model, "kept_in_process", False):
        return fetch()
    page = per_version(request, ("page", model._meta.label, pk), fetch, valid=lambda page: page is not None)
    return copy.copy(page) if page is not None else None


def _site_for(hostname, port):
    """Wagtail's site for ``hostname`` and ``port`` (None when none answers), its root page specific."""
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page = site.root_page.specific
    return site


def find_site(request):
    """What ``Site.find_for_request(request)`` finds, from this content version's memo, as a copy of its own.

    Wagtail matches a hostname no site has to the default site whatever the port, so such hostnames share one
    entry: a visitor cannot fill the memo with made-up hostnames. Each request gets its own copies of the site
    and of its root page, as it would from the database: nothing a request sets on them reaches another.
    """
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    known = per_version(request, "site-hostnames", lambda: frozenset(Site.objects.values_list("hostname", flat=True)))
    key = ("site", hostname, port) if hostname in known else ("site", None, None)
    site = per_version(request, key, lambda: _site_for(hostname, port))
    if site is None:
        return None
    mine = copy.copy(site)
    mine.root_page = copy.copy(site.root_page)
    return mine


def uses_site(view):
    """Mark a view that is not Wagtail's but links to pages (search): :class:`SiteMiddleware` gives it the site
    too, which every page URL it builds asks for."""
    view.uses_site = True
    return view


class SiteMiddleware:
    """Hands Wagtail the site of a page request (``Site.find_for_request`` keeps it on the request), from
    :func:`find_site`, and of the views marked with :func:`uses_site`. Other views (health checks, the admin)
    are left to find it themselves, if they need it at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve as wagtail_serve  # it imports the page models, which import this module

        wanted = view_func is wagtail_serve or getattr(view_func, "uses_site", False)
        if wanted and not hasattr(request, "_wagtail_site"):
            # On a database error, Wagtail tries again and the error page says the database is down.
            with contextlib.suppress(DatabaseError):
                request._wagtail_site = find_site(request)
                # Where each site's root is, for every page URL: Wagtail reads it from the cache once per
                # request, and once more per page asked for its URL without the request.
                request._wagtail_cached_site_root_paths = per_version(
                    request, "site-root-paths", Site.get_site_root_paths
                )
