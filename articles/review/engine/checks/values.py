"""The values checks take and return, and the text normalisation they share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.functional import Promise, lazy

MISSING_NUMBER = "missing_number"
MISSING_URL = "missing_url"
MISSING_NAME = "missing_name"
GLOSSARY_MISSING = "glossary_missing"
GLOSSARY_FORBIDDEN = "glossary_forbidden"
MISSPELT_NAME = "misspelt_name"
SHORT_TRANSLATION = "short_translation"


@dataclass(frozen=True)
class Finding:
    """One problem in one section. ``evidence`` is the text that triggered it.

    ``message`` is lazy (see ``message``): it is put into words in the language active when it
    is shown, so the Chinese admin reads it in Chinese with the English term quoted.
    """

    code: str
    message: str | Promise
    evidence: str

    @property
    def key(self) -> tuple[str, str]:
        """What a dismissal stores for a section: this code with this evidence."""
        return self.code, self.evidence


@dataclass(frozen=True)
class PersonNames:
    """A person record's names, as the checks need them."""

    id: int | str
    names_en: Sequence[str] = ()
    names_zh: Sequence[str] = ()
    misspellings: Sequence[str] = ()


@dataclass(frozen=True)
class GlossaryTerm:
    """A termbase entry: the English term, its approved Chinese and renderings to avoid."""

    english: str
    chinese: str
    case_sensitive: bool = False
    forbidden: Sequence[str] = ()


def _render(template: str | Promise, params: Mapping[str, object]) -> str:
    # Numbers stay numbers: an ``ngettext_lazy`` template picks its plural form by one.
    values = {name: str(v) if isinstance(v, Promise) else v for name, v in params.items()}
    return str(template % values)


_lazy_render = lazy(_render, str)


def message(template: str | Promise, **params: object) -> Promise:
    """A finding's message: ``template`` (a ``gettext_lazy`` or ``ngettext_lazy`` string with
    ``%(name)s`` placeholders) filled in with ``params`` when shown, in the language active
    then."""
    return _lazy_render(template, params)


@dataclass(frozen=True)
class Organisation:
    """An organisation's names: English (with aliases such as "MIT") and Chinese renderings."""

    names_en: Sequence[str] = ()
    names_zh: Sequence[str] = ()


def nfkc(text: str) -> str:
    # Full-width digits, Latin letters and "％" become ASCII; CJK text is left as it is.
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Case- and space-insensitive form, for "is this name in that text" questions."""
    return re.sub(r"\s+", "", text).casefold()


def unique(findings: Iterable[Finding]) -> list[Finding]:
    """First finding of each (code, evidence): a name or number repeated is one problem."""
    first: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        first.setdefault(finding.key, finding)
    return list(first.values())
