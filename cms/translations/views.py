"""The admin side: the translations report, the batch PO export and import.

Only people who may submit translations (``wagtail_localize.submit_translation``: Communication) reach these
views, and the report lists only the French pages they may edit. Territorial agents get Wagtail's "permission
denied" redirect.
"""

import django_filters

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale, Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.translations.po import export_zip, import_upload, pages_to_translate
from cms.translations.status import STATUS_CHOICES, STATUS_LABELS, source_pages, with_translation_status

PERMISSION = "wagtail_localize.submit_translation"
MAX_UPLOAD_SIZE = 20 * 1024 * 1024


def user_can_translate(user):
    return user.is_active and user.has_perm(PERMISSION)


def locales():
    """The source locale (the default language) and the target locale (the other one), or ``None``."""
    source = Locale.get_default()
    target = Locale.objects.exclude(pk=source.pk).order_by("language_code").first()
    return source, target


def editable_source_pages(user, source_locale):
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return source_pages(source_locale).filter(pk__in=editable.values("pk"))


def page_type_choices():
    models = sorted(get_page_models(), key=lambda model: str(model._meta.verbose_name).lower())
    return [(model._meta.label_lower, model._meta.verbose_name) for model in models if model is not Page]


class TranslationReportFilterSet(WagtailFilterSet):
    """Filter by translation status and page type (values are codes, not labels)."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Traduction"), choices=STATUS_CHOICES, method="filter_status", empty_label=None
    )
    page_type = django_filters.ChoiceFilter(
        label=gettext_lazy("Type de page"), choices=page_type_choices, method="filter_page_type"
    )

    class Meta:
        model = Page
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(translation_status=value)

    def filter_page_type(self, queryset, name, value):
        app_label, model = value.split(".")
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        return queryset.filter(content_type=content_type)


def _type(page):
    model = page.content_type.model_class()
    return model._meta.verbose_name if model else ""


def _status(page):
    label = STATUS_LABELS[page.translation_status]
    tag = {"missing": "w-status--label", "outdated": "w-status--primary"}.get(page.translation_status, "")
    return format_html('<span class="w-status {}">{}</span>', tag, label)


def _progress(page):
    if page.translation_uuid is None:
        return "—"
    return _("%(translated)s / %(total)s") % {"translated": page.segments_translated, "total": page.segments_total}


def _actions(page):
    links = [(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Modifier la page française"))]
    if page.target_id and not page.target_is_alias:
        # wagtail-localize's editor replaces the edit view of a page it translates.
        links.append((reverse("wagtailadmin_pages:edit", args=[page.target_id]), _("Ouvrir la traduction")))
    else:
        links.append((reverse("wagtail_localize:submit_page_translation", args=[page.pk]), _("Traduire cette page")))
    return format_html(
        '<ul class="translation-report-actions">{}</ul>',
        format_html_join("", '<li><a href="{}">{}</a></li>', links),
    )


class TranslationReportView(ReportView):
    """Each French page the user may edit, with the status of its English translation."""

    page_title = gettext_lazy("Traductions manquantes ou à mettre à jour")
    header_icon = "wagtail-localize-language"
    index_url_name = "translations_status_report"
    index_results_url_name = "translations_status_report_results"
    filterset_class = TranslationReportFilterSet
    paginate_by = 50
    default_ordering = "path"
    columns = [
        Column("title", label=gettext_lazy("Page française")),
        Column("page_type", label=gettext_lazy("Type"), accessor=_type),
        Column("translation_status", label=gettext_lazy("Traduction anglaise"), accessor=_status),
        Column("progress", label=gettext_lazy("Segments traduits"), accessor=_progress),
        DateColumn("last_published_at", label=gettext_lazy("Publiée en français le")),
        Column("actions", label=gettext_lazy("Actions"), accessor=_actions),
    ]
    list_export = ["title", "url_path", "translation_status", "segments_translated", "segments_total"]
    export_headings = {
        "title": gettext_lazy("Page française"),
        "url_path": gettext_lazy("Chemin"),
        "translation_status": gettext_lazy("Traduction anglaise"),
        "segments_translated": gettext_lazy("Segments traduits"),
        "segments_total": gettext_lazy("Segments"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not user_can_translate(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def no_results_message(self):
        return _("Aucune page ne correspond à ces critères.")

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Exporter en PO"), url=reverse("translations_po_export"), icon_name="download"),
            HeaderButton(_("Importer des PO"), url=reverse("translations_po_import"), icon_name="upload"),
        ]

    def get_filename(self):
        return f"traductions-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        source, target = locales()
        if target is None:
            return Page.objects.none()
        pages = editable_source_pages(self.request.user, source).select_related("content_type")
        return with_translation_status(pages, target).order_by("path")


class ExportForm(forms.Form):
    page_type = forms.ChoiceField(
        label=gettext_lazy("Type de page"),
        required=False,
        choices=lambda: [("", _("Tous les types")), *page_type_choices()],
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier .po ou archive .zip"),
        help_text=gettext_lazy("Les fichiers exportés ici, ou téléchargés depuis l'éditeur de traduction d'une page."),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publier les traductions complètes"),
        required=False,
        help_text=gettext_lazy("Une page dont tous les textes sont traduits est publiée en anglais."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(_("Le fichier dépasse 20 Mo."))
        return upload


def _breadcrumbs(title):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Tableau de bord")},
        {"url": reverse("translations_status_report"), "label": _("Traductions")},
        {"url": "", "label": title},
    ]


def export_view(request):
    """GET: what will be exported; POST: prepare the translations and answer the ZIP of PO files."""
    if not user_can_translate(request.user):
        return permission_denied(request)
    source, target = locales()
    form = ExportForm(request.POST or None)
    pages = pages_to_translate(source, target, editable_source_pages(request.user, source)) if target else None
    if request.method == "POST" and form.is_valid() and pages is not None:
        if form.cleaned_data["page_type"]:
            app_label, model = form.cleaned_data["page_type"].split(".")
            pages = pages.filter(content_type=ContentType.objects.get_by_natural_key(app_label, model))
        data, _names = export_zip(pages, target, user=request.user)
        response = HttpResponse(data, content_type="application/zip")
        filename = f"traductions-{target.language_code}-{timezone.localdate():%Y-%m-%d}.zip"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    title = _("Exporter les traductions en PO")
    return TemplateResponse(
        request,
        "cms/admin/translation_export.html",
        {
            "form": form,
            "count": pages.count() if pages is not None else 0,
            "page_title": title,
            "header_icon": "download",
            "breadcrumbs_items": _breadcrumbs(title),
            "action_url": reverse("translations_po_export"),
        },
    )


def import_view(request):
    """GET: the upload form; POST: import each PO file and list what was applied and refused."""
    if not user_can_translate(request.user):
        return permission_denied(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    reports = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        reports = import_upload(upload.name, upload.read(), user=request.user, publish=form.cleaned_data["publish"])
    title = _("Importer des traductions PO")
    return TemplateResponse(
        request,
        "cms/admin/translation_import.html",
        {
            "form": form,
            "reports": reports,
            "page_title": title,
            "header_icon": "upload",
            "breadcrumbs_items": _breadcrumbs(title),
            "action_url": reverse("translations_po_import"),
            "report_url": reverse_lazy("translations_status_report"),
        },
    )
