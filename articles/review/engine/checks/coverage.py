"""What English a section's translation claims to cover, so checks judge only that.

An omitted section covers nothing; a full (or added) one covers all its English. An abridged
one covers the English with a Chinese counterpart: the paragraphs its note names as cut
("删去了……（英文第 2 段）") are left out, and so is what the aligner
(``articles.importing.engine.alignment``) finds without Chinese: whole paragraphs (1-0
groups) and the sentences it names ``missing`` inside a shortened paragraph.

``covered_english`` takes the function that finds the covered units (``Coverage``), so a
better aligner can be plugged in; checks then run over exactly the English it returns.

``aligned_coverage`` keeps the last answers in the process: the review screen and each
submission check every abridged section again, and its answer depends on nothing but the
texts and the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from articles.importing.engine.alignment import OMITTED as ALIGNED_OMITTED
from articles.importing.engine.alignment import align
from articles.review.engine.checks.numbers import chinese_numeral

FULL, ABRIDGED, OMITTED = "full", "abridged", "omitted"

#: (English paragraphs, Chinese paragraphs, the section's note) -> the English units (whole
#: paragraphs, or paragraphs less their untranslated sentences) that have a Chinese
#: counterpart, in order.
Coverage = Callable[[Sequence[str], Sequence[str], str], list[str]]
# Abridged sections whose covered English a process keeps (each a few kB of text).
COVERED_KEPT = 1024

_NUMBER = r"(?:\d+|[一二三四五六七八九十两]+)"
_NUMBERS = rf"{_NUMBER}(?:\s*(?:[、,，及和与至到~～\-–—]|以及)\s*{_NUMBER})*"
# "英文第 2 段", "第 2、3 段", "第二至四段", "paragraph 2", "paragraphs 2 and 3".
_NOTE_PARAGRAPHS = re.compile(
    rf"第\s*(?P<zh>{_NUMBERS})\s*段"
    rf"|paragraphs?\s+(?P<en>\d+(?:\s*(?:,|and|&|-|–|to)\s*\d+)*)",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"({_NUMBER})\s*(?:至|到|~|～|-|–|—|to)\s*({_NUMBER})", re.IGNORECASE)


def covered_english(
    english: Sequence[str],
    chinese: Sequence[str],
    status: str,
    note: str = "",
    *,
    coverage: Coverage | None = None,
) -> list[str]:
    """The English units, in order, that the translation claims to translate.

    ``coverage`` finds them in an abridged section; it defaults to ``aligned_coverage``.
    """
    if status == OMITTED:
        return []
    if status != ABRIDGED:
        return list(english)
    return (coverage or aligned_coverage)(english, chinese, note)


def aligned_coverage(english: Sequence[str], chinese: Sequence[str], note: str) -> list[str]:
    """English with a Chinese counterpart: paragraphs the note names as cut and paragraphs
    the aligner leaves without Chinese are dropped, and from a shortened paragraph the
    sentences the sentence alignment names as missing."""
    return list(_aligned_coverage(tuple(english), tuple(chinese), note or ""))


@lru_cache(maxsize=COVERED_KEPT)
def _aligned_coverage(
    english: tuple[str, ...], chinese: tuple[str, ...], note: str
) -> tuple[str, ...]:
    if not chinese:
        return ()
    named = paragraphs_named(note)
    kept = {index: text for index, text in enumerate(english) if index not in named}
    if not kept:
        return ()
    order = sorted(kept)
    alignment = align([kept[i] for i in order], list(chinese))
    for group in alignment.groups:
        paragraphs = [order[i] for i in group.en]
        if group.kind == ALIGNED_OMITTED:
            for index in paragraphs:
                kept.pop(index, None)
            continue
        for sentence in group.missing:
            for index in paragraphs:
                if sentence in kept[index]:
                    kept[index] = kept[index].replace(sentence, " ", 1).strip()
                    break
    return tuple(kept[i] for i in order if kept.get(i))


def paragraphs_named(note: str) -> set[int]:
    """Indexes (from 0) of the paragraphs a note names ("英文第 2、3 段" gives {1, 2})."""
    indexes: set[int] = set()
    for match in _NOTE_PARAGRAPHS.finditer(note or ""):
        listed = match["zh"] or match["en"]
        for start, end in _RANGE.findall(listed):
            first, last = _number(start), _number(end)
            if first and last and first <= last <= first + 50:
                indexes.update(range(first - 1, last))
        for number in re.findall(_NUMBER, _RANGE.sub(" ", listed)):
            value = _number(number)
            if value:
                indexes.add(value - 1)
    return indexes


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = chinese_numeral(text)
    return int(value) if value is not None else None
