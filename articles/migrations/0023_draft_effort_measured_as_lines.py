from django.db import migrations

from articles.content.disclosure_facts import effort_record

BATCH = 200


def record_efforts(apps, schema_editor):
    """Each section's stored effort again, as the review screen and the effort report
    measure it (draft and Chinese as lines of text), so that no reader's request has to diff
    a section whose figure the new measure made stale. Revisions are left alone: a section
    without a current figure is measured when read and stored on its next save."""
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
        ("articles", "0022_articlesection_draft_effort"),
    ]

    operations = [
        migrations.RunPython(record_efforts, migrations.RunPython.noop, elidable=True),
    ]
