"""Browser tests: Playwright drives Debian's Chromium against the live test server.

They are skipped, with the reason printed, when /usr/bin/chromium is missing (``make test`` installs it
with apt when it can).
"""

import os
from pathlib import Path

import pytest

from django.core.management import call_command

from tests.conftest import restore_migrated_state

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # With pytest-xdist (``--dist loadgroup``), every browser test runs on the same worker.
            item.add_marker(pytest.mark.xdist_group("browser"))
            # Each test runs in a transaction rolled back afterwards, on top of the demo ``demo_site`` commits
            # once; the live server shares the test's in-memory SQLite connection, so it sees both.
            item.add_marker(pytest.mark.django_db)
    if not CHROMIUM.exists():
        skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (make test installs it with apt when root)")
        for item in items:
            if "tests/browser/" in str(item.fspath):
                item.add_marker(skip)


def pytest_report_header(config):
    if not CHROMIUM.exists():
        return f"browser tests SKIPPED: {CHROMIUM} is not installed"
    return f"browser tests use {CHROMIUM}"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the Django calls made by the tests
    # themselves (loading fixtures, reading the database) are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="package")
def demo_site(migrated_state, django_db_blocker):
    """The demo content, loaded once for every browser test and served by the live server.

    Loading it takes most of a minute, so the browser tests share one committed copy instead of a fresh one
    each (the live server reads from another thread: nothing can stay in a test's transaction). They only
    read it, or add what no other test counts (a contact form submission). Afterwards the database goes
    back to the migrated state the other tests expect.

    The server is started here rather than through pytest-django's ``live_server`` fixture, which makes
    every test that uses it transactional, flushing the database after each one.
    """
    from pytest_django.live_server_helper import LiveServer

    from django.test import override_settings

    from wagtail.models import Locale

    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()  # ALLOWED_HOSTS, as pytest-django does per test
        try:
            with override_settings(WAGTAILADMIN_BASE_URL=server.url):
                if not Locale.objects.exists():
                    restore_migrated_state(migrated_state)
                call_command("load_demo", verbosity=0)
                yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            restore_migrated_state(migrated_state)


@pytest.fixture
def demo(demo_site):
    """The shared demo site."""
    return demo_site
