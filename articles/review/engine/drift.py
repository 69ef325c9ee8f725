"""Source drift, the rules: a translation made from English that has since changed is stale.

Each section keeps ``source_at_translation``, the English (heading and text, as plain text
with whitespace collapsed) as it stood when its translation was last confirmed. The section
is stale when that record is non-empty and differs from the current English. An empty record
means "translated before anything was recorded": not stale, since there is nothing to compare.

Plain values and model instances in, no queries: re-checking, which writes, is
``articles.review.drift``.
"""

from __future__ import annotations

from collections.abc import Iterable

from articles.richtext import html_to_lines, words_of


def english_source(heading_en: str, body_en: str) -> str:
    """What ``source_at_translation`` records: the section's English heading (plain text)
    and text (rich text), each on one line."""
    return english_source_of_text(heading_en, html_to_lines(body_en))


def english_source_of_text(heading_en: str, text_en: str) -> str:
    """``english_source`` for a body already turned into text with ``html_to_lines``."""
    parts = (" ".join((heading_en or "").split()), " ".join(text_en.split()))
    return "\n".join(part for part in parts if part)


def is_stale(recorded: str, current: str) -> bool:
    """Stale when something was recorded and the English differs from it, spaces aside."""
    recorded = " ".join((recorded or "").split())
    return bool(recorded) and recorded != " ".join((current or "").split())


def needs_recording(section) -> bool:
    """A translated section with no English recorded yet (its first translated save)."""
    return not section.source_at_translation and bool(words_of(section.body_zh_hans))


def record_translation_sources(sections: Iterable) -> bool:
    """Record the English on sections saved with a translation for the first time.

    Works on model instances (live or from a revision); returns whether any changed, so the
    caller can put them back into the page's cluster.
    """
    changed = False
    for section in sections:
        if needs_recording(section):
            section.source_at_translation = english_source(section.heading_en, section.body_en)
            changed = True
    return changed
