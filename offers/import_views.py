"""The admin's "Importer des offres": upload a spreadsheet, see every row checked, import them as drafts.

1. Upload: the file and the territory (only those under which the user may add pages).
2. Preview: every row with its line and "OK" or its errors; nothing is written. The file waits in the user's
   session under a random token (server side: nothing comes back from the browser but the token).
3. Import: the file is read and checked again, then every row becomes a draft offer in one transaction.

Users who may add pages under no territory get a 403, as does anyone reaching another territory's import.
"""

import base64
import secrets
import time

from django import forms
from django.core.validators import FileExtensionValidator
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.admin import messages
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.models import TerritoryPage
from offers.models import OfferType, Sector
from offers.spreadsheet import (
    COLUMNS,
    ImportFailed,
    SpreadsheetError,
    check_table,
    import_offers,
    read_table,
    template_csv,
)
from offers.spreadsheet.reading import MAX_FILE_BYTES, MAX_ROWS
from offers.spreadsheet.rows import map_headers

SESSION_KEY = "offers_spreadsheet_imports"
KEEP_PENDING = 3  # files kept per session (several tabs), the oldest dropped first
PENDING_SECONDS = 2 * 60 * 60


def importable_territories(user):
    """The territories (default language) under which ``user`` may add pages, by title."""
    addable = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return TerritoryPage.objects.filter(
        locale=Locale.get_default(), alias_of__isnull=True, pk__in=addable.values("pk")
    ).order_by("title")


def _territory_for(user, pk):
    """The territory ``pk`` if ``user`` may add offers under it, else None."""
    territory = importable_territories(user).filter(pk=pk).first()
    if territory is None or not territory.permissions_for_user(user).can_add_subpage():
        return None
    return territory


def _forbidden(request):
    return HttpResponseForbidden(
        render_to_string(
            "offers/admin/import_forbidden.html",
            {"page_title": _("Importer des offres"), "header_title": _("Importer des offres"), "header_icon": "upload"},
            request=request,
        )
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier"),
        help_text=gettext_lazy("Un tableau CSV (UTF-8, séparé par des points-virgules ou des virgules) ou XLSX."),
        validators=[FileExtensionValidator(["csv", "xlsx"], message=gettext_lazy("Envoyez un fichier .csv ou .xlsx."))],
    )
    territory = forms.ModelChoiceField(
        label=gettext_lazy("Territoire"),
        queryset=TerritoryPage.objects.none(),
        help_text=gettext_lazy("Les offres seront créées en brouillon sous ce territoire."),
    )

    def __init__(self, *args, territories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = territories
        if len(territories) == 1:  # an agent's own territory, chosen already
            self.fields["territory"].initial = territories[0].pk
            self.fields["territory"].empty_label = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Le fichier dépasse %(size)d Mo : découpez-le en plusieurs fichiers.")
                % {"size": MAX_FILE_BYTES // (1024 * 1024)}
            )
        content = upload.read()
        try:
            table = read_table(content, upload.name)
            map_headers(table.headers)
        except SpreadsheetError as error:
            raise forms.ValidationError(str(error)) from None
        if not table.rows:
            raise forms.ValidationError(
                _("Le fichier ne contient aucune offre : seulement la ligne des noms de colonnes.")
            )
        self.content = content
        return upload


def _store(request, territory, filename, content):
    pending = request.session.get(SESSION_KEY, {})
    token = secrets.token_urlsafe(16)
    pending[token] = {
        "territory": territory.pk,
        "filename": filename[:200],
        "content": base64.b64encode(content).decode("ascii"),
        "stored_at": time.time(),
    }
    for old in sorted(pending, key=lambda key: pending[key]["stored_at"])[:-KEEP_PENDING]:
        del pending[old]
    request.session[SESSION_KEY] = pending
    return token


def _pending(request, token):
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if entry is None or time.time() - entry["stored_at"] > PENDING_SECONDS:
        return None
    return entry


def _forget(request, token):
    pending = request.session.get(SESSION_KEY, {})
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending


def _crumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
        {"url": reverse("offers_import:upload"), "label": _("Importer des offres")},
        *items,
    ]


def _render(request, template, title, context, crumbs, buttons=()):
    return TemplateResponse(
        request,
        template,
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "upload",
            "breadcrumbs_items": crumbs,
            "header_buttons": list(buttons),
            **context,
        },
    )


@require_http_methods(["GET", "POST"])
def upload(request):
    queryset = importable_territories(request.user)
    territories = list(queryset)
    if not territories:
        return _forbidden(request)
    initial = {}
    if request.method == "GET" and request.GET.get("territory"):
        chosen = next((t for t in territories if str(t.pk) == request.GET["territory"]), None)
        if chosen is None:
            return _forbidden(request)
        initial["territory"] = chosen.pk
    form = UploadForm(request.POST or None, request.FILES or None, territories=queryset, initial=initial)
    if request.method == "POST" and form.is_valid():
        territory = form.cleaned_data["territory"]
        if _territory_for(request.user, territory.pk) is None:
            return _forbidden(request)
        token = _store(request, territory, form.cleaned_data["file"].name, form.content)
        return redirect("offers_import:preview", token)
    return _render(
        request,
        "offers/admin/import_upload.html",
        _("Importer des offres"),
        {
            "form": form,
            "columns": COLUMNS,
            "max_rows": MAX_ROWS,
            "offer_types": OfferType.objects.filter(locale=Locale.get_default()).order_by("name"),
            "sectors": Sector.objects.filter(locale=Locale.get_default()).order_by("name"),
        },
        _crumbs()[:1] + [{"url": "", "label": _("Importer des offres")}],
        buttons=[HeaderButton(_("Télécharger le modèle CSV"), reverse("offers_import:template"), icon_name="download")],
    )


def _checked(request, token):
    """The pending file of ``token`` read and checked again: ``(entry, territory, checked, response)``; when
    ``response`` is set, answer it instead (expired file, lost permission, file no longer readable)."""
    if not importable_territories(request.user).exists():
        return None, None, None, _forbidden(request)
    entry = _pending(request, token)
    if entry is None:
        messages.warning(request, _("Ce fichier n'est plus en attente : envoyez-le à nouveau."))
        return None, None, None, redirect("offers_import:upload")
    territory = _territory_for(request.user, entry["territory"])
    if territory is None:
        return None, None, None, _forbidden(request)
    try:
        checked = check_table(read_table(base64.b64decode(entry["content"]), entry["filename"]), territory)
    except SpreadsheetError as error:  # the checks changed since the upload: the form says why
        messages.error(request, str(error))
        return None, None, None, redirect("offers_import:upload")
    return entry, territory, checked, None


def preview(request, token):
    entry, territory, checked, response = _checked(request, token)
    if response is not None:
        return response
    title = _("Aperçu de l'import")
    return _render(
        request,
        "offers/admin/import_preview.html",
        title,
        {
            "entry": entry,
            "territory": territory,
            "checked": checked,
            "invalid_rows": checked.invalid_rows,
            "confirm_url": reverse("offers_import:confirm", args=[token]),
            "upload_url": reverse("offers_import:upload") + f"?territory={territory.pk}",
        },
        _crumbs({"url": "", "label": title}),
    )


@require_POST
def confirm(request, token):
    entry, territory, checked, response = _checked(request, token)
    if response is not None:
        return response
    if not checked.is_valid:
        messages.error(request, _("Des lignes sont en erreur : corrigez le fichier, rien n'a été importé."))
        return redirect("offers_import:preview", token)
    try:
        created = import_offers(territory, checked.rows, request.user)
    except ImportFailed as error:
        messages.error(request, str(error))
        return redirect("offers_import:preview", token)
    _forget(request, token)
    count = len(created)
    messages.success(
        request,
        ngettext("%(count)d offre importée en brouillon", "%(count)d offres importées en brouillon", count)
        % {"count": count},
        buttons=[
            messages.button(
                reverse("wagtailadmin_explore", args=[territory.pk]),
                _("Voir les pages de %(territory)s") % {"territory": territory.title},
            )
        ],
    )
    return redirect("wagtailadmin_explore", territory.pk)


def template(request):
    if not importable_territories(request.user).exists():
        return _forbidden(request)
    response = HttpResponse(
        template_csv(),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="modele-import-offres.csv"'
    return response


def can_import(user):
    """Whether ``user`` may add pages somewhere (the menu item's condition): the menu is drawn on every admin
    page, so it reads Wagtail's permissions cached on the user (the explorer reads them too) instead of costing
    a query; the upload view then offers only the territories where they may add pages, or answers 403."""
    return PagePermissionPolicy().user_has_permission(user, "add")


urlpatterns = [
    path("", upload, name="upload"),
    path("modele.csv", template, name="template"),
    path("<str:token>/", preview, name="preview"),
    path("<str:token>/importer/", confirm, name="confirm"),
]
