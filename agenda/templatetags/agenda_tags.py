"""Template tags for showing event dates and linking to the agenda (agenda, event, territory and home pages).

Dates are written in the active language with Django's ``date`` formats (translated month and weekday
names, the language's own ``TIME_FORMAT``), in Europe/Paris, each wrapped in ``<time datetime>``.
"""

from urllib.parse import urlencode

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import get_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Locale

from agenda.models import EventIndexPage
from agenda.models.events import PARIS
from cms.visibility import visible_pages

register = template.Library()

DAY = "l j F Y"  # samedi 5 juin 2027 / Saturday 5 June 2027
SPAN_END = "j F Y"  # a span of days is shorter: du 5 au 6 juin 2027


def _time(value, text):
    return format_html('<time datetime="{}">{}</time>', value, text)


def _day(day, fmt=DAY):
    return _time(day.isoformat(), date_format(day, fmt))


def _clock(moment):
    return date_format(moment, get_format("TIME_FORMAT"))


def _join(message, **parts):
    """``message`` (translated, escaped) with its ``%(name)s`` placeholders replaced by safe HTML ``parts``."""
    return mark_safe(conditional_escape(message) % parts)  # noqa: S308 - the message is escaped, the parts are safe


def _day_span(first, last):
    """``first`` to ``last`` (dates), naming the month and the year once when they are shared."""
    if first.year != last.year:
        start_format = SPAN_END
    elif first.month != last.month:
        start_format = "j F"
    else:
        start_format = "j"
    return _join(_("du %(start)s au %(end)s"), start=_day(first, start_format), end=_day(last, SPAN_END))


@register.simple_tag
def date_range(date):
    """An event date in words, with ``<time>`` elements: a day, a day with its hours, or a span of days.

    ``samedi 5 juin 2027`` (all day), ``samedi 5 juin 2027, de 14:00 à 16:00``, ``samedi 5 juin 2027 à 14:00``
    (no end time), ``du 5 au 6 juin 2027`` (all-day span), and for a span with hours
    ``du 5 juin 2027 à 14:00 au 6 juin 2027 à 12:00``.
    """
    if date is None or date.start is None:
        return ""
    first, last = date.first_day, date.last_day
    if date.all_day:
        return _day(first) if first == last else _day_span(first, last)
    start = timezone.localtime(date.start, PARIS)
    end = timezone.localtime(date.end or date.start, PARIS)
    if first == last:
        if end == start:
            return _join(_("%(day)s à %(time)s"), day=_day(first), time=_time(start.isoformat(), _clock(start)))
        return _join(
            _("%(day)s, de %(start)s à %(end)s"),
            day=_day(first),
            start=_time(start.isoformat(), _clock(start)),
            end=_time(end.isoformat(), _clock(end)),
        )
    return _join(
        _("du %(start)s au %(end)s"),
        start=_time(
            start.isoformat(), _("%(day)s à %(time)s") % {"day": date_format(first, SPAN_END), "time": _clock(start)}
        ),
        end=_time(end.isoformat(), _("%(day)s à %(time)s") % {"day": date_format(last, SPAN_END), "time": _clock(end)}),
    )


@register.simple_tag
def weekdays():
    """The days of the week, Monday first, as ``(name, abbreviation)`` in the active language."""
    return [(WEEKDAYS[n], WEEKDAYS_ABBR[n]) for n in range(7)]


@register.filter
def grid_count(weeks):
    """The number of dates a month grid holds (each date counts once, on the day it is shown)."""
    return sum(day.total for week in weeks for day in week if day.in_month)


@register.filter
def offered(choices):
    """The facet choices worth offering: those with dates, and the selected one even without."""
    return [choice for choice in choices if choice.count or choice.selected]


@register.filter
def registration_open(dates):
    """Whether one of ``dates`` (an event's upcoming dates) still takes registrations."""
    return any(date.registration_open for date in dates)


@register.simple_tag(takes_context=True)
def event_agenda(context):
    """The agenda (EventIndexPage) of the active language, if the visitor may see it."""
    request = context.get("request")
    return visible_pages(request, EventIndexPage.objects.all()).order_by("path").first()


@register.simple_tag(takes_context=True)
def agenda_url(context, **params):
    """The agenda of the active language with ``params`` as its query (``territory`` may be a TerritoryPage).

    A territory is passed as the slug of its French page, the value the filter expects in every language.
    """
    agenda = event_agenda(context)
    if agenda is None:
        return ""
    territory = params.get("territory")
    if territory is not None and not isinstance(territory, str):
        source = territory.get_translation_or_none(Locale.get_default()) or territory
        params["territory"] = source.slug
    query = urlencode({name: value for name, value in params.items() if value})
    url = agenda.get_url(context.get("request"))
    return f"{url}?{query}" if query else url


@register.simple_tag
def agenda_change_url(agenda, **changes):
    """The agenda's current URL with ``changes`` applied (an empty value removes a parameter)."""
    return agenda.url(**changes)
