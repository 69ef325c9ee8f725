"""Articles record whether their English original is attached (a translation imported on
its own is not) and, editors only, why there is none."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0015_drafting_by_section_key'),
    ]

    operations = [
        migrations.AddField(
            model_name='articlepage',
            name='no_original_reason',
            field=models.TextField(blank=True, help_text='Editors only: why this translation goes ahead without its English original. Needed to submit an article whose original is not attached.', verbose_name='why there is no original'),
        ),
        migrations.AddField(
            model_name='articlepage',
            name='original_attached',
            field=models.BooleanField(default=True, help_text='Off while the English original of a translation imported on its own is missing; attach it with “Attach original”.', verbose_name='original attached'),
        ),
    ]
