"""The panels we add to the admin home: what each shows with real data, to whom, and a number of queries that
does not grow with the data (at most ``ROWS`` rows each, a link to the full listing)."""

import datetime

import pytest
import time_machine

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission

from agenda.models import EventImportRun, EventSource, RegistrationMode
from agenda.models.sources import RunStatus
from agenda.registrations import register
from cms.dashboard import ROWS
from tests.agenda.support import NOW, PARIS
from tests.conftest import soup
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OfferPageFactory,
    StandardPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
    UserFactory,
)
from tests.factories.members import MemberOrganisationFactory, MembershipFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/"
PANELS = {
    "moderation": "moderation-by-territory-section",
    "offers": "offers-expiring-section",
    "sessions": "upcoming-sessions-section",
    "imports": "last-imports-section",
    "members": "memberships-lapsing-section",
}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def in_days(days):
    return NOW + datetime.timedelta(days=days)


@pytest.fixture
def tree(site_tree):
    territories = TerritoryIndexPageFactory(parent=site_tree.home)
    return {
        "diois": TerritoryPageFactory(parent=territories, title="Pays Diois", slug="pays-diois"),
        "vercors": TerritoryPageFactory(parent=territories, title="Vercors", slug="vercors"),
        "agenda": EventIndexPageFactory(parent=site_tree.home),
        "home": site_tree.home,
    }


@pytest.fixture
def officer():
    return UserFactory(is_superuser=True, is_staff=True)


def submit(page, user):
    """Submit ``page`` to its workflow ("Relecture communication", on the root page)."""
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def fill(tree, officer, size, *, moderation=None):
    """``size`` items for every panel (``moderation`` pages submitted, ``size`` if not given), and beside them
    items no panel shows."""
    diois, vercors = tree["diois"], tree["vercors"]
    for n in range(size):
        OfferPageFactory(
            parent=diois, title=f"Offre bientôt {n:02}", slug=f"bientot-{n}", expire_at=in_days(1 + n % 29)
        )
    OfferPageFactory(parent=diois, title="Offre plus tard", slug="plus-tard", expire_at=in_days(60))

    for n in range(size):
        start = in_days(2 + n)
        EventPageFactory(
            parent=tree["agenda"],
            title=f"Atelier {n:02}",
            slug=f"atelier-{n}",
            registration_mode=RegistrationMode.SITE,
            dates=[{"start": start, "end": start + datetime.timedelta(hours=2), "capacity": 10}],
        )
    past = in_days(-5)
    EventPageFactory(
        parent=tree["agenda"],
        title="Atelier passé",
        slug="atelier-passe",
        registration_mode=RegistrationMode.SITE,
        dates=[{"start": past, "end": past + datetime.timedelta(hours=2), "capacity": 10}],
    )

    source = EventSource.objects.create(name="Agenda du Pays Diois", territory=diois, url="https://example.org/a.ics")
    for n in range(size):
        EventImportRun.objects.create(
            source=source,
            started_at=in_days(-n - 1),
            status=RunStatus.SUCCESS,
            created=n,
            rejected=[{"uid": f"u{n}", "title": f"Sans date {n}", "reason": "Pas de date de début"}],
        )

    for n in range(size):
        MembershipFactory(
            organisation=MemberOrganisationFactory(name=f"Commune {n:02}"),
            valid_until=datetime.date(2026, 11, 23 + n % 8),
        )
    renewed = MemberOrganisationFactory(name="Commune renouvelée")
    MembershipFactory(organisation=renewed, valid_until=datetime.date(2026, 11, 25))
    MembershipFactory(organisation=renewed, year=2027, valid_from=datetime.date(2026, 11, 26))
    MembershipFactory(organisation=MemberOrganisationFactory(name="Commune jusqu'en décembre"))

    for n in range(size if moderation is None else moderation):
        territory = diois if n % 3 else vercors
        submit(StandardPageFactory(parent=territory, title=f"Page soumise {n:02}", slug=f"soumise-{n}"), officer)


def panel(response, name):
    return soup(response).find(id=PANELS[name])


def row_headers(section):
    return [th.get_text(" ", strip=True) for th in section.select("tbody th")]


def editor(*codenames, pages=()):
    """A user in a group with admin access, the permissions ``codenames`` and edit rights on ``pages``."""
    group = Group.objects.create(name="Groupe de test")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    for page in pages:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename="change_page")
        )
    user = UserFactory()
    user.groups.add(group)
    return user


def test_each_panel_shows_its_rows_then_a_link_to_the_full_listing(client, tree, officer):
    fill(tree, officer, 3)
    client.force_login(officer)
    response = client.get(HOME)
    assert response.status_code == 200

    offers = panel(response, "offers")
    assert row_headers(offers) == ["Offre bientôt 00", "Offre bientôt 01", "Offre bientôt 02"]
    assert offers.select("tbody td")[1].get_text(strip=True) == "23/11/2026"
    assert offers.find("a", string="Voir toutes les offres qui expirent")["href"] == reverse("offers_expiring_report")

    sessions = panel(response, "sessions")
    assert row_headers(sessions) == ["Atelier 00", "Atelier 01", "Atelier 02"]
    assert [td.get_text(strip=True) for td in sessions.select("tbody tr")[0].select("td")][1:] == ["0 / 10", "0"]
    assert sessions.find("a", string="Voir toutes les inscriptions")["href"] == reverse("agenda_registrations:index")

    imports = panel(response, "imports")
    assert row_headers(imports) == ["Agenda du Pays Diois"] * 3
    assert "Sans date 0 : Pas de date de début" in imports.select("tbody tr")[0].get_text(" ", strip=True)
    assert "1 élément refusé" in imports.select("tbody tr")[0].get_text(" ", strip=True)

    members = panel(response, "members")
    assert row_headers(members) == ["Commune 00", "Commune 01", "Commune 02"]
    assert [tr.select("td")[0].get_text(strip=True) for tr in members.select("tbody tr")] == [
        "23/11/2026",
        "24/11/2026",
        "25/11/2026",
    ]
    assert "status=lapsing" in members.find("a", string="Voir les adhésions qui prennent fin dans les 30 jours")["href"]

    moderation = panel(response, "moderation")
    cells = [[c.get_text(strip=True) for c in tr.select("th, td")][:2] for tr in moderation.select("tbody tr")]
    assert cells == [["Pays Diois", "2"], ["Vercors", "1"]]
    assert moderation.find("a", string="Vercors")["href"] == reverse("wagtailadmin_explore", args=[tree["vercors"].pk])
    assert moderation.caption.get_text(strip=True) == "3 pages attendent une relecture"
    for section in soup(response).select(",".join(f"#{id}" for id in PANELS.values())):
        assert section.caption is not None
        assert all(th.get("scope") in ("col", "row") for th in section.select("th"))


def test_a_panel_shows_at_most_its_rows(client, tree, officer):
    fill(tree, officer, ROWS + 2)
    client.force_login(officer)
    response = client.get(HOME)
    for name in PANELS:
        if name == "moderation":
            continue  # one row per territory
        section = panel(response, name)
        assert len(section.select("tbody tr")) == ROWS, name
        assert f"Seules les {ROWS} premières lignes sont affichées." in section.get_text(" ", strip=True)


def test_the_moderation_panel_counts_pages_outside_the_territories(client, tree, officer):
    submit(StandardPageFactory(parent=tree["home"], title="À propos", slug="a-propos"), officer)
    client.force_login(officer)
    moderation = panel(client.get(HOME), "moderation")
    assert [th.get_text(strip=True) for th in moderation.select("tbody th")] == ["Hors territoire"]


def test_empty_panels_say_so(client, tree, officer):
    client.force_login(officer)
    text = {name: panel(client.get(HOME), name).get_text(" ", strip=True) for name in PANELS}
    assert "Aucune page n'attend votre relecture." in text["moderation"]
    assert "Aucune offre que vous pouvez modifier n'expire dans les 30 jours." in text["offers"]
    assert "Aucune session à venir ne prend d'inscriptions sur le site." in text["sessions"]
    assert "Aucun import n'a encore eu lieu." in text["imports"]
    assert "Aucune adhésion ne prend fin ce mois-ci sans renouvellement." in text["members"]


def test_a_user_without_rights_sees_none_of_our_panels(client, tree, officer):
    fill(tree, officer, 2)
    client.force_login(editor())
    response = client.get(HOME)
    assert response.status_code == 200
    assert all(panel(response, name) is None for name in PANELS)


@pytest.mark.parametrize(
    ("codename", "shown"),
    [
        ("view_registration", "sessions"),
        ("change_eventsource", "imports"),
        ("view_memberorganisation", "members"),
    ],
)
def test_a_panel_needs_the_right_to_see_its_listing(client, tree, officer, codename, shown):
    fill(tree, officer, 2)
    client.force_login(editor(codename))
    response = client.get(HOME)
    assert [name for name in PANELS if panel(response, name)] == [shown]


def test_the_reviewers_see_the_moderation_panel(client, tree, officer):
    fill(tree, officer, 2)
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name="Communication"))  # the group of the review task (cms/workflow.py)
    client.force_login(moderator)
    moderation = panel(client.get(HOME), "moderation")
    assert [th.get_text(strip=True) for th in moderation.select("tbody th")] == ["Pays Diois", "Vercors"]


def test_a_territory_editor_sees_only_the_offers_they_may_edit(client, tree, officer):
    fill(tree, officer, 2)
    OfferPageFactory(parent=tree["vercors"], title="Offre du Vercors", slug="vercors-offre", expire_at=in_days(3))
    client.force_login(editor(pages=[tree["vercors"]]))
    response = client.get(HOME)
    assert row_headers(panel(response, "offers")) == ["Offre du Vercors"]
    assert panel(response, "moderation") is None  # not a reviewer


def test_seats_taken_count_the_registrations(client, tree, officer):
    fill(tree, officer, 1)
    date = tree["agenda"].get_children().get(slug="atelier-0").specific.dates.get()
    for n in range(3):
        register(date, {"first_name": "Camille", "last_name": f"N{n}", "email": f"c{n}@example.org"}, by_editor=True)
    client.force_login(officer)
    cells = panel(client.get(HOME), "sessions").select("tbody tr")[0].select("td")
    assert cells[0].get_text(strip=True) == f"{date.start.astimezone(PARIS):%d/%m/%Y %H:%M}"
    assert cells[1].get_text(strip=True) == "3 / 10"


def home_queries(client, django_assert_max_num_queries):
    client.get(HOME)  # warm up: content types, site root paths
    with django_assert_max_num_queries(200) as captured:
        response = client.get(HOME)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("panel_class", ["moderation", "offers", "sessions", "imports", "members"])
def test_each_panel_runs_the_same_queries_at_3_and_30_items(rf, tree, officer, panel_class):
    from agenda.dashboard import LastImportsPanel, UpcomingSessionsPanel
    from cms.dashboard import ModerationByTerritoryPanel
    from members.dashboard import LapsingMembershipsPanel
    from offers.dashboard import ExpiringOffersPanel

    component = {
        "moderation": ModerationByTerritoryPanel,
        "offers": ExpiringOffersPanel,
        "sessions": UpcomingSessionsPanel,
        "imports": LastImportsPanel,
        "members": LapsingMembershipsPanel,
    }[panel_class]()
    request = rf.get(HOME)
    request.user = officer

    def queries():
        component.render_html({"request": request})  # warm up: content types
        with CaptureQueriesContext(connection) as captured:
            assert component.render_html({"request": request})
        return len(captured.captured_queries)

    fill(tree, officer, 3)
    small = queries()
    _more(tree, officer)
    assert queries() == small


def _more(tree, officer, moderation=True):
    """27 more items for every panel (30 in all); without more pages in moderation if not ``moderation``."""
    for n in range(3, 30):
        OfferPageFactory(parent=tree["diois"], title=f"Offre {n}", slug=f"offre-{n}", expire_at=in_days(1 + n % 29))
        start = in_days(2 + n)
        EventPageFactory(
            parent=tree["agenda"],
            slug=f"atelier-plus-{n}",
            registration_mode=RegistrationMode.SITE,
            dates=[{"start": start, "end": start + datetime.timedelta(hours=2), "capacity": 10}],
        )
        EventImportRun.objects.create(
            source=EventSource.objects.get(), started_at=in_days(-n - 1), status=RunStatus.FAILED, error="HTTP 500"
        )
        MembershipFactory(
            organisation=MemberOrganisationFactory(name=f"Commune plus {n}"), valid_until=datetime.date(2026, 11, 30)
        )
        if moderation:
            submit(StandardPageFactory(parent=tree["vercors"], slug=f"soumise-plus-{n}"), officer)


def test_the_admin_home_runs_the_same_queries_at_3_and_30_items_per_panel(
    client, tree, officer, django_assert_max_num_queries
):
    """Pages in moderation stay 3: Wagtail's own "Awaiting your review" and "Your pages in a workflow" panels
    list every one of them with queries per row (not ours to change); ours is counted by the test above."""
    client.force_login(officer)
    fill(tree, officer, 3)
    small = home_queries(client, django_assert_max_num_queries)
    _more(tree, officer, moderation=False)
    large = home_queries(client, django_assert_max_num_queries)
    assert small == large
    assert large <= 40
