"""Registering for a date: seats, waiting list, cancellation and promotion, without overbooking.

This package's modules: this one, the service every other calls; ``forms`` and ``form_views`` (the form on
the event page), ``cancel_views`` and ``urls`` (cancelling by the emails' link, "my registrations"),
``emails`` (the outbox sender and what it sends), ``admin_views`` and ``exports`` (the organisers' admin).

Every change of seats runs in a transaction that first locks the date's row (``select_for_update``): two
people asking for the last seat at the same instant are served one after the other, so the count they see
is the count they get. SQLite takes its write lock when a transaction begins (``transaction_mode`` IMMEDIATE
in the settings), which serialises them too. The emails a change causes are queued in the same transaction
and sent once it commits.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Site

from agenda.models import DateStatus, EventDate, RegistrationMode
from agenda.models.registrations import (
    OCCUPYING,
    EmailKind,
    Registration,
    RegistrationEmail,
    RegistrationStatus,
    normalise_email,
)

CANCEL_SALT = "agenda.registration.cancel"

# The fields a participant gives (the form's, the admin's manual add, the CSV export's columns).
PARTICIPANT_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "organisation",
    "role",
    "territory",
    "phone",
    "needs",
    "comment",
)


class RegistrationError(Exception):
    """A registration refused for a reason the person must read; ``str()`` is that message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class RegistrationClosed(RegistrationError):
    pass


class AlreadyRegistered(RegistrationError):
    pass


class NoSeatFree(RegistrationError):
    pass


def seat_date(date):
    """The row that holds the seats of ``date``: its French (source language) row, the same for every language."""
    default_locale_id = _default_locale_id()
    if date.locale_id == default_locale_id:
        return date
    return EventDate.objects.filter(translation_key=date.translation_key, locale_id=default_locale_id).first() or date


def _default_locale_id():
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).only("pk").first()
    return locale.pk if locale else None


def accepts_registrations(page):
    return page.registration_mode == RegistrationMode.SITE


def closed_reason(date, page=None):
    """Why ``date`` takes no registration now (a message), or ``None`` when it does."""
    page = page or date.page
    if not accepts_registrations(page):
        return _("Cet événement ne prend pas d'inscription sur ce site.")
    if date.status in (DateStatus.CANCELLED, DateStatus.POSTPONED):
        return _("Cette date est annulée ou reportée : les inscriptions sont fermées.")
    if not date.registration_open:
        return _("Les inscriptions sont closes pour cette date.")
    return None


def annotate_seats(dates):
    """Set ``seats_taken``, ``waiting_count`` and ``seats_left`` (``None``: no limit) on each of ``dates``.

    One query whatever the number of dates; the counts are those of each date's French row.
    """
    dates = list(dates)
    keys = {date.translation_key for date in dates}
    counts = {}
    if keys:
        rows = (
            Registration.objects.filter(date__translation_key__in=keys, date__locale_id=_default_locale_id())
            .values("date__translation_key")
            .annotate(
                taken=Count("pk", filter=Q(status__in=OCCUPYING)),
                waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            )
        )
        counts = {row["date__translation_key"]: (row["taken"], row["waiting"]) for row in rows}
    for date in dates:
        date.seats_taken, date.waiting_count = counts.get(date.translation_key, (0, 0))
        date.seats_left = None if date.capacity is None else max(date.capacity - date.seats_taken, 0)
    return dates


def _locked(date):
    return EventDate.objects.select_for_update().select_related("page").get(pk=date.pk)


def _has_free_seat(date):
    if date.capacity is None:
        return True
    return date.registrations.occupying().count() < date.capacity


def register(date, data, *, user=None, language=None, by_editor=False):
    """Register the person described by ``data`` (``PARTICIPANT_FIELDS``) for ``date``.

    Confirmed while a seat is free, on the waiting list after. Raises ``RegistrationClosed`` (deadline,
    cancelled date; an editor may still add someone after the deadline) or ``AlreadyRegistered``.
    """
    email = normalise_email(data.get("email"))
    values = {name: (data.get(name) or "").strip() for name in PARTICIPANT_FIELDS}
    values["email"] = email
    try:
        with transaction.atomic():
            row = _locked(seat_date(date))
            page = row.page
            reason = closed_reason(row, page)
            if reason and not (by_editor and _only_past_deadline(row, page)):
                raise RegistrationClosed(reason)
            if row.registrations.active().not_anonymised().filter(email=email).exists():
                raise AlreadyRegistered(already_registered_message())
            status = RegistrationStatus.CONFIRMED if _has_free_seat(row) else RegistrationStatus.WAITING
            now = timezone.now()
            registration = Registration.objects.create(
                date=row,
                event=page,
                event_title=page.title,
                date_start=row.start,
                user=user if user is not None and user.is_authenticated else None,
                language=(language or get_language() or settings.LANGUAGE_CODE)[:2],
                status=status,
                added_by_editor=by_editor,
                consent_at=None if by_editor else now,
                created_at=now,
                **values,
            )
            kind = EmailKind.CONFIRMATION if status == RegistrationStatus.CONFIRMED else EmailKind.WAITING_LIST
            queue_email(registration, kind)
            organiser = organiser_email(page)
            if organiser and not by_editor:
                queue_email(registration, EmailKind.ORGANISER, to=organiser)
    except IntegrityError as error:
        # The unique constraint caught a double submission that slipped past the check above.
        raise AlreadyRegistered(already_registered_message()) from error
    return registration


def _only_past_deadline(date, page):
    """Closed only because the deadline passed: an organiser may still add someone by hand."""
    return accepts_registrations(page) and date.status not in (DateStatus.CANCELLED, DateStatus.POSTPONED)


def already_registered_message():
    return _(
        "Cette adresse est déjà inscrite à cette date. Pour modifier votre inscription, annulez-la avec le lien "
        "reçu par courriel puis inscrivez-vous à nouveau."
    )


def organiser_email(page):
    contact = page.contact
    return (contact or {}).get("email") or ""


def cancel(registration, *, notify=True):
    """Cancel ``registration``; the seat it frees goes to the first person waiting. Returns the promoted one.

    Cancelling twice is harmless: the second time changes nothing and promotes no one.
    """
    with transaction.atomic():
        row = _locked(registration.date) if registration.date_id else None
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            registration.status, registration.cancelled_at = current.status, current.cancelled_at
            return None
        freed_seat = current.status in OCCUPYING
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at", "updated_at"])
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        if notify:
            queue_email(current, EmailKind.CANCELLATION)
        if row is None or not freed_seat or row.start <= timezone.now():
            return None
        return _promote_next(row)


def _promote_next(row):
    if not _has_free_seat(row):
        return None
    waiting = row.registrations.waiting_list().select_for_update().first()
    if waiting is None:
        return None
    _confirm(waiting)
    return waiting


def _confirm(registration):
    registration.status = RegistrationStatus.CONFIRMED
    registration.promoted_at = timezone.now()
    registration.save(update_fields=["status", "promoted_at", "updated_at"])
    queue_email(registration, EmailKind.PROMOTION)


def promote(registration):
    """Move ``registration`` from the waiting list to a free seat (an organiser's choice, not the queue's)."""
    with transaction.atomic():
        row = _locked(registration.date)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != RegistrationStatus.WAITING:
            raise RegistrationError(_("Cette personne n'est pas sur la liste d'attente."))
        if not _has_free_seat(row):
            raise NoSeatFree(_("Aucune place libre : augmentez le nombre de places de la date pour l'ajouter."))
        _confirm(current)
    registration.refresh_from_db()
    return registration


def fill_free_seats(date):
    """Promote people waiting for as many seats as are free (after an editor raised the capacity)."""
    promoted = []
    with transaction.atomic():
        row = _locked(seat_date(date))
        while (registration := _promote_next(row)) is not None:
            promoted.append(registration)
    return promoted


def set_attended(registration, attended=True):
    """Mark a confirmed person present (or back to confirmed)."""
    source, target = (
        (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)
        if attended
        else (RegistrationStatus.ATTENDED, RegistrationStatus.CONFIRMED)
    )
    return Registration.objects.filter(pk=registration.pk, status=source).update(
        status=target, updated_at=timezone.now()
    )


def queue_email(registration, kind, *, to="", subject="", body=""):
    """Write the email to send; it goes out once the current transaction commits."""
    email = RegistrationEmail.objects.create(registration=registration, kind=kind, to=to, subject=subject, body=body)
    # robust: a failure to send is logged; the email stays queued for ``send_registration_emails``.
    transaction.on_commit(lambda: _send_after_commit([email.pk]), robust=True)
    return email


def _send_after_commit(email_ids):
    from agenda.registrations.emails import send_pending_emails

    send_pending_emails(email_ids)


# Cancellation links: signed, so that nobody can cancel someone else's seat by guessing a number; they carry
# a digest of the address, so that a link stops working once the registration is anonymised.


def _email_digest(registration):
    return hashlib.sha256(f"{registration.pk}:{registration.email}".encode()).hexdigest()[:16]


def cancel_token(registration):
    return signing.TimestampSigner(salt=CANCEL_SALT).sign_object(
        {"r": registration.pk, "e": _email_digest(registration)}
    )


def cancel_url(registration):
    """The absolute address of ``registration``'s cancellation link, in its language."""
    with translation.override(registration.language):
        path = reverse("registrations:cancel", kwargs={"token": cancel_token(registration)})
    return site_root_url() + path


def site_root_url():
    """The public site's address, for links in emails (no request when a command sends them)."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


class BadToken(RegistrationError):
    pass


def registration_from_token(token):
    """The registration a cancellation link names; raises ``BadToken`` with the message to show."""
    max_age = settings.AGENDA_REGISTRATION_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        value = signing.TimestampSigner(salt=CANCEL_SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadToken(_("Ce lien d'annulation a expiré. Écrivez à l'organisateur pour annuler.")) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken(_("Ce lien d'annulation n'est pas valide. Vérifiez qu'il est complet.")) from error
    if not isinstance(value, dict):
        raise BadToken(_("Ce lien d'annulation n'est pas valide. Vérifiez qu'il est complet."))
    registration = Registration.objects.filter(pk=value.get("r")).select_related("date", "event").first()
    if registration is None or _email_digest(registration) != value.get("e"):
        raise BadToken(_("Cette inscription n'existe plus."))
    return registration
