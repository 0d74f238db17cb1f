"""``/healthz``: is this app server able to serve? For the load balancer, the stack's scripts and monitoring.

It checks what every page needs: the default database (``SELECT 1``) and the shared cache (a set, get and delete
of a key of its own). The answer names each component "ok" or "error" and nothing else: no exception text, host
name or setting, since the URL is public (the proxy may restrict it, but must not have to). The reason of a
failure goes to the log (``cms.health``), for the operators.

It is fast when a component is down only if the clients give up quickly: ``SOCKET_CONNECT_TIMEOUT`` and
``SOCKET_TIMEOUT`` for django-redis, ``connect_timeout`` for PostgreSQL (production settings).
"""

import logging
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("cms.health")


def database_ok():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not able to serve"; the reason is logged, not shown
        logger.warning("Health check: the database is unreachable", exc_info=True)
        return False


def cache_ok():
    """Write, read back and delete a key of our own. Reading it back matters: with django-redis's
    ``IGNORE_EXCEPTIONS`` a Redis that is down raises nothing, it just never returns what was set."""
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        found = cache.get(key) == "ok"
        cache.delete(key)
    except Exception:
        logger.warning("Health check: the cache is unreachable", exc_info=True)
        return False
    if not found:
        logger.warning("Health check: the cache did not return the key just set")
    return found


@require_safe
@never_cache
def healthz(request):
    """200 and every component "ok", or 503 naming the component in "error"."""
    components = {"database": database_ok(), "cache": cache_ok()}
    healthy = all(components.values())
    body = {"status": "ok" if healthy else "error"}
    body.update({name: "ok" if ok else "error" for name, ok in components.items()})
    return JsonResponse(body, status=200 if healthy else 503)
