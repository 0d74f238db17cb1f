"""Each French page's English translation status, for the report and the PO export, in one query.

A page's status, read by wagtail-localize's own measures:

- **missing** (``manquante``): no English page, or only an alias of the French one, or an English page that is
  not live (created by "Translate this page" but never published);
- **outdated** (``à mettre à jour``): the English page is live but the French page was published after its
  ``TranslationSource`` was last extracted (nobody ran "Sync translated pages"), or some segments have no valid
  English ``StringTranslation`` (what wagtail-localize's ``Translation.get_progress`` counts), or the source
  was synced after the English page was last published (translations saved but not published). An English page
  edited by hand, without wagtail-localize, is outdated when the French page was published after it;
- **up to date** (``à jour``): otherwise.
"""

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    UUIDField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

MISSING = "missing"
OUTDATED = "outdated"
UP_TO_DATE = "up-to-date"
STATUS_CHOICES = [
    (MISSING, _("manquante")),
    (OUTDATED, _("à mettre à jour")),
    (UP_TO_DATE, _("à jour")),
]
STATUS_LABELS = dict(STATUS_CHOICES)


def _count(queryset):
    """A subquery counting the rows of ``queryset`` (filtered on ``OuterRef``s), 0 when there are none."""
    counted = queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_translation_status(pages, target_locale):
    """Annotate source ``pages`` with their translation into ``target_locale`` and its ``translation_status``.

    Annotations: ``target_id``, ``target_live``, ``target_is_alias``, ``target_published_at``,
    ``source_synced_at`` (``TranslationSource.last_updated_at``), ``translation_uuid``, ``segments_total``,
    ``segments_translated`` and ``translation_status`` (one of ``MISSING``, ``OUTDATED``, ``UP_TO_DATE``).
    A fixed number of subqueries, whatever the number of pages.
    """
    target = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=target_locale)
    source = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id"))
    translation = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        target_locale=target_locale,
        enabled=True,
    )
    segments = StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"), source__locale_id=OuterRef("locale_id")
    )
    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale=target_locale,
                has_error=False,
            )
        )
    )
    pages = pages.annotate(
        target_id=Subquery(target.values("pk")[:1]),
        target_live=Subquery(target.values("live")[:1], output_field=BooleanField()),
        target_is_alias=Subquery(
            target.annotate(is_alias=Q(alias_of__isnull=False)).values("is_alias")[:1], output_field=BooleanField()
        ),
        target_published_at=Subquery(target.values("last_published_at")[:1], output_field=DateTimeField()),
        source_synced_at=Subquery(source.values("last_updated_at")[:1], output_field=DateTimeField()),
        translation_uuid=Subquery(translation.values("uuid")[:1], output_field=UUIDField()),
        segments_total=_count(segments),
        segments_translated=_count(translated),
    )
    missing = Q(target_id__isnull=True) | Q(target_is_alias=True) | Q(target_live=False)
    outdated_localized = Q(translation_uuid__isnull=False) & (
        Q(source_synced_at__lt=F("last_published_at"))
        | Q(segments_translated__lt=F("segments_total"))
        | Q(target_published_at__lt=F("source_synced_at"))
    )
    outdated_by_hand = Q(translation_uuid__isnull=True) & Q(target_published_at__lt=F("last_published_at"))
    return pages.annotate(
        translation_status=Case(
            When(missing, then=Value(MISSING)),
            When(outdated_localized | outdated_by_hand, then=Value(OUTDATED)),
            default=Value(UP_TO_DATE),
            output_field=CharField(),
        )
    )


def source_pages(source_locale):
    """The live pages of the source locale (a French draft has nothing to translate yet), not aliases."""
    return Page.objects.live().filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
