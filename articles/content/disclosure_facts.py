"""Disclosure follows the facts: how an article was actually translated, from its sections.

``ArticlePage.translation_method`` is what the editor declared; readers are told what the
sections show. When any published section's Chinese came from a recorded AI draft, the
article is AI-assisted, naming the model that drafted it; otherwise it is human-translated.
Only "machine translation" is taken as declared, since it describes no human edit at all.

Whether a draft was used rests on the section's post-editing effort, a character diff of the
draft and the Chinese: too slow to work out for every section of every page a reader asks for.
It is worked out when the section is saved (``record_draft_efforts``, from the page's save and
save_revision) and kept on the section with a digest of the texts it was worked out on, so it
travels in revisions and reaches the rows on publish. A stored figure whose digest no longer
matches (a write that bypassed the page's save) or none at all (a section saved before it was
stored) is ignored and the effort worked out on read, so the disclosure never rests on
texts the section no longer has. The review screen shows the same stored figure, and the
effort report measures the same way (``post_editing_effort``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, Protocol

from articles.review.engine.effort import post_editing_effort

HUMAN = "human"
AI_ASSISTED = "ai_assisted"
MACHINE = "machine"
#: A draft counts as used unless the translator changed at least this share of it. Two
#: independent Chinese translations of one text still share many characters, so only a
#: near-total rewrite counts as the translator's own work.
REWRITE_THRESHOLD = 0.9
# Part of the digest: changing how effort is measured makes every stored figure stale.
# 2: draft and Chinese compared as lines, as the review screen and the effort report do.
_EFFORT_MEASURE = 2


class DraftedSection(Protocol):
    ai_draft: str
    ai_draft_model: str
    ai_drafted_at: object
    body_zh_hans: str | None


def effort_digest(draft: str | None, body_zh: str | None) -> str:
    """What a stored effort was worked out on: the draft and the Chinese, hashed."""
    data = json.dumps([_EFFORT_MEASURE, draft or "", body_zh or ""], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def effort_record(draft: str | None, body_zh: str | None) -> dict[str, Any] | None:
    """The value ``ArticleSection.draft_effort`` stores; None without a draft to measure."""
    if not (draft or "").strip():
        return None
    effort = post_editing_effort(draft, body_zh)
    return {"effort": effort, "digest": effort_digest(draft, body_zh)}


def _stored(record: Any, draft: str | None, body_zh: str | None) -> tuple[bool, float | None]:
    """(current, effort) of a stored record: current only when worked out on these texts."""
    if not (draft or "").strip():
        return record is None, None
    if not isinstance(record, dict) or record.get("digest") != effort_digest(draft, body_zh):
        return False, None
    effort = record.get("effort")
    if effort is not None and not isinstance(effort, int | float):
        return False, None
    return True, effort


def draft_effort(section: DraftedSection) -> float | None:
    """The section's post-editing effort: the stored figure while it is current, else
    worked out now."""
    record = getattr(section, "draft_effort", None)
    current, effort = _stored(record, section.ai_draft, section.body_zh_hans)
    return effort if current else post_editing_effort(section.ai_draft, section.body_zh_hans)


def record_draft_efforts(sections: Iterable) -> bool:
    """Store the effort on each section whose stored figure is missing or stale (only those
    are diffed). Returns whether any changed, so the caller can put them back into the
    page's cluster."""
    changed = False
    for section in sections:
        draft, body_zh = section.ai_draft, section.body_zh_hans
        if not _stored(section.draft_effort, draft, body_zh)[0]:
            section.draft_effort = effort_record(draft, body_zh)
            changed = True
    return changed


def draft_was_used(section: DraftedSection) -> bool:
    """The section's Chinese came from its AI draft: there is a recorded draft, a
    translation, and the translator kept a real part of the draft."""
    if not section.ai_drafted_at or not (section.ai_draft or "").strip():
        return False
    effort = draft_effort(section)
    return effort is not None and effort < REWRITE_THRESHOLD


def effective_method(
    declared_method: str, declared_model: str, sections: Iterable[DraftedSection]
) -> tuple[str, str]:
    """(method, model) for the disclosure of an article with these published sections."""
    if declared_method == MACHINE:
        return MACHINE, declared_model
    used = [section for section in sections if draft_was_used(section)]
    if not used:
        return HUMAN, ""
    models = Counter(section.ai_draft_model for section in used if section.ai_draft_model)
    model = models.most_common(1)[0][0] if models else declared_model
    return AI_ASSISTED, model
