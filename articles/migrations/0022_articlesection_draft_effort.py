from django.db import migrations, models

from articles.content.disclosure_facts import effort_record

BATCH = 200


def record_efforts(apps, schema_editor):
    """Sections saved before the effort was stored get it now, so no reader's request has to
    diff them. Revisions are left alone: a section without the figure is measured when read
    and stored on its next save."""
    ArticleSection = apps.get_model("articles", "ArticleSection")
    batch = []
    rows = ArticleSection.objects.exclude(ai_draft="").only("pk", "ai_draft", "body_zh_hans")
    for section in rows.iterator(chunk_size=BATCH):
        section.draft_effort = effort_record(section.ai_draft, section.body_zh_hans)
        batch.append(section)
        if len(batch) >= BATCH:
            ArticleSection.objects.bulk_update(batch, ["draft_effort"])
            batch = []
    ArticleSection.objects.bulk_update(batch, ["draft_effort"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_latestsection_ai_draft_error_params"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlesection",
            name="draft_effort",
            field=models.JSONField(
                blank=True, editable=False, null=True, verbose_name="post-editing effort"
            ),
        ),
        migrations.RunPython(record_efforts, migrations.RunPython.noop, elidable=True),
    ]
