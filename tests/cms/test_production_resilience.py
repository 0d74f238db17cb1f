"""Production settings with Redis down: pages are served, people register, sessions hold, quickly.

The settings are cms/settings/production.py's own (loaded with a test environment whose CACHE_URL points at a
port where nothing listens), applied over the test settings: the cache, django-redis's error handling, the
rate limit's behaviour when it cannot count, and the sessions. `make faults` checks the same on the running
stack (ops/faults.py, scenario b).
"""

import importlib
import socket
import sys
import time

import pytest
import time_machine

from django.test import override_settings

from agenda.models import Registration, RegistrationMode
from tests.agenda.agenda_data import NOW, at
from tests.conftest import soup
from tests.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_redis_url():
    """A Redis URL on a 127.0.0.1 port where nothing listens (a stopped Redis refuses the connection)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def production(monkeypatch, dead_redis_url):
    """cms.settings.production, read with a complete environment."""
    for name, value in {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "sqlite:///unused.sqlite3",
        "CACHE_URL": dead_redis_url,
        "EMAIL_HOST": "127.0.0.1",
    }.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("cms.settings.production", None)
    module = importlib.import_module("cms.settings.production")
    yield module
    sys.modules.pop("cms.settings.production", None)


@pytest.fixture
def redis_down(production):
    names = [
        "CACHES",
        "DJANGO_REDIS_IGNORE_EXCEPTIONS",
        "RATELIMIT_FAIL_OPEN",
        "SESSION_ENGINE",
        "AGENDA_REGISTRATION_RATE_PER_IP",
    ]
    with override_settings(**{name: getattr(production, name) for name in names}):
        yield


@pytest.fixture
def event(site_tree):
    index = EventIndexPageFactory(parent=site_tree.home, title="Agenda", slug="agenda")
    dates = [{"start": at(6, 22, 9), "end": at(6, 22, 12), "capacity": 20, "registration_deadline": at(6, 20, 12)}]
    with time_machine.travel(NOW, tick=False):
        yield EventPageFactory(
            parent=index,
            title="Journée d'accueil des actifs",
            contact_email="organisation@example.org",
            registration_mode=RegistrationMode.SITE,
            dates=dates,
        )


def test_a_redis_call_gives_up_within_a_second(production):
    options = production.CACHES["default"]["OPTIONS"]
    assert options["SOCKET_CONNECT_TIMEOUT"] <= 0.5 and options["SOCKET_TIMEOUT"] <= 1
    assert production.DJANGO_REDIS_IGNORE_EXCEPTIONS is True


def test_with_redis_down_pages_answer_and_a_registration_is_recorded_and_confirmed(client, redis_down, event):
    date = event.dates.get()
    form_url = f"{event.url}inscription/{date.pk}/"
    started = time.monotonic()
    assert client.get("/fr/").status_code == 200
    assert client.get(event.url).status_code == 200
    assert client.get(form_url).status_code == 200

    response = client.post(
        form_url,
        {
            "first_name": "Camille",
            "last_name": "Martin",
            "email": "camille@example.org",
            "organisation": "Communauté de communes du Diois",
            "role": "Chargée de mission accueil",
            "territory": "Pays Diois",
            "consent": "on",
            "website": "",
        },
    )
    # Not "too many registrations": the rate limit cannot count, and lets the person through.
    assert response.status_code == 302
    assert response["Location"] == f"{form_url}merci/"
    assert Registration.objects.filter(date=date, email="camille@example.org").exists()
    # The session (cached_db) kept the registration's id through the database: the confirmation shows.
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "camille@example.org" in soup(confirmation).get_text()
    assert time.monotonic() - started < 20  # refused connections cost nothing: no request waits on a timeout


def test_with_redis_down_listings_and_search_leave_the_cache_misses_empty(client, redis_down, site_tree):
    """django-redis answers every missed ``get_many`` with one shared dict during an outage: the card and search
    caches once filled it with HTML, and every image on the next pages failed with a 500 (``make faults``)."""
    from django.core.cache import cache

    from tests.conftest import build_pays_diois
    from tests.factories import OfferIndexPageFactory

    OfferIndexPageFactory(parent=site_tree.home, title="Offres", slug="offres")
    _territory, offer, event = build_pays_diois(site_tree.home)
    for url in ["/fr/offres/", "/fr/agenda/", "/fr/recherche/?q=boulangerie", offer.url, event.url, "/fr/"]:
        assert client.get(url).status_code in (200, 404), url
        assert cache.get_many(["cms:anything"]) == {}, url
