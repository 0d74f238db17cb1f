"""Abstract pieces shared by the site's page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES


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

    class Meta:
        abstract = True

    @property
    def share_image(self):
        """The image used in Open Graph tags: the one chosen for sharing, else the page's own."""
        return self.social_image or getattr(self, "image", None)

    @property
    def description(self):
        """A plain description for meta tags and cards."""
        return self.search_description or self.summary


class IndexPage(BasePage):
    """A listing page placed once under the home page (news, territories, and later offers and agenda)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
