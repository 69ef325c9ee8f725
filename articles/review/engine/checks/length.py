"""Length ratio: a translation far shorter than the article's usual is likely abridged."""

from __future__ import annotations

import statistics
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from articles.review.engine.checks.values import SHORT_TRANSLATION, Finding, message

# Below this many source characters (whitespace aside) a length ratio says little.
MIN_SOURCE_CHARS = 200
# Flag a section whose ratio is under this share of the article's usual ratio.
ABRIDGMENT_FACTOR = 0.5


def check_length(source_en: str, translation_zh: str, article_ratio: float) -> list[Finding]:
    """A finding when the section's ratio is under half the article's usual ratio.

    The evidence is empty, so a dismissal holds while the section is edited further.
    """
    ratio = length_ratio(source_en, translation_zh)
    if ratio is None or article_ratio <= 0 or ratio >= ABRIDGMENT_FACTOR * article_ratio:
        return []
    text = message(
        _(
            "Translation is %(percent)s%% of this article's usual length "
            "(ratio %(ratio)s, usual %(usual)s): likely unmarked abridgment"
        ),
        percent=round(100 * ratio / article_ratio),
        ratio=f"{ratio:.2f}",
        usual=f"{article_ratio:.2f}",
    )
    return [Finding(SHORT_TRANSLATION, text, "")]


def length_ratio(source_en: str, translation_zh: str) -> float | None:
    """Translation characters per source character, whitespace aside; None when too short."""
    source_chars = _char_count(source_en)
    if source_chars < MIN_SOURCE_CHARS:
        return None
    return _char_count(translation_zh) / source_chars


def article_ratio(pairs: Iterable[tuple[str, str]]) -> float | None:
    """The article's usual ratio: the median over translated sections long enough to judge.

    A median, so that abridged or padded sections barely move it; None with no such section.
    """
    ratios = [
        ratio
        for source, translation in pairs
        if translation.strip() and (ratio := length_ratio(source, translation)) is not None
    ]
    return statistics.median(ratios) if ratios else None


def _char_count(text: str) -> int:
    # str.split() parts at exactly the characters str.isspace() names, counted in C.
    return len("".join(text.split()))
