"""The content version (``cms.content_version``): read from the cache once per request, whoever asks."""

import hashlib

import pytest

from django.core.cache import cache

from cms import content_version as content_version_module
from cms.content_version import VERSION_KEY, content_version
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

ROUTE = hashlib.sha256(b"la-demarche").hexdigest()


@pytest.fixture
def version_reads(monkeypatch):
    """The reads of the version key from the cache, as a list."""
    reads = []

    class Counting:
        def get_or_set(self, key, *args, **kwargs):
            if key == VERSION_KEY:
                reads.append(key)
            return cache.get_or_set(key, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(cache, name)

    monkeypatch.setattr(content_version_module, "cache", Counting())
    return reads


@pytest.mark.parametrize("path", ["/fr/la-demarche/", "/fr/"])
def test_a_page_request_reads_the_version_once(client, site_tree, version_reads, path):
    # Wagtail's restriction checks and the home page's translation ask without the request at hand.
    StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    client.get(path)
    version_reads.clear()
    assert client.get(path).status_code == 200
    assert len(version_reads) == 1


def test_outside_a_request_each_read_sees_a_version_replaced_elsewhere(site_tree, version_reads):
    first = content_version()
    cache.set(VERSION_KEY, "made-by-another-app-server.1700000000.0")
    assert content_version() == "made-by-another-app-server.1700000000.0" != first


def test_after_a_request_a_version_replaced_elsewhere_is_seen(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    client.get("/fr/la-demarche/")  # the thread serving it kept the version for the request's length only
    cache.set(VERSION_KEY, "made-by-another-app-server.1700000000.0")  # an editor's change on another server
    assert content_version() == "made-by-another-app-server.1700000000.0"
    client.get("/fr/la-demarche/")
    assert cache.get("cms:route:made-by-another-app-server.1700000000.0:" + str(site_tree.home.pk) + ":" + ROUTE)
