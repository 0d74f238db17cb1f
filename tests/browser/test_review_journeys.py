"""The territories' moderation in a browser, with the demo accounts (cms/demo/accounts.py): the Pays Diois agent
creates an offer and submits it; the communication officer approves it and it appears in the catalogue, or asks
for changes and the agent reads the comment on the dashboard and in the e-mail."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from wagtail.models import GroupPagePermission, WorkflowState

from cms.workflow import REVIEW_TASK_NAME, REVIEW_WORKFLOW_NAME
from offers.models import OfferPage, OfferType

PASSWORD = "relecture-de-test-2026"
COMMENT = "Merci d'ajouter le loyer mensuel et une photo de l'atelier."


def set_password(username):
    """The demo accounts have no usable password outside DEBUG: give one for this test (rolled back after)."""
    user = get_user_model().objects.get(username=username)
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def leave(page):
    """Leave the current page once the navigation its last click started is over: a redirect, or Wagtail's script
    reloading the dashboard after a workflow action, would otherwise interrupt the next ``goto``."""
    for attempt in range(5):
        try:
            page.goto("about:blank")
            return
        except PlaywrightError as error:
            if "interrupted by another navigation" not in str(error) or attempt == 4:
                raise
            page.wait_for_load_state()


def log_in(page, base_url, username):
    leave(page)
    page.context.clear_cookies()  # whoever was logged in before is logged out
    page.goto(base_url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base_url + reverse("wagtailadmin_home"))


def diois():
    """The territory page the demo agent may edit."""
    return GroupPagePermission.objects.filter(group__user__username="agent-diois").select_related("page").first().page


def wait_until(page, condition, seconds=20):
    """Wait for the live server to have done what the click asked (it answers with a redirect, not a message)."""
    for _ in range(seconds * 4):
        if condition():
            return
        page.wait_for_timeout(250)
    raise AssertionError("the server did not do it in time")


def create_and_submit_an_offer(page, base_url, title):
    """As the agent: the editor of a new offer under their territory, then "Soumettre à Relecture communication"."""
    territory = diois()
    page.goto(base_url + reverse("wagtailadmin_pages:add", args=["offers", "offerpage", territory.pk]))
    page.fill("#id_title", title)
    # The type is a snippet chooser (a modal listing the types): its hidden input takes the chosen one's id.
    offer_type = OfferType.objects.order_by("pk").first()
    page.locator("#id_offer_type").evaluate("(input, pk) => { input.value = pk; }", str(offer_type.pk))
    page.fill("#id_summary", "Un atelier de vannerie à reprendre au cœur du Diois, clientèle fidèle.")
    page.get_by_role("tab", name="Localisation").click()
    page.fill("#id_commune", "Die")
    # Wagtail names the workflow on the button: "Soumettre à Relecture communication" (in the "more" menu).
    submit = page.get_by_role("button", name=f"Soumettre à {REVIEW_WORKFLOW_NAME}")
    if not submit.is_visible():
        page.get_by_role("button", name="Plus d'actions").click()
    submit.click()
    wait_until(page, lambda: OfferPage.objects.filter(title=title).exists())
    offer = OfferPage.objects.get(title=title)
    assert not offer.live
    assert offer.current_workflow_task.name == REVIEW_TASK_NAME
    return offer


def test_an_agent_submits_an_offer_the_officer_approves_it_and_it_is_in_the_catalogue(demo, page):
    set_password("agent-diois")
    set_password("redaction")
    mail.outbox.clear()
    title = "Atelier de vannerie à reprendre (relecture)"

    log_in(page, demo.url, "agent-diois")
    offer = create_and_submit_an_offer(page, demo.url, title)
    assert "redaction@example.org" in [m.to[0] for m in mail.outbox]  # the officers are told

    log_in(page, demo.url, "redaction")
    awaiting = page.locator("#awaiting-review-section")
    row = awaiting.locator("tr", has_text=title)
    expect(row).to_be_visible()
    row.get_by_role("button", name="Actions").click()  # the row's menu
    row.get_by_role("button", name="Approuver", exact=True).click()
    wait_until(page, lambda: OfferPage.objects.get(pk=offer.pk).live)
    expect(row).to_have_count(0)  # the dashboard, reloaded, no longer lists it
    assert mail.outbox[-1].to == ["agent-diois@example.org"]
    assert "est publiée" in mail.outbox[-1].subject

    leave(page)
    page.context.clear_cookies()
    page.goto(demo.url + "/fr/offres/")
    expect(page.get_by_role("link", name=title)).to_be_visible()


def test_the_officer_asks_for_changes_and_the_agent_reads_the_comment(demo, page):
    set_password("agent-diois")
    set_password("redaction")
    title = "Boulangerie à transmettre (relecture)"

    log_in(page, demo.url, "agent-diois")
    offer = create_and_submit_an_offer(page, demo.url, title)

    log_in(page, demo.url, "redaction")
    mail.outbox.clear()
    row = page.locator("#awaiting-review-section tr", has_text=title)
    row.get_by_role("button", name="Actions").click()  # the row's menu
    row.get_by_role("button", name="Demander des modifications").click()
    modal = page.locator(".modal")
    modal.locator("textarea[name=comment]").fill(COMMENT)
    modal.locator("form button[type=submit]").click()
    state = offer.current_workflow_state
    wait_until(page, lambda: WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_NEEDS_CHANGES)
    expect(row).to_have_count(0)  # the dashboard, reloaded, no longer lists it

    assert [m.to for m in mail.outbox] == [["agent-diois@example.org"]]
    assert COMMENT in mail.outbox[0].body

    log_in(page, demo.url, "agent-diois")
    panel = page.locator("#changes-requested-section")
    expect(panel.locator("tbody tr", has_text=title)).to_contain_text(COMMENT)
    expect(panel.get_by_role("link", name=title)).to_have_attribute(
        "href", re.compile(reverse("wagtailadmin_pages:edit", args=[offer.pk]) + "$")
    )
    results = Axe().run(page, context="#changes-requested-section")
    assert not results.violations_count, results.generate_report()
