"""Registrations for the dates of an event registered "on this site", and the emails they send.

A registration belongs to the date row of the event's source language (French): a translated page shows the
same seats. It keeps a copy of the event's title and start, so that it survives an editor deleting the date.
Emails are rows too (an outbox): they are written in the same transaction as the registration and sent
after it commits, so a mail server that is down loses nothing (``send_registration_emails`` retries them).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmée")
    WAITING = "waiting", _("Liste d'attente")
    ATTENDED = "attended", _("Présent·e")
    CANCELLED = "cancelled", _("Annulée")


# Who holds a seat, and who is still in the running for one.
OCCUPYING = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)
ACTIVE = (*OCCUPYING, RegistrationStatus.WAITING)


class RegistrationQuerySet(models.QuerySet):
    def occupying(self):
        return self.filter(status__in=OCCUPYING)

    def active(self):
        return self.filter(status__in=ACTIVE)

    def waiting_list(self):
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")

    def for_email(self, email):
        return self.filter(email=normalise_email(email))

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)


def normalise_email(email):
    return (email or "").strip().lower()


class Registration(models.Model):
    date = models.ForeignKey(
        "agenda.EventDate",
        verbose_name=_("date"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    event = models.ForeignKey(
        "agenda.EventPage",
        verbose_name=_("événement"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    # Copies, so that a registration still says what it was for once its date is gone.
    event_title = models.CharField(_("événement"), max_length=255)
    date_start = models.DateTimeField(_("début"))

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    first_name = models.CharField(_("prénom"), max_length=150)
    last_name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("courriel"))
    organisation = models.CharField(_("structure"), max_length=200)
    role = models.CharField(_("fonction"), max_length=150)
    territory = models.CharField(_("territoire"), max_length=150)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    needs = models.TextField(_("besoins particuliers"), max_length=1000, blank=True)
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)
    language = models.CharField(_("langue"), max_length=10, default="fr")

    status = models.CharField(
        _("statut"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    added_by_editor = models.BooleanField(_("ajoutée par l'équipe"), default=False)
    consent_at = models.DateTimeField(_("consentement le"), null=True, blank=True)
    created_at = models.DateTimeField(_("inscrit·e le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    promoted_at = models.DateTimeField(_("passée de la liste d'attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            # The database, not only the form, refuses a second seat for the same person and date.
            models.UniqueConstraint(
                fields=["date", "email"],
                condition=Q(status__in=[status.value for status in ACTIVE], anonymised_at__isnull=True),
                name="registration_one_active_per_email",
            ),
        ]
        indexes = [models.Index(fields=["date", "status"], name="registration_date_status_idx")]

    def __str__(self):
        return f"{self.full_name} – {self.event_title}"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def holds_seat(self):
        return self.status in OCCUPYING

    @property
    def is_active(self):
        return self.status in ACTIVE

    @property
    def is_past(self):
        return self.date_start <= timezone.now()


class EmailKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation")
    WAITING_LIST = "waiting_list", _("Liste d'attente")
    PROMOTION = "promotion", _("Place libérée")
    REMINDER = "reminder", _("Rappel")
    CANCELLATION = "cancellation", _("Annulation")
    ORGANISER = "organiser", _("Avis à l'organisateur")
    MESSAGE = "message", _("Message de l'organisateur")


class RegistrationEmail(models.Model):
    """One email to send about a registration; ``sent_at`` stays empty until the mail server took it."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(_("type"), max_length=20, choices=EmailKind.choices)
    # Empty: the participant. Set for the organiser's notice.
    to = models.EmailField(_("destinataire"), blank=True)
    # Only for an organiser's message to the participants of a date.
    subject = models.CharField(_("objet"), max_length=200, blank=True)
    body = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("courriel d'inscription")
        verbose_name_plural = _("courriels d'inscription")
        ordering = ["created_at", "pk"]
        constraints = [
            # The reminder command may run twice a day: one reminder per registration.
            models.UniqueConstraint(
                fields=["registration", "kind"], condition=Q(kind="reminder"), name="registration_one_reminder"
            ),
        ]
        indexes = [models.Index(fields=["sent_at"], name="registration_email_sent_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.registration}"
