"""The landing page of each language."""

import copy

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from agenda.models import EventDate, EventIndexPage, EventPage
from cms.blocks import BodyBlock, LinkBlock
from cms.content_version import per_version
from cms.models import BasePage, NewsPage, TerritoryIndexPage, TerritoryPage
from cms.visibility import active_locale, visible_pages
from offers.catalogue import for_cards, sort_offers
from offers.filters import SORT_NEWEST
from offers.models import OfferIndexPage, OfferPage, OfferStatus

LATEST_NEWS_COUNT = 3
LATEST_OFFERS_COUNT = 4
UPCOMING_EVENTS_COUNT = 4


class ObjectiveBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=160)
    text = blocks.TextBlock(label=_("Texte"))

    class Meta:
        icon = "success"
        label = _("Objectif")
        description = _("Un objectif de la démarche : un titre court et une phrase qui l'explique.")
        preview_template = "blocks/previews/objective_block.html"
        preview_value = {
            "title": "Faire connaître les territoires ruraux",
            "text": "Montrer aux citadins les offres d'activités et l'accueil que réservent les campagnes.",
        }


class EntryPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=80)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    link = LinkBlock(label=_("Lien"))

    class Meta:
        icon = "link"
        label = _("Porte d'entrée")
        description = _("Une rubrique où orienter le visiteur, avec un lien et une phrase d'explication.")
        preview_template = "blocks/previews/entry_point_block.html"
        preview_value = {
            "title": "Trouver une offre d'activité",
            "text": "Reprises d'entreprises, emplois, locaux et terres agricoles dans les territoires du réseau.",
            "link": {"url": "https://www.caprural.org/", "label": ""},
        }


class HomePage(BasePage):
    """Tells a visitor in ten seconds what the network is and where to go."""

    hero_title = models.CharField(
        _("accroche"), max_length=200, help_text=_("La grande phrase en haut de la page d'accueil.")
    )
    hero_text = models.TextField(
        _("texte d'introduction"),
        blank=True,
        help_text=_("Une ou deux phrases sous l'accroche, qui disent à qui s'adresse le réseau."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Une photo à droite de l'accroche, décorative (elle n'a pas de texte alternatif)."),
    )
    hero_link = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("bouton principal"),
        blank=True,
        max_num=2,
        help_text=_("Un ou deux boutons sous l'accroche ; le premier est mis en avant."),
    )
    objectives_title = models.CharField(
        _("titre des objectifs"), max_length=160, blank=True, help_text=_("Vide : « Les objectifs de la démarche ».")
    )
    objectives = StreamField(
        [("objective", ObjectiveBlock())],
        verbose_name=_("objectifs de la démarche"),
        blank=True,
        max_num=6,
        help_text=_("Les objectifs de la démarche, six au plus, chacun avec un titre court et une phrase."),
    )
    entry_points = StreamField(
        [("entry", EntryPointBlock())],
        verbose_name=_("portes d'entrée"),
        blank=True,
        max_num=6,
        help_text=_("Les rubriques où orienter le visiteur : offres, agenda, territoires…"),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("contenu complémentaire"),
        blank=True,
        help_text=_("Des blocs supplémentaires affichés en bas de la page d'accueil."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image"), FieldPanel("hero_link")],
            _("Bandeau"),
        ),
        MultiFieldPanel([FieldPanel("objectives_title"), FieldPanel("objectives")], _("Objectifs")),
        FieldPanel("entry_points"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    # The search page joins when its app lands.
    subpage_types = [
        "cms.StandardPage",
        "cms.NewsIndexPage",
        "cms.TerritoryIndexPage",
        "offers.OfferIndexPage",
        "agenda.EventIndexPage",
        "members.MemberAreaPage",
        "cms.FormPage",
    ]

    class Meta:
        verbose_name = _("page d'accueil")

    @property
    def localized(self):
        """Wagtail's, with the translation read once per content version: every page request asks it of the
        site's root (``Page.route_for_request``), a query for the locale and two for an English root. The
        caller gets its own copy."""
        locale = active_locale()
        if locale.pk == self.locale_id:
            return self
        wagtails = super()
        translation = per_version(None, ("localized-home", self.pk, locale.pk), lambda: wagtails.localized)
        return copy.copy(translation)

    def latest_news(self, request):
        return (
            visible_pages(request, NewsPage.objects.all(), locale=self.locale)
            .order_by("-date", "-pk")
            .select_related("image")[:LATEST_NEWS_COUNT]
        )

    def latest_offers(self, request):
        """The newest offers of this language still open (not filled), as the catalogue shows them."""
        offers = visible_pages(request, OfferPage.objects.all(), locale=self.locale).exclude(status=OfferStatus.FILLED)
        return list(for_cards(sort_offers(offers, SORT_NEWEST))[:LATEST_OFFERS_COUNT])

    def upcoming_events(self, request):
        """The soonest visible events of this language, regional and local alike: the next date of each,
        a scheduled one before a cancelled one, as the agenda's cards show them."""
        events = visible_pages(request, EventPage.objects.all(), locale=self.locale)
        dates = EventDate.objects.of_pages(events).next_per_event(timezone.now())
        return list(dates.for_listing(self.locale)[:UPCOMING_EVENTS_COUNT])

    def territories(self, request):
        return list(
            visible_pages(request, TerritoryPage.objects.all(), locale=self.locale)
            .order_by("title")
            .defer_streamfields()
        )

    def _index(self, request, model):
        return visible_pages(request, model.objects.child_of(self), locale=self.locale).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news(request)
        context["latest_offers"] = self.latest_offers(request)
        context["offer_index"] = self._index(request, OfferIndexPage)
        context["upcoming_events"] = self.upcoming_events(request)
        context["event_index"] = self._index(request, EventIndexPage)
        context["territories"] = self.territories(request)
        context["territory_index"] = self._index(request, TerritoryIndexPage)
        return context
