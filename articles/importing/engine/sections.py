"""An article's sections: a heading and the blocks under it, up to the next heading."""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.importing.engine.document import HEADING, IMAGE, Block, Document


@dataclass
class Section:
    """``heading`` is empty for text before the first heading (a lead or introduction).

    ``preface`` marks the re-publisher's own preface: always a section of its own.
    """

    heading: str
    paragraphs: list[Block] = field(default_factory=list)
    level: int = 0
    preface: bool = False

    def texts(self) -> list[str]:
        """Heading (when there is one) then each paragraph's text, images as their alt text."""
        body = [b.alt if b.kind == IMAGE else b.text for b in self.paragraphs]
        return ([self.heading] if self.heading else []) + body


def split_sections(document: Document) -> list[Section]:
    """Split at every heading, in either language.

    A first level-1 heading that is the article's title is the title, not a section. The
    preface, when there is one, is the first section, whatever it holds.
    """
    blocks = list(document.blocks)
    title = document.metadata.title.strip()
    if blocks and blocks[0].kind == HEADING and blocks[0].level == 1:
        h1_count = sum(1 for b in blocks if b.kind == HEADING and b.level == 1)
        if h1_count == 1 or blocks[0].text.strip() == title:
            blocks = blocks[1:]
    sections: list[Section] = []
    preface = [b for b in blocks if b.preface]
    if preface:
        sections.append(Section("", preface, preface=True))
        blocks = [b for b in blocks if not b.preface]
    for block in blocks:
        if block.kind == HEADING:
            sections.append(Section(block.text, [], block.level))
        elif sections and not sections[-1].preface:
            sections[-1].paragraphs.append(block)
        else:
            sections.append(Section("", [block]))
    return sections
