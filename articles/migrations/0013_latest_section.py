"""``DraftSection`` is an index of the latest revision's sections: call it ``LatestSection``
("draft" means a Wagtail draft or an AI draft elsewhere)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_desk_approval_task"),
    ]

    operations = [
        migrations.RenameModel("DraftSection", "LatestSection"),
        migrations.AlterField(
            model_name="latestsection",
            name="page",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="latest_sections",
                to="articles.articlepage",
            ),
        ),
        migrations.RemoveConstraint(model_name="latestsection", name="unique_draft_section"),
        migrations.AddConstraint(
            model_name="latestsection",
            constraint=models.UniqueConstraint(
                fields=("page", "section_key"), name="unique_latest_section"
            ),
        ),
    ]
