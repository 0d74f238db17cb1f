"""Search hits counted in Redis and written to the "Search terms" report by ``flush_search_hits`` (``search.hits``),
on the local Redis; written at once when Redis does not answer."""

import socket
import uuid

import pytest

from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import hits
from search.promotions import record_search
from tests.conftest import local_redis_answers

pytestmark = pytest.mark.django_db


def redis_cache(url, prefix):
    options = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5}
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": options,
            "KEY_PREFIX": prefix,
        }
    }


@pytest.fixture
def redis_cache_on(settings):
    if not local_redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/12", prefix)
    yield
    client = hits.redis()
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def hits_of(term):
    return sum(QueryDailyHits.objects.filter(query__query_string=term).values_list("hits", flat=True))


def test_searches_are_counted_in_redis_then_written_by_the_job(redis_cache_on):
    record_search("Coworking")
    record_search("coworking ")
    record_search("tiers-lieux")
    assert not QueryDailyHits.objects.exists()  # nothing written yet
    call_command("flush_search_hits", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (hits_of("coworking"), hits_of("tiers-lieux")) == (2, 1)
    assert Query.get("coworking").hits == 2  # as the report reads them
    call_command("flush_search_hits", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert hits_of("coworking") == 2  # written once
    record_search("coworking")
    hits.flush_hits()
    assert hits_of("coworking") == 3  # added to the day's row


def test_a_search_page_writes_no_hit_to_the_database(client, site_tree, redis_cache_on):
    client.get("/fr/recherche/?q=tiers-lieux")  # the site settings, made on first read
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/recherche/?q=coworking").status_code == 200
    written = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    assert not written
    assert not [q for q in queries.captured_queries if "wagtailsearchpromotions_querydailyhits" in q["sql"]]
    hits.flush_hits()
    assert (hits_of("coworking"), hits_of("tiers-lieux")) == (1, 1)


def test_a_flush_that_fails_leaves_the_counts_for_the_next(redis_cache_on, monkeypatch):
    record_search("coworking")
    record_search("coworking")

    def broken(*args):
        raise DatabaseError("the database is down")

    monkeypatch.setattr(hits, "write_hits", broken)
    with pytest.raises(DatabaseError):
        hits.flush_hits()
    record_search("coworking")  # meanwhile, in a new hash
    monkeypatch.undo()
    assert hits.flush_hits() == 3
    assert hits_of("coworking") == 3


def test_with_redis_down_a_search_is_written_at_once(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens there once closed
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0", "test-down")
    record_search("coworking")
    assert hits_of("coworking") == 1


def test_without_redis_the_job_has_nothing_to_do(capsys):
    record_search("coworking")  # the tests' local cache: written at once
    assert hits_of("coworking") == 1
    call_command("flush_search_hits")
    assert "pas Redis" in capsys.readouterr().out
    assert hits_of("coworking") == 1
