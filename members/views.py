"""Accounts (login, logout, password reset and change, "my account") and the page refusing non-members."""

from axes.utils import reset as axes_reset

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from wagtail.documents.views.serve import serve as wagtail_serve_document

from members import forms
from members.access import is_member
from members.dates import today
from members.documents import make_private
from members.models import MemberProfile

TEMPLATES = "members/account/"


class LoginView(auth_views.LoginView):
    template_name = f"{TEMPLATES}login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only (Django's): a link cannot log anyone out."""

    template_name = f"{TEMPLATES}logged_out.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = f"{TEMPLATES}password_reset_form.html"
    form_class = forms.PasswordResetForm
    email_template_name = f"{TEMPLATES}password_reset_email.txt"
    subject_template_name = f"{TEMPLATES}password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = f"{TEMPLATES}password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = f"{TEMPLATES}password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # A new password chosen through the e-mailed link lifts a lockout (the lockout page says so).
        axes_reset(username=form.user.get_username())
        return super().form_valid(form)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = f"{TEMPLATES}password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = f"{TEMPLATES}password_change_form.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = f"{TEMPLATES}password_change_done.html"


@never_cache
@login_required
def account(request):
    """ "Mon compte": who I am, my organisation and until when its membership is valid."""
    profile = MemberProfile.objects.select_related("organisation").filter(user=request.user).first()
    organisation = profile.organisation if profile else None
    on = today()
    return TemplateResponse(
        request,
        f"{TEMPLATES}account.html",
        {
            "profile": profile,
            "organisation": organisation,
            "valid_until": organisation.valid_until(on) if organisation else None,
            "is_member": is_member(request.user, on),
        },
    )


def join_response(request, page=None):
    """403 for a logged-in visitor who is not (or no longer) a member: how to join, never a login form."""
    response = TemplateResponse(
        request,
        "members/join.html",
        {"page": page, "is_member": is_member(request.user)},
        status=403,
    )
    add_never_cache_headers(response)
    return response


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer once the attempts are used up (429): wait, or reset the password."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    # Rendered now: the middleware returns it after the view, past the point where responses get rendered.
    response = render(request, f"{TEMPLATES}lockout.html", {"minutes": minutes}, status=429)
    add_never_cache_headers(response)
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, with private, never-stored cache headers on the files of the members' collection.

    The access check is the ``before_serve_document`` hook (``wagtail_hooks.check_member_document_access``),
    which marks the request of a valid member; Wagtail's view has no hook after the file, hence this wrapper,
    routed before ``wagtail.documents.urls`` (cms/urls.py).
    """
    response = wagtail_serve_document(request, document_id, document_filename)
    if getattr(request, "members_document", False):
        make_private(response)
    return response
