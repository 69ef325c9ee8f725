"""Where a draft goes: the section as in the latest revision (by its key) and its row when
it has one, never over a translator's text unless they accept the draft."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from articles.drafting.context import has_text, text_to_html
from articles.drafting.engine import (
    TranslationResult,
)
from articles.drafting.errors import NO_ERROR
from articles.editorial.stale_writes import ensure_latest
from articles.models import (
    ArticlePage,
    ArticleSection,
    DraftState,
    LatestSection,
    section_versions,
)

# Storing


@dataclass
class DraftRun:
    """One run's bookkeeping: its page, who asked, and the revision it has written so far
    (later sections overwrite that revision while it is still the latest)."""

    page_id: int
    user: object
    revision_id: int | None = None


def store_draft(run: DraftRun, key: uuid.UUID, result: TranslationResult) -> None:
    fields = {
        "ai_draft": result.text_zh,
        "ai_draft_backend": (result.backend or "")[:50],
        "ai_draft_model": (result.model or "")[:100],
        "ai_drafted_at": timezone.now(),
        "ai_prompt_tokens": result.prompt_tokens,
        "ai_completion_tokens": result.completion_tokens,
    }
    chinese = text_to_html(result.text_zh)

    def apply(section: ArticleSection) -> None:
        for name, value in fields.items():
            setattr(section, name, value)
        if not has_text(section.body_zh_hans):
            section.body_zh_hans = chinese

    run.revision_id = _write(
        run.page_id, key, fields, apply, chinese, run.user, run.revision_id, done=True
    )


def accept_draft(page: ArticlePage, key: uuid.UUID | str, user, loaded_revision_id=None) -> bool:
    """Use the section's AI draft as its Chinese text, at the translator's explicit request.

    Replaces the Chinese in the editor's latest revision (and in the row when the page is
    not live); the replaced text stays in the revision history. False without a draft.
    ``loaded_revision_id`` is the revision the translator's screen showed: when given and
    no longer the latest, ``StaleWrite`` is raised and nothing changes.
    """
    with transaction.atomic():
        if loaded_revision_id is not None:
            ensure_latest(ArticlePage(pk=page.pk), loaded_revision_id)
        return _accept_draft(page, section_versions.as_key(key), user)


def _accept_draft(page: ArticlePage, key: uuid.UUID | None, user) -> bool:
    page = ArticlePage.objects.select_for_update().get(pk=page.pk)
    section = section_versions.find(section_versions.latest(page), key) if key else None
    if section is None or not section.ai_draft.strip():
        return False
    chinese = text_to_html(section.ai_draft)

    def apply(editor_section: ArticleSection) -> None:
        editor_section.body_zh_hans = chinese

    _write(page.pk, key, {}, apply, chinese, user, None, replace_chinese=True)
    return True


def _write(
    page_id: int,
    key: uuid.UUID,
    row_fields: dict,
    apply: Callable[[ArticleSection], None],
    chinese: str,
    user,
    own_revision_id: int | None,
    *,
    replace_chinese: bool = False,
    done: bool = False,
) -> int | None:
    """Write a section's row (if it has one) and the page's latest revision in one
    transaction; with ``done``, mark its drafting job done.

    Returns the id of the revision saved, for the caller to overwrite next time.
    """
    with transaction.atomic():
        page = ArticlePage.objects.select_for_update().get(pk=page_id)
        row = ArticleSection.objects.filter(page_id=page_id, key=key)
        if row_fields:
            row.update(**row_fields)
        if not page.live:
            # Rows of a page never published are not public: keep them as the editor has them.
            rows = row
            if not replace_chinese:
                current = rows.values_list("body_zh_hans", flat=True).first()
                rows = rows.filter(body_zh_hans=current) if not has_text(current) else rows.none()
            rows.update(body_zh_hans=chinese)
        revision = section_versions.update_latest(
            page_id, key, apply, user=user, overwrite_own=own_revision_id
        )
        if done:
            LatestSection.objects.filter(page_id=page_id, section_key=key).update(
                ai_draft_state=DraftState.DONE, **NO_ERROR
            )
        return own_revision_id if revision is None else revision.pk
