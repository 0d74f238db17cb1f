"""Sending the registrations' emails: the outbox rows of ``RegistrationEmail``, each in its registration's language.

``send_pending_emails`` is called once the transaction that queued an email commits (``agenda.registrations``),
and by ``send_registration_emails`` for the ones a mail server refused. It never raises: the registration is
stored whatever happens to its email, and a failure is written on the row (``attempts``, ``last_error``).

Each row is sent in its own transaction that first claims it, so two senders (the one after a commit and the
command) never send the same email twice: on PostgreSQL ``select_for_update(skip_locked=True)`` lets the second
sender pass over a row being sent; on SQLite (no row locks) the conditional UPDATE that counts the attempt takes
the database's write lock first, and the second sender finds the row sent once it gets it. ``sent_at`` is written
only after the mail server accepted the message; a process killed while sending leaves the row unsent.
"""

import logging
from dataclasses import dataclass
from email.mime.text import MIMEText

from icalendar import Calendar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import DatabaseError, transaction
from django.db import connection as db_connection
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from agenda.ical import PRODID, date_to_vevent, location_text, paris_timezone
from agenda.models import AttendanceMode, DateStatus, EventDate
from agenda.models.events import PARIS
from agenda.models.registrations import (
    OCCUPYING,
    EmailKind,
    Registration,
    RegistrationEmail,
    RegistrationStatus,
)

logger = logging.getLogger(__name__)

# After this many failures a row is left alone (an address the server refuses for good); see ``last_error``.
MAX_ATTEMPTS = 8
# The mail server's timeout when the settings give none: a request must not hang on an unreachable server.
DEFAULT_TIMEOUT = 10

# The emails that carry the date as a calendar event, for people who hold a seat.
WITH_CALENDAR = {EmailKind.CONFIRMATION, EmailKind.PROMOTION, EmailKind.REMINDER}
# Who each kind is still meant for: an email queued for a status the registration has left is not sent
# (a confirmation that failed, retried after an organiser cancelled the registration).
STILL_MEANT = {
    EmailKind.CONFIRMATION: OCCUPYING,
    EmailKind.PROMOTION: OCCUPYING,
    EmailKind.REMINDER: (RegistrationStatus.CONFIRMED,),
    EmailKind.WAITING_LIST: (RegistrationStatus.WAITING,),
    EmailKind.MESSAGE: (*OCCUPYING, RegistrationStatus.WAITING),
}


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # sent by another sender meanwhile, or no longer meant for anyone


def pending_emails(ids=None):
    """The rows still to send (of ``ids`` when given), oldest first, whose registration is not anonymised."""
    emails = RegistrationEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, registration__anonymised_at__isnull=True
    )
    if ids is not None:
        emails = emails.filter(pk__in=list(ids))
    return emails.order_by("created_at", "pk")


def send_pending_emails(ids=None):
    """Send the unsent emails (those of ``ids``, or all of them); returns a ``SendResult``. Never raises."""
    result = SendResult()
    try:
        email_ids = list(pending_emails(ids).values_list("pk", flat=True))
    except DatabaseError:
        logger.exception("Registration emails: the outbox could not be read")
        return result
    if not email_ids:
        return result
    # Not opened here: each email opens and closes its own session, so a failure leaves nothing half-open.
    connection = get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None) or DEFAULT_TIMEOUT)
    for pk in email_ids:
        try:
            outcome = _send_one(pk, connection)
        except Exception:  # noqa: BLE001 - a broken row must not stop the others, nor reach the caller
            logger.exception("Registration email %s: not sent", pk)
            outcome = "failed"
        setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _claim(pk):
    """Take the row for this sender and count the attempt; ``False`` when another sender has it or sent it.

    PostgreSQL: lock the row, passing over one another sender holds (``skip_locked``), then count. SQLite
    has no row locks: the conditional UPDATE comes first, so that it takes the database's write lock before
    anything is read; a second sender waits for the first to commit, and then finds the row sent.
    """
    unsent = RegistrationEmail.objects.filter(pk=pk, sent_at__isnull=True, registration__anonymised_at__isnull=True)
    if db_connection.features.has_select_for_update_skip_locked:
        locked = unsent.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True).first()
        if locked is None:
            return False
    return bool(unsent.update(attempts=F("attempts") + 1))


def _send_one(pk, connection):
    """Claim, render and send one row; returns "sent", "failed" or "skipped"."""
    with transaction.atomic():
        if not _claim(pk):
            return "skipped"
        email = RegistrationEmail.objects.select_related("registration__date", "registration__event").get(pk=pk)
        registration = email.registration
        allowed = STILL_MEANT.get(email.kind)
        if allowed is not None and registration.status not in allowed:
            # Left unsent for good, and said so, rather than marked sent.
            RegistrationEmail.objects.filter(pk=pk).update(
                attempts=MAX_ATTEMPTS, last_error=f"Not sent: the registration is now {registration.status}."
            )
            return "skipped"
        try:
            message = build_message(email)
            message.connection = connection
            if not message.send():
                raise RuntimeError("the mail backend sent nothing")
        except Exception as error:  # noqa: BLE001 - SMTP down, refused address, template error: kept for later
            email.last_error = f"{type(error).__name__}: {error}"[:200]
            email.save(update_fields=["last_error"])
            logger.warning(
                "Registration email %s (%s) not sent, attempt %s: %s", pk, email.kind, email.attempts, email.last_error
            )
            return "failed"
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["sent_at", "last_error"])
    return "sent"


# Building the message


def build_message(email):
    """The ``EmailMultiAlternatives`` of ``email`` (a ``RegistrationEmail``), in its registration's language."""
    registration = email.registration
    # The organiser's notice is in the site's language (the team's), whatever the participant's.
    language = registration.language if registration.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    if email.kind == EmailKind.ORGANISER:
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = email_context(email)
        subject = " ".join(str(subject_for(email, context)).split())
        text = render_to_string(f"agenda/emails/{email.kind}.txt", context)
        html = render_to_string(f"agenda/emails/{email.kind}.html", context)
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.to or registration.email],
            reply_to=[context["reply_to"]] if context["reply_to"] else None,
        )
        message.attach_alternative(html, "text/html")
        if email.kind in WITH_CALENDAR and context["date"] is not None and context["page"] is not None:
            message.attach(calendar_attachment(context["date"], context["event_url"]))
    return message


def subject_for(email, context):
    title = context["title"]
    subjects = {
        EmailKind.CONFIRMATION: _("Inscription confirmée : %(title)s"),
        EmailKind.WAITING_LIST: _("Liste d'attente : %(title)s"),
        EmailKind.PROMOTION: _("Une place s'est libérée : %(title)s"),
        EmailKind.REMINDER: _("Rappel : %(title)s, %(when)s"),
        EmailKind.CANCELLATION: _("Inscription annulée : %(title)s"),
        EmailKind.ORGANISER: _("Nouvelle inscription : %(title)s"),
    }
    if email.kind == EmailKind.MESSAGE:
        return email.subject or _("Message de l'organisateur : %(title)s") % {"title": title}
    return subjects[email.kind] % {"title": title, "when": context["when"]}


def email_context(email):
    """What the templates show; computed in the active language (``build_message`` sets it)."""
    registration = email.registration
    page = _page_in_language(registration.event)
    date = _date_in_language(registration.date)
    contact = (registration.event.contact if registration.event else None) or {}
    context = {
        "email": email,
        "kind": email.kind,
        "registration": registration,
        "page": page,
        "date": date,
        "title": page.title if page else registration.event_title,
        "when": when_text(date, registration.date_start),
        "place": location_text(page, date) if page and date else "",
        "online_link": page.online_link if page and _is_online(page, date) else "",
        "event_url": _full_url(page),
        "contact": contact,
        "organiser": page.organiser if page else "",
        "site_url": _site_root(),
        "cancel_url": "",
        "reply_to": contact.get("email") or "",
    }
    if email.kind != EmailKind.CANCELLATION and email.kind != EmailKind.ORGANISER and registration.is_active:
        from agenda.registrations import cancel_url

        context["cancel_url"] = cancel_url(registration)
    if email.kind == EmailKind.WAITING_LIST:
        context["position"] = waiting_position(registration)
    if email.kind == EmailKind.ORGANISER:
        context.update(organiser_context(registration))
        context["reply_to"] = registration.email
    if email.kind == EmailKind.MESSAGE:
        context["message_subject"] = email.subject
        context["message_body"] = email.body
    return context


def _is_online(page, date):
    return page.attendance_mode != AttendanceMode.OFFLINE or (
        date is not None and date.status == DateStatus.MOVED_ONLINE
    )


def _page_in_language(page):
    if page is None:
        return None
    language = translation.get_language()
    if page.locale.language_code != language:
        translated = page.get_translations().filter(locale__language_code=language, live=True).first()
        if translated is not None:
            return translated.specific
    return page


def _date_in_language(date):
    """The row of ``date`` in the active language (its page is that language's), else the French row."""
    if date is None:
        return None
    translated = (
        EventDate.objects.filter(translation_key=date.translation_key, locale__language_code=translation.get_language())
        .select_related("page")
        .first()
    )
    return translated or date


def _full_url(page):
    if page is None or not page.live:
        return ""
    return page.get_full_url() or ""


def _site_root():
    from agenda.registrations import site_root_url

    return site_root_url()


def when_text(date, start=None):
    """The date in words (``jeudi 10 juin 2027, de 14:00 à 16:00``), plain text, in the active language."""
    if date is None:
        if start is None:
            return ""
        moment = timezone.localtime(start, PARIS)
        return _("%(day)s à %(time)s") % {
            "day": date_format(moment, "l j F Y"),
            "time": date_format(moment, get_format("TIME_FORMAT")),
        }
    from agenda.templatetags.agenda_tags import date_range

    return " ".join(strip_tags(date_range(date)).split())


def waiting_position(registration):
    """``registration``'s place in its date's waiting list (1 first), or ``None`` once it left the list."""
    if registration.status != RegistrationStatus.WAITING or registration.date_id is None:
        return None
    return (
        Registration.objects.filter(date_id=registration.date_id, status=RegistrationStatus.WAITING)
        .filter(created_at__lte=registration.created_at)
        .exclude(created_at=registration.created_at, pk__gt=registration.pk)
        .count()
    )


def organiser_context(registration):
    date = registration.date
    seats_taken = waiting = 0
    if date is not None:
        seats_taken = date.registrations.occupying().count()
        waiting = date.registrations.filter(status=RegistrationStatus.WAITING).count()
    return {
        "seats_taken": seats_taken,
        "capacity": date.capacity if date is not None else None,
        "waiting_count": waiting,
        "status_label": registration.get_status_display(),
        "admin_url": admin_url(registration),
    }


def admin_url(registration):
    """Where the organiser finds the registrations: the date's list in the admin, else the list of dates."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        if registration.date_id:
            return base + reverse("agenda_registrations:date", args=[registration.date_id])
        return base + reverse("agenda_registrations:index")
    except NoReverseMatch:
        return base + "/admin/"


# The calendar attachment


def registration_calendar(date, url):
    """A VCALENDAR (``METHOD:PUBLISH``) holding the one VEVENT of ``date`` (whose ``page`` is loaded), as bytes.

    The same VEVENT as the agenda's feed and download (same UID: adding both gives one event), built
    without a request: ``url`` is the page's absolute address.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(paris_timezone())
    calendar.add_component(date_to_vevent(date, None, now=timezone.now(), url=url or _site_root()))
    return calendar.to_ical()


def calendar_attachment(date, url):
    part = MIMEText(registration_calendar(date, url).decode(), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename=_("evenement.ics"))
    return part
