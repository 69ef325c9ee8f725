"""A section's stored coverage, read only while it is current, and the English sentences it
names as untranslated marked in HTML (plain values, no models).

``ArticleSection.coverage`` holds ``Coverage.as_json()`` (``articles.importing.engine.coverage``)
plus ``digest``: a hash of the English and Chinese paragraphs it was worked out on. Once either
text changes the digest no longer matches and the stored coverage is ignored, so no screen ever
marks a sentence the translation has since covered.

``mark_sentences`` wraps each named sentence, wherever it stands in rich text (across inline
tags too), in ``<mark class="cut-sentence">``; every text is escaped on the way.
``insert_after`` puts a piece of HTML right after given sentences, as the reader's cut marker.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.importing.engine.coverage import Coverage, paragraphs_of

MARK_CLASS = "cut-sentence"
_TAG = re.compile(r"(<[^>]*>)")


def coverage_digest(body_en: str, body_zh: str) -> str:
    """What a coverage was worked out on: the paragraphs of both texts, hashed."""
    data = json.dumps([paragraphs_of(body_en or ""), paragraphs_of(body_zh or "")])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def coverage_record(coverage: Coverage, body_en: str, body_zh: str) -> dict[str, Any]:
    """The value ``ArticleSection.coverage`` stores."""
    return {**coverage.as_json(), "digest": coverage_digest(body_en, body_zh)}


def stored_coverage(value: Any, body_en: str, body_zh: str) -> Coverage | None:
    """The stored coverage when it was worked out on exactly these texts; None otherwise."""
    if not isinstance(value, dict) or "status" not in value:
        return None
    if value.get("digest") != coverage_digest(body_en, body_zh):
        return None
    try:
        return Coverage.from_json(value)
    except (KeyError, TypeError, ValueError):
        return None


def _pattern(sentence: str) -> re.Pattern[str] | None:
    words = sentence.split()
    if not words:
        return None
    # Tags between words (a line break, a link) leave no space in the joined text.
    return re.compile(r"\s*".join(re.escape(word) for word in words))


def _ranges(text: str, sentences: Sequence[str]) -> list[tuple[int, int]]:
    """Where each sentence stands in ``text``: the first place not taken by an earlier one."""
    taken: list[tuple[int, int]] = []
    for sentence in sentences:
        pattern = _pattern(sentence)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
                break
    return sorted(taken)


def mark_sentences(rich_html: str, sentences: Sequence[str]) -> SafeString:
    """``rich_html`` (already safe rich text) with each of ``sentences`` marked.

    Tags pass through untouched; text between them is unescaped, matched and escaped again,
    so a sentence holding ``<`` or ``&`` can neither break nor inject markup."""
    parts = _TAG.split(rich_html or "")
    if not sentences:
        return mark_safe(rich_html or "")  # noqa: S308 - the caller's safe rich text as it was
    texts = {i: html.unescape(part) for i, part in enumerate(parts) if i % 2 == 0}
    starts: dict[int, int] = {}
    joined = []
    offset = 0
    for i in sorted(texts):
        starts[i] = offset
        joined.append(texts[i])
        offset += len(texts[i])
    ranges = _ranges("".join(joined), sentences)
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        out.append(_marked_piece(texts[i], starts[i], ranges))
    return mark_safe("".join(out))  # noqa: S308 - tags kept as given, every text escaped


def _marked_piece(text: str, start: int, ranges: list[tuple[int, int]]) -> str:
    end = start + len(text)
    out: list[str] = []
    position = 0
    for a, b in ranges:
        if b <= start or a >= end:
            continue
        a, b = max(a, start) - start, min(b, end) - start
        out.append(escape(text[position:a]))
        out.append(f'<mark class="{MARK_CLASS}">{escape(text[a:b])}</mark>')
        position = b
    out.append(escape(text[position:]))
    return "".join(out)


def mark_text(text: str, sentences: Sequence[str]) -> SafeString:
    """Plain ``text`` escaped, with ``sentences`` marked."""
    return mark_sentences(str(escape(text or "")), sentences)


def insert_after(rich_html: str, sentences: Sequence[str], piece: str) -> str | None:
    """``rich_html`` with ``piece`` (safe HTML) inserted right after ``sentences``, which
    stand in this order from its start (inline tags between them allowed); None when they
    cannot be found so. No sentences: right after the opening tag."""
    parts = _TAG.split(rich_html or "")
    if not sentences:
        if len(parts) < 3:
            return None
        return "".join(parts[:2]) + piece + "".join(parts[2:])
    texts = [html.unescape(part) if i % 2 == 0 else "" for i, part in enumerate(parts)]
    joined = "".join(texts)
    position = 0
    for sentence in sentences:
        pattern = _pattern(sentence)
        found = pattern.search(joined, position) if pattern else None
        if found is None:
            return None
        position = found.end()
    offset = 0
    for i in range(0, len(parts), 2):
        if offset + len(texts[i]) >= position:
            local = position - offset
            parts[i] = escape(texts[i][:local]) + piece + escape(texts[i][local:])
            return "".join(parts)
        offset += len(texts[i])
    return None
