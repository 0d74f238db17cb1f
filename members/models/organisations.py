"""Member organisations, their yearly memberships and the people who belong to them."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from members.dates import today
from members.querysets import MemberOrganisationQuerySet, MemberProfileQuerySet


class OrganisationKind(models.TextChoices):
    TERRITORY = "territoire", _("Territoire")
    SUPPORT = "accompagnement", _("Structure d'accompagnement")
    AUTHORITY = "collectivite", _("Collectivité")
    ASSOCIATION = "association", _("Association")
    OTHER = "autre", _("Autre")


class MemberOrganisation(ClusterableModel):
    """An organisation that pays the network's annual fee; its staff are members while a membership is valid."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    contact_email = models.EmailField(_("courriel de contact"), blank=True)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Visibles des seuls gestionnaires."))

    objects = MemberOrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("contact_email"),
        FieldPanel("notes"),
        InlinePanel("memberships", heading=_("Adhésions"), label=_("Adhésion")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation adhérente")
        verbose_name_plural = _("organisations adhérentes")

    def __str__(self):
        return self.name

    def current_membership(self, on=None):
        """The membership valid on ``on`` (default today) that ends last, or None."""
        on = on or today()
        return self.memberships.filter(valid_from__lte=on, valid_until__gte=on).order_by("-valid_until").first()

    def valid_until(self, on=None):
        """The last day of the unbroken run of memberships valid on ``on``, or None when not valid that day."""
        on = on or today()
        end = None
        # .all() so that a listing can prefetch the memberships (one query for the page, not one per row).
        current = sorted((m for m in self.memberships.all() if m.valid_until >= on), key=lambda m: m.valid_from)
        for membership in current:
            start = on if end is None else end + datetime.timedelta(days=1)
            if membership.valid_from > start:
                break
            end = max(end or membership.valid_until, membership.valid_until)
        return end


class Membership(models.Model):
    """One year of membership of an organisation: the days it is valid and the fee paid for it."""

    organisation = ParentalKey(
        MemberOrganisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    year = models.PositiveSmallIntegerField(_("année"))
    valid_from = models.DateField(_("valide du"))
    valid_until = models.DateField(_("valide jusqu'au"), help_text=_("Dernier jour inclus."))
    fee_paid_on = models.DateField(_("cotisation payée le"), null=True, blank=True)
    fee_amount = models.DecimalField(
        _("montant de la cotisation"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    panels = [
        FieldPanel("year"),
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
        MultiFieldPanel([FieldPanel("fee_paid_on"), FieldPanel("fee_amount")], _("Cotisation")),
    ]

    class Meta:
        ordering = ["organisation", "-year"]
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="members_one_membership_per_year"),
            models.CheckConstraint(condition=Q(valid_from__lte=models.F("valid_until")), name="members_valid_range"),
        ]
        indexes = [models.Index(fields=["valid_until", "valid_from"], name="members_membership_days")]

    def __str__(self):
        return f"{self.organisation} {self.year}"


class MemberProfile(models.Model):
    """A person of a member organisation: their account, their job and (optionally) their territory."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("compte"), on_delete=models.CASCADE, related_name="member_profile"
    )
    organisation = models.ForeignKey(
        MemberOrganisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="people"
    )
    job_title = models.CharField(_("fonction"), max_length=160, blank=True)
    territory = models.CharField(_("territoire"), max_length=160, blank=True)

    objects = MemberProfileQuerySet.as_manager()

    # The account's e-mail and names are edited with the profile (see members.forms.MemberProfileForm).
    panels = [
        FieldPanel("email"),
        FieldPanel("first_name"),
        FieldPanel("last_name"),
        FieldPanel("organisation"),
        FieldPanel("job_title"),
        FieldPanel("territory"),
    ]

    class Meta:
        ordering = ["user__last_name", "user__first_name", "user__email"]
        verbose_name = _("adhérent")
        verbose_name_plural = _("adhérents")

    def __str__(self):
        return self.user.get_full_name() or self.user.email or self.user.get_username()

    @property
    def email(self):
        return self.user.email

    @property
    def first_name(self):
        return self.user.first_name

    @property
    def last_name(self):
        return self.user.last_name
