"""Fixtures for the agenda tests. The constants and the server class live in ``tests.agenda.support``."""

import pytest

from tests.agenda.support import FIXTURES, NOW, PARIS, FeedServer, fixture_bytes

__all__ = ["FIXTURES", "NOW", "PARIS", "FeedServer", "feed_server", "fixture_bytes"]


@pytest.fixture
def feed_server():
    """A real HTTP server on 127.0.0.1 serving registered feeds (see ``FeedServer``); stopped after the test."""
    server = FeedServer()
    server.start()
    yield server
    server.stop()
