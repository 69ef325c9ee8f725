"""Diffs for translator review: AI draft to translation, revision to revision, source drift.

English is compared word by word and Chinese character by character: text is cut into
tokens (a Latin word, a run of whitespace, one CJK character or one other character), each
distinct token is mapped to one code point as diff-match-patch's ``linesToChars`` does for
lines, and the diff runs on those code points, so an edit never splits a word.

Plain values in, plain values out; no models. The rendered HTML is already escaped and may
be marked safe by the caller.
"""

from __future__ import annotations

import html
import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from diff_match_patch import diff_match_patch

from articles.cjk import WIDE_SCRIPT

Op = Literal["equal", "insert", "delete"]
SectionChangeKind = Literal["added", "removed", "changed", "moved", "unchanged"]

# Han (with extensions and compatibility forms), kana, bopomofo and Hangul: one token each.
_CJK = WIDE_SCRIPT
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['’][^\W{_CJK}]+)*|\s+|.", re.DOTALL)
_OPS: dict[int, Op] = {
    diff_match_patch.DIFF_EQUAL: "equal",
    diff_match_patch.DIFF_INSERT: "insert",
    diff_match_patch.DIFF_DELETE: "delete",
}
_TAGS = {"insert": "ins", "delete": "del"}
# Code points available for tokens: all but NUL and the surrogate block.
_MAX_TOKENS = 0x110000 - 1 - 0x800
# A review page must not hang on a pathological pair; past this the diff is valid but coarser.
DIFF_TIMEOUT_SECONDS = 2.0
# Section pairs whose edit distance, and whose diff, a process keeps (each a few kB of text).
EDIT_DISTANCES_KEPT = 1024
DIFFS_KEPT = 1024


@dataclass(frozen=True)
class DiffOp:
    op: Op
    text: str


@dataclass(frozen=True)
class SectionSnapshot:
    """One section as stored in one revision of a page; ``key`` survives reordering."""

    key: str | int
    heading_en: str = ""
    heading_zh: str = ""
    body_en: str = ""
    body_zh: str = ""
    status: str = ""
    note: str = ""


COMPARED_FIELDS = ("heading_en", "heading_zh", "body_en", "body_zh", "status", "note")


@dataclass(frozen=True)
class FieldDiff:
    name: str
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True)
class SectionDiff:
    """How one section differs between two revisions.

    ``kind`` gives the headline (added, removed, changed, moved, unchanged, in that order of
    precedence); a changed section may also have ``moved``. Added and removed sections carry
    their fields as all-insert or all-delete diffs so they render like any other.
    """

    key: str | int
    kind: SectionChangeKind
    old_index: int | None
    new_index: int | None
    fields: tuple[FieldDiff, ...] = ()
    moved: bool = False


def tokenize(text: str) -> list[str]:
    """Cut text into diff units; joining the tokens gives the text back."""
    return _TOKEN.findall(text)


def diff_text(old: str, new: str) -> list[DiffOp]:
    """Diff two texts by words (Latin script) and characters (CJK), semantically cleaned.

    The last pairs diffed are kept in the process, as edit distances are: each view of the
    review screen diffs every section's AI draft and source again, tens of milliseconds a
    pair when a translator rewrote the draft, and every reviewer opens the same article."""
    return list(_diffed(old, new))


@lru_cache(maxsize=DIFFS_KEPT)
def _diffed(old: str, new: str) -> tuple[DiffOp, ...]:
    if old == new:
        return (DiffOp("equal", old),) if old else ()
    try:
        (a, b), decode = _encode([tokenize(old), tokenize(new)])
    except OverflowError:
        # More distinct words than code points: single characters always fit.
        (a, b), decode = _encode([list(old), list(new)])
    dmp = _engine(DIFF_TIMEOUT_SECONDS)
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return tuple(DiffOp(_OPS[code], "".join(decode[c] for c in chunk)) for code, chunk in diffs)


def render_inline(ops: Sequence[DiffOp]) -> str:
    """One HTML string with deletions in ``<del>`` and insertions in ``<ins>``, all escaped."""
    return _render(ops, hide=None)


def render_side_by_side(ops: Sequence[DiffOp]) -> tuple[str, str]:
    """(old, new) HTML: the old side shows deletions, the new side insertions; escaped."""
    return _render(ops, hide="insert"), _render(ops, hide="delete")


@lru_cache(maxsize=EDIT_DISTANCES_KEPT)
def edit_distance(a: str, b: str) -> int:
    """Character-level Levenshtein distance from diff-match-patch, after semantic cleanup.

    Cleanup first, so that stray shared characters in rewritten text (a 的, a comma) do not
    count as kept text.

    The last pairs measured are kept in the process: each costs milliseconds, and an article
    whose one section changed is measured again whole (the effort report), as are the
    sections of the same article on the screens of every reviewer.
    """
    dmp = _engine(DIFF_TIMEOUT_SECONDS)
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return dmp.diff_levenshtein(diffs)


def change_ratio(a: str, b: str) -> float:
    """Share of characters changed between a and b: 0.0 identical, 1.0 nothing in common.

    Normalised by the longer text, so the figure stays within 0..1 whichever side grew.
    """
    longest = max(len(a), len(b))
    if longest == 0:
        return 0.0
    return min(1.0, edit_distance(a, b) / longest)


def similarity(a: str, b: str) -> float:
    """1.0 for identical texts, 0.0 for texts with nothing in common."""
    return 1.0 - change_ratio(a, b)


def diff_sections(
    old: Sequence[SectionSnapshot], new: Sequence[SectionSnapshot]
) -> list[SectionDiff]:
    """Compare two revisions' sections, matched by key.

    The result follows the new order, with each removed section placed after the surviving
    section that preceded it. A section counts as moved only when it left the longest run of
    sections that kept their relative order, so adding one section does not move the rest.
    """
    old_at, new_at = _index_by_key(old), _index_by_key(new)
    moved = _moved_keys(
        [s.key for s in old if s.key in new_at], [s.key for s in new if s.key in old_at]
    )
    removed_after: dict[str | int | None, list[SectionDiff]] = {}
    previous_kept: str | int | None = None
    for index, section in enumerate(old):
        if section.key in new_at:
            previous_kept = section.key
            continue
        gone = SectionDiff(section.key, "removed", index, None, _field_diffs(section, None))
        removed_after.setdefault(previous_kept, []).append(gone)

    result = list(removed_after.get(None, []))
    for index, section in enumerate(new):
        if section.key not in old_at:
            result.append(
                SectionDiff(section.key, "added", None, index, _field_diffs(None, section))
            )
        else:
            old_index = old_at[section.key]
            fields = _field_diffs(old[old_index], section)
            is_moved = section.key in moved
            kind: SectionChangeKind = "changed" if fields else "moved" if is_moved else "unchanged"
            result.append(SectionDiff(section.key, kind, old_index, index, fields, is_moved))
        result.extend(removed_after.get(section.key, []))
    return result


def _engine(timeout: float) -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    return dmp


def _encode(sequences: Sequence[Sequence[Hashable]]) -> tuple[list[str], dict[str, Hashable]]:
    """Map each distinct item to one code point, as diff-match-patch's linesToChars does."""
    chars: dict[Hashable, str] = {}
    encoded = []
    for sequence in sequences:
        out = []
        for item in sequence:
            char = chars.get(item)
            if char is None:
                if len(chars) >= _MAX_TOKENS:
                    raise OverflowError("too many distinct tokens to encode")
                code = len(chars) + 1
                char = chars[item] = chr(code if code < 0xD800 else code + 0x800)
            out.append(char)
        encoded.append("".join(out))
    return encoded, {char: item for item, char in chars.items()}


def _render(ops: Sequence[DiffOp], hide: Op | None) -> str:
    parts = []
    for op in ops:
        if op.op == hide:
            continue
        text = html.escape(op.text)
        tag = _TAGS.get(op.op)
        parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return "".join(parts)


def _index_by_key(sections: Sequence[SectionSnapshot]) -> dict[str | int, int]:
    index = {s.key: i for i, s in enumerate(sections)}
    if len(index) != len(sections):
        raise ValueError("section keys must be unique within a revision")
    return index


def _moved_keys(old_keys: list[str | int], new_keys: list[str | int]) -> set[str | int]:
    """Keys outside the longest common subsequence of the two orders."""
    (a, b), decode = _encode([old_keys, new_keys])
    dmp = _engine(0)  # no deadline: a few hundred sections diff instantly and exactly
    return {
        decode[char]
        for code, chunk in dmp.diff_main(a, b, False)
        if code != diff_match_patch.DIFF_EQUAL
        for char in chunk
    }


def _field_diffs(old: SectionSnapshot | None, new: SectionSnapshot | None) -> tuple[FieldDiff, ...]:
    return tuple(
        FieldDiff(name, tuple(diff_text(before, after)))
        for name, before, after in _field_pairs(old, new)
        if before != after
    )


def _field_pairs(
    old: SectionSnapshot | None, new: SectionSnapshot | None
) -> Iterator[tuple[str, str, str]]:
    for name in COMPARED_FIELDS:
        yield name, getattr(old, name) if old else "", getattr(new, name) if new else ""
