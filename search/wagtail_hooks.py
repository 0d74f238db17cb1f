"""Wagtail's "Search terms" report, opened to editors with the search promotions' permissions.

Wagtail 8 lets only superusers read it; the editors who manage promotions need it to choose them.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

PROMOTION_PERMISSIONS = [
    f"wagtailsearchpromotions.{codename}"
    for codename in ("add_searchpromotion", "change_searchpromotion", "delete_searchpromotion")
]


def may_read_search_terms(user):
    return user.is_superuser or any(user.has_perm(perm) for perm in PROMOTION_PERMISSIONS)


class EditorsSearchTermsReportView(SearchTermsReportView):
    """Wagtail's report, for superusers and for editors who manage promotions (Wagtail: superusers only)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read_search_terms(request.user):
            return permission_denied(request)
        # Skip SearchTermsReportView.dispatch (its is_superuser check), keep everything above it.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


@hooks.register("register_admin_urls")
def register_search_terms_for_editors():
    # Same paths as wagtail.contrib.search_promotions' own, registered first ("search" comes before it in
    # INSTALLED_APPS), so they answer; reverse("wagtailsearchpromotions:search_terms") still gives this path.
    return [
        path("searchpicks/reports/search-terms/", EditorsSearchTermsReportView.as_view(), name="search_terms_editors"),
        path(
            "searchpicks/reports/search-terms/results/",
            EditorsSearchTermsReportView.as_view(results_only=True),
            name="search_terms_editors_results",
        ),
    ]


class EditorsSearchTermsMenuItem(MenuItem):
    # Superusers already have Wagtail's own (AdminOnlyMenuItem) entry.
    def is_shown(self, request):
        return not request.user.is_superuser and may_read_search_terms(request.user)


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item_for_editors():
    return EditorsSearchTermsMenuItem(
        _("Search terms"),
        reverse("wagtailsearchpromotions:search_terms"),
        name="search-terms-editors",
        icon_name="search",
        order=1300,
    )
