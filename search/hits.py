"""Search hits for Wagtail's "Search terms" report, counted in Redis first and written by a job.

Counting a search in the database costs a transaction of four statements (the term, its row of the day, the
increment): a write for every visitor who searches, a quarter of a search page's time, and one more for every
search answered from the page cache. When the cache is Redis, a hit is one ``HINCRBY`` in a hash per day, and
``flush_search_hits`` (every five minutes, ``cms.schedule``) adds the day's counts to Wagtail's
``QueryDailyHits``. Without Redis (development, the tests' local cache) or when Redis does not answer, the hit
is written to the database at once, as Wagtail does.

A flush first renames the day's hash, so hits arriving meanwhile go to a new one; the renamed hash is deleted
once its counts are committed. A flush that fails leaves it for the next one. Should Redis fail between the
commit and that deletion, the next flush counts those hits twice: a report of search terms can bear it.
"""

import datetime
import logging
import re
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

logger = logging.getLogger(__name__)

PENDING = "search-hits"
FLUSHING = "search-hits-flushing"
# A day's hits left unflushed (the job stopped) are dropped after this long, as Redis keeps nothing forever.
KEEP_SECONDS = 7 * 24 * 60 * 60
DAY = re.compile(r":(\d{4}-\d{2}-\d{2})(?::[0-9a-f]+)?$")


def redis():
    """The cache's Redis client, or None when the cache is not Redis."""
    try:
        from django_redis import get_redis_connection

        return get_redis_connection("default")
    except (ImportError, NotImplementedError):
        return None


def _errors():
    from redis.exceptions import RedisError

    return RedisError


def buffer_hit(normalised, client=None):
    """Count one search for ``normalised`` today in Redis; False when there is no Redis or it did not answer."""
    client = client or redis()
    if client is None:
        return False
    key = cache.make_key(f"{PENDING}:{timezone.now().date().isoformat()}")
    try:
        client.pipeline(transaction=False).hincrby(key, normalised, 1).expire(key, KEEP_SECONDS).execute()
    except _errors():
        logger.warning("Redis did not count the search %r: written to the database instead", normalised)
        return False
    return True


def write_hits(normalised, day, number):
    """Add ``number`` hits for ``normalised`` on ``day`` to Wagtail's report (what ``Query.add_hit`` does)."""
    query = Query.get(normalised)
    daily, created = QueryDailyHits.objects.get_or_create(query=query, date=day, defaults={"hits": number})
    if not created:
        QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + number)


def flush_hits(client=None):
    """Write the hits counted in Redis to the database; return how many searches were written."""
    client = client or redis()
    if client is None:
        return 0
    for key in client.scan_iter(match=cache.make_key(f"{PENDING}:*")):
        key = key.decode() if isinstance(key, bytes) else key
        client.rename(key, key.replace(f":{PENDING}:", f":{FLUSHING}:", 1) + f":{uuid.uuid4().hex}")
    written = 0
    for key in client.scan_iter(match=cache.make_key(f"{FLUSHING}:*")):
        key = key.decode() if isinstance(key, bytes) else key
        day = DAY.search(key)
        counts = client.hgetall(key)
        if day is None:
            client.delete(key)  # not ours to read
            continue
        with transaction.atomic():
            for term, number in counts.items():
                term = term.decode() if isinstance(term, bytes) else term
                write_hits(term, datetime.date.fromisoformat(day.group(1)), int(number))
                written += int(number)
        client.delete(key)
    return written
