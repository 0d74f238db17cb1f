"""A search's hit committed in a transaction of its own, as in a request, where PostgreSQL does not wait for the
disk (``synchronous_commit = off`` for that transaction alone): the count is there all the same."""

import os

import pytest

from django.db import connection

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.promotions import record_search

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="synchronous_commit is PostgreSQL's (make test-postgres)",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_a_search_is_recorded_in_a_transaction_of_its_own(migrated_state_afterwards):
    assert not connection.in_atomic_block  # outside any test transaction, as a request is
    record_search("Coworking")
    record_search("coworking")
    assert Query.get("coworking").hits == 2
    assert QueryDailyHits.objects.get(query__query_string="coworking").hits == 2
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"  # SET LOCAL ended with the hit's transaction
