"""The territories' own calendars the agenda imports, and the record of each import."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cms.models import TerritoryPage


class SourceFormat(models.TextChoices):
    ICAL = "ical", _("iCalendar (.ics : Google, Outlook, Nextcloud…)")
    OPENAGENDA = "openagenda", _("OpenAgenda (export JSON)")


class RunStatus(models.TextChoices):
    SUCCESS = "success", _("Réussi")
    NOT_MODIFIED = "not_modified", _("Inchangé depuis le dernier import")
    FAILED = "failed", _("Échec")


class EventSource(models.Model):
    """A territory's calendar (an iCalendar URL or an OpenAgenda export) imported into the agenda."""

    name = models.CharField(_("nom"), max_length=200)
    territory = models.ForeignKey(
        TerritoryPage,
        verbose_name=_("territoire"),
        on_delete=models.CASCADE,
        related_name="event_sources",
        help_text=_("Les événements importés sont publiés sous ce territoire (en français)."),
    )
    url = models.URLField(_("adresse de l'agenda"), max_length=500, help_text=_("Adresse http(s) du fichier."))
    format = models.CharField(_("format"), max_length=12, choices=SourceFormat.choices, default=SourceFormat.ICAL)
    trusted = models.BooleanField(
        _("source de confiance"),
        default=False,
        help_text=_(
            "Les événements d'une source de confiance sont publiés directement ; "
            "les autres arrivent en brouillon, soumis à la relecture."
        ),
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Importée chaque nuit et à la demande."))
    event_type = models.ForeignKey(
        "agenda.EventType",
        verbose_name=_("type d'événement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Donné aux événements importés."),
    )

    # Conditional GET: what the server said last time.
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("territory"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("format")]),
        FieldPanel("event_type"),
        FieldRowPanel([FieldPanel("trusted"), FieldPanel("active")]),
    ]

    class Meta:
        verbose_name = _("source d'événements")
        verbose_name_plural = _("sources d'événements")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def last_run(self):
        run = self.runs.order_by("-started_at").first()
        if run is None:
            return _("Jamais importée")
        if run.status == RunStatus.FAILED:
            return _("%(date)s : échec – %(error)s") % {
                "date": f"{timezone.localtime(run.started_at):%d/%m/%Y %H:%M}",
                "error": run.error,
            }
        return f"{timezone.localtime(run.started_at):%d/%m/%Y %H:%M} : {run.summary}"

    last_run.short_description = _("Dernier import")


class EventImportRun(models.Model):
    """One import of a source: when, what it did, and why items or the whole feed were refused."""

    source = models.ForeignKey(EventSource, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("début"), db_index=True)
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True)
    status = models.CharField(_("résultat"), max_length=15, choices=RunStatus.choices)
    error = models.TextField(_("erreur"), blank=True)
    created = models.PositiveIntegerField(_("créés"), default=0)
    updated = models.PositiveIntegerField(_("mis à jour"), default=0)
    cancelled = models.PositiveIntegerField(_("annulés"), default=0)
    unchanged = models.PositiveIntegerField(_("inchangés"), default=0)
    skipped = models.PositiveIntegerField(_("ignorés"), default=0)
    # [{"uid": ..., "title": ..., "reason": ...}]: items refused, and events edited by hand left alone.
    rejected = models.JSONField(_("éléments refusés"), default=list, blank=True)
    conflicts = models.JSONField(_("conflits"), default=list, blank=True)

    class Meta:
        verbose_name = _("import d'événements")
        verbose_name_plural = _("imports d'événements")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.source} – {self.started_at:%d/%m/%Y %H:%M}"

    @property
    def summary(self):
        return _("%(created)s créés, %(updated)s mis à jour, %(cancelled)s annulés, %(skipped)s ignorés") % {
            "created": self.created,
            "updated": self.updated,
            "cancelled": self.cancelled,
            "skipped": self.skipped,
        }
