"""Where a draft goes: the section row and the latest revision, never over a translator's
text unless they accept the draft."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.drafting.context import has_text, text_to_html
from articles.drafting.engine import (
    TranslationResult,
)
from articles.editorial.stale_writes import ensure_latest
from articles.models import ArticlePage, ArticleSection, DraftState

logger = logging.getLogger(__name__)

# Storing


@dataclass
class DraftRun:
    """One run's bookkeeping: its page, who asked, and the revision it has written so far
    (later sections overwrite that revision while it is still the latest)."""

    page_id: int
    user: object
    revision_id: int | None = None


def store_draft(run: DraftRun, pk: int, result: TranslationResult) -> None:
    fields = {
        "ai_draft": result.text_zh,
        "ai_draft_state": DraftState.DONE,
        "ai_draft_backend": (result.backend or "")[:50],
        "ai_draft_model": (result.model or "")[:100],
        "ai_drafted_at": timezone.now(),
        "ai_prompt_tokens": result.prompt_tokens,
        "ai_completion_tokens": result.completion_tokens,
        "ai_draft_error": "",
    }
    chinese = text_to_html(result.text_zh)

    def apply(section: ArticleSection) -> None:
        for name, value in fields.items():
            setattr(section, name, value)
        if not has_text(section.body_zh_hans):
            section.body_zh_hans = chinese

    run.revision_id = _write(run.page_id, pk, fields, apply, chinese, run.user, run.revision_id)


def accept_draft(section: ArticleSection, user, loaded_revision_id=None) -> bool:
    """Use the section's AI draft as its Chinese text, at the translator's explicit request.

    Replaces the Chinese in the editor's latest revision (and in the row when the page is
    not live); the replaced text stays in the revision history. False without a draft.
    ``loaded_revision_id`` is the revision the translator's screen showed: when given and
    no longer the latest, ``StaleWrite`` is raised and nothing changes.
    """
    with transaction.atomic():
        if loaded_revision_id is not None:
            ensure_latest(ArticlePage(pk=section.page_id), loaded_revision_id)
        return _accept_draft(section, user)


def _accept_draft(section: ArticleSection, user) -> bool:
    section.refresh_from_db()
    if not section.ai_draft.strip():
        return False
    chinese = text_to_html(section.ai_draft)
    draft_fields = {
        "ai_draft": section.ai_draft,
        "ai_draft_backend": section.ai_draft_backend,
        "ai_draft_model": section.ai_draft_model,
        "ai_drafted_at": section.ai_drafted_at,
        "ai_prompt_tokens": section.ai_prompt_tokens,
        "ai_completion_tokens": section.ai_completion_tokens,
    }

    def apply(editor_section: ArticleSection) -> None:
        for name, value in draft_fields.items():
            setattr(editor_section, name, value)
        editor_section.body_zh_hans = chinese

    _write(section.page_id, section.pk, {}, apply, chinese, user, None, replace_chinese=True)
    return True


def _write(
    page_id: int,
    pk: int,
    row_fields: dict,
    apply: Callable[[ArticleSection], None],
    chinese: str,
    user,
    own_revision_id: int | None,
    *,
    replace_chinese: bool = False,
) -> int | None:
    """Write a section's row and the page's latest revision in one transaction.

    Returns the id of the revision saved, for the caller to overwrite next time.
    """
    with transaction.atomic():
        page = ArticlePage.objects.select_for_update().get(pk=page_id)
        if row_fields:
            ArticleSection.objects.filter(pk=pk).update(**row_fields)
        if not page.live:
            # Rows of a page never published are not public: keep them as the editor has them.
            rows = ArticleSection.objects.filter(pk=pk)
            if not replace_chinese:
                row = rows.values_list("body_zh_hans", flat=True).first()
                rows = rows.filter(body_zh_hans=row) if not has_text(row) else rows.none()
            rows.update(body_zh_hans=chinese)
        draft = page.get_latest_revision_as_object()
        # The in-memory list is what save_revision serialises; on a page without unpublished
        # changes ``draft`` is the page itself and ``.all()`` would re-read the rows.
        target = next((s for s in draft.sections.get_object_list() if s.pk == pk), None)
        if target is None:
            return own_revision_id
        apply(target)
        latest = page.get_latest_revision()
        user_id = user.pk if user is not None else None
        overwrite = (
            latest
            if latest is not None and latest.pk == own_revision_id and latest.user_id == user_id
            else None
        )
        return _save_revision(draft, user, overwrite).pk


def _save_revision(draft: ArticlePage, user, overwrite):
    """Save with the page's own validation; if the translator's unfinished draft fails it
    for reasons of its own, save anyway rather than lose the machine draft (Wagtail's editor
    saves drafts without every check too) and leave the problem for the editor to show."""
    try:
        return draft.save_revision(user=user, log_action=True, overwrite_revision=overwrite)
    except ValidationError as exc:
        logger.warning("Saving AI drafts for page %s without validation: %s", draft.pk, exc)
        return draft.save_revision(
            user=user, log_action=True, overwrite_revision=overwrite, clean=False
        )


def editor_sections(page: ArticlePage) -> dict[int, ArticleSection]:
    """The sections as the editor shows them (latest revision), by pk."""
    return {s.pk: s for s in page.get_latest_revision_as_object().sections.all() if s.pk}
