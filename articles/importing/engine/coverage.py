"""How much of a section's English its Chinese covers, and which English sentences it left out.

The stable API for re-checking coverage on existing articles and for the reader's view::

    from articles.importing.engine.coverage import section_coverage, Coverage

    coverage = section_coverage(body_en, body_zh, names=[("Ilya Sutskever", "伊利亚·苏茨克维")],
                                glossary=[("token", "词元")])
    coverage.status      # "full" | "abridged" | "omitted"
    coverage.missing     # English sentences (text) with no Chinese counterpart, in order
    coverage.paragraphs  # [ParagraphPair(en=[0], zh=[0], kind="full", missing=[]), ...]
    Coverage.from_json(coverage.as_json()) == coverage   # plain values, JSON-serialisable

Either body may be rich text (HTML: ``<p>``, headings, lists; read with
``articles.richtext.html_to_text``) or plain text with paragraphs apart by a blank line.
Paragraph indexes count from 0 over those paragraphs. ``names`` and ``glossary`` are
(English, Chinese) pairs known to correspond; they anchor the alignment.

* ``status``: ``omitted`` when the Chinese is empty or covers none of the English; ``full``
  when every English paragraph and sentence has a counterpart; ``abridged`` otherwise.
  A section with no English is ``full`` (there is nothing to cover).
* ``paragraphs``: the paragraph alignment (``articles.importing.engine.alignment``), each
  pair with its kind (``full``, ``abridged``, ``omitted``, or ``added`` for Chinese with no
  English) and, when not ``full``, ``missing``: its English sentences with no Chinese, and
  ``places``: where the Chinese would have held them ([Chinese paragraph index, how many of
  its sentences come before], for the reader's cut marker).

The last coverages worked out are kept in the process, by both texts and the anchors: the
re-check screen, the review screen and the Abridgments report align the same sections with the
same glossary on every view (tens of milliseconds a section), and a changed term or name is a
new key, so it is never answered from what was kept before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from articles.importing.engine.alignment import ABRIDGED, ADDED, FULL, OMITTED, align
from articles.kept import Kept, digest
from articles.richtext import html_to_text

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_BLANK_LINE = re.compile(r"\n\s*\n")
# Coverages a process keeps (each the texts of one section, a few kB).
COVERAGES_KEPT = 1024


@dataclass
class ParagraphPair:
    """English and Chinese paragraph indexes aligned together."""

    en: list[int]
    zh: list[int]
    kind: str
    missing: list[str] = field(default_factory=list)
    # Where the Chinese would have held the missing sentences: [Chinese paragraph index, how
    # many of its sentences come before the place]; empty for stored coverage older than this.
    places: list[list[int]] = field(default_factory=list)


@dataclass
class Coverage:
    status: str
    paragraphs: list[ParagraphPair] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Coverage:
        return cls(
            status=data["status"],
            paragraphs=[
                ParagraphPair(
                    list(p["en"]),
                    list(p["zh"]),
                    p["kind"],
                    list(p.get("missing", [])),
                    [[int(j), int(k)] for j, k in p.get("places", [])],
                )
                for p in data.get("paragraphs", [])
            ],
            missing=list(data.get("missing", [])),
        )


def paragraphs_of(body: str) -> list[str]:
    """The paragraphs of rich text or of plain text (apart by a blank line)."""
    text = html_to_text(body) if _TAG.search(body or "") else (body or "")
    return [p.strip() for p in _BLANK_LINE.split(text.replace("\r\n", "\n")) if p.strip()]


def section_coverage(
    english: str,
    chinese: str,
    *,
    names: Iterable[tuple[str, str]] = (),
    glossary: Iterable[tuple[str, str]] = (),
) -> Coverage:
    """Align one section's English with its Chinese and say what the Chinese leaves out."""
    anchors = [*names, *glossary]
    kept = _kept.get(
        # A digest, not the pairs: a desk's glossary and names would be held once per section.
        (english, chinese, digest(anchors)),
        lambda: _aligned(english, chinese, anchors).as_json(),
    )
    # A coverage of its own for each caller, who may change it.
    return Coverage.from_json(kept)


def forget_kept_coverages() -> None:
    """Empty the coverages this process keeps (a benchmark's first view)."""
    _kept.clear()


_kept: Kept[tuple[str, str, bytes], dict[str, Any]] = Kept(COVERAGES_KEPT)


def _aligned(english: str, chinese: str, anchors: Sequence[tuple[str, str]]) -> Coverage:
    en = paragraphs_of(english)
    zh = paragraphs_of(chinese)
    if not en:
        return Coverage(FULL, [ParagraphPair([], list(range(len(zh))), ADDED)] if zh else [])
    groups = align(en, zh, anchors).groups
    pairs = [
        ParagraphPair(
            list(g.en), list(g.zh), g.kind, list(g.missing), [[j, k] for j, k in g.places]
        )
        for g in groups
    ]
    missing = [text for pair in pairs for text in pair.missing]
    if not zh or all(p.kind == OMITTED for p in pairs if p.en):
        status = OMITTED
    elif any(p.kind in (OMITTED, ABRIDGED) for p in pairs):
        status = ABRIDGED
    else:
        status = FULL
    return Coverage(status, pairs, missing)
