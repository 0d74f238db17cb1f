"""Demo accounts: a communication officer (editor/moderator) and a territorial agent limited to Pays Diois."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

ADMIN_URL = "http://127.0.0.1:8000/admin/"
TERRITORY_GROUP = "Territoire – Pays Diois"
AGENT_PAGE_PERMISSIONS = ["add_page", "change_page"]
AGENT_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]

# What editors manage besides pages (Wagtail's Moderators group only has page, image and document rights).
EDITOR_MODEL_PERMISSIONS = [
    f"{action}_{model}" for model in ("theme", "audience", "footer") for action in ("add", "change", "delete")
] + ["change_sitesettings"]

ACCOUNTS = [
    # login, first name, last name, group, role shown in the table
    (
        "redaction",
        "Claire",
        "Rédaction",
        "Moderators",
        "chargée de communication (Moderators) : rédige, relit, publie",
    ),
    (
        "agent-diois",
        "Paul",
        "Agent",
        TERRITORY_GROUP,
        "agent territorial : Pays Diois seulement, publié après relecture",
    ),
]


def _access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _territory_group(territory_page):
    group, _ = Group.objects.get_or_create(name=TERRITORY_GROUP)
    group.permissions.add(_access_admin())
    for codename in AGENT_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=territory_page, permission=permission)
    root_collection = Collection.get_first_root_node()
    for app_label, codename in AGENT_COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=permission)
    return group


def ensure_accounts(territory_page, *, reset_passwords):
    """Create or update the demo accounts; return ``(login, role, new password or None)`` rows.

    A password is only set when ``reset_passwords`` (DEBUG and ``--print-accounts``): a fresh random one each
    time. Otherwise new accounts get an unusable password and existing ones keep theirs.
    """
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(
        _access_admin(),
        *Permission.objects.filter(content_type__app_label="cms", codename__in=EDITOR_MODEL_PERMISSIONS),
        # The communication officers organise the network's sessions: they manage who registered.
        *Permission.objects.filter(
            content_type__app_label="agenda",
            codename__in=["view_registration", "add_registration", "change_registration"],
        ),
    )
    groups = {"Moderators": moderators, TERRITORY_GROUP: _territory_group(territory_page)}
    user_model = get_user_model()
    rows = []
    for login, first_name, last_name, group_name, role in ACCOUNTS:
        user = user_model.objects.filter(username=login).first()
        created = user is None
        if created:
            user = user_model(username=login)
        user.first_name, user.last_name = first_name, last_name
        user.email = f"{login}@example.org"
        user.is_staff = False
        user.is_superuser = False
        user.is_active = True
        password = None
        if reset_passwords:
            password = secrets.token_urlsafe(9)
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        user.save()
        user.groups.add(groups[group_name])
        rows.append((login, role, password))
    return rows


def reset_existing_accounts(*, reset_passwords):
    """The rows of the demo accounts that exist, with new passwords if ``reset_passwords`` (for ``--if-empty``)."""
    users = {user.username: user for user in get_user_model().objects.filter(username__in=[a[0] for a in ACCOUNTS])}
    rows = []
    for login, *_names, role in ACCOUNTS:
        user = users.get(login)
        if user is None:
            continue
        password = None
        if reset_passwords:
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            user.save(update_fields=["password"])
        rows.append((login, role, password))
    return rows


def print_accounts(stdout, rows, debug):
    """Print the demo accounts as a small table; passwords only when they were just set (DEBUG)."""
    if not rows:
        stdout.write("No demo account.")
        return
    if debug:
        stdout.write("Demo accounts (fresh random passwords, replaced at each --print-accounts):")
    else:
        stdout.write("Demo accounts (DEBUG is off: no password is set or shown; use `manage.py changepassword`):")
    # Rows are (login, role, password) or, for the apps' accounts, (login, role, password, where to log in).
    table = [("login", "role", "password", "log in at")]
    table += [(row[0], row[1], row[2] or "—", row[3] if len(row) > 3 else ADMIN_URL) for row in rows]
    widths = [max(len(row[column]) for row in table) for column in range(3)]
    for login, role, password, url in table:
        stdout.write(f"  {login:<{widths[0]}}  {role:<{widths[1]}}  {password:<{widths[2]}}  {url}")
