"""Plain text to a Document: blocks separated by a blank line are paragraphs.

Headings are recognised by shape, in either language: numbered Chinese headings ("一、背景",
"第三部分"), "Part 2"/"Chapter 3", and short lines without closing punctuation that stand
before a longer paragraph. Bulleted lines become list items.
"""

from __future__ import annotations

import re

from articles.importing.engine.boilerplate import strip_furniture
from articles.importing.engine.document import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    Block,
    Document,
    Metadata,
)
from articles.importing.engine.limits import DEFAULT_LIMITS, Limits

_NUMBERED = re.compile(
    r"^(第[一二三四五六七八九十百\d]+[章节部分篇讲]|[一二三四五六七八九十]+[、.]|"
    r"[（(][一二三四五六七八九十]+[)）]|(part|chapter|section)\s+\d+\b)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*+•·●▪]|\d{1,3}[.)、])\s+(.*)$")
_CLOSING = re.compile(r"[。！？：；，、.!?:;,)）\"”…]$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_JOIN = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\n(?=[\u3000-\u9fff\uff00-\uffef])")


def parse_text(text: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    limits.check_lines(text)
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text) if c.strip()]
    limits.check_blocks(len(chunks))
    blocks: list[Block] = []
    for index, chunk in enumerate(chunks):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if all(_BULLET.match(line) for line in lines):
            blocks += [Block(LIST_ITEM, _BULLET.match(line).group(1)) for line in lines]
        else:
            following = chunks[index + 1] if index + 1 < len(chunks) else ""
            joined = _CJK_JOIN.sub("", chunk)
            paragraph = "\n".join(
                " ".join(line.split()) for line in joined.split("\n") if line.strip()
            )
            if _is_heading(paragraph, following):
                blocks.append(Block(HEADING, paragraph, level=1 if not blocks else 2))
            else:
                blocks.append(Block(PARAGRAPH, paragraph))
        limits.check_block(blocks[-1].text)
        limits.check_blocks(len(blocks))
    metadata = Metadata()
    kept = strip_furniture(blocks, metadata)
    if kept and kept[0].kind == HEADING and kept[0].level == 1:
        metadata.merge(Metadata(title=kept[0].text))
    return Document(kept, metadata, "text")


def _is_heading(text: str, following: str) -> bool:
    if "\n" in text or _CLOSING.search(text):
        return False
    short = len(text) <= 30 if _CJK.search(text) else len(text.split()) <= 10
    if not short:
        return False
    if _NUMBERED.match(text):
        return True
    return (text[:1].isupper() or bool(_CJK.match(text))) and len(following) >= 2 * len(text)
