"""The reader-facing statement of how an article was translated and what it left out."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.editorial.section_rules import SectionStatus


@dataclass(frozen=True)
class Disclosure:
    method: str
    model: str
    abridged: int
    omitted: int

    @property
    def cut_count(self) -> int:
        return self.abridged + self.omitted

    @property
    def text(self) -> str:
        """One sentence, e.g. "本文借助 AI 翻译，删减 3 处"; read in the active language."""
        if self.method == "human":
            lead = _("This article was translated by people")
        elif self.method == "machine":
            lead = _("This article was machine-translated")
        else:
            lead = _("This article was translated with AI assistance")
        if self.model and self.method != "human":
            lead += _(" (model: %(model)s)") % {"model": self.model}
        if not self.cut_count:
            return lead + _(", in full.")
        return lead + ngettext(
            ", with %(count)d section abridged or omitted.",
            ", with %(count)d sections abridged or omitted.",
            self.cut_count,
        ) % {"count": self.cut_count}


def disclosure_for(*, method: str, model: str, statuses: list[str]) -> Disclosure:
    return Disclosure(
        method=method,
        model=model,
        abridged=statuses.count(SectionStatus.ABRIDGED),
        omitted=statuses.count(SectionStatus.OMITTED),
    )
