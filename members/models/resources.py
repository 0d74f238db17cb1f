"""Training resources: the material of the network's training days, mementos and method sheets, for members."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyBlock
from cms.models.mixins import BasePage


class ResourceKind(models.TextChoices):
    """What a resource is; the values are language-independent (they are the ``kind`` filter's values)."""

    SLIDES = "support", _("Support de formation")
    MEMENTO = "memento", _("Mémento")
    METHOD = "fiche-methode", _("Fiche méthode")
    RECORDING = "enregistrement", _("Enregistrement")
    TOOL = "outil", _("Outil")


class ResourceDocumentBlock(blocks.StructBlock):
    """A document (kept in the members' collection) and the caption shown in its link."""

    document = DocumentChooserBlock(label=_("document"))
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("document")
        description = _("Un document de la collection « Documents adhérents » et la légende de son lien.")
        preview_template = "blocks/previews/resource_document_block.html"
        preview_value = {"document": None, "caption": "Mémento : accueillir un porteur de projet (PDF)"}


class TrainingResourcePage(BasePage):
    """A training resource in the members' area: what kind it is, the session it comes from, its documents.

    Themes and audiences point at the source-locale (French) terms and are synchronised, not translated, by
    wagtail-localize (they are displayed ``.localized``); so are the kind, the session's date and the video.
    """

    kind = models.CharField(
        _("type de ressource"),
        max_length=20,
        choices=ResourceKind.choices,
        db_index=True,
        help_text=_("Support de formation, mémento, fiche méthode… ; sert au filtre de l'espace adhérents."),
    )
    themes = ParentalManyToManyField(
        "cms.Theme",
        verbose_name=_("thématiques"),
        blank=True,
        related_name="training_resources",
        help_text=_("Les thématiques abordées ; servent au filtre de l'espace adhérents."),
    )
    audiences = ParentalManyToManyField(
        "cms.Audience",
        verbose_name=_("publics"),
        blank=True,
        related_name="training_resources",
        help_text=_("À qui s'adresse la ressource ; sert au filtre de l'espace adhérents."),
    )
    session_title = models.CharField(
        _("session"),
        max_length=255,
        blank=True,
        help_text=_("Le titre de la journée ou de la session de formation dont vient la ressource."),
    )
    session_date = models.DateField(
        _("date de la session"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("La date de la session ; les ressources les plus récentes sont présentées d'abord."),
    )
    session_place = models.CharField(
        _("lieu de la session"), max_length=255, blank=True, help_text=_("La ville ou le lieu de la session.")
    )
    session_speakers = models.TextField(_("intervenants"), blank=True, help_text=_("Un intervenant par ligne."))
    body = StreamField(
        BodyBlock(),
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("Le contenu de la ressource, composé de blocs : texte, titres, images…"),
    )
    documents = StreamField(
        [("document", ResourceDocumentBlock())],
        verbose_name=_("documents"),
        blank=True,
        help_text=_("Choisissez les documents dans la collection « Documents adhérents »."),
    )
    video_url = models.URLField(
        _("vidéo (adresse)"), blank=True, help_text=_("Adresse d'une vidéo (YouTube, Vimeo, PeerTube…).")
    )
    video_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("vidéo (fichier)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Un fichier vidéo de la collection « Documents adhérents », à défaut d'adresse."),
    )
    related_resources = StreamField(
        [("resource", blocks.PageChooserBlock(page_type="members.TrainingResourcePage", label=_("ressource")))],
        verbose_name=_("ressources liées"),
        blank=True,
        help_text=_("D'autres ressources de l'espace adhérents à proposer en lien."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("session_title"),
                FieldRowPanel([FieldPanel("session_date"), FieldPanel("session_place")]),
                FieldPanel("session_speakers"),
            ],
            _("Session d'origine"),
        ),
        FieldPanel("body"),
        FieldPanel("documents"),
        MultiFieldPanel([FieldPanel("video_url"), FieldPanel("video_document")], _("Vidéo")),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("audiences")], _("Classement")),
        FieldPanel("related_resources"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("session_title"),
        index.SearchField("session_speakers"),
        index.SearchField("session_place"),
        index.FilterField("kind"),
        index.FilterField("session_date"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("themes"),
        SynchronizedField("audiences"),
        SynchronizedField("session_date"),
        SynchronizedField("session_speakers", overridable=False),
        SynchronizedField("video_url"),
        SynchronizedField("video_document"),
        SynchronizedField("related_resources"),
    ]
    parent_page_types = ["members.MemberAreaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ressource de formation")
        verbose_name_plural = _("ressources de formation")

    def document_items(self):
        """The documents that still exist, as ``(document, caption)``."""
        return [
            (block.value["document"], block.value["caption"] or block.value["document"].title)
            for block in self.documents
            if block.value.get("document") is not None
        ]

    def related_items(self, request):
        """The related resources the visitor may see, in this page's locale (their translations if any)."""
        from cms.visibility import visible_pages

        chosen = [block.value for block in self.related_resources if block.value is not None]
        if not chosen:
            return []
        keys = [page.translation_key for page in chosen]
        candidates = TrainingResourcePage.objects.filter(translation_key__in=keys)
        found = visible_pages(request, candidates, locale=self.locale)
        by_key = {page.translation_key: page for page in found.defer_streamfields()}
        return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_items(request)
        return context

    def themes_localized(self):
        return [theme.localized for theme in self.themes.all()]
