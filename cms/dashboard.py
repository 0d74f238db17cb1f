"""Panels of the admin home (Wagtail's ``construct_homepage_panels`` hook): the base every app's panel uses,
the moderation panel for the reviewers and, for the submitters, their pages sent back for changes.

A panel shows at most ``ROWS`` rows and a link to the full admin listing, only to users who may see that
listing, and runs a fixed number of queries whatever the amount of data.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

ROWS = 8


class DashboardPanel(Component):
    """A panel of the admin home, rendered only when ``is_shown(request)``."""

    name = ""
    heading = ""
    see_all_label = _("Tout voir")
    order = 150  # after Wagtail's moderation panels (210, 220), before its recent edits (250)

    def is_shown(self, request):
        return True

    def get_see_all_url(self):
        return None

    def get_panel_context(self, request):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "see_all_url": self.get_see_all_url(),
            "see_all_label": self.see_all_label,
            "rows_max": ROWS,
            **self.get_panel_context(request),
        }

    def render_html(self, parent_context=None):
        if parent_context is None or not self.is_shown(parent_context["request"]):
            return ""
        return super().render_html(parent_context)


class ModerationByTerritoryPanel(DashboardPanel):
    """Pages awaiting a review this user may give, counted per territory, the oldest submission first seen.

    Wagtail's own "Awaiting your review" panel already lists each page with its submitter and date (and the
    actions): this one adds what it lacks, where the submissions come from and how long the oldest waits."""

    name = "moderation-by-territory"
    heading = _("Relectures en attente par territoire")
    see_all_label = _("Voir le rapport des workflows")
    template_name = "cms/admin/dashboard/moderation.html"
    order = 205

    def is_shown(self, request):
        user = request.user
        return user.is_superuser or GroupApprovalTask.objects.filter(active=True, groups__user=user).exists()

    def get_see_all_url(self):
        return reverse("wagtailadmin_reports:workflow")

    def get_panel_context(self, request):
        from cms.models import TerritoryPage

        page_type = ContentType.objects.get_for_model(Page)
        oldest = {}
        states = (
            TaskState.objects.reviewable_by(request.user)
            .filter(workflow_state__base_content_type=page_type)
            .values_list("workflow_state__object_id", "started_at")
        )
        for object_id, started_at in states:
            page_id = int(object_id)
            oldest[page_id] = min(started_at, oldest.get(page_id, started_at))
        paths = dict(Page.objects.filter(pk__in=oldest).values_list("pk", "path")) if oldest else {}
        territories = (
            list(TerritoryPage.objects.order_by("path").values("pk", "title", "path", "locale__language_code"))
            if paths
            else []
        )
        counts, since = defaultdict(int), {}
        for page_id, path in paths.items():
            owner = next((t["pk"] for t in territories if path.startswith(t["path"])), None)
            counts[owner] += 1
            since[owner] = min(oldest[page_id], since.get(owner, oldest[page_id]))
        by_pk = {t["pk"]: t for t in territories}
        rows = [
            {
                "territory": by_pk[pk]["title"] if pk else None,
                "explore_url": reverse("wagtailadmin_explore", args=[pk]) if pk else None,
                "language": other_language(by_pk[pk]["locale__language_code"]) if pk else "",
                "count": count,
                "since": since[pk],
            }
            for pk, count in counts.items()
        ]
        rows.sort(key=lambda row: (-row["count"], row["since"]))
        return {"rows": rows[:ROWS], "total": len(paths), "more": len(rows) > ROWS}


def other_language(code):
    """The language code to show next to a territory's title: none for the site's first language."""
    return "" if code == settings.LANGUAGE_CODE else code


class ChangesRequestedPanel(DashboardPanel):
    """The user's pages sent back by a reviewer, with the reviewer's comment, the latest first.

    Wagtail's own "Your pages in a workflow" panel lists them as "Changes requested at …" but without the
    comment, which is what the agent needs to know what to fix (the e-mail has it too, but gets lost)."""

    name = "changes-requested"
    heading = _("Vos pages à reprendre")
    template_name = "cms/admin/dashboard/changes_requested.html"
    order = 208  # before Wagtail's "Your pages in a workflow" (210)

    def states(self, request):
        """The user's workflow states needing changes (``ROWS + 1`` at most), once per request."""
        if not hasattr(request, "_changes_requested"):
            request._changes_requested = list(
                WorkflowState.objects.filter(
                    status=WorkflowState.STATUS_NEEDS_CHANGES,
                    requested_by=request.user,
                    base_content_type=ContentType.objects.get_for_model(Page),
                )
                .select_related("current_task_state__task", "current_task_state__finished_by")
                .order_by("-current_task_state__finished_at", "-pk")[: ROWS + 1]
            )
        return request._changes_requested

    def is_shown(self, request):
        return bool(self.states(request))

    def get_panel_context(self, request):
        states = self.states(request)
        titles = dict(Page.objects.filter(pk__in=[int(s.object_id) for s in states]).values_list("pk", "title"))
        rows = []
        for state in states[:ROWS]:
            task_state = state.current_task_state
            page_id = int(state.object_id)
            if page_id not in titles:
                continue
            rows.append(
                {
                    "title": titles[page_id],
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page_id]),
                    "comment": task_state.comment if task_state else "",
                    "reviewer": task_state.finished_by if task_state else None,
                    "at": task_state.finished_at if task_state else None,
                }
            )
        return {"rows": rows, "total": len(rows), "more": len(states) > ROWS}
