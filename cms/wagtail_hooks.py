from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.dashboard import ModerationByTerritoryPanel
from cms.models import Audience, Footer, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, AudienceViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)
register_snippet(Footer)


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    panels.append(ModerationByTerritoryPanel())


# "Copier" on offers and events: its hooks live with its view.
import cms.page_actions  # noqa: E402, F401
