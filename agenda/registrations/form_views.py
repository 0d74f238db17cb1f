"""The registration form of an event date and its confirmation, served as routes of the EventPage.

``/fr/…/<event>/inscription/<date id>/`` shows the form (GET) and registers (POST), then redirects to
``…/inscription/<date id>/merci/``: the registration's id waits in the session, so reloading the
confirmation registers nobody twice. Every answer is ``never_cache``: they carry a CSRF token or personal data.
"""

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from agenda import registrations
from agenda.models.registrations import Registration, RegistrationStatus, normalise_email
from agenda.registrations.forms import RegistrationForm
from members.access import is_member, proxied_client_ip

TEMPLATES = "agenda/registration/"
SESSION_KEY = "agenda_registrations"
# Date ids beyond a 64-bit integer cannot exist; refusing them early spares the database driver an overflow.
MAX_ID = 2**63 - 1
RATE_LIMITED_MESSAGE = _(
    "Trop de demandes d'inscription ont été envoyées depuis cette connexion ou pour cette adresse. "
    "Réessayez dans une heure ; rien n'a été enregistré."
)


def _never_cache(response):
    add_never_cache_headers(response)
    return response


def _date_of(page, date_id):
    """The date ``date_id`` of ``page`` (of this language's page: another page's date is a 404)."""
    if date_id > MAX_ID:
        raise Http404
    date = page.dates.filter(pk=date_id).first()
    if date is None:
        raise Http404
    return date


def _refused(request, page):
    """The answer for a visitor who may not register (members-only event), or ``None``."""
    if not page.membership_required:
        return None
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    if user.is_superuser or is_member(user):
        return None
    from members.views import join_response

    return join_response(request, page)


def _route(request, page, name, date):
    return page.get_url(request) + page.reverse_subpage(name, args=(date.pk,))


def _context(request, page, date, **extra):
    seats = registrations.seat_date(date)
    registrations.annotate_seats([seats])
    return {
        "page": page,
        "self": page,
        "date": date,
        "seats": seats,
        "is_full": seats.seats_left == 0,
        "event_url": page.get_url(request),
        "form_url": _route(request, page, "register", date),
        **extra,
    }


def _initial(user):
    if not user.is_authenticated:
        return {}
    initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email}
    from members.models import MemberProfile

    profile = MemberProfile.objects.select_related("organisation").filter(user=user).first()
    if profile is not None:
        initial.update(
            organisation=profile.organisation.name,
            role=profile.job_title,
            territory=profile.territory,
        )
    return {name: value for name, value in initial.items() if value}


def _ip_key(group, request):
    return proxied_client_ip(request)


def _rate_limited(request, group, key, rate):
    return is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True)


def registration_form(request, page, date_id):
    """GET: the form, or why the date takes none. POST: register and redirect to the confirmation."""
    date = _date_of(page, date_id)
    refused = _refused(request, page)
    if refused is not None:
        return _never_cache(refused)
    context = _context(request, page, date)
    reason = registrations.closed_reason(context["seats"], page)
    if reason:
        context["reason"] = reason
        return _never_cache(TemplateResponse(request, f"{TEMPLATES}closed.html", context))

    if request.method != "POST":
        form = RegistrationForm(initial=_initial(request.user), site=Site.find_for_request(request))
        return _never_cache(TemplateResponse(request, f"{TEMPLATES}form.html", {**context, "form": form}))

    form = RegistrationForm(request.POST, site=Site.find_for_request(request))
    status = 200
    if _rate_limited(request, "agenda.register.ip", _ip_key, settings.AGENDA_REGISTRATION_RATE_PER_IP):
        form.is_valid()
        form.add_error(None, RATE_LIMITED_MESSAGE)
        status = 429
    elif form.is_valid():
        email = normalise_email(form.cleaned_data["email"])
        if _rate_limited(
            request, "agenda.register.email", lambda group, req: email, settings.AGENDA_REGISTRATION_RATE_PER_EMAIL
        ):
            form.add_error(None, RATE_LIMITED_MESSAGE)
            status = 429
        else:
            try:
                registration = registrations.register(
                    date, form.cleaned_data, user=request.user, language=get_language()
                )
            except registrations.AlreadyRegistered as error:
                form.add_error("email", str(error))
            except registrations.RegistrationClosed as error:
                context["reason"] = str(error)
                return _never_cache(TemplateResponse(request, f"{TEMPLATES}closed.html", context))
            else:
                done = request.session.get(SESSION_KEY, {})
                done[str(date.pk)] = registration.pk
                request.session[SESSION_KEY] = done
                return _never_cache(HttpResponseRedirect(_route(request, page, "registered", date)))
    response = TemplateResponse(request, f"{TEMPLATES}form.html", {**context, "form": form}, status=status)
    return _never_cache(response)


def registration_done(request, page, date_id):
    """The confirmation: confirmed or on the waiting list, and the email on its way. Without a registration made
    in this session, back to the form."""
    date = _date_of(page, date_id)
    refused = _refused(request, page)
    if refused is not None:
        return _never_cache(refused)
    registration_id = request.session.get(SESSION_KEY, {}).get(str(date.pk))
    registration = Registration.objects.filter(pk=registration_id).first() if isinstance(registration_id, int) else None
    if registration is None:
        return _never_cache(HttpResponseRedirect(_route(request, page, "register", date)))
    context = _context(
        request,
        page,
        date,
        registration=registration,
        waiting=registration.status == RegistrationStatus.WAITING,
        cancelled=registration.status == RegistrationStatus.CANCELLED,
    )
    return _never_cache(TemplateResponse(request, f"{TEMPLATES}done.html", context))
