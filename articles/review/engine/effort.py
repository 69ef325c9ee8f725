"""Post-editing effort: how much of the AI draft the translator changed.

Effort is the character-level edit distance between draft and final translation divided by
the longer of the two. Dividing by the longer text keeps the figure within 0..1 (0 kept as is,
1 nothing kept) and counts what the translator added as well as what they cut; dividing by
the draft alone would exceed 1 whenever the final text grew. Surrounding whitespace is
ignored. There is no figure without an AI draft, nor without a translation (a section not yet
translated, or omitted, was not post-edited).
"""

from __future__ import annotations

from collections.abc import Iterable

from articles.review.engine.diffs import change_ratio
from articles.richtext import html_to_lines


def draft_text(draft: str | None) -> str:
    """Plain Chinese of an AI draft as effort and the AI diff compare it: blank lines and
    indents dropped."""
    return "\n".join(line.strip() for line in (draft or "").splitlines() if line.strip())


def post_editing_effort(draft: str | None, body_zh: str | None) -> float | None:
    """``section_effort`` of a section's draft and its Chinese (the editor's HTML), both as
    lines of text, so that paragraph breaks and indents count as no edit. The one measure
    the review screen, the effort report and the disclosure share."""
    return section_effort(draft_text(draft), html_to_lines(body_zh or ""))


def section_effort(draft: str | None, final: str | None) -> float | None:
    """Share of the draft changed, 0.0 to 1.0; None without a draft or a translation."""
    draft, final = (draft or "").strip(), (final or "").strip()
    if not draft or not final:
        return None
    return change_ratio(draft, final)


def article_effort(sections: Iterable[tuple[str | None, str | None]]) -> float | None:
    """Effort over (draft, final) pairs, weighted by draft length, so a one-line section
    weighs less than a long one; None when no section has both a draft and a translation."""
    total = weight = 0.0
    for draft, final in sections:
        effort = section_effort(draft, final)
        if effort is not None:
            chars = len((draft or "").strip())
            total += effort * chars
            weight += chars
    return total / weight if weight else None
