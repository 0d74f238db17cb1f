"""/healthz: the database and the shared cache, each "ok" or "error", answered fast and never cached."""

import socket
import time
import uuid

import pytest
import redis

from django.test import override_settings


def closed_port():
    """A local port nobody listens on: bound then released, so connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"healthz-test-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }


def local_redis_answers():
    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def test_healthz_ok_on_the_test_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "application/json"


def test_healthz_refuses_writes(client, db):
    assert client.post("/healthz").status_code == 405


def test_unreachable_redis_answers_503_fast_without_details(client, db):
    port = closed_port()
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{port}/9")):
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}
    assert "no-store" in response["Cache-Control"]
    # Nothing about where or why: no address, no port, no exception text.
    body = response.content.decode()
    assert "127.0.0.1" not in body and str(port) not in body and "Error " not in body
    assert elapsed < 3, f"/healthz took {elapsed:.1f} s with Redis down"


@pytest.mark.skipif(not local_redis_answers(), reason="no Redis answers on 127.0.0.1:6379")
def test_healthz_ok_with_the_local_redis(client, db):
    with override_settings(CACHES=redis_cache("redis://127.0.0.1:6379/9")):
        response = client.get("/healthz")
        from django.core.cache import cache

        # The check cleans up after itself: no health key is left in Redis.
        assert cache.keys("healthz:*") == []
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
