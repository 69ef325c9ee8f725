"""The import plan as plain values: what the editor reviews before anything is saved."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from articles.editorial.section_rules import SectionStatus
from articles.importing.adapter.machine_notes import MachineNote
from articles.importing.engine import Metadata

PENDING = SectionStatus.PENDING.value
STATUSES = tuple(SectionStatus.values)
# Below this confidence the editor is told to check the proposal closely.
LOW_CONFIDENCE = 0.5
MAX_SLUG_CHARS = 80
OVERRIDE_KEYS = frozenset({"title", "original_url", "original_title", "notes", "quotes"})


# --- Inputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One side of an import: uploaded bytes or pasted text, with what is known about it."""

    data: bytes | str
    filename: str = ""
    format: str | None = None
    encoding: str | None = None


def as_source(value: Source | bytes | str | None) -> Source | None:
    if value is None or isinstance(value, Source):
        return value
    return Source(value)


# --- The plan ---------------------------------------------------------------------------------


@dataclass
class PlanParagraph:
    """A paragraph of one input. ``index`` counts from 0 over that input's paragraphs."""

    index: int
    kind: str
    text: str
    level: int = 0
    src: str = ""
    # A numbered list item (an <ol>, not a <ul>).
    ordered: bool = False


@dataclass
class PlanSection:
    """One proposed article section: usually one English and one Chinese section.

    When the alignment joined several sections of one side, the later headings stay in the
    body as ``heading`` paragraphs. ``evidence`` is the proposal in plain words, for editors
    (never the readers' note of an abridged or omitted section), put into words in the
    language it is shown in; None when there is nothing to say.
    """

    heading_en: str
    heading_zh: str
    paragraphs_en: list[PlanParagraph]
    paragraphs_zh: list[PlanParagraph]
    status: str
    confidence: float | None
    evidence: MachineNote | None
    # Paragraph indexes (as in the alignment) with no counterpart or a much shorter one.
    omitted: list[int] = field(default_factory=list)
    abridged: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    length_ratio: float | None = None
    # Document indexes of the two headings, when there are headings.
    heading_en_index: int | None = None
    heading_zh_index: int | None = None
    # "translation", or "preface" for the re-publisher's own words before the translation.
    role: str = "translation"
    # False while the English original of a translated section has not been given.
    original_attached: bool = True
    # English sentences with no Chinese counterpart, by document index of their paragraph.
    cut_sentences: dict[int, list[str]] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        """The English sentences with no Chinese counterpart, in order."""
        return [text for index in sorted(self.cut_sentences) for text in self.cut_sentences[index]]

    @property
    def heading(self) -> str:
        return self.heading_zh or self.heading_en


@dataclass
class PlanGroup:
    en: list[int]
    zh: list[int]
    kind: str
    score: float
    # English sentences with no Chinese counterpart (empty for ``full`` and ``added``).
    missing: list[str] = field(default_factory=list)


@dataclass
class QuoteOffer:
    """Quoted words worth a Quote snippet; creatable only when the speaker is known."""

    text_en: str
    text_zh: str
    speaker_id: int | None


@dataclass
class ImportPlan:
    sections: list[PlanSection]
    alignment: list[PlanGroup]
    # Known people mentioned (Person ids), unknown Latin-script names, quotations.
    people: list[int]
    candidates: list[str]
    quotes: list[QuoteOffer]
    warnings: list[str]
    metadata: Metadata
    title_en: str = ""
    title_zh: str = ""
    has_original: bool = True
    has_translation: bool = True
    # Chinese characters per English letter this article shows (None without both sides).
    ratio: float | None = None

    @property
    def original_url(self) -> str:
        return self.metadata.original_url

    @property
    def original_attached(self) -> bool:
        return self.has_original

    def as_json(self, page_id: int | None = None) -> dict[str, Any]:
        """The shape ``import_article --json`` prints."""
        return {
            "page_id": page_id,
            "title": self.title_zh or self.title_en,
            "original_url": self.original_url,
            "original_attached": self.original_attached,
            "sections": [
                {
                    "heading": s.heading,
                    "status": s.status,
                    "confidence": s.confidence,
                    "role": s.role,
                    "original_attached": s.original_attached,
                }
                for s in self.sections
            ],
            "alignment": [
                {"en": g.en, "zh": g.zh, "kind": g.kind, "score": g.score, "missing": g.missing}
                for g in self.alignment
            ],
            "people": list(self.people),
            "warnings": list(self.warnings),
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
