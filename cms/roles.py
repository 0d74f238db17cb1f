"""The editors' roles: "Communication", one "Territoire – <name>" group per territory, and "Adhérents".

One list of permissions, applied by ``sync_roles(apps)``: the data migration calls it with the historical
models, ``manage.py sync_roles`` and the territory signal with the real ones. So it only uses plain model
lookups (``apps.get_model``) and writes tree rows by hand (historical models have no treebeard methods).

- **Communication** edits and publishes everything (page permissions on the tree's root), manages the
  images and documents of every collection, the snippets, the site settings, the members, the agenda's
  types, sources and registrations, and the search promotions.
- **Territoire – <name>** (one per French territory page; its translations share it) adds and edits pages
  under its territory page, without publishing (its pages go to moderation), and adds, chooses and edits
  images and documents in the territory's own collection only.
- Communication reviews the territories' submissions: the "Relecture communication" workflow (cms/workflow.py).
- **Adhérents** has no permission at all: it is what members' view restrictions name (members/access.py).
"""

from django.conf import settings

from cms.workflow import sync_review_workflow

COMMUNICATION_GROUP = "Communication"
TERRITORY_GROUP_PREFIX = "Territoire – "
MEMBERS_GROUP = "Adhérents"  # members.access.MEMBERS_GROUP (not imported: that module loads real models)

ACCESS_ADMIN = ("wagtailadmin", "access_admin")


def _crud(app_label, models, actions=("add", "change", "delete")):
    return [(app_label, f"{action}_{model}") for model in models for action in actions]


COMMUNICATION_MODEL_PERMISSIONS = [
    ACCESS_ADMIN,
    *_crud("cms", ("theme", "audience", "footer")),
    ("cms", "change_sitesettings"),
    *_crud("offers", ("offertype", "sector")),
    *_crud("agenda", ("eventtype", "eventsource")),
    *_crud("agenda", ("registration",), ("view", "add", "change")),
    *_crud("members", ("memberorganisation", "membership", "memberprofile"), ("view", "add", "change", "delete")),
    *_crud("wagtailsearchpromotions", ("searchpromotion",)),
    ("wagtail_localize", "submit_translation"),
    # No auth permission: people's accounts stay with the administrators (members log in through sync_members).
]
COMMUNICATION_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
COMMUNICATION_COLLECTION_PERMISSIONS = [
    *_crud("wagtailimages", ("image",), ("add", "change", "choose", "delete")),
    *_crud("wagtaildocs", ("document",), ("add", "change", "choose", "delete")),
]

TERRITORY_MODEL_PERMISSIONS = [ACCESS_ADMIN]
TERRITORY_PAGE_PERMISSIONS = ["add_page", "change_page"]
TERRITORY_COLLECTION_PERMISSIONS = [
    *_crud("wagtailimages", ("image",), ("add", "change", "choose")),
    *_crud("wagtaildocs", ("document",), ("add", "change", "choose")),
]

# Treebeard's defaults for Collection (MP_Node): new collections are appended under the root by hand.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def territory_group_name(title):
    return f"{TERRITORY_GROUP_PREFIX}{title}"


class _Roles:
    """The lookups of one run, through ``apps`` (historical or real models)."""

    def __init__(self, apps):
        self.Group = apps.get_model("auth", "Group")
        self.Permission = apps.get_model("auth", "Permission")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Collection = apps.get_model("wagtailcore", "Collection")
        self.GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
        self.GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
        self.apps = apps
        self.changes = []

    def permissions(self, pairs):
        """The permissions named by ``(app_label, codename)`` pairs; the missing ones (an app not installed) skipped."""
        found = []
        for app_label, codename in pairs:
            permission = self.Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                found.append(permission)
        return found

    def group(self, name):
        group, created = self.Group.objects.get_or_create(name=name)
        if created:
            self.changes.append(f"+ group {name}")
        return group

    def set_model_permissions(self, group, pairs):
        wanted = {permission.pk: permission for permission in self.permissions(pairs)}
        current = {permission.pk: permission for permission in group.permissions.select_related("content_type")}
        for pk in wanted.keys() - current.keys():
            group.permissions.add(wanted[pk])
            self.changes.append(f"+ {group.name}: {_label(wanted[pk])}")
        for pk in current.keys() - wanted.keys():
            group.permissions.remove(current[pk])
            self.changes.append(f"- {group.name}: {_label(current[pk])}")

    def set_page_permissions(self, group, page, codenames):
        """Exactly ``codenames`` on ``page`` for ``group`` (and nothing on other pages)."""
        wanted = {p.pk: p for p in self.permissions([("wagtailcore", codename) for codename in codenames])}
        existing = self.GroupPagePermission.objects.filter(group=group).select_related("permission")
        have = set()
        for row in existing:
            if row.page_id == page.pk and row.permission_id in wanted:
                have.add(row.permission_id)
            else:
                self.changes.append(f"- {group.name}: {row.permission.codename} on page {row.page_id}")
                row.delete()
        for pk in wanted.keys() - have:
            self.GroupPagePermission.objects.create(group=group, page=page, permission=wanted[pk])
            self.changes.append(f"+ {group.name}: {wanted[pk].codename} on page {page.pk} ({page.title})")

    def set_collection_permissions(self, group, collection, pairs):
        """Exactly ``pairs`` on ``collection`` for ``group`` (and nothing on other collections)."""
        wanted = {p.pk: p for p in self.permissions(pairs)}
        existing = self.GroupCollectionPermission.objects.filter(group=group).select_related("permission__content_type")
        have = set()
        for row in existing:
            if row.collection_id == collection.pk and row.permission_id in wanted:
                have.add(row.permission_id)
            else:
                self.changes.append(f"- {group.name}: {_label(row.permission)} on collection {row.collection_id}")
                row.delete()
        for pk in wanted.keys() - have:
            self.GroupCollectionPermission.objects.create(group=group, collection=collection, permission=wanted[pk])
            self.changes.append(f"+ {group.name}: {_label(wanted[pk])} on collection {collection.name}")

    def root_collection(self):
        return self.Collection.objects.filter(depth=1).order_by("path").first()

    def child_collection(self, root, name):
        """The collection ``name`` under ``root``, appended by hand if missing (as Wagtail's migrations do)."""
        collection = self.Collection.objects.filter(depth=2, path__startswith=root.path, name=name).first()
        if collection is not None:
            return collection
        last = self.Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
        collection = self.Collection.objects.create(name=name, depth=2, path=root.path + _step(number), numchild=0)
        root.numchild = self.Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
        self.changes.append(f"+ collection {name}")
        return collection

    def territory_pages(self):
        """The French (source) territory pages: one per translation key."""
        content_type = self.ContentType.objects.filter(app_label="cms", model="territorypage").first()
        if content_type is None:
            return []
        pages = self.Page.objects.filter(content_type=content_type, alias_of__isnull=True).select_related("locale")
        by_key = {}
        for page in pages.order_by("pk"):
            chosen = by_key.get(page.translation_key)
            if chosen is None or (page.locale.language_code == _source_language() != chosen.locale.language_code):
                by_key[page.translation_key] = page
        return sorted(by_key.values(), key=lambda page: page.path)

    def territory_role(self, page):
        """The territory's group (the one already holding its page, else by name) and collection, in step."""
        existing = (
            self.Group.objects.filter(name__startswith=TERRITORY_GROUP_PREFIX, page_permissions__page_id=page.pk)
            .order_by("pk")
            .first()
        )
        group = existing or self.group(territory_group_name(page.title))
        self.set_model_permissions(group, TERRITORY_MODEL_PERMISSIONS)
        self.set_page_permissions(group, page, TERRITORY_PAGE_PERMISSIONS)
        root = self.root_collection()
        if root is not None:
            held = (
                self.GroupCollectionPermission.objects.filter(group=group, collection__depth=2)
                .select_related("collection")
                .order_by("collection__path")
                .first()
            )
            collection = held.collection if held else self.child_collection(root, page.title)
            self.set_collection_permissions(group, collection, TERRITORY_COLLECTION_PERMISSIONS)
        return group

    def communication(self):
        group = self.group(COMMUNICATION_GROUP)
        self.set_model_permissions(group, COMMUNICATION_MODEL_PERMISSIONS)
        root_page = self.Page.objects.filter(depth=1).order_by("path").first()
        if root_page is not None:
            self.set_page_permissions(group, root_page, COMMUNICATION_PAGE_PERMISSIONS)
        root = self.root_collection()
        if root is not None:
            self.set_collection_permissions(group, root, COMMUNICATION_COLLECTION_PERMISSIONS)
        self.review_workflow(group)
        return group

    def review_workflow(self, group):
        """Communication reviews what the territories submit: the "Relecture communication" workflow on the root
        page (cms/workflow.py), which replaces Wagtail's default one; the group leaves the tasks left inactive
        (the default "Moderators approval" task it joined before that workflow existed)."""
        self.changes += sync_review_workflow(self.apps, group)
        for task in self.GroupApprovalTask.objects.filter(active=False, groups=group):
            task.groups.remove(group)
            self.changes.append(f"- {group.name}: reviews in task {task.name} (inactive)")

    def members(self):
        group = self.group(MEMBERS_GROUP)
        self.set_model_permissions(group, [])  # front end only
        return group


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _label(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


def _source_language():
    return settings.LANGUAGE_CODE.split("-")[0]


def sync_roles(apps):
    """Create or correct the three roles and every territory's group and collection; return the changes made
    (lines such as ``+ Communication: cms.change_sitesettings``), empty when all was in step."""
    roles = _Roles(apps)
    roles.communication()
    roles.members()
    for page in roles.territory_pages():
        roles.territory_role(page)
    return roles.changes


def ensure_territory_role(apps, page):
    """Give the territory ``page`` (a French source page) its group and collection; return the group."""
    return _Roles(apps).territory_role(page)
