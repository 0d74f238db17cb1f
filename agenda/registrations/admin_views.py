"""Registrations in the admin ("Inscriptions"): the dates that take registrations on this site, and per date its
participants with the organisers' actions (cancel, move from the waiting list, mark present, add someone by
hand, write to everyone), a CSV export and an attendance sheet to print.

Reading needs ``agenda.view_registration``; changing ``agenda.change_registration``; adding someone by hand
``agenda.add_registration`` (Wagtail's group editor offers the three, see ``wagtail_hooks``).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.admin.widgets.button import Button, ButtonWithDropdown, HeaderButton

from agenda.models import EmailKind, EventDate, EventPage, Registration, RegistrationMode, RegistrationStatus
from agenda.models.events import PARIS
from agenda.models.registrations import ACTIVE, OCCUPYING
from agenda.registrations import PARTICIPANT_FIELDS, RegistrationError, cancel, promote, queue_email, register
from agenda.registrations import set_attended as set_attended_status
from agenda.registrations.exports import registrations_csv

DATES_PER_PAGE = 50
# The order of the per-date view's sections.
STATUS_ORDER = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.CANCELLED,
)


def _require(request, action):
    if not request.user.has_perm(f"agenda.{action}_registration"):
        raise PermissionDenied


def _index_crumbs():
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
        {"url": reverse("agenda_registrations:index"), "label": _("Inscriptions")},
    ]


def _date_crumbs(date):
    return [*_index_crumbs(), {"url": reverse("agenda_registrations:date", args=[date.pk]), "label": _label(date)}]


def _label(date):
    return f"{date.page.title} – {timezone.localtime(date.start, PARIS):%d/%m/%Y %H:%M}"


def _render(request, template, title, crumbs, context, *, buttons=(), icon="form"):
    return TemplateResponse(
        request,
        template,
        {
            "page_title": title,
            "header_title": title,
            "header_icon": icon,
            "breadcrumbs_items": crumbs,
            "header_buttons": list(buttons),
            **context,
        },
    )


def _form_page(request, date, form, title, url_name, submit_label, *, icon):
    """A form about one date (add someone, write to everyone), posted to ``agenda_registrations:<url_name>``."""
    return _render(
        request,
        "agenda/admin/registrations_form.html",
        title,
        _date_crumbs(date),
        {
            "date": date,
            "form": form,
            "action_url": reverse(f"agenda_registrations:{url_name}", args=[date.pk]),
            "submit_label": submit_label,
        },
        icon=icon,
    )


def seat_dates():
    """The French date rows of events registered on this site (the rows that hold the seats), with their page
    and seat counts computed in the same query."""
    return (
        EventDate.objects.filter(
            page__registration_mode=RegistrationMode.SITE, locale__language_code=settings.LANGUAGE_CODE
        )
        .select_related("page")
        .defer("page__body")
        .annotate(
            seats_taken=Count("registrations", filter=Q(registrations__status__in=OCCUPYING)),
            waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        )
    )


def _with_seats_left(date):
    date.seats_left = None if date.capacity is None else max(date.capacity - date.seats_taken, 0)
    return date


class DateListForm(forms.Form):
    """The index's filters: past dates instead of upcoming ones, one event's dates."""

    past = forms.BooleanField(required=False)
    event = forms.IntegerField(required=False, min_value=1)


def index(request):
    _require(request, "view")
    form = DateListForm(request.GET)
    params = form.cleaned_data if form.is_valid() else {"past": False, "event": None}
    now = timezone.now()
    dates = seat_dates()
    dates = dates.past(now).newest_first() if params["past"] else dates.upcoming(now).chronological()
    if params["event"]:
        # An event in any language: its French dates.
        dates = dates.filter(
            page__translation_key__in=EventPage.objects.filter(pk=params["event"]).values("translation_key")
        )
    page = Paginator(dates, DATES_PER_PAGE).get_page(request.GET.get("p"))
    for date in page.object_list:
        _with_seats_left(date)
    title = _("Inscriptions – dates passées") if params["past"] else _("Inscriptions")
    return _render(
        request,
        "agenda/admin/registrations_index.html",
        title,
        _index_crumbs()[:1] + [{"url": "", "label": title}],
        {"dates": page, "past": params["past"]},
    )


def _get_date(date_id):
    date = seat_dates().filter(pk=date_id).first()
    if date is None:
        raise Http404
    return _with_seats_left(date)


def date_detail(request, date_id):
    _require(request, "view")
    date = _get_date(date_id)
    # One query; the sections by name, except the waiting list, in queue order.
    registrations = list(date.registrations.order_by(Lower("last_name"), Lower("first_name"), "pk"))
    waiting = sorted(
        (r for r in registrations if r.status == RegistrationStatus.WAITING), key=lambda r: (r.created_at, r.pk)
    )
    groups = []
    for status in STATUS_ORDER:
        rows = waiting if status == RegistrationStatus.WAITING else [r for r in registrations if r.status == status]
        groups.append({"status": status, "label": status.label, "rows": rows})
    user = request.user
    buttons = []
    if user.has_perm("agenda.add_registration"):
        buttons.append(
            HeaderButton(
                _("Ajouter une personne"), reverse("agenda_registrations:add", args=[date.pk]), icon_name="plus"
            )
        )
    if user.has_perm("agenda.change_registration"):
        buttons.append(
            HeaderButton(
                _("Écrire aux participants"), reverse("agenda_registrations:message", args=[date.pk]), icon_name="mail"
            )
        )
    more = [
        Button(_("Exporter en CSV"), reverse("agenda_registrations:csv", args=[date.pk]), icon_name="download"),
        Button(_("Feuille d'émargement"), reverse("agenda_registrations:sheet", args=[date.pk]), icon_name="doc-full"),
    ]
    # As Wagtail's generic views do (WagtailAdminTemplateMixin.get_header_buttons).
    buttons.append(
        ButtonWithDropdown(
            buttons=more, icon_name="dots-horizontal", attrs={"aria-label": _("Actions")}, classname="w-h-slim-header"
        )
    )
    return _render(
        request,
        "agenda/admin/registrations_date.html",
        _label(date),
        _date_crumbs(date),
        {
            "date": date,
            "groups": groups,
            "can_change": user.has_perm("agenda.change_registration"),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[date.page_id]),
        },
        buttons=buttons,
    )


# Actions on one registration: POST forms with the CSRF token; the result is a message on the date's page.


def _get_registration(date, registration_id):
    return get_object_or_404(Registration, pk=registration_id, date=date)


@require_http_methods(["GET", "POST"])
def cancel_view(request, date_id, registration_id):
    """GET: ask for confirmation; POST: cancel, and say who took the seat from the waiting list."""
    _require(request, "change")
    date = _get_date(date_id)
    registration = _get_registration(date, registration_id)
    back = reverse("agenda_registrations:date", args=[date.pk])
    if request.method == "POST":
        if registration.status == RegistrationStatus.CANCELLED:
            messages.warning(request, _("Cette inscription était déjà annulée."))
            return redirect(back)
        promoted = cancel(registration, notify=bool(request.POST.get("notify")))
        messages.success(request, _("Inscription de %(name)s annulée.") % {"name": registration.full_name})
        if promoted is not None:
            messages.info(
                request,
                _("%(name)s passe de la liste d'attente à une place confirmée (prévenu·e par courriel).")
                % {"name": promoted.full_name},
            )
        return redirect(back)
    return _render(
        request,
        "agenda/admin/registrations_cancel.html",
        _("Annuler l'inscription de %(name)s") % {"name": registration.full_name},
        _date_crumbs(date),
        {"date": date, "registration": registration, "back_url": back},
    )


@require_POST
def promote_view(request, date_id, registration_id):
    _require(request, "change")
    date = _get_date(date_id)
    registration = _get_registration(date, registration_id)
    try:
        promote(registration)
    except RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s a maintenant une place confirmée (prévenu·e par courriel).") % {"name": registration.full_name},
        )
    return redirect("agenda_registrations:date", date.pk)


@require_POST
def attended_view(request, date_id, registration_id, attended):
    _require(request, "change")
    date = _get_date(date_id)
    registration = _get_registration(date, registration_id)
    if set_attended_status(registration, attended):
        text = _("%(name)s est noté·e présent·e.") if attended else _("%(name)s n'est plus noté·e présent·e.")
        messages.success(request, text % {"name": registration.full_name})
    else:
        messages.warning(request, _("Seule une inscription confirmée peut être notée présente."))
    return redirect("agenda_registrations:date", date.pk)


class ParticipantForm(forms.Form):
    """The participant's fields, as the model declares them (labels, lengths, what may stay empty)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(Registration, fields=PARTICIPANT_FIELDS))


@require_http_methods(["GET", "POST"])
def add_view(request, date_id):
    """An organiser adds someone (after the deadline too); confirmed while a seat is free, else waiting."""
    _require(request, "add")
    date = _get_date(date_id)
    form = ParticipantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = register(date, form.cleaned_data, by_editor=True)
        except RegistrationError as error:
            form.add_error(None, str(error))
        else:
            if registration.status == RegistrationStatus.WAITING:
                text = _("%(name)s est ajouté·e sur la liste d'attente (la date est complète).")
            else:
                text = _("%(name)s est inscrit·e.")
            messages.success(request, text % {"name": registration.full_name})
            return redirect("agenda_registrations:date", date.pk)
    return _form_page(request, date, form, _("Ajouter une personne"), "add", _("Inscrire"), icon="plus")


class MessageForm(forms.Form):
    CONFIRMED = "confirmed"
    ALL = "all"

    recipients = forms.ChoiceField(
        label=gettext_lazy("Destinataires"),
        choices=[
            (CONFIRMED, gettext_lazy("Les personnes inscrites (confirmées et présentes)")),
            (ALL, gettext_lazy("Les personnes inscrites et celles en liste d'attente")),
        ],
        initial=CONFIRMED,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=gettext_lazy("Objet"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Message"), max_length=5000, widget=forms.Textarea)

    def statuses(self):
        return OCCUPYING if self.cleaned_data["recipients"] == self.CONFIRMED else ACTIVE


@require_http_methods(["GET", "POST"])
def message_view(request, date_id):
    """Write to the participants of a date: one email per person, queued and sent after the commit."""
    _require(request, "change")
    date = _get_date(date_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recipients = date.registrations.filter(status__in=form.statuses()).not_anonymised()
        with transaction.atomic():
            count = 0
            for registration in recipients:
                queue_email(
                    registration,
                    EmailKind.MESSAGE,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
                count += 1
        if count:
            messages.success(
                request,
                ngettext("Message envoyé à %(count)d personne.", "Message envoyé à %(count)d personnes.", count)
                % {"count": count},
            )
        else:
            messages.warning(request, _("Personne à qui écrire : aucun message envoyé."))
        return redirect("agenda_registrations:date", date.pk)
    return _form_page(request, date, form, _("Écrire aux participants"), "message", _("Envoyer"), icon="mail")


def _status_rank(registration):
    return STATUS_ORDER.index(registration.status)


def csv_view(request, date_id):
    _require(request, "view")
    date = _get_date(date_id)
    rows = date.registrations.not_anonymised().order_by(Lower("last_name"), Lower("first_name"), "pk")
    rows = sorted(rows, key=_status_rank)  # stable: by status, then by name
    start = timezone.localtime(date.start, PARIS)
    filename = f"inscriptions-{date.page.slug}-{start:%Y-%m-%d-%Hh%M}.csv"
    response = HttpResponse(registrations_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def sheet_view(request, date_id):
    """The attendance sheet: the people holding a seat, by last name, with a column to sign."""
    _require(request, "view")
    date = _get_date(date_id)
    participants = (
        date.registrations.occupying().not_anonymised().order_by(Lower("last_name"), Lower("first_name"), "pk")
    )
    page = date.page
    place = ", ".join(part for part in (page.venue_name, page.address, page.postcode, page.commune) if part)
    return TemplateResponse(
        request,
        "agenda/admin/registrations_sheet.html",
        {
            "date": date,
            "page": page,
            "place": place,
            "participants": participants,
            "back_url": reverse("agenda_registrations:date", args=[date.pk]),
        },
    )


urlpatterns = [
    path("", index, name="index"),
    path("<int:date_id>/", date_detail, name="date"),
    path("<int:date_id>/add/", add_view, name="add"),
    path("<int:date_id>/message/", message_view, name="message"),
    path("<int:date_id>/export.csv", csv_view, name="csv"),
    path("<int:date_id>/sheet/", sheet_view, name="sheet"),
    path("<int:date_id>/<int:registration_id>/cancel/", cancel_view, name="cancel"),
    path("<int:date_id>/<int:registration_id>/promote/", promote_view, name="promote"),
    path("<int:date_id>/<int:registration_id>/attended/", attended_view, {"attended": True}, name="attended"),
    path("<int:date_id>/<int:registration_id>/absent/", attended_view, {"attended": False}, name="absent"),
]
