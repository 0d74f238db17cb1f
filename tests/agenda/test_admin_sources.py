"""Event sources in the admin: the listing shows each source's last import; "import now" runs one."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from agenda.models import EventPage, EventSource
from agenda.models.sources import RunStatus
from tests.agenda.support import fixture_bytes
from tests.conftest import soup
from tests.factories import TerritoryIndexPageFactory, TerritoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(site_tree, feed_server):
    index = TerritoryIndexPageFactory(parent=site_tree.home)
    territory = TerritoryPageFactory(parent=index, title="Pays Diois")
    url = feed_server.add("/diois.ics", fixture_bytes("google-export.ics"), headers={"Content-Type": "text/calendar"})
    return EventSource.objects.create(name="Agenda du Pays Diois", territory=territory, url=url, trusted=True)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def import_url(source):
    return reverse("wagtailsnippets_agenda_eventsource:import", args=[source.pk])


def test_listing_offers_import_now_and_shows_the_last_run(admin_client, source):
    listing = admin_client.get(reverse("wagtailsnippets_agenda_eventsource:list"))
    assert listing.status_code == 200
    assert import_url(source) in listing.content.decode()
    assert "Jamais importée" in listing.content.decode()


def test_import_now_imports_and_reports(admin_client, source):
    page = admin_client.get(import_url(source))
    assert page.status_code == 200 and "Aucun import" in page.content.decode()

    response = admin_client.post(import_url(source), follow=True)

    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert "4 créés" in text
    assert EventPage.objects.filter(source=source).count() == 4
    assert source.runs.get().status == RunStatus.SUCCESS


def test_failed_import_is_shown_with_its_reason(admin_client, source, feed_server):
    feed_server.add("/diois.ics", b"<html><body>Erreur</body></html>", headers={"Content-Type": "text/html"})

    response = admin_client.post(import_url(source), follow=True)

    text = soup(response).get_text(" ", strip=True)
    assert "échec" in text and "HTML" in text


def test_an_editor_without_rights_on_sources_cannot_import(client, source):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)

    assert client.post(import_url(source)).status_code in (302, 403)
    assert not source.runs.exists()
