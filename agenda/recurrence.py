"""Recurring events typed in the admin: an RRULE and excluded days turn the first date into one row per date.

Rows are generated up to a horizon (``AGENDA_RECURRENCE_HORIZON_DAYS``, 18 months) and the nightly
``extend_recurrences`` command moves the horizon forward. Each generated row carries its occurrence's
original start as ``recurrence_id``, so regenerating keeps what editors set on a row (a status, a
capacity) and only adds or removes occurrences.
"""

import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.content_cache import content_changed

PARIS = ZoneInfo("Europe/Paris")
MAX_OCCURRENCES = 1000


class RecurrenceError(ValueError):
    """A rule editors typed that cannot be used; the message says why, in French."""


def parse_rule(text, start=None):
    """The ``dateutil`` rule of ``text`` (``FREQ=…``, with or without ``RRULE:``) anchored at ``start``."""
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    if not rule or "FREQ=" not in rule.upper():
        raise RecurrenceError(_("La règle doit indiquer une fréquence, par exemple FREQ=WEEKLY;COUNT=6."))
    anchor = start or datetime.datetime(2000, 1, 1, tzinfo=PARIS)
    try:
        return rrulestr(rule, dtstart=timezone.localtime(anchor, PARIS))
    except (ValueError, TypeError) as error:
        raise RecurrenceError(_("Règle de répétition illisible : %(error)s") % {"error": error}) from error


def parse_exceptions(text):
    """The days listed one per line (``AAAA-MM-JJ``); unreadable lines are ignored."""
    days = set()
    for line in text.splitlines():
        try:
            days.add(datetime.date.fromisoformat(line.strip()))
        except ValueError:
            continue
    return days


def occurrence_id(start):
    """The stable identifier of an occurrence: its original start, in UTC."""
    return start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def occurrences(page, now=None):
    """``(start, end)`` of every occurrence of ``page``'s rule from its first date up to the horizon."""
    first = page.dates.filter(generated=False).order_by("start").first()
    if not page.recurrence or first is None:
        return []
    now = now or timezone.now()
    horizon = now + datetime.timedelta(days=settings.AGENDA_RECURRENCE_HORIZON_DAYS)
    rule = parse_rule(page.recurrence, first.start)
    duration = first.end - first.start
    excluded = parse_exceptions(page.recurrence_exceptions)
    result = []
    for start in rule.xafter(timezone.localtime(first.start, PARIS), count=MAX_OCCURRENCES, inc=False):
        if start > horizon:
            break
        if start.date() in excluded:
            continue
        result.append((start, start + duration))
    return result


def generate_dates(page, now=None):
    """Bring ``page``'s generated rows in step with its rule; return (added, removed).

    The first hand-typed date is the model; later hand-typed dates are kept as they are. Generated rows
    no longer produced by the rule are removed only if they are still in the future.
    """
    from agenda.models import EventDate
    from agenda.models.registrations import ACTIVE

    now = now or timezone.now()
    model = page.dates.filter(generated=False).order_by("start").first()
    wanted = {occurrence_id(start): (start, end) for start, end in occurrences(page, now)}
    existing = {row.recurrence_id: row for row in page.dates.filter(generated=True)}
    last_order = max((row.sort_order or 0 for row in page.dates.all()), default=0)
    added = [
        EventDate(
            page=page,
            locale_id=page.locale_id,
            start=start,
            end=end,
            all_day=model.all_day,
            capacity=model.capacity,
            recurrence_id=key,
            generated=True,
            sort_order=last_order + number,
        )
        for number, (key, (start, end)) in enumerate(
            sorted((item for item in wanted.items() if item[0] not in existing), key=lambda item: item[1][0]),
            start=1,
        )
    ]
    EventDate.objects.bulk_create(added)
    stale = [row.pk for key, row in existing.items() if key not in wanted and row.start > now]
    # A date people registered for stays until an organiser cancels it: its participants must be told.
    stale = list(
        EventDate.objects.filter(pk__in=stale).exclude(registrations__status__in=ACTIVE).values_list("pk", flat=True)
    )
    EventDate.objects.filter(pk__in=stale).delete()
    if added or stale:
        # Bulk writes send no signal: the agenda's facet index (agenda.date_index) must be built again.
        content_changed()
    return len(added), len(stale)
