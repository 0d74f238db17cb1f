"""The agenda in the admin menu: event types and sources, with an "import now" action per source."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet

from agenda.models import EventSource
from agenda.viewsets import AgendaSnippetsGroup

register_snippet(AgendaSnippetsGroup)


@hooks.register("register_snippet_listing_buttons")
def import_source_button(snippet, user, next_url=None):
    if isinstance(snippet, EventSource):
        url = reverse("wagtailsnippets_agenda_eventsource:import", args=[snippet.pk])
        yield MenuItem(_("Importer maintenant"), url, icon_name="download", priority=5)
