"""Activity offers: what makes a city dweller move (a job, a business to take over, premises, land…)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyBlock
from cms.models import BasePage, IndexPage, TerritoryPage
from cms.models.snippets import Taxonomy
from offers.feeds import OfferFeedsMixin
from offers.querysets import OfferQuerySet


class OfferType(Taxonomy):
    """The kind of opportunity: emploi, reprise d'entreprise, local ou atelier, foncier agricole…"""

    is_job = models.BooleanField(
        _("offre d'emploi"),
        default=False,
        help_text=_("Décrit comme une offre d'emploi (JobPosting) pour les moteurs."),
    )

    panels = [*Taxonomy.panels, FieldPanel("is_job")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("type d'offre")
        verbose_name_plural = _("types d'offre")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_offertype_slug_locale")]


class Sector(Taxonomy):
    """An economic sector: agriculture et alimentation, tourisme, économie circulaire, artisanat…"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_sector_slug_locale")]


class OfferIndexPage(OfferFeedsMixin, IndexPage):
    """The catalogue ("Offres"): every visible offer of its language, whatever territory it sits under."""

    subpage_types = []
    lists_site_content = True  # a CDN purges it with any page published (cms/cdn.py)

    class Meta:
        verbose_name = _("catalogue des offres")

    def get_context(self, request, *args, **kwargs):
        from offers.catalogue import build_catalogue  # the catalogue module imports these models

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = build_catalogue(request, self)
        return context

    def get_cached_paths(self):
        """What a CDN purges with the catalogue: the page, its map's points and its unfiltered feeds (filtered
        variants expire with their ``s-maxage``, see cms/cdn.py)."""
        return ["/", *(f"/{self.reverse_subpage(name)}" for name in ("map", "rss", "csv", "json"))]

    @path("map/", name="map")
    def map_points_json(self, request):
        """The map's points for the filters of the query string, fetched by offers/map.js: ``points`` (see
        ``components/offer_map.html``) and ``note``, the sentence the map shows above itself."""
        from offers.catalogue import build_catalogue

        points = build_catalogue(request, self).map_points
        note = ngettext(
            "%(counter)s offre située sur la carte.", "%(counter)s offres situées sur la carte.", len(points)
        ) % {"counter": len(points)}
        response = JsonResponse({"note": note, "points": points}, json_dumps_params={"ensure_ascii": False})
        response["X-Robots-Tag"] = "noindex"
        return response


class OfferStatus(models.TextChoices):
    AVAILABLE = "available", _("Disponible")
    IN_DISCUSSION = "in_discussion", _("En discussion")
    FILLED = "filled", _("Pourvue")


class OfferPage(BasePage):
    """An activity offer of a territory, published under its TerritoryPage."""

    territory = models.ForeignKey(
        TerritoryPage,
        verbose_name=_("territoire"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="offers",
        help_text=_("Renseigné automatiquement : le territoire sous lequel l'offre est publiée."),
    )
    offer_type = models.ForeignKey(
        OfferType,
        verbose_name=_("type d'offre"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le type d'offre : emploi, reprise d'entreprise, local, foncier agricole…"),
    )
    sectors = ParentalManyToManyField(
        Sector,
        verbose_name=_("secteurs"),
        blank=True,
        related_name="offers",
        help_text=_("Les secteurs d'activité concernés ; servent aux filtres du catalogue."),
    )
    themes = ParentalManyToManyField(
        "cms.Theme",
        verbose_name=_("thématiques"),
        blank=True,
        related_name="offers",
        help_text=_("Les thématiques de la démarche auxquelles l'offre se rattache."),
    )
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=OfferStatus.choices,
        default=OfferStatus.AVAILABLE,
        help_text=_(
            "« Pourvue » retire l'offre des dernières offres de l'accueil ; "
            "elle reste au catalogue jusqu'à son expiration."
        ),
    )
    reference = models.CharField(
        _("référence"),
        max_length=40,
        blank=True,
        help_text=_("Référence interne du territoire, reprise dans les échanges."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Une photo de l'activité, du local ou du lieu ; elle illustre aussi la carte de l'offre."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_(
            "La description de l'offre : l'activité, le contexte, le profil recherché, l'accompagnement proposé."
        ),
    )
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("documents joints"),
        blank=True,
        help_text=_("Plans, fiche de poste, bilan… (documents publics)."),
    )

    commune = models.CharField(
        _("commune"),
        max_length=120,
        help_text=_("La commune où se trouve l'activité ; elle est affichée et sert à la recherche."),
    )
    postcode = models.CharField(
        _("code postal"), max_length=5, blank=True, help_text=_("Le code postal à cinq chiffres.")
    )
    insee_code = models.CharField(
        _("code INSEE"),
        max_length=5,
        blank=True,
        help_text=_("Le code officiel de la commune (5 caractères), s'il est connu."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Place l'offre sur la carte et sert à la recherche « près de » ; en degrés décimaux (par ex. 44.753)."
        ),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_(
            "Place l'offre sur la carte et sert à la recherche « près de » ; en degrés décimaux (par ex. 5.370)."
        ),
    )

    price = models.DecimalField(
        _("prix de cession (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Pour une reprise ou une vente : le prix demandé, en euros ; vide s'il ne s'applique pas."),
    )
    rent = models.DecimalField(
        _("loyer mensuel (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Pour un local ou un logement : le loyer par mois, en euros ; vide s'il ne s'applique pas."),
    )
    salary = models.DecimalField(
        _("salaire annuel brut (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Pour un emploi : le salaire annuel brut, en euros ; vide s'il ne s'applique pas."),
    )
    surface = models.PositiveIntegerField(
        _("surface (m²)"), null=True, blank=True, help_text=_("La surface du local, du logement ou du terrain, en m².")
    )
    conditions = models.TextField(
        _("autres conditions"),
        blank=True,
        help_text=_("Ce que les champs ci-dessus ne disent pas : bail, stock, matériel, accompagnement à la reprise…"),
    )
    available_from = models.DateField(
        _("disponible à partir du"),
        null=True,
        blank=True,
        help_text=_("La date à partir de laquelle l'activité ou le local est disponible."),
    )

    contact_name = models.CharField(
        _("contact"), max_length=120, blank=True, help_text=_("Laisser vide pour reprendre le contact du territoire.")
    )
    contact_role = models.CharField(
        _("fonction du contact"),
        max_length=200,
        blank=True,
        help_text=_("Sa fonction, par ex. « Chargée de mission économie »."),
    )
    contact_email = models.EmailField(
        _("courriel du contact"), blank=True, help_text=_("L'adresse à laquelle les candidats peuvent écrire.")
    )
    contact_phone = models.CharField(
        _("téléphone du contact"),
        max_length=30,
        blank=True,
        help_text=_("Le numéro à appeler, au format 04 75 00 00 00."),
    )

    objects = PageManager.from_queryset(OfferQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("offer_type"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    classification_panels = [FieldPanel("sectors"), FieldPanel("themes"), FieldPanel("reference")]
    location_panels = [
        FieldRowPanel([FieldPanel("commune"), FieldPanel("postcode"), FieldPanel("insee_code")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]
    conditions_panels = [
        FieldRowPanel([FieldPanel("price"), FieldPanel("rent")]),
        FieldRowPanel([FieldPanel("salary"), FieldPanel("surface")]),
        FieldPanel("available_from"),
        FieldPanel("conditions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            _("Contact"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(classification_panels, heading=_("Classement")),
            ObjectList(location_panels, heading=_("Localisation")),
            ObjectList(conditions_panels, heading=_("Conditions et contact")),
            ObjectList(BasePage.promote_panels, heading=_("Référencement")),
            ObjectList(BasePage.settings_panels, heading=_("Publication"), classname="settings"),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("commune"),
        index.SearchField("reference"),
        index.RelatedFields("territory", [index.SearchField("title")]),
        index.FilterField("territory"),
        index.FilterField("offer_type"),
        index.FilterField("status"),
        index.FilterField("expire_at"),
    ]
    # Taxonomy links stay on the French snippets (wagtail-localize does not sync translated M2M
    # links); templates show each term's `.localized` name.
    # expire_at too: wagtail-localize skips it by default, and a translation must leave the catalogue
    # when its source does.
    override_translatable_fields = [
        SynchronizedField("sectors"),
        SynchronizedField("themes"),
        SynchronizedField("expire_at"),
    ]
    parent_page_types = ["cms.TerritoryPage"]
    subpage_types = []
    # "Copier" (cms.page_actions): a copy starts with no expiry date.
    quick_copy_cleared_fields = ["expire_at"]

    class Meta:
        verbose_name = _("offre d'activité")
        verbose_name_plural = _("offres d'activités")
        indexes = [models.Index(fields=["latitude", "longitude"], name="offer_point_idx")]

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None:
            self.territory = TerritoryPage.objects.filter(pk=parent.pk).first() or self.territory
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.status != OfferStatus.FILLED and (self.expire_at is None or self.expire_at > timezone.now())

    @property
    def contact(self):
        """The person to call: the offer's own contact, else the territory's first contact."""
        if self.contact_name or self.contact_email or self.contact_phone:
            return {
                "name": self.contact_name,
                "role": self.contact_role,
                "email": self.contact_email,
                "phone": self.contact_phone,
            }
        first = self.territory.contacts.first() if self.territory else None
        if first is None:
            return None
        return {"name": first.name, "role": first.role, "email": first.email, "phone": first.phone}
