"""AI drafting follows the section's stable key instead of its row, so a section added in an
unpublished draft can be drafted: the job state moves from the section row to the index of
the latest revision (``LatestSection``), and the usage ledger names the article and the key."""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

from articles.editorial.section_rules import section_hash


def copy_job_state(apps, schema_editor):
    ArticleSection = apps.get_model("articles", "ArticleSection")
    LatestSection = apps.get_model("articles", "LatestSection")
    with_state = ArticleSection.objects.exclude(ai_draft_state="", ai_draft_error="")
    for page_id in set(with_state.values_list("page_id", flat=True)):
        if not LatestSection.objects.filter(page_id=page_id).exists():
            _index_rows(ArticleSection, LatestSection, page_id)
        for section in with_state.filter(page_id=page_id):
            LatestSection.objects.filter(page_id=page_id, section_key=section.key).update(
                ai_draft_state=section.ai_draft_state, ai_draft_error=section.ai_draft_error
            )


def _index_rows(ArticleSection, LatestSection, page_id):
    """A page not indexed yet is indexed from its rows (the next saved revision
    re-indexes it in place, keeping the job state)."""
    now = timezone.now()
    rows = ArticleSection.objects.filter(page_id=page_id).order_by("sort_order", "pk")
    LatestSection.objects.bulk_create(
        [
            LatestSection(
                page_id=page_id,
                section_key=section.key,
                position=position,
                heading=(section.heading_zh_hans or section.heading_en or "")[:300],
                status=section.status,
                note=section.note or "",
                content_hash=section_hash(section),
                status_since=now,
            )
            for position, section in enumerate(rows, start=1)
        ]
    )


def copy_usage_keys(apps, schema_editor):
    DraftingUsage = apps.get_model("articles", "DraftingUsage")
    for usage in DraftingUsage.objects.filter(section__isnull=False).select_related("section"):
        usage.page_id = usage.section.page_id
        usage.section_key = usage.section.key
        usage.save(update_fields=["page", "section_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_dismissals_by_section_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="latestsection",
            name="ai_draft_state",
            field=models.CharField(
                blank=True,
                choices=[
                    ("queued", "Queued"),
                    ("running", "Drafting"),
                    ("done", "Drafted"),
                    ("failed", "Failed"),
                ],
                default="",
                max_length=10,
                verbose_name="AI draft state",
            ),
        ),
        migrations.AddField(
            model_name="latestsection",
            name="ai_draft_error",
            field=models.TextField(blank=True, verbose_name="AI draft error"),
        ),
        migrations.AddField(
            model_name="draftingusage",
            name="page",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="articles.articlepage",
                verbose_name="article",
            ),
        ),
        migrations.AddField(
            model_name="draftingusage",
            name="section_key",
            field=models.UUIDField(blank=True, db_index=True, null=True, verbose_name="section"),
        ),
        migrations.RunPython(copy_job_state, migrations.RunPython.noop),
        migrations.RunPython(copy_usage_keys, migrations.RunPython.noop),
        migrations.RemoveField(model_name="articlesection", name="ai_draft_state"),
        migrations.RemoveField(model_name="articlesection", name="ai_draft_error"),
        migrations.RemoveField(model_name="draftingusage", name="section"),
    ]
