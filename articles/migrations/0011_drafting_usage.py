import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_section_order_tiebreak"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DraftingUsage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField(verbose_name="day")),
                ("number", models.PositiveIntegerField(verbose_name="number in the day")),
                ("requested_at", models.DateTimeField(verbose_name="requested at")),
                ("expires_at", models.DateTimeField(verbose_name="counts as failed after")),
                (
                    "retry_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="retry after"),
                ),
                (
                    "reschedules",
                    models.PositiveSmallIntegerField(default=0, verbose_name="times rescheduled"),
                ),
                (
                    "section",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="articles.articlesection",
                        verbose_name="section",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="requested by",
                    ),
                ),
            ],
            options={
                "verbose_name": "AI drafting usage",
                "verbose_name_plural": "AI drafting usage",
                "indexes": [
                    models.Index(fields=["day", "user"], name="drafting_usage_day_user")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("day", "number"), name="drafting_usage_day_number"
                    )
                ],
            },
        ),
    ]
