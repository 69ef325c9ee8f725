"""What readers see of a cut inside an abridged section, from its stored coverage.

The Chinese gets a small marker ("［删节］", with a label for screen readers) where English
was left out: at the sentence boundary where the left-out English sentences would have stood
(the stored sentence alignment's ``places``; at the end of the paragraph for coverage stored
without them), and between paragraphs where a whole English paragraph has none. Where the
licence lets readers see the original, the English sentences left out are marked in the
English and listed, and the bilingual view pairs the section paragraph by paragraph.

Only a stored coverage that is current counts (``articles.content.cut_sentences``): nothing is
aligned while a reader waits, and a section edited since shows no marker rather than a
wrong one. A body whose blocks cannot be matched to the coverage's paragraphs keeps its
section-level layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.translation import gettext as _

from articles.content.cut_sentences import insert_after, mark_sentences, stored_coverage
from articles.importing.engine.coverage import Coverage, ParagraphPair, paragraphs_of
from articles.importing.engine.sentences import split_sentences

_BLOCK = re.compile(
    r"<(p|h[1-6]|blockquote|ul|ol|div|pre)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class PairRow:
    """One row of the bilingual view: Chinese and English paragraphs aligned together."""

    zh: str
    en: str
    kind: str


@dataclass(frozen=True)
class ReaderCuts:
    body_zh: str  # the Chinese rich text with cut markers
    body_en: str  # the English rich text with the sentences left out marked ("" if hidden)
    missing: tuple[str, ...]  # the English sentences left out (empty if hidden)
    pairs: tuple[PairRow, ...]  # paragraph pairs for the bilingual view (empty if hidden)


def blocks_of(rich_html: str) -> list[str] | None:
    """The top-level blocks of rich text that hold text, one per paragraph as
    ``paragraphs_of`` counts them; None when the two counts disagree."""
    blocks = [m.group(0) for m in _BLOCK.finditer(rich_html or "") if paragraphs_of(m.group(0))]
    if len(blocks) != len(paragraphs_of(rich_html or "")):
        return None
    if any(len(paragraphs_of(block)) != 1 for block in blocks):
        return None
    return blocks


def cut_marker() -> str:
    return format_html(
        '<span class="cut-marker" role="note" aria-label="{}">{}</span>',
        _("Part of the original was not translated here"),
        _("［删节］"),
    )


def _with_marker(block: str) -> str:
    """``block`` with the marker inside its closing tag."""
    closing = block.rstrip().rfind("</")
    return block[:closing] + cut_marker() + block[closing:]


def _with_markers_at(block: str, befores: list[int]) -> str:
    """``block`` with a marker after its first k sentences for each k in ``befores``; at its
    end when the sentences cannot be found in it."""
    sentences = split_sentences(paragraphs_of(block)[0])
    out = block
    # From the last place back, so that a marker never stands inside a sentence still sought.
    for before in sorted(set(befores), reverse=True):
        if before >= len(sentences):
            placed = None
        else:
            placed = insert_after(out, [s.text for s in sentences[:before]], cut_marker())
        out = placed if placed is not None else _with_marker(out)
    return out


def _marked_chinese(pair: ParagraphPair, zh_blocks: list[str]) -> list[str]:
    """The pair's Chinese blocks, each with a marker where the pair's English was cut."""
    places: dict[int, list[int]] = {}
    for j, before in pair.places:
        places.setdefault(j, []).append(before)
    if not places or any(j not in pair.zh for j in places):
        # Coverage stored without places: one marker at the end of the pair's Chinese.
        places = {pair.zh[-1]: [len(split_sentences(paragraphs_of(zh_blocks[pair.zh[-1]])[0]))]}
    return [
        _with_markers_at(zh_blocks[j], places[j]) if j in places else zh_blocks[j] for j in pair.zh
    ]


def reader_cuts(section, *, visible: bool) -> ReaderCuts | None:
    """The reader's view of an abridged section's cuts; None when there is nothing to show
    (not abridged, no current coverage, nothing left out, blocks not matched)."""
    if section.status != "abridged":
        return None
    body_en, body_zh = section.body_en or "", section.body_zh_hans or ""
    coverage = stored_coverage(section.coverage, body_en, body_zh)
    if coverage is None or not coverage.missing:
        return None
    en_blocks, zh_blocks = blocks_of(body_en), blocks_of(body_zh)
    if en_blocks is None or zh_blocks is None or not _indexes_fit(coverage, en_blocks, zh_blocks):
        return None
    zh_out: list[str] = []
    pairs: list[PairRow] = []
    for pair in coverage.paragraphs:
        zh = [zh_blocks[j] for j in pair.zh]
        if pair.missing and zh:
            zh = _marked_chinese(pair, zh_blocks)
        elif pair.en and not zh:
            zh = [f'<p class="cut-marker-line">{cut_marker()}</p>']
        zh_out += zh
        en = "".join(en_blocks[i] for i in pair.en)
        pairs.append(PairRow("".join(zh), str(mark_sentences(en, pair.missing)), pair.kind))
    if not visible:
        return ReaderCuts("".join(zh_out), "", (), ())
    return ReaderCuts(
        "".join(zh_out),
        str(mark_sentences(body_en, coverage.missing)),
        tuple(coverage.missing),
        tuple(pairs),
    )


def _indexes_fit(coverage: Coverage, en: list[str], zh: list[str]) -> bool:
    seen_en = [i for p in coverage.paragraphs for i in p.en]
    seen_zh = [j for p in coverage.paragraphs for j in p.zh]
    return sorted(seen_en) == list(range(len(en))) and sorted(seen_zh) == list(range(len(zh)))
