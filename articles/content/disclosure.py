"""The reader-facing statement of how an article was translated and what it left out.

Only ``added`` sections are called the editors' own writing. Translated sections of an
article whose English original is not attached are said to come from an original not shown
here: never the editors' own, and never "in full", since nobody could compare them."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.content.reading import join_sentences
from articles.editorial.section_rules import SectionStatus


@dataclass(frozen=True)
class Disclosure:
    method: str
    model: str
    abridged: int
    omitted: int
    #: Sections written by the editors, with no English source.
    added: int = 0
    #: Translated sections whose English original is not attached to the article.
    unattached: int = 0

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
        if self.unattached:
            text = lead + _(", from an English original that is not attached here.")
        elif not self.cut_count:
            text = lead + _(", in full.")
        else:
            text = lead + ngettext(
                ", with %(count)d section abridged or omitted.",
                ", with %(count)d sections abridged or omitted.",
                self.cut_count,
            ) % {"count": self.cut_count}
        if self.added:
            text = join_sentences(
                text,
                ngettext(
                    "%(count)d section was written by the editors and has no English source.",
                    "%(count)d sections were written by the editors and have no English source.",
                    self.added,
                )
                % {"count": self.added},
            )
        return text


def disclosure_for(
    *, method: str, model: str, statuses: list[str], original_attached: bool = True
) -> Disclosure:
    """``original_attached`` False: every section the editors did not write is a translation
    of an original readers cannot be shown, whatever status it carries."""
    added = statuses.count(SectionStatus.ADDED)
    return Disclosure(
        method=method,
        model=model,
        abridged=statuses.count(SectionStatus.ABRIDGED),
        omitted=statuses.count(SectionStatus.OMITTED),
        added=added,
        unattached=0 if original_attached else len(statuses) - added,
    )
