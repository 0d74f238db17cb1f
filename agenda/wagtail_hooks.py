"""The agenda in the admin menu: event types and sources, with an "import now" action per source; the
registrations ("Inscriptions") with a button on the event pages that take them."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from agenda.models import EventSource, RegistrationMode
from agenda.viewsets import AgendaSnippetsGroup

register_snippet(AgendaSnippetsGroup)


@hooks.register("register_snippet_listing_buttons")
def import_source_button(snippet, user, next_url=None):
    if isinstance(snippet, EventSource):
        url = reverse("wagtailsnippets_agenda_eventsource:import", args=[snippet.pk])
        yield MenuItem(_("Importer maintenant"), url, icon_name="download", priority=5)


# Registrations ("Inscriptions"): the organisers' views live in agenda.registrations.admin_views.


@hooks.register("register_admin_urls")
def registration_admin_urls():
    from agenda.registrations import admin_views

    return [path("agenda/registrations/", include((admin_views.urlpatterns, "agenda_registrations")))]


class RegistrationsMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("agenda.view_registration")


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return RegistrationsMenuItem(
        _("Inscriptions"), reverse("agenda_registrations:index"), name="registrations", icon_name="form", order=250
    )


@hooks.register("register_permissions")
def registration_permissions():
    # Offered in the groups' editor, so that an administrator can give the organisers these rights.
    return Permission.objects.filter(
        content_type__app_label="agenda", codename__in=["view_registration", "change_registration", "add_registration"]
    )


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name, next_url=None):
    if getattr(page, "registration_mode", None) == RegistrationMode.SITE and user.has_perm("agenda.view_registration"):
        url = reverse("agenda_registrations:index") + f"?event={page.pk}"
        yield Button(_("Inscriptions"), url, icon_name="form", priority=40)


@hooks.register("construct_homepage_panels")
def add_agenda_panels(request, panels):
    from agenda.dashboard import LastImportsPanel, UpcomingSessionsPanel

    panels.extend([UpcomingSessionsPanel(), LastImportsPanel()])
