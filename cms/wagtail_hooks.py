from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.dashboard import ChangesRequestedPanel, ModerationByTerritoryPanel
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
    panels.append(ChangesRequestedPanel())


# Translations (issue 8, point 6): the report of missing or outdated English translations, batch PO export/import.
@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    from cms.translations.views import TranslationReportView, user_can_translate

    class TranslatorMenuItem(MenuItem):
        def is_shown(self, request):
            return user_can_translate(request.user)

    return TranslatorMenuItem(
        _("Traductions"),
        reverse("translations_status_report"),
        name="translations-status",
        icon_name=TranslationReportView.header_icon,
        order=760,
    )


@hooks.register("register_admin_urls")
def register_translations_urls():
    from cms.translations import views

    return [
        path("reports/traductions/", views.TranslationReportView.as_view(), name="translations_status_report"),
        path(
            "reports/traductions/results/",
            views.TranslationReportView.as_view(results_only=True),
            name="translations_status_report_results",
        ),
        path("reports/traductions/export-po/", views.export_view, name="translations_po_export"),
        path("reports/traductions/import-po/", views.import_view, name="translations_po_import"),
    ]


# "Copier" on offers and events: its hooks live with its view.
import cms.page_actions  # noqa: E402, F401
