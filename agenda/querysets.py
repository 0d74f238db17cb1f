"""Queries on event dates: every agenda listing, grid and feed is a query on these rows, paginated in SQL."""

from django.db import models
from django.db.models import Case, F, OuterRef, Prefetch, Subquery, Value, When
from django.db.models.functions import Coalesce

from wagtail.images import get_image_model
from wagtail.models import Locale

CARD_RENDITION = "fill-480x270"


class EventDateQuerySet(models.QuerySet):
    def of_pages(self, pages):
        """The dates of ``pages`` (a page queryset, typically ``visible_pages(...)``), as a subquery."""
        return self.filter(page__in=pages.values("pk"))

    def upcoming(self, now):
        """Dates not over at ``now`` (a fair that started yesterday and ends tomorrow is still upcoming)."""
        return self.filter(end__gte=now)

    def past(self, now):
        return self.filter(end__lt=now)

    def between(self, start, end):
        """Dates that overlap ``[start, end)``."""
        return self.filter(start__lt=end, end__gte=start)

    def next_per_event(self, now):
        """One date per event, for cards outside the agenda (a weekly workshop takes one card, not six): each
        event's next date not over at ``now``, a scheduled one before a cancelled one, soonest first."""
        cancelled_last = Case(When(status="cancelled", then=Value(1)), default=Value(0))
        next_date = (
            self.model.objects.filter(page=OuterRef("page"))
            .upcoming(now)
            .order_by(cancelled_last, "start", "pk")
            .values("pk")[:1]
        )
        return self.upcoming(now).filter(pk=Subquery(next_date)).chronological()

    def chronological(self):
        return self.order_by("start", "pk")

    def newest_first(self):
        return self.order_by("-start", "-pk")

    def for_listing(self, locale=None):
        """The dates with what an event card shows, in a constant number of queries: the page, its territory
        and type (the type's name in ``locale`` computed in the same query as ``type_label``), and the card's
        image rendition prefetched."""
        from agenda.models import EventType

        localized_type = EventType.objects.filter(
            translation_key=OuterRef("page__event_type__translation_key"), locale=locale or Locale.get_active()
        ).values("name")[:1]
        images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
        return (
            self.select_related("page", "page__territory", "page__event_type")
            .defer("page__body")
            .prefetch_related(Prefetch("page__image", queryset=images))
            .annotate(type_label=Coalesce(Subquery(localized_type), F("page__event_type__name")))
        )
