"""The agenda in a browser: filter by territory and month, open an event, download its .ics; axe finds nothing on
the list, the month grid and an event page, in both languages, and nothing scrolls sideways at 320 px."""

import datetime
import re
from collections import Counter

from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import expect

from django.utils import timezone

from wagtail.models import Locale

from agenda.models import EventDate, EventIndexPage, EventPage
from agenda.models.events import PARIS
from cms.visibility import visible_pages


def visible(model, language_code):
    return visible_pages(None, model.objects.all(), locale=Locale.objects.get(language_code=language_code))


def busiest_territory_month():
    """The (territory slug, first day of a month) with the most visible French dates, from next month on, and that
    number of dates. Read from the database so the test follows the demo content as it evolves."""
    next_month = (timezone.localdate(timezone.now(), PARIS).replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    pairs = Counter()
    dates = (
        EventDate.objects.of_pages(visible(EventPage, "fr").exclude(territory=None))
        .filter(start__gte=datetime.datetime.combine(next_month, datetime.time(), PARIS))
        .select_related("page__territory")
    )
    for date in dates:
        month = timezone.localtime(date.start, PARIS).date().replace(day=1)
        pairs[date.page.territory.slug, month] += 1
    assert pairs, "the demo content has no upcoming French event with a territory"
    return pairs.most_common(1)[0]


def test_filter_by_territory_and_month_open_an_event_and_download_its_ics(demo, page):
    (territory, month), count = busiest_territory_month()
    agenda_url = visible(EventIndexPage, "fr").get().url
    page.goto(demo.url + agenda_url)
    filters = page.get_by_role("search", name="Filtrer les événements")
    filters.get_by_label("Territoire", exact=True).select_option(territory)
    filters.get_by_label("Mois", exact=True).fill(month.strftime("%Y-%m"))
    filters.get_by_role("button", name="Filtrer").click()

    expect(page).to_have_url(re.compile(rf"[?&]territory={territory}(&|$)"))
    expect(page).to_have_url(re.compile(rf"[?&]month={month:%Y-%m}(&|$)"))
    expect(page.get_by_role("status")).to_contain_text(f"{count} événement")
    cards = page.locator(".agenda-list .card__title a")
    expect(cards).to_have_count(min(count, 12))
    expect(page.locator(".agenda-month h2")).to_have_count(1)

    # The month view of the same filters: the grid's caption names the month.
    page.get_by_role("navigation", name="Affichage").get_by_role("link", name="Mois").click()
    expect(page.locator(".agenda-grid caption time")).to_have_attribute("datetime", month.strftime("%Y-%m"))
    page.get_by_role("navigation", name="Affichage").get_by_role("link", name="Liste").click()

    first = cards.first
    title = first.evaluate("link => link.firstChild.textContent.trim()")
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115 - read at once
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert any(title in summary for summary in summaries), summaries

    page.get_by_role("link", name="Retour à l’agenda").click()
    expect(page.locator("h1")).to_have_text("Agenda")


def test_the_month_grid_is_walked_with_the_keyboard(demo, page):
    agenda_url = visible(EventIndexPage, "fr").get().url
    page.goto(demo.url + agenda_url + "?view=month")
    following = page.locator(".agenda-months a[rel=next]")
    following.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"view=month"))
    expect(page).to_have_url(re.compile(r"month=\d{4}-\d{2}"))
    # Tab from the month links goes into the grid's box, then to its first link.
    page.locator(".agenda-months a[rel=next]").focus()
    page.keyboard.press("Tab")
    expect(page.locator(".agenda-grid")).to_be_focused()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.agenda-grid') !== null")
    assert focused


def test_agenda_list_grid_and_event_pages_have_no_axe_violation(demo, page):
    (territory, month), _count = busiest_territory_month()
    urls = []
    for code in ("fr", "en"):
        agenda = visible(EventIndexPage, code).get()
        event = (
            visible(EventPage, code)
            .filter(pk__in=EventDate.objects.filter(end__gte=timezone.now()).values("page"))
            .order_by("path")
            .first()
        )
        assert event is not None, f"the demo content has no upcoming {code} event"
        urls += [
            agenda.url,
            f"{agenda.url}?view=month",
            f"{agenda.url}?view=month&month={month:%Y-%m}&territory={territory}",
            f"{agenda.url}?past=1",
            f"{agenda.url}?territory={territory}&type=nothing&month=2027-13&start=2030-01-02&end=2030-01-01",
            event.url,
        ]
    axe = Axe()
    failures = []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            page.goto(demo.url + url)
            results = axe.run(page)
            if results.violations_count:
                failures.append(f"{url} at {width}px:\n{results.generate_report()}")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{url} scrolls horizontally by {overflow}px at {width}px"
    assert not failures, "\n\n".join(failures)
