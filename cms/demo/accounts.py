"""Demo accounts: a communication officer ("Communication") and an agent of the Pays Diois (its territory's group)."""

import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.roles import COMMUNICATION_GROUP, ensure_territory_role, sync_roles

ADMIN_URL = "http://127.0.0.1:8000/admin/"

ACCOUNTS = [
    # login, first name, last name, role ("communication" or "territory"), role shown in the table
    (
        "redaction",
        "Claire",
        "Rédaction",
        "communication",
        "chargée de communication (Communication) : rédige, relit, publie",
    ),
    (
        "agent-diois",
        "Paul",
        "Agent",
        "territory",
        "agent territorial (groupe de son territoire) : Pays Diois seulement, publié après relecture",
    ),
]


def ensure_accounts(territory_page, *, reset_passwords):
    """Create or update the demo accounts; return ``(login, role, new password or None)`` rows.

    A password is only set when ``reset_passwords`` (DEBUG and ``--print-accounts``): a fresh random one each
    time. Otherwise new accounts get an unusable password and existing ones keep theirs.
    """
    sync_roles(apps)  # the roles of cms/roles.py, the territories' groups and collections included
    groups = {
        "communication": Group.objects.get(name=COMMUNICATION_GROUP),
        "territory": ensure_territory_role(apps, territory_page),
    }
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
        user.groups.set([groups[group_name]])  # the demo's role only (an older demo put them in Moderators)
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
