"""Each section keeps how much of its English the Chinese covers, with the English sentences
left untranslated, as found on import, on attaching the original or on a coverage re-check."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0017_check_policy"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlesection",
            name="coverage",
            field=models.JSONField(
                blank=True,
                editable=False,
                help_text=(
                    "Which English sentences have no Chinese counterpart, as found when the "
                    "section was imported, given its original or re-checked."
                ),
                null=True,
                verbose_name="coverage",
            ),
        ),
    ]
