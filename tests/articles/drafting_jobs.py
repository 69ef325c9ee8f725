"""Reading and setting a section's AI drafting job (kept per section of the latest revision,
on ``LatestSection``), for the drafting tests."""

from __future__ import annotations

from collections.abc import Iterable

from articles.drafting.errors import english_text
from articles.editorial.workflow import sync_latest_sections
from articles.models import ArticlePage, ArticleSection, LatestSection


def job(section: ArticleSection) -> LatestSection:
    """The section's job row, indexing its page first if it never was."""
    rows = LatestSection.objects.filter(page_id=section.page_id, section_key=section.key)
    if not rows.exists():
        sync_latest_sections(ArticlePage.objects.get(pk=section.page_id))
    return rows.get()


def state(section: ArticleSection) -> str:
    return job(section).ai_draft_state


def error(section: ArticleSection) -> str:
    """The section's drafting error as an English reader sees it."""
    row = job(section)
    return english_text(row.ai_draft_error, row.ai_draft_error_params)


def set_state(sections: Iterable[ArticleSection], value: str) -> list[str]:
    """Put the sections' jobs in state ``value``; their keys, as the task receives them."""
    keys = []
    for section in sections:
        LatestSection.objects.filter(pk=job(section).pk).update(ai_draft_state=value)
        keys.append(str(section.key))
    return keys
