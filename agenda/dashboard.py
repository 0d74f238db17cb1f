"""The agenda's panels of the admin home: the coming sessions with their seats, the last imports of the sources."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.permissions import get_permission_name

from agenda.models import EventImportRun, EventSource
from agenda.registrations.admin_views import seat_dates
from cms.dashboard import ROWS, DashboardPanel


class UpcomingSessionsPanel(DashboardPanel):
    """The next dates taking registrations on this site, with the seats taken out of the capacity."""

    name = "upcoming-sessions"
    heading = _("Prochaines sessions avec inscription")
    see_all_label = _("Voir toutes les inscriptions")
    template_name = "agenda/admin/dashboard/sessions.html"
    order = 170

    def is_shown(self, request):
        return request.user.has_perm("agenda.view_registration")

    def get_see_all_url(self):
        return reverse("agenda_registrations:index")

    def get_panel_context(self, request):
        rows = list(seat_dates().upcoming(timezone.now()).chronological()[: ROWS + 1])
        return {"dates": rows[:ROWS], "more": len(rows) > ROWS}


class LastImportsPanel(DashboardPanel):
    """The last imports of the territories' calendars, with the feed's error or the items refused."""

    name = "last-imports"
    heading = _("Derniers imports d'événements")
    see_all_label = _("Voir les sources d'événements")
    template_name = "agenda/admin/dashboard/imports.html"
    order = 180

    def is_shown(self, request):
        return request.user.has_perm(get_permission_name("change", EventSource))

    def get_see_all_url(self):
        return reverse("wagtailsnippets_agenda_eventsource:list")

    def get_panel_context(self, request):
        runs = list(EventImportRun.objects.select_related("source").order_by("-started_at", "-pk")[: ROWS + 1])
        return {"runs": runs[:ROWS], "more": len(runs) > ROWS}
