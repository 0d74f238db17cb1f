"""The agenda in the admin: event types, the territories' calendars (sources) and their imports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from agenda.imports import import_source
from agenda.models import EventSource, EventType
from agenda.models.sources import RunStatus

RUNS_SHOWN = 10


class EventTypeViewSet(SnippetViewSet):
    model = EventType
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class EventSourceViewSet(SnippetViewSet):
    model = EventSource
    icon = "download"
    list_display = ["name", "territory", "format", "trusted", "active", "last_run"]
    list_filter = ["format", "trusted", "active"]
    search_fields = ["name", "url"]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("import/<int:pk>/", self.import_view, name="import")]

    def import_view(self, request, pk):
        return import_now(request, pk, viewset=self)


@require_http_methods(["GET", "POST"])
def import_now(request, pk, *, viewset):
    """GET: the source's last imports and a button; POST: import it now, then show the result."""
    if not viewset.permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    source = get_object_or_404(EventSource.objects.select_related("territory"), pk=pk)
    url = reverse(viewset.get_url_name("import"), args=[source.pk])
    if request.method == "POST":
        run = import_source(source, force=True)
        if run.status == RunStatus.FAILED:
            messages.error(
                request, _("Import de « %(name)s » en échec : %(error)s") % {"name": source, "error": run.error}
            )
        else:
            messages.success(
                request, _("Import de « %(name)s » : %(summary)s.") % {"name": source, "summary": run.summary}
            )
        return redirect(url)
    return TemplateResponse(
        request,
        "agenda/admin/import_source.html",
        {
            "source": source,
            "runs": source.runs.all()[:RUNS_SHOWN],
            "action_url": url,
            "edit_url": reverse(viewset.get_url_name("edit"), args=[source.pk]),
            "page_title": _("Imports de « %(name)s »") % {"name": source},
            "header_icon": "download",
        },
    )


class AgendaSnippetsGroup(SnippetViewSetGroup):
    items = (EventTypeViewSet, EventSourceViewSet)
    menu_icon = "date"
    menu_label = gettext_lazy("Agenda – types et sources")
    menu_name = "agenda-snippets"
