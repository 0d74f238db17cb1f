"""Members' documents: the "Documents adhérents" collection, restricted to the members' group, and how its files
are served.

Wagtail serves every document through its own view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``) and runs the
``before_serve_document`` hooks first. Ours (``wagtail_hooks.check_member_document_access``) applies the same rule
as members' pages: anonymous visitors log in, people who are not valid members today get the 403 join page, and
valid members get the file with private, never-stored cache headers. ``/media/documents/`` is never served
(cms/urls.py in development and tests, the proxy in production: docs/deploy.md).
"""

from django.db import transaction
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from wagtail.models import Collection, CollectionViewRestriction

from members.access import MEMBERS_GROUP, is_members_restriction, members_group

MEMBERS_COLLECTION = "Documents adhérents"


@transaction.atomic
def members_collection():
    """The members' documents collection (found by name, created under the root if missing), restricted to the
    members' group. Demo content and tests call it; migration 0003 creates it in every database."""
    collection = Collection.objects.filter(depth=2, name=MEMBERS_COLLECTION).order_by("path").first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=MEMBERS_COLLECTION)
    ensure_collection_restriction(collection)
    return collection


def ensure_collection_restriction(collection):
    """Give ``collection`` a restriction to the members' group unless it already has one."""
    group = members_group()
    for restriction in collection.view_restrictions.prefetch_related("groups"):
        if is_members_restriction(restriction, group.pk):
            return restriction
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    return restriction


def members_restrictions_of(document):
    """The members' restrictions on ``document``'s collection or above it (one query, usually empty)."""
    return list(
        document.collection.get_view_restrictions()
        .filter(restriction_type=CollectionViewRestriction.GROUPS, groups__name=MEMBERS_GROUP)
        .distinct()
        .prefetch_related("groups")
    )


def make_private(response):
    """No shared cache may keep a members' file, and the browser must ask again (membership may lapse)."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    response["X-Content-Type-Options"] = "nosniff"
    return response
