"""The territories' moderation (cms/workflow.py): the "Relecture communication" workflow and its task, given to
"Communication" and assigned to the root page instead of Wagtail's default "Moderators approval" workflow, which
is deactivated once its waiting submissions are moved over. ``manage.py sync_roles`` applies the same later.

Reversing gives the root page back to "Moderators approval" (reactivated) and deactivates ours.
"""

from django.db import migrations

from cms.workflow import REVIEW_TASK_NAME, REVIEW_WORKFLOW_NAME, sync_review_workflow

COMMUNICATION_GROUP = "Communication"  # cms.roles.COMMUNICATION_GROUP, as 0003_roles created it
DEFAULT_WORKFLOW_NAME = "Moderators approval"  # wagtailcore 0048_add_default_workflows


def create_review_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=COMMUNICATION_GROUP)
    sync_review_workflow(apps, group)
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(active=False, groups=group):
        task.groups.remove(group)  # the stopgap of 0003 (Communication in the default task) is no longer needed


def restore_default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    Page = apps.get_model("wagtailcore", "Page")
    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).order_by("pk").first()
    ours = Workflow.objects.filter(name=REVIEW_WORKFLOW_NAME)
    root = Page.objects.filter(depth=1).order_by("path").first()
    if default is not None and root is not None:
        default.active = True
        default.save(update_fields=["active"])
        Task.objects.filter(workflow_tasks__workflow=default).update(active=True)
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": default})
    WorkflowPage.objects.filter(workflow__in=ours).delete()
    ours.update(active=False)
    Task.objects.filter(name=REVIEW_TASK_NAME).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_help_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_review_workflow, restore_default_workflow)]
