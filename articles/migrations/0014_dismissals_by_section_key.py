"""Check dismissals follow the section's stable key instead of its row, so findings on a
section that exists only in an unpublished draft can be dismissed too."""

import django.db.models.deletion
from django.db import migrations, models


def copy_keys(apps, schema_editor):
    CheckDismissal = apps.get_model("articles", "CheckDismissal")
    for dismissal in CheckDismissal.objects.select_related("section"):
        dismissal.page_id = dismissal.section.page_id
        dismissal.section_key = dismissal.section.key
        dismissal.save(update_fields=["page", "section_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_latest_section"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="checkdismissal", name="unique_check_dismissal"),
        migrations.AddField(
            model_name="checkdismissal",
            name="page",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="check_dismissals",
                to="articles.articlepage",
            ),
        ),
        migrations.AddField(
            model_name="checkdismissal",
            name="section_key",
            field=models.UUIDField(db_index=True, null=True, verbose_name="section"),
        ),
        migrations.RunPython(copy_keys, migrations.RunPython.noop),
        migrations.RemoveField(model_name="checkdismissal", name="section"),
        migrations.AlterField(
            model_name="checkdismissal",
            name="page",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="check_dismissals",
                to="articles.articlepage",
            ),
        ),
        migrations.AlterField(
            model_name="checkdismissal",
            name="section_key",
            field=models.UUIDField(db_index=True, verbose_name="section"),
        ),
        migrations.AddConstraint(
            model_name="checkdismissal",
            constraint=models.UniqueConstraint(
                fields=("page", "section_key", "code", "evidence"),
                name="unique_section_check_dismissal",
            ),
        ),
    ]
