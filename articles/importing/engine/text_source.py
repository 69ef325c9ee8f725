"""Plain text to a Document: blocks separated by a blank line are paragraphs.

Headings are recognised by shape, in either language: numbered Chinese headings ("一、背景",
"第三部分"), "Part 2"/"Chapter 3", and short lines without closing punctuation that stand
before a longer paragraph (in Chinese, any short line without closing punctuation that stands
alone between paragraphs), and lines naming a part an in-text outline announced. Bulleted and
numbered lines become list items.

A page pasted from a re-publication site first loses its furniture line by line
(``articles.importing.engine.furniture``), which also picks the page's title line; then the
blogger's preface is told apart from the translation (``articles.importing.engine.preface``).
"""

from __future__ import annotations

import re

from articles.cjk import BREAK_BETWEEN, HAN_CHAR, has_han
from articles.importing.engine.boilerplate import strip_furniture
from articles.importing.engine.document import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    Block,
    Document,
    Metadata,
)
from articles.importing.engine.furniture import clean_page
from articles.importing.engine.limits import DEFAULT_LIMITS, Limits
from articles.importing.engine.outline import announced_parts, announces_parts, part_name
from articles.importing.engine.preface import split_preface

_NUMBERED = re.compile(
    r"^(第[一二三四五六七八九十百\d]+[章节部分篇讲]|[一二三四五六七八九十]+[、.]|"
    r"[（(][一二三四五六七八九十]+[)）]|(part|chapter|section)\s+\d+\b)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*+•·●▪]|(\d{1,3})[.)、])\s+(.*)$")
_CLOSING = re.compile(r"[。！？：；，、.!?:;,)）\"”…]$")


def parse_text(text: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    limits.check_lines(text)
    # Refused before any line is judged: the count only falls as furniture goes.
    limits.check_blocks(sum(1 for c in re.split(r"\n\s*\n", text) if c.strip()))
    page = clean_page(text)
    lines = page.lines
    title = ""
    if page.title_line is not None:
        title = " ".join(lines[page.title_line].split())
        # The title stands alone, whatever was next to it.
        lines = lines[: page.title_line] + ["", title, ""] + lines[page.title_line + 1 :]
    chunks = [c.strip() for c in re.split(r"\n\s*\n", "\n".join(lines)) if c.strip()]
    limits.check_blocks(len(chunks))
    blocks: list[Block] = []
    parts: set[str] = set()
    announced = False
    waiting_title = bool(title)
    for index, chunk in enumerate(chunks):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        following = chunks[index + 1] if index + 1 < len(chunks) else ""
        if waiting_title and chunk == title:
            blocks.append(Block(HEADING, title, level=1))
            waiting_title = False
        elif len(lines) == 1 and _is_part_heading(lines[0], following, parts):
            blocks.append(Block(HEADING, lines[0], level=_level(blocks, title)))
        elif all(_BULLET.match(line) for line in lines):
            for line in lines:
                match = _BULLET.match(line)
                item = Block(LIST_ITEM, match.group(2), ordered=bool(match.group(1)))
                blocks.append(item)
                if announced:
                    parts.add(part_name(item.text))
        else:
            joined = BREAK_BETWEEN.sub("", chunk)
            paragraph = "\n".join(
                " ".join(line.split()) for line in joined.split("\n") if line.strip()
            )
            if _is_heading(paragraph, following):
                blocks.append(Block(HEADING, paragraph, level=_level(blocks, title)))
            else:
                blocks.append(Block(PARAGRAPH, paragraph))
                parts.update(announced_parts(paragraph))
        last = blocks[-1]
        # An outline's items may follow it as a list, one chunk or several.
        announced = (last.kind == PARAGRAPH and announces_parts(last.text)) or (
            announced and last.kind == LIST_ITEM
        )
        limits.check_block(blocks[-1].text)
        limits.check_blocks(len(blocks))
    metadata = Metadata()
    kept = strip_furniture(split_preface(blocks, metadata), metadata)
    metadata.merge(page.metadata)
    if title:
        metadata.merge(Metadata(title=title))
    elif kept and kept[0].kind == HEADING and kept[0].level == 1:
        metadata.merge(Metadata(title=kept[0].text))
    return Document(kept, metadata, "text", doubtful=page.doubtful)


def _level(blocks: list[Block], title: str) -> int:
    """The first heading of an untitled text is its title; every other heading is level 2."""
    return 2 if blocks or title else 1


def _is_part_heading(line: str, following: str, parts: set[str]) -> bool:
    """A numbered line alone between paragraphs: a part an outline announced, or a short
    numbered line before a much longer paragraph ("1. 背景" then its text)."""
    if _CLOSING.search(line):
        return False
    name = part_name(line)
    if name and name in parts:
        return True
    numbered = _BULLET.match(line)
    if not (numbered and numbered.group(1)) or _BULLET.match(following.split("\n")[0]):
        return False
    short = len(line) <= 30 if has_han(line) else len(line.split()) <= 10
    return short and len(following) >= 2 * len(line)


def _is_heading(text: str, following: str) -> bool:
    if "\n" in text or _CLOSING.search(text):
        return False
    short = len(text) <= 30 if has_han(text) else len(text.split()) <= 10
    if not short:
        return False
    if _NUMBERED.match(text):
        return True
    if has_han(text) and following and not _BULLET.match(text):
        # Chinese prose ends its sentences with punctuation: a short line without any,
        # standing alone between paragraphs, is a heading.
        return True
    return (text[:1].isupper() or bool(HAN_CHAR.match(text))) and len(following) >= 2 * len(text)
