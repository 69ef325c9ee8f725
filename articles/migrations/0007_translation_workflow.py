"""The translation workflow: translation review, abridgment review, editor approval."""

from django.db import migrations

WORKFLOW_NAME = "Translation review"
STEPS = [
    ("wagtailcore", "groupapprovaltask", "Translation review", ["Reviewers"]),
    ("articles", "abridgmentreviewtask", "Abridgment review", ["Reviewers", "Editors"]),
    ("wagtailcore", "groupapprovaltask", "Editor approval", ["Editors"]),
]


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ArticleIndexPage = apps.get_model("articles", "ArticleIndexPage")

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not created:
        return
    for order, (app_label, model_name, name, groups) in enumerate(STEPS):
        model = apps.get_model(app_label, model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        task = model.objects.create(name=name, content_type=content_type, active=True)
        task.groups.set(Group.objects.filter(name__in=groups))
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=order)
    for index in ArticleIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_workflow"),
        ("articles", "0004_editorial_roles"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
