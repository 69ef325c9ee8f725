"""Disclosure follows the facts: how an article was actually translated, from its sections.

``ArticlePage.translation_method`` is what the editor declared; readers are told what the
sections show. When any published section's Chinese came from a recorded AI draft, the
article is AI-assisted, naming the model that drafted it; otherwise it is human-translated.
Only "machine translation" is taken as declared, since it describes no human edit at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from articles.review.engine.effort import section_effort

HUMAN = "human"
AI_ASSISTED = "ai_assisted"
MACHINE = "machine"
#: A draft counts as used unless the translator changed at least this share of it. Two
#: independent Chinese translations of one text still share many characters, so only a
#: near-total rewrite counts as the translator's own work.
REWRITE_THRESHOLD = 0.9


class DraftedSection(Protocol):
    ai_draft: str
    ai_draft_model: str
    ai_drafted_at: object
    body_zh_hans: str | None

    @property
    def text_zh(self) -> str: ...


def draft_was_used(section: DraftedSection) -> bool:
    """The section's Chinese came from its AI draft: there is a recorded draft, a
    translation, and the translator kept a real part of the draft."""
    if not section.ai_drafted_at or not (section.ai_draft or "").strip():
        return False
    effort = section_effort(section.ai_draft, section.text_zh)
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
