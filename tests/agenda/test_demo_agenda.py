"""The demo agenda: the real sessions in the archive, 60-odd bilingual upcoming events, one feed; loaded once."""

import datetime
from collections import Counter
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Locale, Revision

from agenda import demo_content
from agenda.demo_content import DEMO_SOURCE_URL, event_rows, reference_monday, typed_rows
from agenda.demo_content.events import Event, When
from agenda.importing import parse_feed
from agenda.models import (
    AttendanceMode,
    DateStatus,
    EventDate,
    EventIndexPage,
    EventPage,
    EventSource,
    EventType,
    RegistrationMode,
)
from agenda.recurrence import generate_dates
from cms.demo import app_demo_modules
from cms.demo.texts import english
from cms.models import TerritoryPage
from home.models import HomePage

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run ``load_demo`` once for the module and roll it back afterwards."""
    out = StringIO()
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        cache.clear()
        call_command("load_demo", stdout=out, stderr=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def events(demo):
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    french = list(EventPage.objects.filter(locale=fr).select_related("territory", "event_type"))
    translations = {
        page.translation_key: page
        for page in EventPage.objects.filter(locale=en).select_related("territory", "event_type")
    }
    return fr, en, french, translations


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def test_the_agenda_app_is_found_by_the_demo_loader():
    assert demo_content in app_demo_modules()


def test_agenda_page_follows_the_catalogue_in_each_language(demo):
    for language, slug, title in [("fr", "agenda", "Agenda"), ("en", "calendar", "Calendar")]:
        agenda = EventIndexPage.objects.get(locale__language_code=language)
        assert (agenda.slug, agenda.title) == (slug, title)
        assert agenda.live and agenda.show_in_menus and agenda.intro
        home = HomePage.objects.get(locale__language_code=language)
        assert agenda.get_parent().pk == home.pk
        children = [page.specific_class.__name__ for page in home.get_children()]
        assert children.index("EventIndexPage") == children.index("OfferIndexPage") + 1
        linked = [block.value["link"]["page"] for block in home.specific.entry_points]
        assert agenda.pk in [page.pk for page in linked if page]


def test_sixty_odd_upcoming_french_events_each_with_a_live_english_translation(events, demo):
    _, en, french, translations = events
    now = timezone.now()
    upcoming = EventDate.objects.filter(page__in=[page.pk for page in french]).upcoming(now)
    assert upcoming.values("page").distinct().count() >= 60
    assert all(page.dates.exists() for page in french)
    assert len(translations) == len(french)
    for page in french:
        translated = translations[page.translation_key]
        assert page.live and translated.live, page.title
        assert translated.title == english(page.title) and translated.title != page.title
        assert translated.slug == english(page.slug)
        assert translated.summary == english(page.summary)
        assert translated.event_type.locale_id == en.pk
        assert translated.event_type.translation_key == page.event_type.translation_key
        # Dates are synchronised: the same rows, generated ones included.
        fields = ("start", "end", "all_day", "status", "capacity", "registration_deadline", "generated")
        assert list(translated.dates.order_by("start").values_list(*fields)) == list(
            page.dates.order_by("start").values_list(*fields)
        )
        assert set(translated.themes.values_list("pk", flat=True)) == set(page.themes.values_list("pk", flat=True))
    assert "no English translation" not in demo


def test_every_territory_has_local_events_near_it_and_regional_ones_sit_under_the_agenda(events):
    fr, _, french, translations = events
    territories = TerritoryPage.objects.filter(locale=fr)
    assert territories.count() == 9
    now = timezone.now()
    local = [page for page in french if page.territory_id]
    per_territory = Counter(page.territory.slug for page in local if page.dates.upcoming(now).exists())
    assert set(per_territory) == set(territories.values_list("slug", flat=True))
    assert min(per_territory.values()) >= 4
    for page in [*local, *(translations[page.translation_key] for page in local)]:
        assert page.get_parent().pk == page.territory_id and page.territory.locale_id == page.locale_id
        if page.latitude is not None:
            assert abs(page.latitude - float(page.territory.latitude)) < 0.5, page.title
            assert abs(page.longitude - float(page.territory.longitude)) < 0.5, page.title
    agenda = EventIndexPage.objects.get(locale=fr)
    regional = [page for page in french if not page.territory_id]
    assert len(regional) >= 20
    assert all(page.get_parent().pk == agenda.pk for page in regional)


def test_every_event_type_is_used_in_both_languages(events):
    fr, en, french, _ = events
    slugs = set(EventType.objects.filter(locale=fr).values_list("slug", flat=True))
    assert slugs == {
        "session-information",
        "formation",
        "atelier",
        "salon",
        "webinaire",
        "evenement-local",
        "journee-regionale",
        "visite",
    }
    assert {page.event_type.slug for page in french} == slugs
    assert set(EventType.objects.filter(locale=en).values_list("slug", flat=True)) == slugs
    assert EventType.objects.get(locale=en, slug="salon").name == "Fair"


ARCHIVE = {
    # slug: (first day, last day, start time or None for all day, end time)
    "mettre-en-valeur-son-territoire-vienne-2016": (datetime.date(2016, 3, 3), datetime.date(2016, 3, 3), None),
    "vivre-et-travailler-a-la-campagne-lyon-2016": (datetime.date(2016, 5, 19), datetime.date(2016, 5, 19), None),
    "salon-des-entrepreneurs-de-lyon-2016": (datetime.date(2016, 6, 15), datetime.date(2016, 6, 16), None),
    "mobiliser-autrement-lyon-2016": (datetime.date(2016, 9, 26), datetime.date(2016, 9, 26), None),
    "contrat-de-reciprocite-ville-campagne-2016": (
        datetime.date(2016, 12, 6),
        datetime.date(2016, 12, 6),
        (datetime.time(9, 30), datetime.time(17)),
    ),
    "entreprendre-en-collectif-groupe-de-travail-2021": (
        datetime.date(2021, 4, 27),
        datetime.date(2021, 4, 27),
        (datetime.time(9, 30), datetime.time(12, 30)),
    ),
    "cooperations-villes-campagnes-2021": (
        datetime.date(2021, 9, 24),
        datetime.date(2021, 9, 24),
        (datetime.time(9, 30), datetime.time(17)),
    ),
}


def test_the_seed_sessions_are_in_the_archive_with_their_real_dates(events):
    fr, _, french, _ = events
    by_slug = {page.slug: page for page in french}
    agenda = EventIndexPage.objects.get(locale=fr)
    for slug, (first_day, last_day, times) in ARCHIVE.items():
        page = by_slug[slug]
        assert page.get_parent().pk == agenda.pk
        (date,) = page.dates.all()
        assert (date.first_day, date.last_day) == (first_day, last_day), slug
        assert date.all_day == (times is None), slug
        if times:
            start, end = timezone.localtime(date.start, PARIS), timezone.localtime(date.end, PARIS)
            assert (start.time(), end.time()) == times, slug
    training = by_slug["cooperations-villes-campagnes-2021"]
    (date,) = training.dates.all()
    assert date.capacity == 20
    assert date.registration_deadline == paris(2021, 9, 15, 23, 59)
    assert training.membership_required and training.registration_mode == RegistrationMode.SITE
    assert training.contact_name == "Dominique Bernier"
    assert training.contact_email.endswith("@example.org") and training.contact_phone.startswith("04 65 71")
    assert training.commune == "Alixan" and training.event_type.slug == "formation"
    assert by_slug["salon-des-entrepreneurs-de-lyon-2016"].dates.get().is_multi_day


def test_cancelled_online_mixed_members_only_paid_and_multi_day_events(events):
    _, _, french, _ = events
    now = timezone.now()
    upcoming = [page for page in french if page.dates.upcoming(now).exists()]

    assert EventDate.objects.filter(page__in=[p.pk for p in upcoming], status=DateStatus.CANCELLED).exists()
    online = [page for page in upcoming if page.attendance_mode == AttendanceMode.ONLINE]
    assert online and all(page.online_link.startswith("https://") and not page.has_place for page in online)
    mixed = [page for page in upcoming if page.attendance_mode == AttendanceMode.MIXED]
    assert mixed and all(page.online_link and page.commune for page in mixed)

    members_only = [page for page in upcoming if page.membership_required]
    assert members_only
    training = members_only[0]
    date = training.dates.get()
    assert training.event_type.slug == "formation" and training.registration_mode == RegistrationMode.SITE
    assert date.capacity == 20 and now < date.registration_deadline < date.start

    assert any(page.registration_mode == RegistrationMode.LINK and page.registration_url for page in upcoming)
    assert any(page.registration_mode == RegistrationMode.EMAIL and page.registration_email for page in upcoming)
    paid = [page for page in upcoming if not page.is_free]
    assert len(paid) >= 5 and all(page.price > 0 for page in paid)

    multi_day = [date for page in upcoming for date in page.dates.all() if date.is_multi_day]
    assert any(date.all_day for date in multi_day) and any(not date.all_day for date in multi_day)
    assert any((date.last_day - date.first_day).days == 2 for date in multi_day)  # a fair over three days
    assert any(page.dates.filter(generated=False).count() >= 3 for page in upcoming)  # several typed dates


def test_cycles_hold_every_date_of_their_rule(events):
    _, en, french, translations = events
    recurring = [page for page in french if page.recurrence]
    assert len(recurring) >= 3
    assert max(page.dates.count() for page in recurring) >= 7
    for page in recurring:
        assert page.dates.count() >= 6, page.title
        assert page.dates.filter(generated=False).count() == 1
        # generate_dates finds every occurrence already there, in both languages.
        assert generate_dates(page) == (0, 0)
        assert generate_dates(translations[page.translation_key]) == (0, 0)
    weekly = next(page for page in recurring if page.recurrence_exceptions)
    assert weekly.recurrence == "FREQ=WEEKLY;COUNT=8" and weekly.dates.count() == 7
    excluded = datetime.date.fromisoformat(weekly.recurrence_exceptions)
    days = [date.first_day for date in weekly.dates.order_by("start")]
    assert excluded not in days and excluded - datetime.timedelta(days=7) in days
    assert {(day - days[0]).days % 7 for day in days} == {0}


def test_the_demo_source_points_at_the_fixture_feed(events):
    fr, *_ = events
    source = EventSource.objects.get()
    assert (source.name, source.url) == ("Agenda du Pays Diois", DEMO_SOURCE_URL)
    assert source.url == "http://127.0.0.1:8000/static/agenda/demo/pays-diois.ics"
    assert source.territory.slug == "pays-diois" and source.territory.locale_id == fr.pk
    assert source.format == "ical" and source.active and not source.trusted
    assert source.event_type.slug == "evenement-local"
    assert not source.events.exists()  # the loader does not import it
    path = finders.find("agenda/demo/pays-diois.ics")
    assert path
    with open(path, "rb") as feed:
        parsed = parse_feed(feed.read(), format="ical", now=paris(2026, 12, 1))
    assert len(parsed.events) >= 6 and not parsed.rejected
    assert all(date.start.year == 2027 for event in parsed.events for date in event.dates)
    assert any(date.status == DateStatus.CANCELLED for event in parsed.events for date in event.dates)


def test_a_second_run_changes_nothing(demo):
    def state():
        return (
            Revision.objects.count(),
            sorted(EventDate.objects.values_list("pk", "page_id", "start", "end", "status")),
            EventSource.objects.count(),
            EventType.objects.count(),
        )

    before = state()
    call_command("load_demo", stdout=StringIO())
    assert state() == before


# --- Dates relative to the load ----------------------------------------------------------------------

SUNDAY = datetime.datetime(2026, 11, 22, 8, 0, tzinfo=datetime.UTC)
FAIR = Event(
    "",
    ("salon", "fair"),
    ("Salon", "Fair"),
    "salon",
    ("", ""),
    ("", ""),
    None,
    [When(58, days=3), When(65, "09:30", "17:00", capacity=20, deadline=9)],
)


@time_machine.travel(SUNDAY, tick=False)
def test_upcoming_dates_count_from_the_monday_of_the_load_and_never_from_the_import():
    now = timezone.now()
    monday = reference_monday(now)
    assert monday == datetime.date(2026, 11, 16)
    fair, training = typed_rows(FAIR, monday)
    # All day over three days: midnight to midnight after the last day, as EventDate stores it.
    assert (fair["start"], fair["end"], fair["all_day"]) == (paris(2027, 1, 13), paris(2027, 1, 16), True)
    assert (training["start"], training["end"]) == (paris(2027, 1, 20, 9, 30), paris(2027, 1, 20, 17))
    assert training["registration_deadline"] == paris(2027, 1, 11, 23, 59)
    assert training["capacity"] == 20 and not training["generated"]


@time_machine.travel(SUNDAY, tick=False)
def test_a_later_run_keeps_the_days_of_an_event_not_over_and_moves_a_past_one():
    now = timezone.now()
    first = event_rows(FAIR, reference_monday(now), None, now)
    stored = ([row["start"].date() for row in first], max(row["end"] for row in first))
    # Ten days later, the same event keeps its days…
    later = now + datetime.timedelta(days=10)
    assert event_rows(FAIR, reference_monday(later), stored, later) == first
    # …but once over, it moves to the coming months again.
    much_later = now + datetime.timedelta(days=120)
    moved = event_rows(FAIR, reference_monday(much_later), stored, much_later)
    assert moved[0]["start"] > much_later and moved[0]["start"].weekday() == first[0]["start"].weekday()


def test_the_demo_training_is_nearly_full_and_its_english_page_counts_the_same_seats(client, demo):
    from agenda.demo_content.registrations import PEOPLE, SESSION_SLUG, ensure_registrations

    page = EventPage.objects.get(slug=SESSION_SLUG, locale__language_code="fr")
    date = page.dates.filter(start__gt=timezone.now()).get()
    assert date.registrations.filter(status="confirmed").count() == len(PEOPLE) == 17
    assert ensure_registrations() == 0  # a second load adds nobody
    cache.clear()
    french = client.get(page.url).content.decode()
    assert "plus que 3 places" in french
    english_page = page.get_translation(Locale.objects.get(language_code="en"))
    assert 'data-seats-left="3"' in client.get(english_page.url).content.decode()
