"""Glossary terms of the source rendered otherwise than the termbase says."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

from articles.review.engine.checks.values import (
    GLOSSARY_FORBIDDEN,
    GLOSSARY_MISSING,
    Finding,
    GlossaryTerm,
    message,
    nfkc,
)


def check_glossary(
    source_en: str, translation_zh: str, glossary: Sequence[GlossaryTerm]
) -> list[Finding]:
    """For each term the source uses: the approved rendering is missing, or a forbidden one
    is present. Terms the source does not use are not looked at, since a forbidden rendering
    may be a fine word elsewhere ("代理" for "proxy" when "agent" should be "智能体")."""
    source, translation = nfkc(source_en), nfkc(translation_zh)
    folded_source = source.casefold()
    findings = []
    for term in glossary:
        words = nfkc(term.english).split()
        # A substring test first: most terms are absent, and the regex is the slow part.
        if not words or words[0].casefold() not in folded_source:
            continue
        if not _term_pattern(words, term.case_sensitive).search(source):
            continue
        fold = _identity if term.case_sensitive else str.casefold
        text, approved = fold(translation), fold(nfkc(term.chinese))
        if approved not in text:
            said = message(
                _(
                    "Term “%(term)s” should be rendered as “%(approved)s”, which is missing "
                    "from the translation"
                ),
                term=term.english,
                approved=term.chinese,
            )
            findings.append(Finding(GLOSSARY_MISSING, said, term.english))
        # The approved rendering may contain a forbidden one ("超级对齐" holds "对齐").
        # A forbidden one may also contain the approved one ("类神经网络" holds "神经网络").
        rest = text.replace(approved, "\0") if approved else text
        for bad in term.forbidden:
            folded = fold(nfkc(bad))
            if bad.strip() and folded in (text if approved in folded else rest):
                said = message(
                    _("Term “%(term)s” is rendered as “%(bad)s”; the glossary says “%(approved)s”"),
                    term=term.english,
                    bad=bad,
                    approved=term.chinese,
                )
                findings.append(Finding(GLOSSARY_FORBIDDEN, said, bad))
    return findings


def _term_pattern(words: list[str], case_sensitive: bool) -> re.Pattern[str]:
    flags = 0 if case_sensitive else re.IGNORECASE
    term = r"\s+".join(re.escape(w) for w in words)
    # Plurals count as the term ("transformers" for "transformer").
    return re.compile(rf"(?<![A-Za-z0-9]){term}(?:s|es)?(?![A-Za-z0-9])", flags)


def _identity(text: str) -> str:
    return text
