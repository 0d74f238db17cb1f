"""Editor comfort (issue 8, point 4): "Copier" an offer or an event, bulk actions, scheduled publishing.

Through Wagtail's admin views with the test client, as the real roles (cms/roles.py): a territorial agent
works under their own territory only.
"""

import datetime

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from agenda.models import EventDate, EventPage, Registration
from cms.roles import COMMUNICATION_GROUP, territory_group_name
from offers.models import OfferPage
from tests.conftest import publish, soup
from tests.factories import (
    EventPageFactory,
    OfferPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def world(site_tree):
    """Two territories, an offer and an imported event with a registration in the first; an officer, an agent
    of each territory."""
    from agenda.models import EventSource

    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    diois = publish(TerritoryPageFactory(parent=index, title="Pays Diois"))
    roannais = publish(TerritoryPageFactory(parent=index, title="Roannais"))
    offer = OfferPageFactory(parent=diois, title="Boulangerie à reprendre")
    offer.expire_at = NOW + datetime.timedelta(days=20)
    offer = publish(offer)
    source = EventSource.objects.create(name="Agenda du Diois", territory=diois, url="https://example.org/a.ics")
    start = NOW + datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=diois, title="Café installation", dates=[(start, start + datetime.timedelta(hours=2))]
    )
    event.source = source
    event.external_uid = "evt-42@diois"
    event.import_fingerprint = "abc"
    event.imported_at = NOW
    event = publish(event)
    date = event.dates.get()
    Registration.objects.create(
        date=date,
        event=event,
        event_title=event.title,
        date_start=date.start,
        first_name="Jeanne",
        last_name="Martin",
        email="jeanne@example.org",
        organisation="—",
        role="—",
        territory="Diois",
    )
    users = {"communication": UserFactory(username="officier"), "agent": UserFactory(username="agent-diois")}
    users["other"] = UserFactory(username="agent-roannais")
    users["communication"].groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    users["agent"].groups.add(Group.objects.get(name=territory_group_name("Pays Diois")))
    users["other"].groups.add(Group.objects.get(name=territory_group_name("Roannais")))
    return {"diois": diois, "roannais": roannais, "offer": offer, "event": event, "users": users}


def denied(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def log_in(client, user):
    client.force_login(user)
    return client


# --- "Copier" ------------------------------------------------------------------------------------------


def copy_url(page):
    return reverse("cms_quick_copy", args=[page.pk])


def test_an_agent_copies_an_offer_of_their_territory_as_a_draft(world, client):
    offer = world["offer"]
    log_in(client, world["users"]["agent"])
    response = client.post(copy_url(offer))
    copy = OfferPage.objects.exclude(pk=offer.pk).get(title="Boulangerie à reprendre (copie)")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert not copy.live
    assert copy.get_parent().pk == world["diois"].pk
    assert copy.territory_id == world["diois"].pk
    assert copy.slug != offer.slug and copy.slug.startswith(offer.slug)
    assert copy.expire_at is None
    assert copy.commune == offer.commune and copy.offer_type_id == offer.offer_type_id
    offer.refresh_from_db()
    assert offer.live and offer.expire_at is not None  # the original is untouched
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert "Boulangerie à reprendre (copie)" in editor.content.decode()


def test_a_second_copy_gets_its_own_slug(world, client):
    log_in(client, world["users"]["communication"])
    client.post(copy_url(world["offer"]))
    client.post(copy_url(world["offer"]))
    slugs = set(OfferPage.objects.values_list("slug", flat=True))
    assert len(slugs) == 3


def test_a_copied_event_keeps_its_dates_but_not_its_registrations_nor_its_origin(world, client):
    event = world["event"]
    log_in(client, world["users"]["agent"])
    client.post(copy_url(event))
    copy = EventPage.objects.get(title="Café installation (copie)")
    assert not copy.live
    assert [(d.start, d.end) for d in copy.dates.all()] == [(d.start, d.end) for d in event.dates.all()]
    assert copy.dates.get().pk != event.dates.get().pk
    assert not Registration.objects.filter(event=copy).exists()
    assert not Registration.objects.filter(date__page=copy).exists()
    assert Registration.objects.filter(event=event).count() == 1
    assert (copy.source_id, copy.external_uid, copy.import_fingerprint, copy.imported_at) == (None, "", "", None)
    assert EventDate.objects.filter(page=event).count() == 1


def test_the_copy_button_shows_in_the_listing_and_the_header_for_those_who_may_copy(world, client):
    offer = world["offer"]
    log_in(client, world["users"]["agent"])
    explorer = soup(client.get(reverse("wagtailadmin_explore", args=[world["diois"].pk])))
    assert explorer.find("a", href=copy_url(offer))
    assert explorer.find("a", href=copy_url(world["event"]))
    editor = soup(client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])))
    button = editor.find("a", href=copy_url(offer))
    assert button and button["data-action"] == "w-action#post"
    # Not on page types that do not take part (the territory itself).
    assert not editor.find("a", href=copy_url(world["diois"]))
    log_in(client, world["users"]["other"])
    explorer = soup(client.get(reverse("wagtailadmin_explore", args=[world["diois"].pk])))
    assert not explorer.find("a", href=copy_url(offer))


def test_without_javascript_the_link_asks_to_confirm(world, client):
    log_in(client, world["users"]["agent"])
    response = client.get(copy_url(world["offer"]))
    form = soup(response).find("form", action=copy_url(world["offer"]))
    assert form and form["method"] == "post"
    assert OfferPage.objects.count() == 1  # nothing copied by a GET


@pytest.mark.parametrize("target", ["offer", "event"])
def test_another_territorys_agent_may_not_copy(world, client, target):
    log_in(client, world["users"]["other"])
    assert denied(client.post(copy_url(world[target])))
    assert denied(client.get(copy_url(world[target])))
    assert type(world[target]).objects.count() == 1


def test_a_territory_cannot_be_quick_copied(world, client):
    log_in(client, world["users"]["communication"])
    assert denied(client.post(copy_url(world["diois"])))


# --- Bulk actions --------------------------------------------------------------------------------------


def bulk_url(action, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


@pytest.fixture
def two_offers(world):
    """The live offer and a second one, a draft never published, both with an expiry."""
    draft = OfferPageFactory(parent=world["diois"], title="Local artisanal", live=False)
    draft.expire_at = NOW + datetime.timedelta(days=10)
    draft.save_revision()
    return world["offer"], OfferPage.objects.get(pk=draft.pk)


@time_machine.travel(NOW, tick=False)
def test_communication_extends_the_expiry_of_selected_offers(world, two_offers, client):
    live, draft = two_offers
    live_revisions = live.revisions.count()
    log_in(client, world["users"]["communication"])
    form = client.get(bulk_url("extend_expiry", live, draft))
    assert form.status_code == 200
    assert soup(form).find("input", attrs={"name": "expire_on"})
    response = client.post(bulk_url("extend_expiry", live, draft), {"expire_on": "2027-03-31"})
    assert response.status_code == 302
    expected = datetime.datetime(2027, 3, 31, 23, 59, tzinfo=timezone.get_current_timezone())
    live.refresh_from_db()
    assert live.expire_at == expected and live.live
    assert live.revisions.count() == live_revisions + 1
    assert live.live_revision_id == live.latest_revision_id  # published: the history shows it
    assert live.latest_revision.user == world["users"]["communication"]
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision_as_object().expire_at == expected


@time_machine.travel(NOW, tick=False)
def test_the_new_expiry_must_be_in_the_future(world, two_offers, client):
    live, _draft = two_offers
    before = live.expire_at
    log_in(client, world["users"]["communication"])
    response = client.post(bulk_url("extend_expiry", live), {"expire_on": "2026-11-20"})
    assert response.status_code == 200
    assert "Choisissez une date à venir." in response.content.decode()
    live.refresh_from_db()
    assert live.expire_at == before


@time_machine.travel(NOW, tick=False)
def test_an_agent_who_cannot_publish_extends_nothing(world, two_offers, client):
    live, _draft = two_offers
    before = live.expire_at
    log_in(client, world["users"]["agent"])
    page = soup(client.get(bulk_url("extend_expiry", live)))
    assert not page.find("input", attrs={"name": "expire_on"})
    assert "Boulangerie à reprendre" in page.get_text()  # listed among the pages they may not change
    client.post(bulk_url("extend_expiry", live), {"expire_on": "2027-03-31"})
    live.refresh_from_db()
    assert live.expire_at == before


@time_machine.travel(NOW, tick=False)
def test_pages_without_expiry_are_left_alone(world, client):
    log_in(client, world["users"]["communication"])
    event = world["event"]
    client.post(bulk_url("extend_expiry", event), {"expire_on": "2027-03-31"})
    event.refresh_from_db()
    assert event.expire_at is None


def test_the_extend_action_is_offered_in_the_page_listing(world, client):
    log_in(client, world["users"]["communication"])
    explorer = client.get(reverse("wagtailadmin_explore", args=[world["diois"].pk]))
    assert "Prolonger l&#x27;expiration" in explorer.content.decode() or "Prolonger l'expiration" in (
        explorer.content.decode()
    )


def test_communication_unpublishes_offers_in_bulk(world, two_offers, client):
    live, _draft = two_offers
    log_in(client, world["users"]["communication"])
    response = client.post(bulk_url("unpublish", live), {"include_descendants": ""})
    assert response.status_code == 302
    live.refresh_from_db()
    assert not live.live


# --- Scheduled publishing ------------------------------------------------------------------------------


@pytest.fixture
def catalogue(site_tree):
    from tests.factories import OfferIndexPageFactory

    return OfferIndexPageFactory(parent=site_tree.home)


def catalogue_titles(client, catalogue):
    response = client.get(catalogue.url)
    return [link.get_text(strip=True) for link in soup(response).select("main a")]


def test_publish_scheduled_publishes_an_offer_whose_time_has_come_and_expires_another(world, catalogue, client):
    from django.core.management import call_command

    with time_machine.travel(NOW, tick=False):
        scheduled = OfferPageFactory(parent=world["diois"], title="Ferme maraîchère", live=False)
        scheduled.go_live_at = NOW + datetime.timedelta(hours=1)
        scheduled.save_revision().publish()
        scheduled.refresh_from_db()
        assert not scheduled.live  # waiting for its time
        ending = publish(OfferPageFactory(parent=world["diois"], title="Gîte à reprendre"))
        ending.expire_at = NOW + datetime.timedelta(hours=1)
        ending = publish(ending)
        titles = catalogue_titles(client, catalogue)
        assert "Gîte à reprendre" in titles and "Ferme maraîchère" not in titles
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        call_command("publish_scheduled")
        scheduled.refresh_from_db()
        ending.refresh_from_db()
        assert scheduled.live
        assert not ending.live and ending.expired
        titles = catalogue_titles(client, catalogue)
        assert "Ferme maraîchère" in titles
        assert "Gîte à reprendre" not in titles
