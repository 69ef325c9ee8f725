"""Markdown to a Document: block structure kept, inline markup reduced to plain text.

Links keep their text and lose their target, so a ``javascript:`` link can never survive;
raw HTML tags are removed (script and style with their content). Every pattern is bounded or
linear, so hostile input cannot make a regular expression backtrack for long.
"""

from __future__ import annotations

import html
import re

from articles.cjk import BREAK_BETWEEN
from articles.importing.engine.boilerplate import strip_furniture
from articles.importing.engine.document import (
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    Block,
    Document,
    Metadata,
)
from articles.importing.engine.limits import DEFAULT_LIMITS, Limits
from articles.importing.engine.preface import split_preface

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_ITEM = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,9}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]{1,500}\]:\s*\S+")
_FRONT_FIELD = re.compile(
    r"^(title|author|original_url|source|canonical_url|translator)\s*:\s*(.+)$"
)
# A link target may hold one level of parentheses: (javascript:alert(1)), (wiki/Foo_(bar)).
_TARGET = r"\s*<?((?:[^()\s<>]|\([^()\s<>]{0,200}\)){0,2000})>?(?:\s+[\"'(][^\n]{0,300}?[\"')])?\s*"
_IMAGE = re.compile(rf"!\[([^\[\]\n]{{0,1000}})\]\({_TARGET}\)")
_LINK = re.compile(rf"\[([^\[\]\n]{{0,1000}})\](?:\({_TARGET}\)|\[[^\[\]\n]{{0,500}}\])")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]{1,2000})>", re.IGNORECASE)
_SCRIPT = re.compile(r"(<(?:script|style)\b[^<>]{0,500}>|</(?:script|style)\s*>)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|br|big|center|code|del|details|div|em|embed|figcaption|figure|font|form|"
    r"h[1-6]|hr|i|iframe|img|input|ins|kbd|li|link|mark|meta|object|ol|p|pre|q|s|section|small|"
    r"span|strike|strong|sub|summary|sup|svg|table|tbody|td|th|thead|tr|u|ul|video|audio)"
    r"\b[^<>]{0,1000}>",
    re.IGNORECASE,
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_EMPHASIS = re.compile(
    r"\*\*|__|~~|`+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)"
)
_SAFE_SRC = re.compile(r"^(https?://|/|\.{0,2}/?[\w-])", re.IGNORECASE)


def parse_markdown(text: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    limits.check_lines(text)
    lines = text.split("\n")
    metadata = Metadata()
    start = _front_matter(lines, metadata)
    blocks = _Blocks(limits)
    for line in lines[start:]:
        blocks.line(line)
    blocks.flush()
    kept = strip_furniture(split_preface(blocks.out, metadata), metadata)
    if not metadata.title:
        metadata.title = next((b.text for b in kept if b.kind == HEADING and b.level == 1), "")
    return Document(kept, metadata, "markdown")


def inline_text(text: str) -> str:
    """Plain text of Markdown inline content: links keep their text, markup goes."""
    text = _AUTOLINK.sub(r"\1", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _strip_scripts(text)
    text = _HTML_TAG.sub("", text)
    protected = _ESCAPE.sub(lambda m: f"\x00{ord(m.group(1))}\x00", text)
    text = _EMPHASIS.sub("", protected)
    text = re.sub(r"\x00(\d+)\x00", lambda m: chr(int(m.group(1))), text)
    text = html.unescape(text)
    text = BREAK_BETWEEN.sub("", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _strip_scripts(text: str) -> str:
    kept, inside = [], False
    for part in _SCRIPT.split(text):
        if _SCRIPT.fullmatch(part):
            inside = not part.startswith("</")
        elif not inside:
            kept.append(part)
    return "".join(kept)


def _front_matter(lines: list[str], metadata: Metadata) -> int:
    """Jekyll/Hugo front matter: a title, author or source URL between two --- lines."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            for line in lines[1:end]:
                match = _FRONT_FIELD.match(line.strip())
                if match:
                    key, value = match.group(1), match.group(2).strip().strip("\"'")
                    field = {"source": "original_url", "canonical_url": "page_url"}.get(key, key)
                    if key == "author":
                        field = "original_author"
                    metadata.merge(Metadata(**{field: value}))
            return end + 1
    return 0


class _Blocks:
    """Line-by-line block builder: paragraphs, items and quotes gather lines until a break."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.out: list[Block] = []
        self.kind, self.buffer = PARAGRAPH, []
        self.ordered = False
        self.fence = ""
        self.code: list[str] = []

    def line(self, line: str) -> None:
        if self.fence:
            if line.strip().startswith(self.fence):
                self._emit(Block(CODE, "\n".join(self.code)))
                self.fence, self.code = "", []
            else:
                self.code.append(line)
            return
        fence = _FENCE.match(line)
        if fence:
            self.flush()
            self.fence = fence.group(1)[0] * 3
            return
        if not line.strip():
            self.flush()
            return
        setext = _SETEXT.match(line)
        if setext and self.buffer and self.kind == PARAGRAPH:
            text = inline_text("\n".join(self.buffer))
            self.buffer = []
            self._emit(Block(HEADING, text, level=1 if setext.group(1)[0] == "=" else 2))
            return
        if _RULE.match(line) or _REFERENCE.match(line):
            self.flush()
            return
        heading = _ATX.match(line)
        if heading:
            self.flush()
            self._emit(
                Block(HEADING, inline_text(heading.group(2) or ""), level=len(heading.group(1)))
            )
            return
        for pattern, kind in ((_ITEM, LIST_ITEM), (_QUOTE, QUOTE)):
            match = pattern.match(line)
            if match:
                if kind == LIST_ITEM or self.kind != QUOTE:
                    self.flush()
                self.kind = kind
                self.ordered = kind == LIST_ITEM and line.strip()[:1].isdigit()
                self.buffer.append(match.group(1))
                return
        self.buffer.append(line)

    def flush(self) -> None:
        if self.fence:
            # An unclosed fence runs to the end of the text.
            self._emit(Block(CODE, "\n".join(self.code)))
            self.fence, self.code = "", []
        raw, kind, ordered = "\n".join(self.buffer), self.kind, self.ordered
        self.kind, self.buffer, self.ordered = PARAGRAPH, [], False
        if not raw.strip():
            return
        images = [
            Block(IMAGE, alt=" ".join(alt.split()), src=src if _SAFE_SRC.match(src) else "")
            for alt, src in _IMAGE.findall(raw)
        ]
        text = inline_text(raw)
        if text:
            self._emit(Block(kind, text, ordered=ordered))
        for image in images:
            self._emit(image)

    def _emit(self, block: Block) -> None:
        if block.kind != IMAGE and not block.text.strip():
            return
        self.limits.check_block(block.text)
        self.out.append(block)
        self.limits.check_blocks(len(self.out))
