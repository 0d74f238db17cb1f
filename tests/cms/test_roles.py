"""The editors' roles (cms/roles.py): what the migration and ``sync_roles`` make, and what each role may do.

The matrix (role × action × territory) goes through Wagtail's real admin views with the test client, the way
Wagtail's 2026 advisories test history, revisions, copy and choosers: an agent of one territory must not
reach another territory's pages, images or documents by their URL, nor see them in a chooser.
"""

import itertools

import pytest
import wagtail_factories

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Collection, GroupApprovalTask, GroupCollectionPermission, GroupPagePermission

from cms.roles import (
    COMMUNICATION_GROUP,
    COMMUNICATION_MODEL_PERMISSIONS,
    MEMBERS_GROUP,
    sync_roles,
    territory_group_name,
)
from members.documents import members_collection
from tests.conftest import publish, translate
from tests.factories import OfferPageFactory, TerritoryIndexPageFactory, TerritoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def codenames(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def sync_output():
    from io import StringIO

    out = StringIO()
    call_command("sync_roles", stdout=out)
    return out.getvalue()


# --- What the migration and sync_roles make --------------------------------------------------------


def test_the_migration_made_the_three_roles():
    """The test database is migrated: cms 0003 created the roles, even though permissions come after."""
    communication = Group.objects.get(name=COMMUNICATION_GROUP)
    assert codenames(communication) == {f"{app}.{codename}" for app, codename in COMMUNICATION_MODEL_PERMISSIONS}
    assert {"wagtailadmin.access_admin", "cms.change_sitesettings", "members.change_membership"} <= codenames(
        communication
    )
    assert "wagtailsearchpromotions.add_searchpromotion" in codenames(communication)
    pages = GroupPagePermission.objects.filter(group=communication)
    assert {row.page.depth for row in pages} == {1}  # the tree's root: every site, every language
    assert {row.permission.codename for row in pages} >= {"change_page", "publish_page", "bulk_delete_page"}
    collections = GroupCollectionPermission.objects.filter(group=communication)
    assert {row.collection.depth for row in collections} == {1}
    assert not Group.objects.get(name=MEMBERS_GROUP).permissions.exists()  # front end only
    # The officers review what the territories submit, in the network's own task (cms/workflow.py).
    assert list(GroupApprovalTask.objects.get(name="Relecture communication").groups.all()) == [communication]
    assert communication not in GroupApprovalTask.objects.get(name="Moderators approval").groups.all()
    assert sync_output() == "Roles already in step.\n"


def test_sync_roles_puts_back_what_was_changed_by_hand_and_is_idempotent():
    communication = Group.objects.get(name=COMMUNICATION_GROUP)
    communication.permissions.remove(communication.permissions.get(codename="change_sitesettings"))
    communication.permissions.add(communication.permissions.model.objects.get(codename="delete_user"))
    members = Group.objects.get(name=MEMBERS_GROUP)
    members.permissions.add(members.permissions.model.objects.get(codename="access_admin"))
    output = sync_output()
    assert "+ Communication: cms.change_sitesettings" in output
    assert "- Communication: auth.delete_user" in output
    assert "- Adhérents: wagtailadmin.access_admin" in output
    assert sync_output() == "Roles already in step.\n"


def test_an_existing_territory_without_its_role_gets_it_from_sync(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    territory = TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Pays Diois")
    group = Group.objects.get(name="Territoire – Pays Diois")
    group.delete()  # as if the page came before the roles (the migration's case)
    output = sync_output()
    assert "+ group Territoire – Pays Diois" in output
    group = Group.objects.get(name="Territoire – Pays Diois")
    rows = GroupPagePermission.objects.filter(group=group)
    assert {(row.page_id, row.permission.codename) for row in rows} == {
        (territory.pk, "add_page"),
        (territory.pk, "change_page"),
    }
    assert sync_output() == "Roles already in step.\n"


def test_a_new_territory_page_gets_its_group_and_collection_and_its_translation_shares_them(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    groups_before = Group.objects.count()
    territory = TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Roannais")
    group = Group.objects.get(name=territory_group_name("Roannais"))
    assert codenames(group) == {"wagtailadmin.access_admin"}
    assert {row.permission.codename for row in GroupPagePermission.objects.filter(group=group, page=territory)} == {
        "add_page",
        "change_page",
    }  # no publish_page: their pages go to moderation
    collection = Collection.objects.get(name="Roannais")
    assert collection.get_parent() == Collection.get_first_root_node()
    assert {
        f"{row.permission.content_type.app_label}.{row.permission.codename}"
        for row in GroupCollectionPermission.objects.filter(group=group)
    } == {
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    }
    assert {row.collection_id for row in GroupCollectionPermission.objects.filter(group=group)} == {collection.pk}
    index_en = translate(index, site_tree.en, title="Territories", slug="territories")
    assert index_en
    translate(territory, site_tree.en, title="Roanne area", slug="roanne-area")
    assert Group.objects.count() == groups_before + 1
    assert not Collection.objects.filter(name="Roanne area").exists()
    assert sync_roles(apps) == []  # the signal made exactly what sync_roles makes


def test_a_renamed_territory_keeps_its_group_and_collection(site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    territory = TerritoryPageFactory(parent=index, locale=site_tree.fr, title="Pays de Die")
    group = Group.objects.get(name=territory_group_name("Pays de Die"))
    territory.title = "Pays Diois"
    publish(territory)
    assert sync_roles(apps) == []  # found by the page it holds, not by its name: the agents keep their rights
    assert GroupPagePermission.objects.filter(group=group, page=territory).count() == 2
    assert not Group.objects.filter(name=territory_group_name("Pays Diois")).exists()


def test_the_members_group_is_the_one_members_access_uses():
    from members.access import MEMBERS_GROUP as ACCESS_MEMBERS_GROUP

    assert MEMBERS_GROUP == ACCESS_MEMBERS_GROUP


# --- The matrix: role × action × territory ----------------------------------------------------------


@pytest.fixture
def territories(site_tree):
    """Two territories ("A", "B"), each with a published offer and a newer draft of it, an image and a document in its
    collection; a communication officer and an agent of territory A."""
    index = TerritoryIndexPageFactory(parent=site_tree.home, locale=site_tree.fr)
    world = {"site_tree": site_tree}
    for key, title in (("A", "Pays Diois"), ("B", "Roannais")):
        territory = publish(TerritoryPageFactory(parent=index, locale=site_tree.fr, title=title))
        offer = publish(OfferPageFactory(parent=territory, locale=site_tree.fr, title=f"Offre {title}"))
        offer.summary = "Deuxième version."
        offer.save_revision()  # a draft: two revisions to compare
        collection = Collection.objects.get(name=title)
        world[key] = {
            "territory": territory,
            "offer": offer,
            "revisions": list(offer.revisions.order_by("pk").values_list("pk", flat=True)),
            "image": wagtail_factories.ImageFactory(title=f"Image {title}", collection=collection),
            "document": wagtail_factories.DocumentFactory(title=f"Document {title}", collection=collection),
        }
    communication = UserFactory(username="communication")
    communication.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    agent = UserFactory(username="agent")
    agent.groups.add(Group.objects.get(name=territory_group_name("Pays Diois")))
    world["users"] = {"communication": communication, "agent": agent}
    return world


def denied(response):
    """Wagtail refuses with a 403, or redirects to the dashboard with "Sorry, you do not have permission"."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def page_view(name, target="offer", method="get"):
    def request(client, item):
        page = item[target]
        kwargs = {"page_to_move_id" if name == "move" else "page_id": page.pk}
        if name == "add_subpage":
            kwargs = {"parent_page_id": page.pk}
        if name == "revisions_compare":
            kwargs = {"pk": page.pk, "revision_id_a": item["revisions"][0], "revision_id_b": item["revisions"][1]}
        if name == "revisions_view":
            kwargs["revision_id"] = item["revisions"][0]
        response = getattr(client, method)(reverse(f"wagtailadmin_pages:{name}", kwargs=kwargs))
        if name == "revisions_index" and response.status_code == 302:
            # Wagtail 8 lists revisions in the history: the old URL redirects there, which checks again.
            assert response["Location"] == reverse("wagtailadmin_pages:history", args=[page.pk])
            response = client.get(response["Location"])
        return response

    return request


def chooser_lists(kind):
    """Whether the territory's image or document is offered by the chooser (its listing or a search for it)."""
    app = "wagtailimages" if kind == "image" else "wagtaildocs"

    def request(client, item):
        obj = item[kind]
        link = reverse(f"{app}_chooser:chosen", args=[obj.pk])
        listing = client.get(reverse(f"{app}_chooser:choose"))
        found = client.get(reverse(f"{app}_chooser:choose_results"), {"q": obj.title})
        assert listing.status_code == 200 and found.status_code == 200
        return link in listing.json()["html"] or link in found.content.decode()

    return request


def copy_into(client, item):
    """Copy territory A's offer (the agent's own) under this territory: the copy form checks the destination."""
    source = item["own offer"]
    client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {"new_title": "Copie", "new_slug": "copie", "new_parent_page": item["territory"].pk},
    )
    return item["territory"].get_children().filter(slug="copie").exists()


def chosen(kind):
    def request(client, item):
        obj = item[kind]
        name = "wagtailimages_chooser:chosen" if kind == "image" else "wagtaildocs_chooser:chosen"
        return client.get(reverse(name, args=[obj.pk]))

    return request


def can_submit_for_moderation(client, item):
    """Submitting is a button of the edit view: the edit permission, then Wagtail's workflow check."""
    permissions = item["offer"].permissions_for_user(item["user"])
    return permissions.can_edit() and permissions.can_submit_for_moderation()


def select_format(client, item):
    """The image chooser's format step: the 2026 fix for the choosers' permission check extended to it."""
    return client.get(reverse("wagtailimages_chooser:select_format", args=[item["image"].pk]))


def submit_translation(client, item):
    """wagtail-localize's "Translate" form: it copies the page's content, so it checks the permission."""
    return client.get(reverse("wagtail_localize:submit_page_translation", args=[item["offer"].pk]))


def edit_media(kind):
    def request(client, item):
        obj = item[kind]
        name = "wagtailimages:edit" if kind == "image" else "wagtaildocs:edit"
        return client.get(reverse(name, args=[obj.pk]))

    return request


def can_publish(client, item):
    return item["offer"].permissions_for_user(item["user"]).can_publish()


def quick_copy(client, item):
    """The one-click "Copier" (cms/page_actions.py): its confirmation page."""
    return client.get(reverse("cms_quick_copy", args=[item["offer"].pk]))


def import_offers(client, item):
    """The spreadsheet import of offers under this territory (offers/import_views.py)."""
    return client.get(reverse("offers_import:upload"), {"territory": item["territory"].pk})


def translations_report(client, item):
    return client.get(reverse("translations_status_report"))


def can_approve(client, item):
    """Whether the "Relecture communication" task offers this user "approve" on the submitted offer."""
    offer = item["offer"]
    state = offer.get_workflow().start(offer, UserFactory())
    task = state.current_task_state.task.specific
    return any(action[0] == "approve" for action in task.get_actions(offer, item["user"]))


ACTIONS = {
    "edit": page_view("edit"),
    "preview": page_view("preview_on_edit"),
    "view draft": page_view("view_draft"),
    "history": page_view("history"),
    "revisions": page_view("revisions_index"),
    "revision view": page_view("revisions_view"),
    "revisions compare": page_view("revisions_compare"),
    "move": page_view("move"),
    "copy": page_view("copy"),
    "copy into territory": copy_into,
    "unpublish": page_view("unpublish"),
    "delete": page_view("delete"),
    "lock": page_view("lock", method="post"),
    "add child": page_view("add_subpage", target="territory"),
    "edit territory": page_view("edit", target="territory"),
    "publish": can_publish,  # a permission rather than a view: publishing is a POST of the whole edit form
    "submit for moderation": can_submit_for_moderation,
    "privacy": page_view("set_privacy"),  # who may see the page: a publishing decision
    "image in chooser": chooser_lists("image"),
    "document in chooser": chooser_lists("document"),
    "choose image by id": chosen("image"),
    "choose document by id": chosen("document"),
    "image select format": select_format,
    "submit translation": submit_translation,  # the officers translate (wagtail_localize.submit_translation)
    "edit image": edit_media("image"),
    "edit document": edit_media("document"),
    "quick copy": quick_copy,
    "import offers": import_offers,
    "translations report": translations_report,  # batch PO export/import included: the officers translate
    "approve submission": can_approve,
}

# What the agent of territory A may do in their own territory; everything else is refused to them.
# No publishing right: a live page is moved, unpublished or deleted by the communication officers.
AGENT_OWN = {
    "edit",
    "submit for moderation",
    "copy",  # as a draft, under their own territory (see "copy into territory")
    "copy into territory",
    "quick copy",
    "import offers",
    "preview",
    "view draft",
    "history",
    "revisions",
    "revision view",
    "revisions compare",
    "add child",
    "edit territory",
    "image in chooser",
    "document in chooser",
    "choose image by id",
    "choose document by id",
    "image select format",
    "edit image",
    "edit document",
}
ALLOWED = {
    ("communication", "own"): set(ACTIONS),
    ("communication", "other"): set(ACTIONS),
    ("agent", "own"): AGENT_OWN,
    ("agent", "other"): set(),
}
MATRIX = list(itertools.product(["communication", "agent"], sorted(ACTIONS), ["own", "other"]))


@pytest.mark.parametrize("role,action,territory", MATRIX)
def test_role_action_territory(client, territories, role, action, territory):
    user = territories["users"][role]
    client.force_login(user)
    item = {**territories["A" if territory == "own" else "B"], "user": user, "own offer": territories["A"]["offer"]}
    result = ACTIONS[action](client, item)
    expected = action in ALLOWED[(role, territory)]
    if isinstance(result, bool):
        assert result is expected
    elif expected and action == "lock":  # a POST: back to the page, locked
        assert result.status_code == 302 and not denied(result)
        item["offer"].refresh_from_db()
        assert item["offer"].locked
    elif expected:
        assert result.status_code == 200, (result.status_code, result.get("Location"))
    else:
        assert denied(result), (result.status_code, result.get("Location"))


@pytest.mark.parametrize("role,sees", [("communication", True), ("agent", False)])
def test_members_private_documents_in_the_chooser(client, territories, role, sees):
    """The members' documents (restricted collection) are the communication officers' only."""
    document = wagtail_factories.DocumentFactory(title="Memento adhérents", collection=members_collection())
    client.force_login(territories["users"][role])
    listing = client.get(reverse("wagtaildocs_chooser:choose"))
    assert (reverse("wagtaildocs_chooser:chosen", args=[document.pk]) in listing.json()["html"]) is sees
    assert denied(client.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk]))) is not sees


def test_the_matrix_size():
    """The count reported in the note: 2 roles × 30 actions × 2 territories."""
    assert len(MATRIX) == 120
