"""Source drift, recorded: re-checking a translation against the current English.

Re-checking writes the current English to the live row and to the page's latest and live
revisions, because publishing a revision rewrites the live rows from the revision's JSON;
patching the revision keeps the confirmation through the next publish. What counts as stale
is decided in ``articles.review.engine.drift``.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from articles.models import ArticlePage, ArticleSection, section_versions
from articles.review.engine.drift import english_source


def confirm_source(
    page: ArticlePage, section: ArticleSection, user, now: datetime | None = None
) -> int:
    """Record that ``user`` re-checked ``section`` (as in the latest revision) against its
    current English. Written to the live row, if the section has one, and to the section in
    the latest and live revisions; returns how many revisions held it."""
    return section_versions.patch_saved(
        page,
        section.key,
        {
            "source_at_translation": english_source(section.heading_en, section.body_en),
            "source_confirmed_by": user,
            "source_confirmed_at": now or timezone.now(),
        },
    )
