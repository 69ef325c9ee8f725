"""Desk-scoped group approval: the translation workflow's group approval steps become
``DeskApprovalTask``s, which also ask the permission table about the page.

The steps are retyped in place (same task rows, so same names, groups, order and ids):
task states already recorded, finished or in progress, stay on their step and are moderated
under the new rule at once, and an article half way through the workflow does not meet its
first step again as a "new" task.
"""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW_NAME = "Translation review"


def _retype(apps, connection, source_model: str, target_model: str) -> None:
    """Move the workflow's ``source_model`` tasks to ``target_model`` ("app_label.model"),
    keeping each task's row in ``wagtailcore_task`` and its groups."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Source = apps.get_model(*source_model.split("."))
    Target = apps.get_model(*target_model.split("."))
    target_type, _ = ContentType.objects.get_or_create(
        app_label=Target._meta.app_label, model=Target._meta.model_name
    )
    step_ids = WorkflowTask.objects.filter(workflow__name=WORKFLOW_NAME).values("task_id")
    quote = connection.ops.quote_name
    for old in Source.objects.filter(pk__in=step_ids):
        group_ids = list(old.groups.values_list("pk", flat=True))
        Source.groups.through.objects.filter(**{f"{Source._meta.model_name}_id": old.pk}).delete()
        # Only the subclass row goes: deleting through the ORM would take the task row,
        # and with it the task states, too.
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {quote(Source._meta.db_table)} WHERE {quote('task_ptr_id')} = %s",
                [old.pk],
            )
        new = Target(task_ptr_id=old.pk, name=old.name, active=old.active)
        # raw: write the subclass row only; the task row is already there.
        new.save_base(raw=True)
        new.groups.set(group_ids)
        Task.objects.filter(pk=old.pk).update(content_type=target_type)


def scope_translation_steps(apps, connection) -> None:
    """Also called by the tests when they rebuild the migrated baseline."""
    _retype(apps, connection, "wagtailcore.GroupApprovalTask", "articles.DeskApprovalTask")


def scope_steps(apps, schema_editor) -> None:
    scope_translation_steps(apps, schema_editor.connection)


def unscope_steps(apps, schema_editor) -> None:
    _retype(
        apps, schema_editor.connection, "articles.DeskApprovalTask", "wagtailcore.GroupApprovalTask"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_drafting_usage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="DeskApprovalTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text=(
                            "Pages/snippets at this step in a workflow will be moderated or "
                            "approved by these groups of users"
                        ),
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "desk approval task",
                "verbose_name_plural": "desk approval tasks",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.RunPython(scope_steps, unscope_steps),
    ]
