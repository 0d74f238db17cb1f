"""A participant's own registrations: cancelling through the signed link of the emails (no account needed),
and the list of "my registrations" for a logged-in person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from agenda import registrations as service
from agenda.models import Registration, RegistrationStatus

TEMPLATES = "agenda/cancel/"


def _refusal(request, message, status):
    return TemplateResponse(request, f"{TEMPLATES}refused.html", {"message": message}, status=status)


def _why_not_cancellable(registration):
    if registration.status == RegistrationStatus.CANCELLED:
        return _("Cette inscription est déjà annulée : il n'y a rien de plus à faire.")
    if registration.anonymised_at or registration.is_past:
        return _("Cette session a déjà eu lieu : l'inscription ne peut plus être annulée.")
    if registration.status == RegistrationStatus.ATTENDED:
        return _("Votre présence a déjà été enregistrée : l'inscription ne peut plus être annulée.")
    return None


@never_cache
def cancel_registration(request, token):
    """GET shows what will be cancelled and a button; only the POST cancels (mail scanners follow links)."""
    try:
        registration = service.registration_from_token(token)
    except service.BadToken as error:
        return _refusal(request, error.message, status=400)
    reason = _why_not_cancellable(registration)
    if reason:
        return _refusal(request, reason, status=410 if registration.status == RegistrationStatus.CANCELLED else 409)
    if request.method == "POST":
        service.cancel(registration)
        return TemplateResponse(request, f"{TEMPLATES}done.html", {"registration": registration})
    return TemplateResponse(request, f"{TEMPLATES}confirm.html", {"registration": registration})


def _own_registrations(user):
    """A person's registrations: made while logged in, or with the address of their account."""
    mine = Registration.objects.filter(user=user)
    if user.email:
        mine = mine | Registration.objects.for_email(user.email)
    return mine.not_anonymised().select_related("event", "date").order_by("date_start", "pk")


@never_cache
@login_required
def my_registrations(request):
    registrations = list(_own_registrations(request.user))
    upcoming = [r for r in registrations if not r.is_past and r.status != RegistrationStatus.CANCELLED]
    for registration in upcoming:
        registration.cancellable = _why_not_cancellable(registration) is None
    return TemplateResponse(
        request,
        f"{TEMPLATES}mine.html",
        {
            "upcoming": upcoming,
            "others": [r for r in registrations if r not in upcoming],
        },
    )


@never_cache
@login_required
@require_POST
def cancel_mine(request, pk):
    registration = _own_registrations(request.user).filter(pk=pk).first()
    if registration is None:
        raise Http404
    reason = _why_not_cancellable(registration)
    if reason:
        messages.error(request, reason)
    else:
        service.cancel(registration)
        messages.success(
            request,
            _("Votre inscription à « %(title)s » est annulée. Un courriel vous le confirme.")
            % {"title": registration.event_title},
        )
    return redirect("registrations:mine")
