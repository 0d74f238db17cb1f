"""The admin home with our five panels filled (on top of the demo): each panel passes axe-core."""

import calendar
import datetime

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from agenda.models import EventImportRun, EventSource
from agenda.models.sources import RunStatus
from cms.models import TerritoryPage
from members.dates import today
from tests.browser.test_registration_admin import log_in_to_the_admin, site_event_with_registrations
from tests.factories import OfferPageFactory, StandardPageFactory, UserFactory
from tests.factories.members import MemberOrganisationFactory, MembershipFactory

PANELS = [
    "moderation-by-territory-section",
    "offers-expiring-section",
    "upcoming-sessions-section",
    "last-imports-section",
    "memberships-lapsing-section",
]


def fill_the_panels():
    territory = TerritoryPage.objects.filter(locale__language_code="fr").first()
    OfferPageFactory(
        parent=territory,
        title="Reprise d'une épicerie de village",
        slug="reprise-epicerie-test-tableau-de-bord",
        expire_at=timezone.now() + datetime.timedelta(days=5),
    )
    site_event_with_registrations()
    source = EventSource.objects.create(name="Agenda de test", territory=territory, url="https://example.org/a.ics")
    EventImportRun.objects.create(
        source=source,
        started_at=timezone.now(),
        status=RunStatus.SUCCESS,
        created=2,
        rejected=[{"uid": "x1", "title": "Marché sans date", "reason": "Pas de date de début"}],
    )
    EventImportRun.objects.create(
        source=source, started_at=timezone.now() - datetime.timedelta(days=1), status=RunStatus.FAILED, error="HTTP 500"
    )
    on = today()
    MembershipFactory(
        organisation=MemberOrganisationFactory(name="Commune de test du tableau de bord"),
        year=on.year,
        valid_from=on.replace(day=1),
        valid_until=on.replace(day=calendar.monthrange(on.year, on.month)[1]),
    )
    submitter = UserFactory()
    page = StandardPageFactory(parent=territory, title="Page soumise à relecture", slug="page-soumise-test")
    page.save_revision(user=submitter)
    page.get_workflow().start(page, submitter)


def test_the_dashboard_panels_pass_axe(demo, page):
    fill_the_panels()
    log_in_to_the_admin(page, demo.url)
    page.goto(demo.url + reverse("wagtailadmin_home"))
    axe, failures = Axe(), []
    for section in PANELS:
        expect(page.locator(f"#{section} tbody tr").first).to_be_visible()
        # Our panels only: Wagtail's own frame and panels are Wagtail's to test.
        results = axe.run(page, context=f"#{section}")
        if results.violations_count:
            failures.append(f"#{section}:\n{results.generate_report()}")
    assert not failures, "\n\n".join(failures)
