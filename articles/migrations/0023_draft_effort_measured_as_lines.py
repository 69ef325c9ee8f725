import importlib

from django.db import migrations

# The same work as when the figure was first stored: every drafted section's figure written
# again with today's measure (draft and Chinese compared as lines of text), so that no
# reader's request has to diff a section whose figure the new measure made stale.
record_efforts = importlib.import_module(
    "articles.migrations.0022_articlesection_draft_effort"
).record_efforts


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_articlesection_draft_effort"),
    ]

    operations = [
        migrations.RunPython(record_efforts, migrations.RunPython.noop, elidable=True),
    ]
