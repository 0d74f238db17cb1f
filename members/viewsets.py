"""Members in the admin ("Adhérents" menu): organisations with their memberships, people, and the CSV import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from members.dates import today
from members.filters import MemberOrganisationFilterSet, MemberProfileFilterSet
from members.forms import MemberProfileForm, MembersImportForm
from members.importer import import_members
from members.models import MemberOrganisation, MemberProfile


def _valid_until(organisation):
    end = organisation.valid_until(today())
    return end.strftime("%d/%m/%Y") if end else "—"


class OrganisationIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The "valid until" column reads the prefetched memberships: no query per row.
        return super().get_base_queryset().prefetch_related("memberships")

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                Button(_("Importer un fichier CSV"), url=reverse("members_organisations:import"), icon_name="upload")
            )
        return buttons


class MemberOrganisationViewSet(ModelViewSet):
    model = MemberOrganisation
    icon = "group"
    menu_label = gettext_lazy("Organisations")
    name = "members_organisations"
    url_prefix = "members/organisations"
    index_view_class = OrganisationIndexView
    list_display = [
        "name",
        "kind",
        Column("valid_until", label=gettext_lazy("Adhésion valide jusqu'au"), accessor=_valid_until),
        "contact_email",
    ]
    filterset_class = MemberOrganisationFilterSet
    search_fields = ["name", "contact_email"]
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("import/", self.import_view, name="import")]

    def import_view(self, request):
        return import_csv(request, viewset=self)


def import_csv(request, *, viewset):
    """GET: the upload form; POST: check the file, write it if every row is valid, else list the bad rows."""
    policy = viewset.permission_policy
    if not (policy.user_has_permission(request.user, "add") and policy.user_has_permission(request.user, "change")):
        raise PermissionDenied
    result = None
    form = MembersImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = import_members(form.cleaned_data["file"].read())
        if result.ok:
            messages.success(request, _("Import terminé : %(summary)s") % {"summary": result.summary()})
            return redirect(viewset.get_url_name("index"))
    return TemplateResponse(
        request,
        "members/admin/import.html",
        {
            "form": form,
            "result": result,
            "page_title": _("Importer des adhérents"),
            "header_icon": "upload",
            "action_url": reverse(viewset.get_url_name("import")),
        },
    )


class PeopleIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "organisation")


class MemberProfileViewSet(ModelViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = gettext_lazy("Personnes")
    name = "members_people"
    url_prefix = "members/people"
    list_display = [
        Column("name", label=gettext_lazy("Nom"), accessor=str),
        Column("email", label=gettext_lazy("Adresse électronique"), accessor="user.email"),
        "organisation",
        "job_title",
    ]
    filterset_class = MemberProfileFilterSet
    search_fields = ["user__email", "user__first_name", "user__last_name", "job_title"]
    index_view_class = PeopleIndexView
    edit_handler = ObjectList(MemberProfile.panels, base_form_class=MemberProfileForm)


class MembersViewSetGroup(ModelViewSetGroup):
    items = (MemberOrganisationViewSet, MemberProfileViewSet)
    menu_icon = "group"
    menu_label = gettext_lazy("Adhérents")
    menu_name = "members"
