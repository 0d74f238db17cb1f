"""The members' panel of the admin home: organisations whose membership ends this month, not renewed yet."""

import calendar

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.dashboard import ROWS, DashboardPanel
from members.dates import today
from members.filters import MembershipStatus
from members.models import MemberOrganisation, Membership


class LapsingMembershipsPanel(DashboardPanel):
    name = "memberships-lapsing"
    heading = _("Adhésions qui prennent fin ce mois-ci")
    see_all_label = _("Voir les adhésions qui prennent fin dans les 30 jours")
    template_name = "members/admin/dashboard/lapsing.html"
    order = 190

    def is_shown(self, request):
        return request.user.has_perm("members.view_memberorganisation")

    def get_see_all_url(self):
        return reverse("members_organisations:index") + f"?status={MembershipStatus.LAPSING}"

    def get_panel_context(self, request):
        on = today()
        month_end = on.replace(day=calendar.monthrange(on.year, on.month)[1])
        organisations = list(
            MemberOrganisation.objects.lapsing(within_days=(month_end - on).days, on=on)
            .annotate(ends_on=Subquery(_last_day_this_month(on, month_end)))
            .order_by("ends_on", "name")[: ROWS + 1]
        )
        return {"organisations": organisations[:ROWS], "more": len(organisations) > ROWS, "month_end": month_end}


def _last_day_this_month(on, month_end):
    """The outer organisation's last valid day: lapsing organisations have no membership past ``month_end``,
    so it is the latest end among the memberships running on ``on`` or starting before the month ends."""
    return (
        Membership.objects.filter(organisation=OuterRef("pk"), valid_from__lte=month_end, valid_until__gte=on)
        .order_by("-valid_until")
        .values("valid_until")[:1]
    )
