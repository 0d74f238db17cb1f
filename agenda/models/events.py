"""Events: a page per event (local under its territory, regional under the agenda) and one row per date."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from agenda.querysets import EventDateQuerySet
from cms.blocks import BodyBlock
from cms.models import BasePage, IndexPage, TerritoryPage

PARIS = ZoneInfo("Europe/Paris")


class AttendanceMode(models.TextChoices):
    """schema.org's eventAttendanceMode (OpenAgenda's attendanceMode 1, 2, 3)."""

    OFFLINE = "offline", _("Sur place")
    ONLINE = "online", _("En ligne")
    MIXED = "mixed", _("Sur place et en ligne")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("Sans inscription")
    LINK = "link", _("Sur un site extérieur")
    EMAIL = "email", _("Par courriel")
    SITE = "site", _("Sur ce site")


class DateStatus(models.TextChoices):
    """schema.org's eventStatus, per date."""

    SCHEDULED = "scheduled", _("Programmé")
    CANCELLED = "cancelled", _("Annulé")
    POSTPONED = "postponed", _("Reporté")
    FULL = "full", _("Complet")
    MOVED_ONLINE = "moved_online", _("Passé en ligne")


class EventIndexPage(RoutablePageMixin, IndexPage):
    """The regional agenda ("Agenda"): every visible date of its language, regional and local events alike."""

    subpage_types = ["agenda.EventPage"]
    lists_site_content = True  # a CDN purges it with any page published (cms/cdn.py)

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        from agenda.listing import build_agenda  # the listing module imports these models

        context = super().get_context(request, *args, **kwargs)
        context["agenda"] = build_agenda(request, self)
        return context

    @path("ical/", name="ical")
    def ical_feed(self, request):
        from agenda.feeds import agenda_ical_response

        return agenda_ical_response(request, self)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from agenda.feeds import agenda_rss_response

        return agenda_rss_response(request, self)


class EventPage(RoutablePageMixin, BasePage):
    """An event: local (under its TerritoryPage) or regional (under the agenda). Its dates are rows below."""

    territory = models.ForeignKey(
        TerritoryPage,
        verbose_name=_("territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_(
            "Renseigné automatiquement pour un événement publié sous un territoire ; "
            "à choisir pour un événement régional qui concerne un territoire."
        ),
    )
    event_type = models.ForeignKey(
        "agenda.EventType",
        verbose_name=_("type d'événement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le type d'événement : réunion d'information, salon, formation… ; sert au filtre de l'agenda."),
    )
    themes = ParentalManyToManyField(
        "cms.Theme",
        verbose_name=_("thématiques"),
        blank=True,
        related_name="events",
        help_text=_("Les thématiques de la démarche abordées ; servent au filtre de l'agenda."),
    )
    audiences = ParentalManyToManyField(
        "cms.Audience",
        verbose_name=_("publics"),
        blank=True,
        related_name="events",
        help_text=_("À qui s'adresse l'événement ; sert au filtre de l'agenda."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Une photo ou une affiche de l'événement ; elle illustre aussi sa carte dans l'agenda."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("programme"),
        blank=True,
        help_text=_("Déroulé, intervenants, « pour qui ? »…"),
    )

    attendance_mode = models.CharField(
        _("participation"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
        help_text=_("Sur place, en ligne ou les deux ; un événement en ligne n'affiche pas de lieu."),
    )
    online_link = models.URLField(
        _("lien de connexion"), blank=True, help_text=_("Pour un événement en ligne ou mixte.")
    )
    venue_name = models.CharField(_("lieu"), max_length=200, blank=True, help_text=_("Ex. : Maison des services."))
    address = models.CharField(
        _("adresse"), max_length=255, blank=True, help_text=_("Le numéro et la rue, pour l'itinéraire.")
    )
    commune = models.CharField(
        _("commune"), max_length=120, blank=True, help_text=_("La commune où a lieu l'événement.")
    )
    postcode = models.CharField(
        _("code postal"), max_length=5, blank=True, help_text=_("Le code postal à cinq chiffres.")
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Place l'événement sur la carte ; en degrés décimaux (par ex. 44.753)."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Place l'événement sur la carte ; en degrés décimaux (par ex. 5.370)."),
    )
    accessibility = models.TextField(
        _("accessibilité"),
        blank=True,
        help_text=_("Accès en fauteuil, boucle magnétique, interprétation LSF…"),
    )

    organiser = models.CharField(
        _("organisateur"), max_length=200, blank=True, help_text=_("La structure qui organise l'événement.")
    )
    contact_name = models.CharField(
        _("contact"),
        max_length=120,
        blank=True,
        help_text=_("La personne à contacter ; vide : le contact du territoire."),
    )
    contact_email = models.EmailField(
        _("courriel du contact"),
        blank=True,
        help_text=_("L'adresse à laquelle écrire pour une question sur l'événement."),
    )
    contact_phone = models.CharField(
        _("téléphone du contact"),
        max_length=30,
        blank=True,
        help_text=_("Le numéro à appeler, au format 04 75 00 00 00."),
    )

    is_free = models.BooleanField(
        _("gratuit"), default=True, help_text=_("Décochez si la participation est payante, et indiquez le tarif.")
    )
    price = models.DecimalField(
        _("tarif (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Le tarif en euros, pour un événement payant."),
    )
    price_details = models.CharField(
        _("précisions sur le tarif"),
        max_length=255,
        blank=True,
        help_text=_("Par ex. « repas compris », « tarif réduit pour les demandeurs d'emploi »."),
    )
    membership_required = models.BooleanField(
        _("réservé aux adhérents"),
        default=False,
        help_text=_("Participation soumise à la cotisation annuelle du réseau."),
    )
    registration_mode = models.CharField(
        _("inscription"),
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
        help_text=_(
            "Comment s'inscrire : sans inscription, sur un site extérieur, par courriel ou sur ce site (avec places)."
        ),
    )
    registration_url = models.URLField(
        _("lien d'inscription"),
        blank=True,
        help_text=_("Pour une inscription sur un site extérieur : l'adresse du formulaire."),
    )
    registration_email = models.EmailField(
        _("courriel d'inscription"),
        blank=True,
        help_text=_("Pour une inscription par courriel : l'adresse à laquelle écrire."),
    )

    recurrence = models.CharField(
        _("règle de répétition"),
        max_length=255,
        blank=True,
        help_text=_(
            "Facultatif, au format RRULE : FREQ=WEEKLY;COUNT=6 (six semaines), "
            "FREQ=MONTHLY;BYDAY=1TU (chaque premier mardi). La première date sert de modèle ; "
            "les suivantes sont créées jusqu'à 18 mois."
        ),
    )
    recurrence_exceptions = models.TextField(
        _("dates exclues"),
        blank=True,
        help_text=_("Une date par ligne (AAAA-MM-JJ) : jours fériés, vacances…"),
    )

    external_url = models.URLField(
        _("page d'origine"),
        max_length=500,
        blank=True,
        help_text=_("La page de l'événement sur le site de l'organisateur."),
    )

    # Where an imported event comes from; empty for an event typed here.
    source = models.ForeignKey(
        "agenda.EventSource",
        verbose_name=_("source"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    external_uid = models.CharField(_("identifiant d'origine"), max_length=255, blank=True, editable=False)
    import_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("territory")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("audiences"),
    ]
    dates_panels = [
        InlinePanel("dates", label=_("Dates"), min_num=1),
        MultiFieldPanel([FieldPanel("recurrence"), FieldPanel("recurrence_exceptions")], _("Répétition")),
    ]
    place_panels = [
        FieldRowPanel([FieldPanel("attendance_mode"), FieldPanel("online_link")]),
        FieldPanel("venue_name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("commune"), FieldPanel("postcode")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("accessibility"),
    ]
    registration_panels = [
        FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
        FieldPanel("price_details"),
        FieldPanel("membership_required"),
        FieldPanel("registration_mode"),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_email")]),
        FieldPanel("external_url"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            _("Organisation"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(dates_panels, heading=_("Dates")),
            ObjectList(place_panels, heading=_("Localisation")),
            ObjectList(registration_panels, heading=_("Inscription")),
            ObjectList(BasePage.promote_panels, heading=_("Référencement")),
            ObjectList(BasePage.settings_panels, heading=_("Publication"), classname="settings"),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("commune"),
        index.SearchField("organiser"),
        index.RelatedFields("territory", [index.SearchField("title")]),
        index.FilterField("territory"),
        index.FilterField("event_type"),
    ]
    # As for offers: taxonomy links stay on the French terms (wagtail-localize does not sync translated
    # M2M links), and a translation follows its source's territory, expiry and import bookkeeping.
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("audiences"),
        SynchronizedField("territory"),
        SynchronizedField("expire_at"),
        SynchronizedField("recurrence"),
        SynchronizedField("recurrence_exceptions"),
        SynchronizedField("attendance_mode"),
        SynchronizedField("registration_mode"),
    ]
    parent_page_types = ["cms.TerritoryPage", "agenda.EventIndexPage"]
    subpage_types = []
    # "Copier" (cms.page_actions): a copy keeps its dates but is no imported event (registrations, a plain
    # foreign key to the dates, never follow).
    quick_copy_cleared_fields = ["source", "external_uid", "import_fingerprint", "imported_at"]

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        # Not unique: a translation of an imported event carries its source's UID too.
        indexes = [models.Index(fields=["source", "external_uid"], name="event_source_uid_idx")]

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None and parent.specific_class is TerritoryPage:
            self.territory_id = parent.pk
        elif self.territory_id and self.locale_id and self.territory.locale_id != self.locale_id:
            # A regional event's translation: the territory synchronised from the source is in its language.
            self.territory = self.territory.get_translation_or_none(self.locale) or self.territory
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.registration_mode == RegistrationMode.LINK and not self.registration_url:
            raise ValidationError({"registration_url": _("Indiquez le lien d'inscription.")})
        if self.registration_mode == RegistrationMode.EMAIL and not self.registration_email:
            raise ValidationError({"registration_email": _("Indiquez le courriel d'inscription.")})
        if self.recurrence:
            from agenda.recurrence import RecurrenceError, parse_rule

            try:
                parse_rule(self.recurrence)
            except RecurrenceError as error:
                raise ValidationError({"recurrence": str(error)}) from error

    @property
    def is_imported(self):
        return self.source_id is not None

    @property
    def is_online(self):
        return self.attendance_mode != AttendanceMode.OFFLINE

    @property
    def has_place(self):
        return self.attendance_mode != AttendanceMode.ONLINE and bool(self.venue_name or self.commune)

    @property
    def contact(self):
        """Whom to ask: the event's own contact, else the territory's first contact."""
        if self.contact_name or self.contact_email or self.contact_phone:
            return {"name": self.contact_name, "email": self.contact_email, "phone": self.contact_phone, "role": ""}
        first = self.territory.contacts.first() if self.territory_id else None
        if first is None:
            return None
        return {"name": first.name, "role": first.role, "email": first.email, "phone": first.phone}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        dates = list(self.dates.order_by("start"))
        context["upcoming_dates"] = [d for d in dates if d.end >= now]
        context["past_dates"] = [d for d in dates if d.end < now]
        context["registers_here"] = self.registration_mode == RegistrationMode.SITE
        if context["registers_here"] and context["upcoming_dates"]:
            from agenda.registrations import annotate_seats

            # One query for the seats of every date, whatever their number.
            annotate_seats(context["upcoming_dates"])
            url = self.get_url(request)
            for date in context["upcoming_dates"]:
                date.register_url = url + self.reverse_subpage("register", args=(date.pk,)) if url else ""
        return context

    @path("ical/", name="ical")
    def ical_download(self, request):
        from agenda.feeds import event_ical_response

        return event_ical_response(request, self)

    @path("inscription/<int:date_id>/", name="register")
    def registration_form(self, request, date_id):
        from agenda.registrations.form_views import registration_form

        return registration_form(request, self, date_id)

    @path("inscription/<int:date_id>/merci/", name="registered")
    def registration_done(self, request, date_id):
        from agenda.registrations.form_views import registration_done

        return registration_done(request, self, date_id)


class EventDate(TranslatableMixin, Orderable):
    """One date of an event: a fair over three days is one row, a cycle of six workshops six rows.

    ``start`` and ``end`` are aware datetimes; ``end`` is always set (an event without an end time
    ends when it starts). An all-day date starts at midnight, Europe/Paris, and ends at midnight after
    its last day (exclusive, as in iCalendar).
    """

    page = ParentalKey("agenda.EventPage", on_delete=models.CASCADE, related_name="dates")
    start = models.DateTimeField(
        _("début"), db_index=True, help_text=_("Le jour et l'heure de début (heure de Paris).")
    )
    end = models.DateTimeField(_("fin"), blank=True, db_index=True, help_text=_("Vide : l'heure de début."))
    all_day = models.BooleanField(
        _("toute la journée"),
        default=False,
        help_text=_("Cochez pour un événement sans horaires : la fin est alors le dernier jour."),
    )
    status = models.CharField(
        _("statut"),
        max_length=15,
        choices=DateStatus.choices,
        default=DateStatus.SCHEDULED,
        help_text=_("Annulé, reporté ou complet s'affichent sur la date dans l'agenda et le calendrier."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Nombre de participants au plus ; vide : sans limite.")
    )
    registration_deadline = models.DateTimeField(
        _("date limite d'inscription"),
        null=True,
        blank=True,
        help_text=_("Vide : les inscriptions ferment au début de la date."),
    )
    # Which occurrence of a recurrence (iCalendar RECURRENCE-ID, or the generated date); "" for a single date.
    recurrence_id = models.CharField(max_length=40, blank=True, editable=False)
    generated = models.BooleanField(default=False, editable=False)

    objects = EventDateQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("capacity"), FieldPanel("registration_deadline")]),
    ]
    # Dates are the same in every language: a translation's rows follow the source's.
    translatable_fields = []
    override_translatable_fields = [
        SynchronizedField(name)
        for name in ("start", "end", "all_day", "status", "capacity", "registration_deadline", "recurrence_id")
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [models.Index(fields=["page", "start"], name="eventdate_page_start_idx")]

    def __str__(self):
        return f"{self.page.title} – {timezone.localtime(self.start):%d/%m/%Y %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.all_day and not self._unchanged_in_database():
            first = timezone.localtime(self.start, PARIS).date()
            last = timezone.localtime(self.end, PARIS).date() if self.end else first
            if last < first:
                raise ValidationError({"end": _("La fin doit suivre le début.")})
            # Editors give the last day; the row stores midnight after it (exclusive, as iCalendar).
            self.start = datetime.datetime.combine(first, datetime.time(), PARIS)
            self.end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(), PARIS)
        elif self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("La fin doit suivre le début.")})

    def _unchanged_in_database(self):
        """Whether the row's times are the stored ones: the form shows an all-day date's stored, exclusive end
        back, which must not be read again as the last day."""
        if self.pk is None:
            return False
        stored = type(self).objects.filter(pk=self.pk).values_list("start", "end", "all_day").first()
        return stored == (self.start, self.end, self.all_day)

    def save(self, *args, **kwargs):
        if self.end is None and self.start is not None:
            self.end = self.start + datetime.timedelta(days=1) if self.all_day else self.start
        super().save(*args, **kwargs)

    @property
    def is_cancelled(self):
        return self.status == DateStatus.CANCELLED

    @property
    def last_day(self):
        """The last day the date covers, in Europe/Paris (the day before an all-day date's exclusive end)."""
        end = timezone.localtime(self.end or self.start, PARIS)
        if self.all_day:
            return (end - datetime.timedelta(microseconds=1)).date()
        return end.date()

    @property
    def first_day(self):
        return timezone.localtime(self.start, PARIS).date()

    @property
    def is_multi_day(self):
        return self.last_day > self.first_day

    @property
    def registration_open(self):
        if self.status in (DateStatus.CANCELLED, DateStatus.POSTPONED):
            return False
        deadline = self.registration_deadline or self.start
        return timezone.now() < deadline
