"""The shape every imported article takes, whatever its format: blocks of plain text."""

from __future__ import annotations

from dataclasses import dataclass, field

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
IMAGE = "image"
CODE = "code"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, QUOTE, IMAGE, CODE)


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of an article. Text is plain: never markup.

    ``level`` is 1-6 for headings (0 otherwise); ``alt`` and ``src`` are set for images,
    ``src`` only when it is an http(s) URL or a relative path. ``ordered`` marks a numbered
    list item; ``preface`` a paragraph of the re-publisher's own preface, written before the
    translation begins (``articles.importing.engine.preface``).
    """

    kind: str
    text: str = ""
    level: int = 0
    alt: str = ""
    src: str = ""
    ordered: bool = False
    preface: bool = False


@dataclass
class Metadata:
    """Facts about the article found around it (page head, byline, footer), not in its body."""

    title: str = ""
    # The address of the page itself (og:url or canonical link), whichever side it is.
    page_url: str = ""
    original_url: str = ""
    original_author: str = ""
    translator: str = ""
    publisher_credit: str = ""
    copyright_line: str = ""
    # The original's publication date as YYYY-MM-DD, when the page states it.
    published: str = ""

    def merge(self, other: Metadata) -> None:
        """Fill the fields still empty from ``other``."""
        for name in self.__dataclass_fields__:
            if not getattr(self, name) and getattr(other, name):
                setattr(self, name, getattr(other, name))


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    format: str = "text"
    # Lines kept although they may be page furniture, for the editor to check.
    doubtful: list[str] = field(default_factory=list)

    def texts(self) -> list[str]:
        """The text of every block, images included as their alt text."""
        return [b.text if b.kind != IMAGE else b.alt for b in self.blocks]
