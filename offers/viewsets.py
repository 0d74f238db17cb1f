"""The offers in the admin: a flat listing with filters, the taxonomies as snippets, the expiring-offers report.

Territory and type filters offer the terms of the default language and match every translation of them
(an English offer lives under the English territory and points at the English type), so one choice lists
an offer in every language; the locale filter Wagtail adds narrows it to one.
"""

import datetime

import django_filters

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LocaleColumn, TitleColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import TerritoryPage
from offers.models import OfferPage, OfferStatus, OfferType, Sector

SOON_DAYS = 30

EXPIRY_EXPIRED = "expired"
EXPIRY_SOON = "soon"
EXPIRY_LATER = "later"
EXPIRY_NONE = "none"
EXPIRY_CHOICES = [
    (EXPIRY_EXPIRED, _("Expirée")),
    (EXPIRY_SOON, _("Expire dans les 30 jours")),
    (EXPIRY_LATER, _("Expire plus tard")),
    (EXPIRY_NONE, _("Sans date d'expiration")),
]


def filter_expiry(queryset, value, now=None):
    """Offers whose ``expire_at`` is past, within the next 30 days, later, or not set."""
    now = now or timezone.now()
    soon = now + datetime.timedelta(days=SOON_DAYS)
    if value == EXPIRY_EXPIRED:
        return queryset.filter(expire_at__lte=now)
    if value == EXPIRY_SOON:
        return queryset.filter(expire_at__gt=now, expire_at__lte=soon)
    if value == EXPIRY_LATER:
        return queryset.filter(expire_at__gt=soon)
    if value == EXPIRY_NONE:
        return queryset.filter(expire_at__isnull=True)
    return queryset


def _territories(request):
    return TerritoryPage.objects.filter(locale=Locale.get_default()).order_by("title")


def _offer_types(request):
    return OfferType.objects.filter(locale=Locale.get_default()).order_by("name")


class TranslationsOfFilter(django_filters.ModelChoiceFilter):
    """A choice among the default language's objects that matches the chosen one and its translations."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.field_name}__translation_key": value.translation_key})


class OfferFilterMixin(django_filters.FilterSet):
    """The offer filters shared by the listing and the report: territory, type, offer status, expiry."""

    territory = TranslationsOfFilter(label=_("Territoire"), field_name="territory", queryset=_territories)
    offer_type = TranslationsOfFilter(label=_("Type d'offre"), field_name="offer_type", queryset=_offer_types)
    status = django_filters.ChoiceFilter(
        label=_("Statut de l'offre"), choices=OfferStatus.choices, empty_label=_("Tous"), widget=forms.RadioSelect
    )
    expiry = django_filters.ChoiceFilter(
        label=_("Expiration"),
        choices=EXPIRY_CHOICES,
        empty_label=_("Toutes"),
        widget=forms.RadioSelect,
        method="filter_expiry",
    )

    def filter_expiry(self, queryset, name, value):
        return filter_expiry(queryset, value)


class OfferPageFilterSet(OfferFilterMixin, PageFilterSet):
    """Filters of the admin's offers listing: territory, type, status, expiry, plus Wagtail's page filters."""

    class Meta:
        model = OfferPage
        fields = []


class OfferIndexView(IndexView):
    """The flat listing of offers, with the territory and type of each row fetched in the same query.

    (Each row still costs wagtail-localize's "Translate" / "Sync" buttons three or four queries, as in
    Wagtail's own explorer; the listing is paginated by 50.)
    """

    def get_base_queryset(self):
        # The listing turns rows into specific pages with a second query: select there too.
        return super().get_base_queryset().select_related("territory", "offer_type", for_specific_subqueries=True)


TERRITORY_COLUMN = Column("territory", label=_("Territoire"), sort_key="territory__title")
TYPE_COLUMN = Column("offer_type", label=_("Type d'offre"), sort_key="offer_type__name")
STATUS_COLUMN = Column("status", label=_("Statut de l'offre"), accessor="get_status_display", sort_key="status")


def expiry_date(page):
    # The date itself: Wagtail's DateColumn tells the time elapsed, which reads "il y a 0 minute" for a future date.
    return date_format(timezone.localtime(page.expire_at), "j F Y") if page.expire_at else ""


EXPIRY_COLUMN = Column("expire_at", label=_("Expire le"), accessor=expiry_date, sort_key="expire_at")


class OfferPageListingViewSet(PageListingViewSet):
    """Every offer of every territory in one list (editors otherwise browse nine territory pages)."""

    model = OfferPage
    index_view_class = OfferIndexView
    icon = "doc-full-inverse"
    menu_label = _("Offres")
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = OfferPageFilterSet
    columns = [
        PageTitleColumn("title", label=_("Titre"), sort_key="title", classname="title"),
        TERRITORY_COLUMN,
        TYPE_COLUMN,
        STATUS_COLUMN,
        EXPIRY_COLUMN,
        PageStatusColumn("live_status", label=_("Publication"), sort_key="live", width="12%"),
    ]


class OfferTypeViewSet(SnippetViewSet):
    model = OfferType
    icon = "tag"
    list_display = ["name", "slug", "is_job"]
    search_fields = ["name"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OfferTaxonomyGroup(SnippetViewSetGroup):
    items = (OfferTypeViewSet, SectorViewSet)
    menu_icon = "tag"
    menu_label = _("Offres – taxonomies")
    menu_name = "offer-taxonomies"


class ExpiringOffersFilterSet(WagtailFilterSet):
    """The report's filters: territory and type (Wagtail adds the locale)."""

    territory = OfferFilterMixin.base_filters["territory"]
    offer_type = OfferFilterMixin.base_filters["offer_type"]

    class Meta:
        model = OfferPage
        fields = []


class ExpiringOffersReportView(ReportView):
    """Live offers whose expiry date falls within the next 30 days, soonest first, for the offers one may edit."""

    model = OfferPage
    any_permission_required = ["add", "change", "publish"]
    page_title = _("Offres qui expirent dans les 30 jours")
    header_icon = "time"
    index_url_name = "offers_expiring_report"
    index_results_url_name = "offers_expiring_report_results"
    filterset_class = ExpiringOffersFilterSet
    paginate_by = 50
    default_ordering = "expire_at"
    columns = [
        TitleColumn("title", label=_("Titre"), url_name="wagtailadmin_pages:edit", sort_key="title"),
        TERRITORY_COLUMN,
        TYPE_COLUMN,
        STATUS_COLUMN,
        LocaleColumn(label=_("Langue")),
        EXPIRY_COLUMN,
    ]
    list_export = ["title", "territory", "offer_type", "get_status_display", "locale", "expire_at"]
    export_headings = {
        "title": _("Titre"),
        "territory": _("Territoire"),
        "offer_type": _("Type d'offre"),
        "get_status_display": _("Statut de l'offre"),
        "locale": _("Langue"),
        "expire_at": _("Expire le"),
    }

    @cached_property
    def no_results_message(self):
        return _("Aucune offre publiée n'expire dans les 30 jours.")

    def get_filename(self):
        return f"offres-expirant-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        offers = filter_expiry(OfferPage.objects.live(), EXPIRY_SOON).filter(pk__in=editable.values("pk"))
        return offers.select_related("territory", "offer_type", "locale")
