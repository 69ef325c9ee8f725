"""Replacing a section's Chinese with its AI draft, logged so that it can be undone.

Each replacement leaves a page log entry holding the text it replaced and the text it wrote.
The drafts screen offers to undo the latest replacement of a section while the section's
Chinese is still the text the draft wrote; undoing is a write like any other, refused when
the screen is out of date (``articles.editorial.stale_writes``) or when the Chinese changed
since the replacement, and it is logged too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from articles.drafting.context import text_to_html
from articles.drafting.storing import accept_draft
from articles.editorial.stale_writes import ensure_latest
from articles.models import ArticlePage, ArticleSection, section_versions

REPLACED_ACTION = "articles.ai_draft_replaced"
RESTORED_ACTION = "articles.ai_draft_restored"


class UndoRefused(Exception):
    """The replacement cannot be undone; the message says why, nothing was written."""


@dataclass(frozen=True)
class Replacement:
    """A replacement that can still be undone: its log entry and the text it replaced."""

    entry_id: int
    section_key: uuid.UUID
    previous: str


def section_name(section: ArticleSection) -> str:
    heading = section.heading_zh_hans or section.heading_en or ""
    return f"§{getattr(section, 'position', '?')} {heading}".strip()


def replace_with_draft(
    page: ArticlePage, section: ArticleSection, user, loaded_revision_id=None
) -> bool:
    """Accept ``section``'s AI draft as its Chinese (``storing.accept_draft``, refused with
    ``StaleWrite`` from an out-of-date screen) and log what it replaced. False without a
    draft."""
    previous = section.body_zh_hans or ""
    with transaction.atomic():
        if not accept_draft(page, section.key, user, loaded_revision_id=loaded_revision_id):
            return False
        log(
            instance=page,
            action=REPLACED_ACTION,
            user=user,
            data={
                "section_key": str(section.key),
                "section": section_name(section),
                "previous": previous,
                "replacement": text_to_html(section.ai_draft),
            },
        )
    return True


def _restored_entry_ids(page: ArticlePage) -> set[int]:
    restored = PageLogEntry.objects.filter(page=page, action=RESTORED_ACTION)
    return {entry.data.get("replacement_entry") for entry in restored}


def undoable(page: ArticlePage, sections: list[ArticleSection]) -> dict[uuid.UUID, Replacement]:
    """Per section key, the latest replacement not undone yet whose text is still the
    section's Chinese (``sections`` as in the latest revision)."""
    current = {section.key: section.body_zh_hans or "" for section in sections}
    restored = _restored_entry_ids(page)
    found: dict[uuid.UUID, Replacement] = {}
    seen: set[uuid.UUID] = set()
    entries = PageLogEntry.objects.filter(page=page, action=REPLACED_ACTION).order_by(
        "-timestamp", "-pk"
    )
    for entry in entries:
        key = section_versions.as_key(entry.data.get("section_key"))
        if key is None or key in seen:
            continue
        seen.add(key)  # only a section's latest replacement can be undone
        if entry.pk in restored or current.get(key) != entry.data.get("replacement"):
            continue
        found[key] = Replacement(entry.pk, key, entry.data.get("previous", ""))
    return found


def undo_replacement(page: ArticlePage, entry_id, user, loaded_revision_id) -> ArticleSection:
    """Put back the Chinese a replacement replaced, as a new revision under ``user``'s name
    (and in the row of a page never published, as the replacement wrote it). Raises
    ``StaleWrite`` when the screen is out of date and ``UndoRefused`` when the replacement
    is not this article's latest for its section, was undone already, or the section's
    Chinese changed since."""
    with transaction.atomic():
        ensure_latest(ArticlePage(pk=page.pk), loaded_revision_id)
        entry = PageLogEntry.objects.filter(
            page=page, action=REPLACED_ACTION, pk=_as_int(entry_id)
        ).first()
        if entry is None:
            raise UndoRefused(_("This replacement is not one of this article's."))
        key = section_versions.as_key(entry.data.get("section_key"))
        sections = section_versions.latest(ArticlePage.objects.get(pk=page.pk))
        section = section_versions.find(sections, key) if key else None
        if section is None:
            raise UndoRefused(_("That section is no longer in the article; nothing was restored."))
        if entry.pk in _restored_entry_ids(page):
            raise UndoRefused(_("This replacement was undone already."))
        if undoable(page, sections).get(key, None) is None:
            raise UndoRefused(
                _(
                    "The Chinese of %(section)s changed after the AI draft replaced it; nothing "
                    "was restored. The earlier text is in the page history."
                )
                % {"section": section_name(section)}
            )
        previous = entry.data.get("previous", "")

        def restore(editor_section: ArticleSection) -> None:
            editor_section.body_zh_hans = previous

        if not page.live:
            # Rows of a page never published hold what the editor has (see ``storing``).
            ArticleSection.objects.filter(page_id=page.pk, key=key).update(body_zh_hans=previous)
        section_versions.update_latest(page.pk, key, restore, user=user)
        log(
            instance=page,
            action=RESTORED_ACTION,
            user=user,
            data={
                "section_key": str(key),
                "section": section_name(section),
                "replacement_entry": entry.pk,
                "restored": previous,
            },
        )
    return section


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
