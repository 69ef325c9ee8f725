"""Consistency checks between one English section and its Chinese translation.

Import from ``articles.review.engine.checks``. Each check is a pure function returning ``Finding``
values that say in plain words what looks wrong. They are heuristics tuned to stay quiet on a
correct translation; when one is wrong anyway the translator dismisses it for that section (by code,
or by code and evidence) and ``run_checks`` leaves it out. To check heading and body together, join
them. ``covered_english`` says which English a section's translation claims to cover (nothing
for an omitted section, the paragraphs with a Chinese counterpart for an abridged one): pass
only that English to ``run_checks``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from articles.review.engine.checks.coverage import (
    aligned_coverage,
    covered_english,
)
from articles.review.engine.checks.glossary import check_glossary
from articles.review.engine.checks.length import article_ratio, check_length, length_ratio
from articles.review.engine.checks.names import PeopleIndex, check_misspellings, check_names
from articles.review.engine.checks.numbers import check_numbers, check_urls
from articles.review.engine.checks.values import (
    GLOSSARY_FORBIDDEN,
    GLOSSARY_MISSING,
    MISSING_NAME,
    MISSING_NUMBER,
    MISSING_URL,
    MISSPELT_NAME,
    SHORT_TRANSLATION,
    Finding,
    GlossaryTerm,
    Organisation,
    PersonNames,
    unique,
)

__all__ = [
    "GLOSSARY_FORBIDDEN",
    "GLOSSARY_MISSING",
    "MISSING_NAME",
    "MISSING_NUMBER",
    "MISSING_URL",
    "MISSPELT_NAME",
    "SHORT_TRANSLATION",
    "Finding",
    "GlossaryTerm",
    "Organisation",
    "PeopleIndex",
    "PersonNames",
    "CHECK_CODES",
    "aligned_coverage",
    "article_ratio",
    "check_glossary",
    "check_length",
    "check_misspellings",
    "check_names",
    "check_numbers",
    "check_urls",
    "covered_english",
    "length_ratio",
    "run_checks",
]

#: Every kind of finding, in the order screens list them.
CHECK_CODES = (
    MISSING_NUMBER,
    MISSING_URL,
    MISSING_NAME,
    GLOSSARY_MISSING,
    GLOSSARY_FORBIDDEN,
    MISSPELT_NAME,
    SHORT_TRANSLATION,
)


def run_checks(
    source_en: str,
    translation_zh: str,
    *,
    people: Sequence[PersonNames] = (),
    glossary: Sequence[GlossaryTerm] = (),
    organisations: Sequence[Organisation] = (),
    names: PeopleIndex | None = None,
    article_ratio: float | None = None,
    dismissed_codes: Iterable[str | tuple[str, str]] = (),
) -> list[Finding]:
    """Every check for one section, less duplicates and dismissed findings.

    ``source_en`` is the English the translation claims to cover (``covered_english``).
    ``names`` is the index of people's names to look for misspellings of (``PeopleIndex``
    over everyone on record, built once per article); it defaults to ``people``'s.

    ``dismissed_codes`` holds codes (dismissing every finding of that code) or
    ``(code, evidence)`` pairs, i.e. ``Finding.key``. A blank translation is not checked: the
    section is untranslated, not wrong. Pass ``article_ratio=None`` (the default) to skip the
    length check, as for sections already marked abridged or omitted.
    """
    if not translation_zh.strip():
        return []
    names = names if names is not None else PeopleIndex(people)
    findings = [
        *check_numbers(source_en, translation_zh),
        *check_urls(source_en, translation_zh),
        *check_names(
            source_en,
            translation_zh,
            people=people,
            glossary=glossary,
            organisations=organisations,
            index=names,
        ),
        *check_glossary(source_en, translation_zh, glossary),
        *check_misspellings(source_en, translation_zh, people, index=names),
    ]
    if article_ratio is not None:
        findings += check_length(source_en, translation_zh, article_ratio)
    dismissed = set(dismissed_codes)
    return unique(f for f in findings if f.code not in dismissed and f.key not in dismissed)
