"""Page actions for editors: "Copier" an offer or an event in one click.

A page type takes part by declaring ``quick_copy_cleared_fields``: the fields the copy starts without (an
offer's expiry, an imported event's origin). The copy is a draft next to the original, titled "… (copie)",
and its editor opens. Wagtail's own CopyPageAction does the work and checks the user may copy there (a
territorial agent under their own territory only); the registrations of an event are not copied (they
point at the original's dates, not at the page's own rows).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.actions.copy_page import CopyPageAction, CopyPagePermissionError
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button
from wagtail.coreutils import find_available_slug
from wagtail.models import Page


def can_quick_copy(page, user):
    """Whether ``page`` takes part and ``user`` may add a page next to it."""
    if not hasattr(page.specific_class or type(page), "quick_copy_cleared_fields"):
        return False
    parent = page.get_parent()
    return parent is not None and parent.permissions_for_user(user).can_add_subpage()


def copy_as_draft(page, user):
    """Copy ``page`` next to itself as an unpublished draft; return the copy."""
    page = page.specific
    parent = page.get_parent()
    update_attrs = {
        "title": _("%(title)s (copie)") % {"title": page.title},
        "slug": find_available_slug(parent, f"{page.slug}-copie"),
        "draft_title": _("%(title)s (copie)") % {"title": page.title},
    }
    for name in page.quick_copy_cleared_fields:
        field = page._meta.get_field(name)
        update_attrs[field.attname] = None if field.null else field.get_default()
    action = CopyPageAction(
        page, to=parent, update_attrs=update_attrs, keep_live=False, copy_revisions=False, user=user
    )
    copy = action.execute()
    copy.save_revision(user=user, log_action=False)
    return copy


def quick_copy_view(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not can_quick_copy(page, request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            copy = copy_as_draft(page, request.user)
        except CopyPagePermissionError as error:
            raise PermissionDenied from error
        messages.success(
            request, _("« %(title)s » a été copiée : voici sa copie, en brouillon.") % {"title": page.title}
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    # Without JavaScript the button is a link: a page asks to confirm, and posts.
    return TemplateResponse(
        request,
        "cms/admin/quick_copy_confirm.html",
        {"page": page, "header_title": _("Copier « %(title)s »") % {"title": page.title}, "header_icon": "copy"},
    )


def quick_copy_button(page, user, priority):
    if not can_quick_copy(page, user):
        return None
    url = reverse("cms_quick_copy", args=[page.pk])
    return Button(
        gettext_lazy("Copier (brouillon)"),
        url,
        icon_name="copy",
        priority=priority,
        attrs={
            "data-controller": "w-action",
            "data-action": "w-action#post",
            "data-w-action-url-value": url,
            "title": gettext_lazy("Crée une copie en brouillon à côté de l'original et ouvre son éditeur"),
        },
    )


@hooks.register("register_admin_urls")
def quick_copy_urls():
    return [path("pages/<int:page_id>/copier/", quick_copy_view, name="cms_quick_copy")]


@hooks.register("register_page_listing_more_buttons")
def quick_copy_listing_button(page, user, next_url=None):
    button = quick_copy_button(page, user, priority=21)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def quick_copy_header_button(page, user, view_name, next_url=None):
    button = quick_copy_button(page, user, priority=31)
    if button:
        yield button
