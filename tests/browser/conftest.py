"""Browser tests: Playwright drives Debian's Chromium against the live test server.

They are skipped, with the reason printed, when /usr/bin/chromium is missing (``make test`` installs it
with apt when it can).
"""

import os
from pathlib import Path

import pytest

from django.core.management import call_command

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server reads from another thread, so these tests commit.
            item.add_marker(pytest.mark.django_db(transaction=True))
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


@pytest.fixture
def demo(migrated_state, live_server, settings):
    """The demo content, served by the live server."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail.models import Locale

    if not Locale.objects.exists():  # a previous browser test flushed the database
        # The flush's post_migrate recreated content types and permissions under new ids: drop them
        # so the migrated state comes back with the ids everything else refers to.
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(migrated_state)
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo", verbosity=0)
    return live_server
