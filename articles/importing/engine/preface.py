"""The re-publisher's preface, told apart from the translation it introduces.

A Chinese re-publication often opens with the blogger's own words ("最近读到一篇……",
"今天分享……") and then a line that hands over to the translation: it names the original
("原文链接：https://…", "本文编译自 …", "……去看原文（https://…）：") or says the text follows
("以下为正文", "译文如下"). The paragraphs before that line are the preface, the editors'
own writing; the line itself belongs to neither side and is dropped once its address is
kept. Without such a line near the top there is no preface: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.cjk import has_han
from articles.importing.engine.boilerplate import metadata_from_line, source_link_in
from articles.importing.engine.document import HEADING, IMAGE, Block, Metadata

# The handover line stands within this many paragraphs of the title.
MAX_PREFACE_BLOCKS = 8
# A handover sentence longer than this is the preface's own last paragraph, kept.
MAX_MARKER_CHARS = 120

_URL = re.compile(r"https?://\S+", re.I)
_HANDOVER = re.compile(
    r"以下(?:为|是|即|便是)?.{0,16}?(?:正文|译文|全文|编译|翻译|原文)|"
    r"(?:正文|译文|全文|编译|翻译)(?:如下|开始)|下面(?:是|为|进入)(?:正文|译文|全文)|"
    r"(?:编译|翻译|译|摘编|摘译|转载)自|原文\s*[（(:：]|原文(?:链接|地址|网址|出处)"
)
_SENTENCE = re.compile(r"[。！？!?]")
_LINK_LABEL = re.compile(r"原文(?:链接|地址|网址)|阅读原文|点击.{0,4}原文")


def is_handover(text: str) -> bool:
    """A Chinese line that introduces the translation or names its original."""
    if not has_han(text):
        return False
    found = metadata_from_line(text)
    return bool(_HANDOVER.search(text) or source_link_in(text) or (found and found.original_url))


def split_preface(blocks: list[Block], metadata: Metadata) -> list[Block]:
    """``blocks`` with the preface marked (``Block.preface``) and the handover line dropped;
    the address the handover line gives goes into ``metadata``.

    The preface is the paragraphs between a leading title heading and the handover line,
    which must come before the first section heading and leave text after it.
    """
    start = 1 if blocks and blocks[0].kind == HEADING and blocks[0].level == 1 else 0
    marker = None
    for k in range(start, min(len(blocks) - 1, start + MAX_PREFACE_BLOCKS + 1)):
        block = blocks[k]
        if block.kind == HEADING:
            break
        if block.kind != IMAGE and is_handover(block.text):
            marker = k
            break
    if marker is None:
        return blocks
    # Handover lines can come in a row ("编者按：……以下是编译。" then "原文链接：…"): the
    # last one is the boundary.
    while (
        marker + 2 < len(blocks)
        and blocks[marker + 1].kind not in (HEADING, IMAGE)
        and is_handover(blocks[marker + 1].text)
    ):
        marker += 1
    preface: list[Block] = []
    for block in blocks[start : marker + 1]:
        found = metadata_from_line(block.text)
        address = source_link_in(block.text) or (found.original_url if found else "")
        metadata.merge(Metadata(original_url=address))
        if not (is_handover(block.text) and _is_pointer(block.text)):
            preface.append(replace(block, preface=True))
    return blocks[:start] + preface + blocks[marker + 1 :]


def _is_pointer(text: str) -> bool:
    """The handover line says only where the original is or that the translation follows:
    it gives an address or a link to it, or is a single short sentence."""
    if _URL.search(text) or _LINK_LABEL.search(text):
        return True
    body = text.rstrip("。！？!?：:… ")
    return len(body) <= MAX_MARKER_CHARS and not _SENTENCE.search(body)
