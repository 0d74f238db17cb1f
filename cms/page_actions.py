"""Page actions for editors: "Copier" an offer or an event in one click; "Prolonger l'expiration" in bulk.

A page type takes part by declaring ``quick_copy_cleared_fields``: the fields the copy starts without (an
offer's expiry, an imported event's origin). The copy is a draft next to the original, titled "… (copie)",
and its editor opens. Wagtail's own CopyPageAction does the work and checks the user may copy there (a
territorial agent under their own territory only); the registrations of an event are not copied (they
point at the original's dates, not at the page's own rows).
"""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail import hooks
from wagtail.actions.copy_page import CopyPageAction, CopyPagePermissionError
from wagtail.admin import messages
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.admin.widgets import AdminDateInput
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
        {
            "page": page,
            # header_title is the <title>, page_title the header's <h1>: an empty <h1> is what axe refused.
            "header_title": _("Copier « %(title)s »") % {"title": page.title},
            "page_title": _("Copier « %(title)s »") % {"title": page.title},
            "header_icon": "copy",
        },
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


# --- Bulk action: "Prolonger l'expiration" -------------------------------------------------------------


class ExtendExpiryForm(forms.Form):
    expire_on = forms.DateField(
        label=gettext_lazy("Nouvelle date d'expiration"),
        help_text=gettext_lazy("Les pages restent en ligne jusqu'à la fin de ce jour (heure de Paris)."),
        widget=AdminDateInput,
    )

    def clean_expire_on(self):
        expire_on = self.cleaned_data["expire_on"]
        if expire_on <= timezone.localdate():
            raise forms.ValidationError(_("Choisissez une date à venir."))
        return expire_on


def end_of_day(day):
    """The last minute of ``day`` in Paris, as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time(23, 59), ZoneInfo("Europe/Paris"))


def has_expiry(page):
    """Whether the page, live or in its latest draft, has an expiry date (a never-published offer keeps it in
    its revisions only)."""
    if page.expire_at is not None:
        return True
    revision = page.latest_revision if page.has_unpublished_changes else None
    return bool(revision and revision.content.get("expire_at"))


@hooks.register("register_bulk_action")
class ExtendExpiryBulkAction(PageBulkAction):
    """Move the expiry of the selected pages that have one (offers) to a later day, through a new revision,
    published when the page is live and has no pending draft, so the history shows who extended what."""

    display_name = gettext_lazy("Prolonger l'expiration")
    action_type = "extend_expiry"
    aria_label = gettext_lazy("Prolonger l'expiration des pages sélectionnées")
    template_name = "cms/admin/bulk_extend_expiry.html"
    action_priority = 55
    form_class = ExtendExpiryForm

    def check_perm(self, page):
        return has_expiry(page) and page.permissions_for_user(self.request.user).can_publish()

    def get_execution_context(self):
        return {**super().get_execution_context(), "expire_at": end_of_day(self.cleaned_form.cleaned_data["expire_on"])}

    @classmethod
    def execute_action(cls, objects, expire_at=None, user=None, **kwargs):
        count = 0
        for page in objects:
            page = page.specific
            draft = page.get_latest_revision_as_object()
            draft.expire_at = expire_at
            publish = page.live and not page.has_unpublished_changes
            revision = draft.save_revision(user=user, changed=False, clean=False)
            if publish:
                revision.publish(user=user)
            elif page.live:
                # A pending draft is not published for this: the live page's expiry moves on its own.
                type(page).objects.filter(pk=page.pk).update(expire_at=expire_at)
            count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "L'expiration d'une page a été prolongée.",
            "L'expiration de %(count)d pages a été prolongée.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
