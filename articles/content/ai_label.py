"""The AI label's facts, built once from the reader-facing disclosure.

China's rules for labelling AI-generated synthetic content (《人工智能生成合成内容标识办法》,
in force since 2025-09-01) ask for a label readers see and one carried in metadata. Both come
from here: the visible disclosure line, the ``<meta name="ai-…">`` tags in the page head, the
JSON-LD ``additionalProperty`` values and the API's ``ai_label`` field all read one
``AILabel``, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from articles.content.disclosure import Disclosure
from articles.content.disclosure_facts import HUMAN, MACHINE
from articles.content.reading import join_sentences


@dataclass(frozen=True)
class AILabel:
    #: "human", "ai_assisted" or "machine", as the disclosure tells readers.
    method: str
    #: The model that drafted the Chinese; empty when no AI draft was used.
    model: str
    #: Machine translation is the one method with no person translating or editing.
    human_reviewed: bool
    #: The date the labelled text was published (None before it is).
    date: date | None

    @property
    def ai_assisted(self) -> bool:
        return self.method != HUMAN

    def as_dict(self) -> dict[str, Any]:
        """The facts as JSON values (API field)."""
        return {
            "ai_assisted": self.ai_assisted,
            "method": self.method,
            "model": self.model,
            "human_reviewed": self.human_reviewed,
            "date": self.date.isoformat() if self.date else None,
        }

    def meta_tags(self) -> list[tuple[str, str]]:
        """(name, content) of the ``<meta>`` tags in the page head; README documents them."""
        facts = self.as_dict()
        return [
            ("ai-assisted", "true" if facts["ai_assisted"] else "false"),
            ("ai-translation-method", facts["method"]),
            ("ai-model", facts["model"]),
            ("ai-human-reviewed", "true" if facts["human_reviewed"] else "false"),
            ("ai-label-date", facts["date"] or ""),
        ]

    def json_ld_properties(self) -> list[dict[str, Any]]:
        """schema.org ``PropertyValue`` entries named like the meta tags."""
        facts = self.as_dict()
        return [
            {"@type": "PropertyValue", "name": "ai-assisted", "value": facts["ai_assisted"]},
            {"@type": "PropertyValue", "name": "ai-translation-method", "value": facts["method"]},
            {"@type": "PropertyValue", "name": "ai-model", "value": facts["model"]},
            {
                "@type": "PropertyValue",
                "name": "ai-human-reviewed",
                "value": facts["human_reviewed"],
            },
            {"@type": "PropertyValue", "name": "ai-label-date", "value": facts["date"]},
        ]

    @property
    def review_text(self) -> str:
        """The visible line beside the disclosure, in the active language."""
        if self.human_reviewed:
            text = _("Translated or reviewed by people.")
        else:
            text = _("Not reviewed by people.")
        if self.date:
            text = join_sentences(
                text, _("Label date: %(date)s.") % {"date": self.date.isoformat()}
            )
        return text


def ai_label_for(disclosure: Disclosure, published: datetime | date | None) -> AILabel:
    """The label for an article with this disclosure, last published at ``published``."""
    day = timezone.localdate(published) if isinstance(published, datetime) else published
    return AILabel(
        method=disclosure.method,
        model=disclosure.model if disclosure.method != HUMAN else "",
        human_reviewed=disclosure.method != MACHINE,
        date=day,
    )
