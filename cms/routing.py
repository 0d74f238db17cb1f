"""Wagtail's routing with its walk down the tree read from the cache.

Wagtail finds the page of ``/fr/la-demarche/objectifs/`` level by level: at each one, a query for the child
with the next slug and one more for its specific page, so four queries here before anything is shown. Which
page a path leads to changes only when a page is saved, moved or deleted, which replaces the content version
(``cms.content_cache``); so the walk's end is kept under that version, per site root and path, and a request
runs one query for the specific page found, whose own ``route`` then decides (``live`` or not, a sub-route of
the catalogue or the agenda). The walk stops, as Wagtail's would hand over, at a page type with its own routing.
"""

import hashlib

from django.apps import apps
from django.core.cache import cache
from django.http import Http404

from wagtail.models import Page

from cms.content_version import content_version

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
    end = cache.get(key)
    if end is None:
        end = walk(root, path_components)
        if end is None:
            raise Http404
        cache.set(key, end, TIMEOUT)
    pk, label, used = end
    try:
        page = apps.get_model(label).objects.get(pk=pk)
    except (LookupError, Page.DoesNotExist) as error:
        raise Http404 from error
    return page.route(request, path_components[used:])
