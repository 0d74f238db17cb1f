"""Abstract pieces shared by the site's page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from cms import routing
from cms.blocks import RICH_TEXT_FEATURES
from cms.visibility import may_be_restricted


class BasePage(Page):
    """Every page of the site: a summary for cards and search results, an image for sharing."""

    summary = models.TextField(
        _("résumé"),
        blank=True,
        max_length=400,
        help_text=_("Deux ou trois phrases, reprises dans les cartes, les résultats de recherche et les partages."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Montrée quand la page est partagée sur les réseaux sociaux (1200 × 630 px conseillé)."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, _("Référencement")),
        FieldPanel("social_image"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    # Whether the routing keeps the page itself in each app server for the content version (``cms.routing``):
    # for pages reached by many URLs (filters, page numbers) and light to keep.
    kept_in_process = False
    # Tabs between "Contenu" and "Référencement", as ``(heading, panels)``: TerritoryPage's "Localisation".
    extra_tabs = []

    class Meta:
        abstract = True

    @cached_classmethod
    def get_edit_handler(cls):
        """The editor's tabs: "Contenu", the page type's own, "Référencement", "Publication" (Wagtail's
        default would be "Contenu", "Promotion", "Paramètres"). A page type may still declare its own
        ``edit_handler``."""
        if hasattr(cls, "edit_handler"):
            return cls.edit_handler.bind_to_model(cls)
        tabs = page_tabs(
            cls.content_panels,
            *cls.extra_tabs,
            promote_panels=cls.promote_panels,
            settings_panels=cls.settings_panels,
            base_form_class=cls.base_form_class,
        )
        return tabs.bind_to_model(cls)

    def route(self, request, path_components):
        """Wagtail's routing, with its walk down the tree from the cache (``cms.routing``)."""
        if not path_components:
            return super().route(request, path_components)
        return routing.route(self, request, path_components)

    def get_view_restrictions(self):
        """Wagtail's query of the restrictions on this page and above, skipped when the site's restrictions
        (read once per content version) show that none can apply: both checks of every page view ask."""
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def share_image(self):
        """The image used in Open Graph tags: the one chosen for sharing, else the page's own."""
        return self.social_image or getattr(self, "image", None)

    @property
    def description(self):
        """A plain description for meta tags and cards."""
        return self.search_description or self.summary


def page_tabs(content_panels, *extra_tabs, promote_panels=None, settings_panels=None, base_form_class=None):
    """A page's edit handler: "Contenu", then ``extra_tabs`` (``(heading, panels)``), "Référencement" and
    "Publication" (go-live and expiry dates, privacy)."""
    tabs = [ObjectList(content_panels, heading=_("Contenu"))]
    tabs += [ObjectList(panels, heading=heading) for heading, panels in extra_tabs]
    tabs.append(ObjectList(promote_panels or BasePage.promote_panels, heading=_("Référencement")))
    tabs.append(ObjectList(settings_panels or Page.settings_panels, heading=_("Publication"), classname="settings"))
    return TabbedInterface(tabs, base_form_class=base_form_class)


class IndexPage(BasePage):
    """A listing page placed once under the home page (news, territories, and later offers and agenda)."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Le texte affiché en haut de la liste, avant les résultats."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    kept_in_process = True  # a few per site, each reached by every filter and page number of its listing

    class Meta:
        abstract = True
