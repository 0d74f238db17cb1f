"""The agenda's list, month grid, iCalendar feed and RSS run as many queries with 1,000 events as with 20."""

import datetime

import pytest
import time_machine

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agenda.models import EventPage
from tests.bench_agenda import generate_events
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventTypeFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db

URLS = [
    "/fr/agenda/",
    "/fr/agenda/?view=month",
    "/fr/agenda/?territory=pays-diois",
    "/fr/agenda/ical/",
    "/fr/agenda/rss/",
]


def query_counts(client):
    counts = {}
    for url in URLS:
        client.get(url)  # warm the caches every request shares (site, locales)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured.captured_queries)
    return counts


def test_query_counts_do_not_grow_from_20_to_1000_events(client, site_tree):
    with time_machine.travel(datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.UTC), tick=False):
        EventIndexPageFactory(parent=site_tree.home)
        territory = TerritoryPageFactory(
            parent=TerritoryIndexPageFactory(parent=site_tree.home), title="Pays Diois", slug="pays-diois"
        )
        event_type = EventTypeFactory(slug="atelier")
        now = timezone.now()
        for number in range(20):
            start = now + datetime.timedelta(days=number + 1)
            EventPageFactory(parent=territory, event_type=event_type, dates=[(start, start)])
        small = query_counts(client)

        generate_events(980 * 4)  # 980 more events under the territory, four dates each, written in bulk
        assert EventPage.objects.count() == 1000
        large = query_counts(client)

    assert large == small
