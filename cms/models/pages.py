"""The shared page types: standard pages, news, contact form, territories."""

from decimal import Decimal

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.models.mixins import BasePage, IndexPage
from cms.visibility import visible_pages

LISTING_PAGE_SIZE = 12
TERRITORY_OFFERS_SHOWN = 6
TERRITORY_EVENTS_SHOWN = 6

DEPARTMENTS = [
    ("01", "Ain"),
    ("03", "Allier"),
    ("07", "Ardèche"),
    ("15", "Cantal"),
    ("26", "Drôme"),
    ("38", "Isère"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("63", "Puy-de-Dôme"),
    ("69", "Rhône"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
]


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE):
    """Return one page of ``queryset`` from the ``page`` parameter; a bad value gives the first or last page."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class StandardPage(BasePage):
    """A page of text composed from blocks: la démarche, objectives, organisation, statements."""

    body = StreamField(
        BodyBlock(),
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("Composez la page avec des blocs : texte, titres, images, chiffres clés, contacts…"),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "cms.FormPage"]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")


class NewsIndexPage(IndexPage):
    """The news listing ("Actualités"), newest first, filterable by tag."""

    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("index des actualités")

    def news(self, request, tag=""):
        """The visible news items under this index, newest first, with the data cards need."""
        items = visible_pages(request, NewsPage.objects.child_of(self)).order_by("-date", "-pk")
        if tag:
            items = items.filter(tags__slug=tag)
        return items.select_related("image").prefetch_related("tags")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = NewsFilterForm(request.GET)
        tag = form.cleaned_data["tag"] if form.is_valid() else ""
        context["news_items"] = paginate(request, self.news(request, tag))
        context["current_tag"] = Tag.objects.filter(slug=tag).first() if tag else None
        return context


class NewsFilterForm(forms.Form):
    """The news listing's filter: a tag slug (an unknown or malformed one just matches nothing)."""

    tag = forms.SlugField(required=False, max_length=100)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(BasePage):
    """A news item, dated and tagged."""

    date = models.DateField(
        _("date de publication"),
        help_text=_("La date affichée sur l'actualité ; la liste des actualités est triée par cette date."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Illustre la page et sa carte dans les listes ; une photo horizontale d'au moins 1200 px de large."
        ),
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"), max_length=250, blank=True, help_text=_("Laisser vide si décorative.")
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("Le texte de l'actualité, composé de blocs : texte, titres, images, citations…"),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("mots-clés"))

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("tags")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], _("Image")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")


class FormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("cms.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormPage(AbstractEmailForm, BasePage):
    """A form built by editors (the contact form): submissions are stored and emailed."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Le texte affiché au-dessus du formulaire."),
    )
    thank_you_text = RichTextField(
        _("message de remerciement"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Le message affiché au visiteur une fois le formulaire envoyé."),
    )

    content_panels = [
        FormSubmissionsPanel(),
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Champs du formulaire")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(
                            "from_address",
                            help_text=_("L'adresse d'expédition du courriel, par ex. ne-pas-repondre@caprural.org."),
                        ),
                        FieldPanel("to_address"),
                    ]
                ),
                FieldPanel("subject", help_text=_("L'objet du courriel reçu à chaque réponse.")),
            ],
            _("Courriel envoyé à chaque réponse"),
        ),
    ]
    parent_page_types = ["home.HomePage", "cms.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("formulaire")
        verbose_name_plural = _("formulaires")


class TerritoryIndexPage(IndexPage):
    """The territories of the network, on a map and in a list."""

    subpage_types = ["cms.TerritoryPage"]

    class Meta:
        verbose_name = _("index des territoires")

    def territories(self, request):
        return visible_pages(request, TerritoryPage.objects.child_of(self)).order_by("title").select_related("image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["territories"] = list(self.territories(request))
        return context


class TerritoryContact(TranslatableMixin, Orderable):
    """A person to call in a territory."""

    page = ParentalKey("cms.TerritoryPage", on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("nom"), max_length=120, help_text=_("Prénom et nom de la personne à contacter."))
    role = models.CharField(
        _("fonction"),
        max_length=200,
        blank=True,
        help_text=_("Sa fonction, par ex. « Chargée de mission accueil d'actifs »."),
    )
    email = models.EmailField(
        _("courriel"),
        blank=True,
        help_text=_("Son adresse électronique professionnelle, affichée sur la page du territoire."),
    )
    phone = models.CharField(
        _("téléphone"), max_length=30, blank=True, help_text=_("Son numéro de téléphone, au format 04 75 00 00 00.")
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact")


class TerritoryPage(BasePage):
    """A rural territory of the network. Its offers and local events are published beneath it."""

    department = models.CharField(
        _("département"),
        max_length=3,
        choices=DEPARTMENTS,
        help_text=_("Le département du territoire ; sert au filtre par département du catalogue."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Une photo du territoire, pour sa page, sa carte dans la liste et la carte des territoires."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("présentation"),
        blank=True,
        help_text=_("Le territoire en quelques blocs : ses atouts, son cadre de vie, ses projets."),
    )
    support_resources = RichTextField(
        _("ressources d'accompagnement"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Qui accompagne les porteurs de projets sur le territoire : structures, dispositifs, aides."),
    )
    communes = models.TextField(_("communes"), blank=True, help_text=_("Une commune par ligne."))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
        help_text=_("Position du territoire sur la carte, en degrés décimaux (par ex. 44.75300)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
        help_text=_("Position du territoire sur la carte, en degrés décimaux (par ex. 5.37000)."),
    )
    website = models.URLField(
        _("site web"),
        blank=True,
        help_text=_("Le site du territoire ou de sa communauté de communes, adresse complète."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("department"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("support_resources"),
        InlinePanel("contacts", label=_("Contacts")),
    ]
    location_panels = [
        FieldPanel("communes"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("website"),
    ]
    extra_tabs = [(_("Localisation"), location_panels)]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("communes"),
        index.FilterField("department"),
    ]
    parent_page_types = ["cms.TerritoryIndexPage"]
    # Local events join here when the agenda lands ("agenda.EventPage").
    subpage_types = ["offers.OfferPage", "agenda.EventPage"]

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")

    @property
    def commune_list(self):
        return [line.strip() for line in self.communes.splitlines() if line.strip()]

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None

    def visible_offers(self, request):
        """This territory's offers the visitor may see, newest first, ready for offer cards.

        ``offers`` is the reverse relation of ``OfferPage.territory``: cms reaches the offers' queryset
        (and its ``for_cards``) through it without importing the offers app. A plain queryset of the model,
        not the related manager's, which would set each offer's ``territory`` back, one query per row.
        """
        offers = visible_pages(request, self.offers.model.objects.filter(territory=self))
        return offers.for_cards().order_by(F("first_published_at").desc(nulls_last=True), "-pk")

    def visible_events(self, request):
        """This territory's upcoming events the visitor may see, soonest first: one date per event, ready for
        event cards (``components/event_card.html``).

        As for offers, ``events`` is the reverse relation of ``EventPage.territory`` and the dates are its
        ``dates`` relation: cms reaches the agenda's querysets without importing it. Each event shows its next
        date, a scheduled one before a cancelled one (a weekly workshop takes one card, not six).
        """
        events_model = self.events.model
        dates_model = events_model._meta.get_field("dates").related_model
        events = visible_pages(request, events_model.objects.filter(territory=self))
        return dates_model.objects.of_pages(events).next_per_event(timezone.now()).for_listing(self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offers = list(self.visible_offers(request)[: TERRITORY_OFFERS_SHOWN + 1])
        context["offers"] = offers[:TERRITORY_OFFERS_SHOWN]
        context["more_offers"] = len(offers) > TERRITORY_OFFERS_SHOWN
        events = list(self.visible_events(request)[: TERRITORY_EVENTS_SHOWN + 1])
        context["events"] = events[:TERRITORY_EVENTS_SHOWN]
        context["more_events"] = len(events) > TERRITORY_EVENTS_SHOWN
        return context
