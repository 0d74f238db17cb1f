"""The territories' moderation (cms/workflow.py): the "Relecture communication" workflow covers both trees,
the officers publish without it, both sides get Wagtail's e-mails (the request for changes with its comment),
the agent sees the comment on the dashboard, and untrusted imports wait in the same task."""

import importlib
from io import StringIO

import pytest

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowState

from agenda.imports import import_source
from agenda.models import EventPage, EventSource
from cms.dashboard import ROWS, ChangesRequestedPanel
from cms.roles import COMMUNICATION_GROUP, territory_group_name
from cms.workflow import REVIEW_TASK_NAME, REVIEW_WORKFLOW_NAME
from tests.agenda.conftest import feed_server  # noqa: F401 (a fixture)
from tests.agenda.support import NOW
from tests.agenda.test_import_events import ics, one
from tests.conftest import publish, soup, translate
from tests.factories import OfferPageFactory, TerritoryIndexPageFactory, TerritoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/"
COMMENT = "Merci de préciser les horaires d'ouverture et d'ajouter une photo."


@pytest.fixture
def world(site_tree):
    index = publish(TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr))
    diois = publish(TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Pays Diois", slug="pays-diois"))
    communication = Group.objects.get(name=COMMUNICATION_GROUP)
    officers = [UserFactory(username=f"officier-{n}", first_name="Claire") for n in range(2)]
    away = UserFactory(username="officier-parti", is_active=False)  # left the team
    silent = UserFactory(username="officier-sans-adresse", email="")
    for user in (*officers, away, silent):
        user.groups.add(communication)
    agent = UserFactory(username="agent", first_name="Paul")
    agent.groups.add(Group.objects.get(name=territory_group_name("Pays Diois")))
    UserFactory(username="admin", is_superuser=True, is_staff=True)  # the technical administrator
    return {"site_tree": site_tree, "index": index, "diois": diois, "officers": officers, "agent": agent}


def submitted_offer(world, title="Gîte à reprendre à Die"):
    """A new offer of the Pays Diois, submitted by the agent as the editor's "Soumettre à la modération" does."""
    offer = OfferPageFactory(parent=world["diois"], title=title, live=False)
    offer.save_revision(user=world["agent"])
    offer.get_workflow().start(offer, world["agent"])
    return Page.objects.get(pk=offer.pk).specific


def act(client, page, action, comment=""):
    """Post the reviewer's action to the URL of Wagtail's dashboard and editor buttons."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def sync_output():
    out = StringIO()
    call_command("sync_roles", stdout=out)
    return out.getvalue()


# --- The workflow ---------------------------------------------------------------------------------


def test_the_review_workflow_covers_both_trees_instead_of_wagtails_default(world):
    site_tree = world["site_tree"]
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW_NAME)
    assert workflow.active
    assert WorkflowPage.objects.get(page__depth=1).workflow == workflow
    task = GroupApprovalTask.objects.get(name=REVIEW_TASK_NAME)
    assert [t.specific for t in workflow.tasks] == [task]
    assert [group.name for group in task.groups.all()] == [COMMUNICATION_GROUP]
    translate(world["index"], site_tree.en, title="Territories")
    english = translate(world["diois"], site_tree.en, title="Diois")
    for page in (world["diois"], english, site_tree.home_en):
        assert page.get_workflow() == workflow
    default = Workflow.objects.get(name="Moderators approval")
    assert not default.active
    assert not GroupApprovalTask.objects.get(name="Moderators approval").active
    assert sync_output() == "Roles already in step.\n"


def test_sync_roles_replaces_the_default_workflow_and_keeps_its_waiting_submissions(world):
    """A database where Wagtail's default workflow still held the root (the state before cms 0004)."""
    default = Workflow.objects.get(name="Moderators approval")
    Workflow.objects.filter(pk=default.pk).update(active=True)
    GroupApprovalTask.objects.filter(name="Moderators approval").update(active=True)
    WorkflowPage.objects.filter(page__depth=1).update(workflow=default)
    offer = submitted_offer(world)
    assert offer.current_workflow_task.name == "Moderators approval"

    output = sync_output()
    assert f"+ workflow {REVIEW_WORKFLOW_NAME} on the root page, instead of Moderators approval" in output
    assert "~ 1 submission(s) moved from Moderators approval to Relecture communication" in output
    assert "- workflow Moderators approval deactivated" in output
    offer = Page.objects.get(pk=offer.pk).specific
    assert offer.current_workflow_state.workflow.name == REVIEW_WORKFLOW_NAME
    assert offer.current_workflow_task.name == REVIEW_TASK_NAME
    assert sync_output() == "Roles already in step.\n"

    # The moved submission is the officers' to approve now.
    client_officer = _client_for(world["officers"][0])
    assert act(client_officer, offer, "approve").status_code == 302
    assert Page.objects.get(pk=offer.pk).live


def _client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_the_migration_reverses_to_the_default_workflow_and_applies_again(world):
    migration = importlib.import_module("cms.migrations.0005_review_workflow")
    migration.restore_default_workflow(django_apps, None)
    assert world["diois"].get_workflow().name == "Moderators approval"
    assert not Workflow.objects.get(name=REVIEW_WORKFLOW_NAME).active
    migration.create_review_workflow(django_apps, None)
    assert world["diois"].get_workflow().name == REVIEW_WORKFLOW_NAME
    assert not Workflow.objects.get(name="Moderators approval").active
    assert sync_output() == "Roles already in step.\n"


def test_sync_roles_puts_the_task_back_for_communication_only(world):
    task = GroupApprovalTask.objects.get(name=REVIEW_TASK_NAME)
    task.groups.set([Group.objects.get(name="Moderators")])
    Workflow.objects.filter(name=REVIEW_WORKFLOW_NAME).update(active=False)
    output = sync_output()
    assert f"- task {REVIEW_TASK_NAME}: group Moderators" in output
    assert f"+ task {REVIEW_TASK_NAME}: group {COMMUNICATION_GROUP}" in output
    assert f"+ workflow {REVIEW_WORKFLOW_NAME} reactivated" in output
    assert world["diois"].get_workflow().name == REVIEW_WORKFLOW_NAME


def test_officers_may_publish_directly_and_agents_only_submit(client, world):
    offer = publish(OfferPageFactory(parent=world["diois"], title="Offre publiée"))
    edit = reverse("wagtailadmin_pages:edit", args=[offer.pk])

    client.force_login(world["officers"][0])
    form = soup(client.get(edit))
    assert form.find(attrs={"name": "action-publish"}) is not None
    assert form.find(attrs={"name": "action-submit"}) is not None  # offered, never required

    client.force_login(world["agent"])
    form = soup(client.get(edit))
    assert form.find(attrs={"name": "action-publish"}) is None
    assert form.find(attrs={"name": "action-submit"}) is not None


# --- E-mails both ways ----------------------------------------------------------------------------


def test_a_submission_emails_every_active_communication_officer(world):
    mail.outbox.clear()
    offer = submitted_offer(world)
    assert offer.current_workflow_task.name == REVIEW_TASK_NAME
    assert sorted(m.to[0] for m in mail.outbox) == ["officier-0@example.org", "officier-1@example.org"]
    message = mail.outbox[0]
    # Wagtail's own French wording (its catalogue puts no-break spaces inside the quotes).
    assert message.subject.replace("\xa0", " ") == (
        f"La page « Gîte à reprendre à Die » a été soumise pour validation dans la tâche « {REVIEW_TASK_NAME} »."
    )
    assert f"http://testserver/admin/pages/{offer.pk}/edit/" in message.body
    assert message.alternatives and message.alternatives[0].mimetype == "text/html"
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_approving_publishes_and_tells_the_submitter(client, world):
    offer = submitted_offer(world)
    mail.outbox.clear()
    client.force_login(world["officers"][0])
    response = act(client, offer, "approve")
    assert response.status_code == 302

    offer = Page.objects.get(pk=offer.pk).specific
    assert offer.live and offer.current_workflow_state is None
    assert [m.to for m in mail.outbox] == [["agent@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Votre page « Gîte à reprendre à Die » est publiée"
    assert "a été approuvée lors de la « Relecture communication » : elle est publiée." in message.body
    assert offer.full_url in message.body
    assert "Salut Paul," in message.body  # Wagtail's French greeting


def test_requesting_changes_emails_the_comment_to_the_submitter(client, world):
    offer = submitted_offer(world)
    mail.outbox.clear()
    client.force_login(world["officers"][0])
    assert act(client, offer, "reject", COMMENT).status_code == 302

    offer = Page.objects.get(pk=offer.pk).specific
    assert not offer.live
    assert offer.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [m.to for m in mail.outbox] == [["agent@example.org"]]
    message = mail.outbox[0]
    assert "Gîte à reprendre à Die" in message.subject and REVIEW_WORKFLOW_NAME in message.subject
    assert COMMENT in message.body
    assert COMMENT.replace("'", "&#x27;") in message.alternatives[0].content
    assert f"http://testserver/admin/pages/{offer.pk}/edit/" in message.body


def test_a_request_for_changes_needs_a_reviewer(client, world):
    offer = submitted_offer(world)
    client.force_login(world["agent"])
    act(client, offer, "reject", "Je me relis moi-même.")
    assert Page.objects.get(pk=offer.pk).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


# --- The dashboard --------------------------------------------------------------------------------


def test_the_officers_see_the_submission_awaiting_their_review(client, world):
    offer = submitted_offer(world)
    client.force_login(world["officers"][1])
    awaiting = soup(client.get(HOME)).find(id="awaiting-review-section")
    assert awaiting is not None
    assert offer.title in awaiting.get_text(" ", strip=True)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[offer.pk, "approve", offer.current_workflow_task_state.pk]
    )
    assert awaiting.find("button", attrs={"data-workflow-action-url": approve}) is not None


def test_the_agent_sees_the_pages_to_rework_with_the_comment(client, world):
    offer = submitted_offer(world)
    waiting = submitted_offer(world, title="Atelier en attente")
    client.force_login(world["officers"][0])
    act(client, offer, "reject", COMMENT)

    client.force_login(world["agent"])
    page = soup(client.get(HOME))
    panel = page.find(id="changes-requested-section")
    assert panel is not None
    row = panel.select("tbody tr")
    assert len(row) == 1
    assert row[0].th.get_text(strip=True) == "Gîte à reprendre à Die"
    assert row[0].th.a["href"] == reverse("wagtailadmin_pages:edit", args=[offer.pk])
    assert COMMENT in row[0].get_text(" ", strip=True)
    assert "Claire" in row[0].get_text(" ", strip=True)
    # Wagtail's own panel still lists both, the one waiting included.
    mine = page.find(id="objects-in-workflow-section").get_text(" ", strip=True)
    assert waiting.title in mine and offer.title in mine

    client.force_login(world["officers"][0])
    assert soup(client.get(HOME)).find(id="changes-requested-section") is None


def test_the_panel_goes_once_the_page_is_resubmitted(client, world):
    offer = submitted_offer(world)
    client.force_login(world["officers"][0])
    act(client, offer, "reject", COMMENT)
    offer.current_workflow_state.resume(user=world["agent"])
    client.force_login(world["agent"])
    assert soup(client.get(HOME)).find(id="changes-requested-section") is None


def test_the_pages_to_rework_panel_runs_the_same_queries_at_3_and_30_pages(rf, world):
    officer = world["officers"][0]
    panel = ChangesRequestedPanel()

    def reject(count, start):
        for n in range(start, start + count):
            offer = submitted_offer(world, title=f"Offre à reprendre {n:02}")
            offer.current_workflow_task_state.specific.task.specific.on_action(
                offer.current_workflow_task_state, officer, "reject", comment=f"Commentaire {n}"
            )

    def queries():
        request = rf.get(HOME)
        request.user = world["agent"]
        panel.render_html({"request": request})  # warm up: content types
        request = rf.get(HOME)
        request.user = world["agent"]
        with CaptureQueriesContext(connection) as captured:
            html = panel.render_html({"request": request})
        return len(captured.captured_queries), html

    reject(3, 0)
    small, html = queries()
    assert html.count("<tr>") == 1 + 3
    reject(27, 3)
    large, html = queries()
    assert large == small
    assert html.count("<tr>") == 1 + ROWS
    assert f"Seules les {ROWS} premières lignes sont affichées." in html


# --- Imported events ------------------------------------------------------------------------------


@pytest.fixture
def source_for(world, feed_server):  # noqa: F811
    def make(path, *, trusted):
        url = feed_server.add(path, ics(one(f"{path}-1")), headers={"Content-Type": "text/calendar; charset=utf-8"})
        return EventSource.objects.create(
            name="Agenda du Pays Diois", territory=world["diois"], url=url, trusted=trusted
        )

    return make


def test_an_untrusted_source_imports_into_the_review_task(source_for):
    mail.outbox.clear()
    source = source_for("/non-fiable.ics", trusted=False)
    import_source(source, now=NOW)
    event = EventPage.objects.get(source=source)
    assert not event.live
    assert event.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert event.current_workflow_state.workflow.name == REVIEW_WORKFLOW_NAME
    assert event.current_workflow_task.name == REVIEW_TASK_NAME
    assert sorted(m.to[0] for m in mail.outbox) == ["officier-0@example.org", "officier-1@example.org"]


def test_a_trusted_source_publishes_directly(source_for):
    mail.outbox.clear()
    source = source_for("/fiable.ics", trusted=True)
    import_source(source, now=NOW)
    event = EventPage.objects.get(source=source)
    assert event.live
    assert event.current_workflow_state is None
    assert not WorkflowState.objects.filter(object_id=str(event.pk)).exists()
    assert mail.outbox == []
