"""The offers' panel of the admin home: live offers expiring within 30 days, among those the user may edit."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.dashboard import ROWS, DashboardPanel, other_language
from offers.models import OfferPage
from offers.viewsets import EXPIRY_SOON, filter_expiry


class ExpiringOffersPanel(DashboardPanel):
    name = "offers-expiring"
    heading = _("Offres qui expirent dans les 30 jours")
    see_all_label = _("Voir toutes les offres qui expirent")
    template_name = "offers/admin/dashboard/expiring.html"
    order = 160

    def is_shown(self, request):
        return PagePermissionPolicy(OfferPage).user_has_any_permission(request.user, ["add", "change", "publish"])

    def get_see_all_url(self):
        return reverse("offers_expiring_report")

    def get_panel_context(self, request):
        editable = PagePermissionPolicy(OfferPage).instances_user_has_permission_for(request.user, "change")
        offers = filter_expiry(OfferPage.objects.live(), EXPIRY_SOON).filter(pk__in=editable.values("pk"))
        rows = list(
            offers.select_related("territory", "locale").defer_streamfields().order_by("expire_at", "pk")[: ROWS + 1]
        )
        for offer in rows:
            offer.other_language = other_language(offer.locale.language_code)
        return {"offers": rows[:ROWS], "more": len(rows) > ROWS}
