"""Demo members: the "Espace adhérents" page in French and English with its training resources (see
``members.demo_resources``), three organisations and three accounts.

Found by ``cms.demo`` (see its docstring for the hooks). Organisations and people are invented (example.org):

- "Communauté de communes du Diois (démo)": member this year (1 January to 31 December), the demo member;
- "Association Ville-Campagne Loire (démo)": paid for last year only, so lapsed: the lapsed member, who is
  still in the members' group until ``sync_members`` runs, and refused at once all the same;
- "Ronalpia (démo)": member this year and already renewed for next year (valid for another year).

The accounts: ``adherent-demo`` (valid member), ``adherent-echu`` (lapsed member), ``visiteur-demo`` (an account
with no organisation). Dates follow the year of the load, never the import of this module.
"""

import secrets

from django.contrib.auth import get_user_model

from cms.demo.texts import T
from cms.demo.tree import PageSpec
from members.access import members_group, sync_members
from members.dates import today
from members.demo_resources import resource_specs
from members.models import MemberAreaPage, MemberOrganisation, MemberProfile, Membership, OrganisationKind

AREA_SLUG = "espace-adherents"
LOGIN_URL = "http://127.0.0.1:8000/fr/compte/connexion/"

VALID, LAPSED, RENEWED = (
    "Communauté de communes du Diois (démo)",
    "Association Ville-Campagne Loire (démo)",
    ("Ronalpia (démo)"),
)
ORGANISATIONS = [
    # name, kind, years relative to this year, contact
    (VALID, OrganisationKind.TERRITORY, (0,), "accueil-actifs@diois.example.org"),
    (LAPSED, OrganisationKind.ASSOCIATION, (-1,), "contact@ville-campagne-loire.example.org"),
    (RENEWED, OrganisationKind.SUPPORT, (0, 1), "contact@ronalpia.example.org"),
]
ACCOUNTS = [
    # login, first name, last name, organisation (or None), job title, role shown in the table
    ("adherent-demo", "Agathe", "Adhérente", VALID, "Chargée de mission accueil d'actifs", "adhérente (valide)"),
    ("adherent-echu", "Étienne", "Échu", LAPSED, "Animateur", "adhérent dont l'adhésion est échue"),
    ("visiteur-demo", "Victor", "Visiteur", None, "", "compte sans organisation adhérente"),
]


def prepare(fr, en):
    """The members' group, the organisations and their memberships (calendar years around this one)."""
    members_group()
    year = today().year
    for name, kind, years, email in ORGANISATIONS:
        organisation, _ = MemberOrganisation.objects.update_or_create(
            name=name, defaults={"kind": kind, "contact_email": email}
        )
        wanted = {year + offset for offset in years}
        organisation.memberships.exclude(year__in=wanted).delete()
        for membership_year in sorted(wanted):
            Membership.objects.update_or_create(
                organisation=organisation,
                year=membership_year,
                defaults={
                    "valid_from": today().replace(year=membership_year, month=1, day=1),
                    "valid_until": today().replace(year=membership_year, month=12, day=31),
                },
            )


def area_spec():
    return PageSpec(
        "members.MemberAreaPage",
        T(AREA_SLUG, "members-area"),
        T("Espace adhérents", "Members' area"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Supports de formation, mémentos et fiches méthode réservés aux adhérents du réseau.",
                "Training material, mementos and method sheets for the network's members.",
            ),
            "intro": T(
                "<p>Bienvenue dans l'espace des adhérents du réseau Coopérations et mobilités ville–campagne. "
                "Vous y retrouverez les supports des journées de formation, les mémentos sur l'accueil d'actifs "
                "et les fiches méthode des territoires.</p>",
                "<p>Welcome to the members' area of the City–countryside cooperation and mobility network. "
                "Here you will find the material of the training days, the mementos on welcoming newcomers and "
                "the territories' method sheets.</p>",
            ),
        },
    )


def extend_tree(home_spec, fr):
    """The members' area before the contact page (last of the menu otherwise)."""
    if any(child.slug == AREA_SLUG for child in home_spec.children):
        return
    slugs = [child.slug for child in home_spec.children]
    position = slugs.index("contact") if "contact" in slugs else len(slugs)
    area = area_spec()
    area.children = resource_specs(fr)
    home_spec.children.insert(position, area)


def after_sync(pages, translations, fr, en):
    """The area and its English translation keep exactly one restriction to the members' group."""
    from members.access import ensure_members_restriction

    area = pages.get(AREA_SLUG)
    if area is None:
        return
    for page in MemberAreaPage.objects.filter(translation_key=area.translation_key):
        ensure_members_restriction(page)


def demo_accounts(*, reset_passwords, existing_only=False):
    """Create or update the demo member accounts (unless ``existing_only``); return rows for the accounts
    table ``(login, role, new password or None, where to log in)``. Then bring the members' group up to date,
    except for the lapsed member, left in the group to show that access is refused all the same."""
    user_model = get_user_model()
    rows = []
    for login, first_name, last_name, organisation_name, job_title, role in ACCOUNTS:
        user = user_model.objects.filter(username=login).first()
        if user is None and existing_only:
            continue
        created = user is None
        if created:
            user = user_model(username=login)
        user.first_name, user.last_name, user.email = first_name, last_name, f"{login}@example.org"
        user.is_staff = user.is_superuser = False
        user.is_active = True
        password = None
        if reset_passwords:
            password = secrets.token_urlsafe(9)
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        user.save()
        if organisation_name:
            MemberProfile.objects.update_or_create(
                user=user,
                defaults={
                    "organisation": MemberOrganisation.objects.get(name=organisation_name),
                    "job_title": job_title,
                },
            )
        else:
            MemberProfile.objects.filter(user=user).delete()
        rows.append((login, role, password, LOGIN_URL))
    if not existing_only:
        sync_members()
        lapsed = user_model.objects.filter(username="adherent-echu").first()
        if lapsed is not None:
            lapsed.groups.add(members_group())
    return rows
