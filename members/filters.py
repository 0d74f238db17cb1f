"""The admin listing's filters: membership status today (valid, lapsing within 30 days, lapsed) and kind."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

from members.models import MemberOrganisation, MemberProfile, OrganisationKind

LAPSING_DAYS = 30


class MembershipStatus:
    VALID = "valid"
    LAPSING = "lapsing"
    LAPSED = "lapsed"
    CHOICES = [
        (VALID, _("Adhésion valide")),
        (LAPSING, _("Adhésion qui prend fin dans les 30 jours")),
        (LAPSED, _("Adhésion échue")),
    ]


def filter_by_status(queryset, status):
    """Organisations (queryset of MemberOrganisation) with this membership status today."""
    if status == MembershipStatus.VALID:
        return queryset.valid()
    if status == MembershipStatus.LAPSING:
        return queryset.lapsing(within_days=LAPSING_DAYS)
    if status == MembershipStatus.LAPSED:
        return queryset.lapsed()
    return queryset


class MemberOrganisationFilterSet(WagtailFilterSet):
    """Organisations by membership status today and by kind."""

    status = django_filters.ChoiceFilter(
        label=_("Adhésion"), choices=MembershipStatus.CHOICES, method="filter_status", empty_label=_("Toutes")
    )
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=OrganisationKind.choices, empty_label=_("Tous"))

    class Meta:
        model = MemberOrganisation
        fields = ["status", "kind"]

    def filter_status(self, queryset, name, value):
        return filter_by_status(queryset, value)


class MemberProfileFilterSet(WagtailFilterSet):
    """People by their organisation's membership status today, and by organisation."""

    status = django_filters.ChoiceFilter(
        label=_("Adhésion"), choices=MembershipStatus.CHOICES, method="filter_status", empty_label=_("Toutes")
    )

    class Meta:
        model = MemberProfile
        fields = ["status", "organisation"]

    def filter_status(self, queryset, name, value):
        organisations = filter_by_status(MemberOrganisation.objects.all(), value)
        return queryset.filter(organisation__in=organisations)
