"""The territories' moderation: one workflow, "Relecture communication", with one group approval task of the same
name given to the "Communication" group, assigned to the tree's root page (so both locales' trees, and every
page a territorial agent may add, go through it).

``sync_review_workflow(apps, group)`` creates it or puts it back in step; the data migration
(cms/migrations/0005_review_workflow.py) calls it with the historical models, ``sync_roles`` (cms/roles.py) with
the real ones. So it only uses plain model lookups.

**Wagtail's default "Moderators approval" workflow is replaced and deactivated, not left active and unassigned.**
The root page holds one workflow assignment (``WorkflowPage`` is keyed by page): ours takes it. The replaced
workflow is then assigned nowhere; left active it would still be offered in the admin's "assign workflow"
choices and keep its task (the "Moderators" group) in the moderation listings, an invitation to route pages to
a second, unwatched review. Deactivated, it stays in the database with the history of what it moderated (deleting
it would cascade-delete those workflow states), and an administrator can still reactivate it. Its submissions
still waiting (in progress, or sent back for changes) are moved into "Relecture communication" first, so
nothing pending is cancelled or lost. A workflow the administrators assigned deliberately to another subtree is
left alone: only the root's assignment is ours.

Communication officers are not forced through the review: they hold ``publish_page`` on the root, and
Wagtail's editor offers "Publier" to whoever may publish, with or without a workflow (tests/cms/
test_review_workflow.py checks it). The e-mails (to the officers on submission, to the submitter on approval or
on a request for changes with its comment) are Wagtail's own notifications (wagtail/admin/mail.py), set in
cms/settings/base.py; the approval one is worded in templates/wagtailadmin/notifications/.
"""

REVIEW_WORKFLOW_NAME = "Relecture communication"
REVIEW_TASK_NAME = "Relecture communication"

IN_PROGRESS = "in_progress"
NEEDS_CHANGES = "needs_changes"


def sync_review_workflow(apps, group):
    """Create or correct the review workflow and its task for ``group``; return the changes made, as lines."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    changes = []

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).order_by("pk").first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME, content_type=content_type, active=True)
        changes.append(f"+ task {REVIEW_TASK_NAME}")
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
        changes.append(f"+ task {REVIEW_TASK_NAME} reactivated")
    for other in task.groups.exclude(pk=group.pk):
        task.groups.remove(other)
        changes.append(f"- task {REVIEW_TASK_NAME}: group {other.name}")
    if not task.groups.filter(pk=group.pk).exists():
        task.groups.add(group)
        changes.append(f"+ task {REVIEW_TASK_NAME}: group {group.name}")

    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW_NAME).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=REVIEW_WORKFLOW_NAME, active=True)
        changes.append(f"+ workflow {REVIEW_WORKFLOW_NAME}")
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        changes.append(f"+ workflow {REVIEW_WORKFLOW_NAME} reactivated")
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changes.append(f"+ workflow {REVIEW_WORKFLOW_NAME}: task {REVIEW_TASK_NAME}")

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return changes
    assignment = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if assignment is None:
        WorkflowPage.objects.create(page=root, workflow=workflow)
        changes.append(f"+ workflow {REVIEW_WORKFLOW_NAME} on the root page")
    elif assignment.workflow_id != workflow.pk:
        replaced = assignment.workflow
        assignment.workflow = workflow
        assignment.save(update_fields=["workflow"])
        changes.append(f"+ workflow {REVIEW_WORKFLOW_NAME} on the root page, instead of {replaced.name}")
        changes += _retire(apps, replaced, workflow, task)
    return changes


def _retire(apps, replaced, workflow, task):
    """Move the waiting submissions of ``replaced`` into ``workflow`` (its one ``task``), then deactivate
    ``replaced`` and its tasks used by no other active workflow, unless it is still assigned elsewhere."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Task = apps.get_model("wagtailcore", "Task")
    if (
        WorkflowPage.objects.filter(workflow=replaced).exists()
        or WorkflowContentType.objects.filter(workflow=replaced).exists()
    ):
        return []  # still used for another subtree or for snippets: the administrators' choice
    changes = []
    waiting = WorkflowState.objects.filter(workflow=replaced, status__in=[IN_PROGRESS, NEEDS_CHANGES])
    waiting_ids = list(waiting.values_list("pk", flat=True))
    if waiting_ids:
        TaskState.objects.filter(
            workflow_state_id__in=waiting_ids,
            task__workflow_tasks__workflow=replaced,
            status__in=["in_progress", "rejected"],
        ).update(task=task)
        waiting.update(workflow=workflow)
        changes.append(f"~ {len(waiting_ids)} submission(s) moved from {replaced.name} to {workflow.name}")
    replaced.active = False
    replaced.save(update_fields=["active"])
    changes.append(f"- workflow {replaced.name} deactivated")
    task_ids = WorkflowTask.objects.filter(workflow=replaced).values_list("task_id", flat=True)
    shared = WorkflowTask.objects.filter(workflow__active=True).values_list("task_id", flat=True)
    for old_task in Task.objects.filter(pk__in=task_ids, active=True).exclude(pk__in=shared).exclude(pk=task.pk):
        old_task.active = False
        old_task.save(update_fields=["active"])
        changes.append(f"- task {old_task.name} deactivated")
    return changes
