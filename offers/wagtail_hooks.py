"""Offers in the admin menu: the flat listing, the taxonomies, the report of offers about to expire."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet

from offers.models import OfferPage
from offers.viewsets import ExpiringOffersReportView, OfferPageListingViewSet, OfferTaxonomyGroup

register_snippet(OfferTaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_offer_listing():
    return OfferPageListingViewSet("offres")


class PageEditorMenuItem(MenuItem):
    """Shown to users who may add, edit or publish pages (the report then lists what they may edit)."""

    def is_shown(self, request):
        return PagePermissionPolicy(OfferPage).user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_expiring_offers_menu_item():
    return PageEditorMenuItem(
        _("Offres qui expirent dans les 30 jours"),
        reverse("offers_expiring_report"),
        name="offers-expiring",
        icon_name=ExpiringOffersReportView.header_icon,
        order=750,
    )


@hooks.register("register_admin_urls")
def register_expiring_offers_report_urls():
    return [
        path("reports/offres-expirant/", ExpiringOffersReportView.as_view(), name="offers_expiring_report"),
        path(
            "reports/offres-expirant/results/",
            ExpiringOffersReportView.as_view(results_only=True),
            name="offers_expiring_report_results",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_expiring_offers_panel(request, panels):
    from offers.dashboard import ExpiringOffersPanel

    panels.append(ExpiringOffersPanel())


# --- Bulk import of offers from a spreadsheet (offers/import_views.py) ------------------------------------


class OfferImportMenuItem(MenuItem):
    """Shown to users who may add pages under at least one territory."""

    def is_shown(self, request):
        from offers.import_views import can_import

        return can_import(request.user)


@hooks.register("register_admin_urls")
def register_offer_import_urls():
    from offers import import_views

    return [path("offres-import/", include((import_views.urlpatterns, "offers_import")))]


@hooks.register("register_admin_menu_item")
def register_offer_import_menu_item():
    return OfferImportMenuItem(
        _("Importer des offres"), reverse("offers_import:upload"), name="offers-import", icon_name="upload", order=251
    )


@hooks.register("register_page_header_buttons")
def offer_import_header_button(page, user, view_name, next_url=None):
    """On a territory's page in the explorer: import offers under it (for those who may add pages there)."""
    from wagtail.admin.widgets.button import Button
    from wagtail.models import Locale

    from cms.models import TerritoryPage

    if (
        page.specific_class is TerritoryPage
        and page.locale_id == Locale.get_default().pk
        and page.permissions_for_user(user).can_add_subpage()
    ):
        url = reverse("offers_import:upload") + f"?territory={page.pk}"
        yield Button(_("Importer des offres"), url, icon_name="upload", priority=50)
