"""What a draft request needs: the configured backend, and the section with its context
(title, neighbours, glossary terms and people's names that occur in it)."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import escape

from articles.drafting.engine import (
    BackendConfig,
    BackendNotConfigured,
    TranslationBackend,
    TranslationError,
    TranslationRequest,
    get_backend,
)
from articles.drafting.engine.base import ENVIRONMENT_VARIABLES
from articles.editorial.section_rules import SectionStatus
from articles.models import ArticlePage, ArticleSection, DraftState
from articles.richtext import html_to_text
from people.models import Term
from people.names import person_names

logger = logging.getLogger(__name__)

SETTING_NAMES = (
    *ENVIRONMENT_VARIABLES,
    "TRANSLATION_TIMEOUT",
    "TRANSLATION_MAX_TOKENS",
)
ACTIVE_STATES = (DraftState.QUEUED, DraftState.RUNNING)
# Statuses whose English is not translated: an editor's lead has none, an omitted section
# is deliberately left out.
SKIPPED_STATUSES = frozenset({SectionStatus.ADDED, SectionStatus.OMITTED})
MAX_ERROR_CHARS = 400


# Configuration


def backend_config() -> BackendConfig:
    """The backend settings from Django settings; BackendNotConfigured names what to set."""
    return BackendConfig.from_mapping(
        {name: getattr(settings, name, None) for name in SETTING_NAMES}
    )


def configured_backend() -> TranslationBackend:
    return get_backend(backend_config())


def configuration_problem() -> str:
    """Why drafting cannot run, in plain words naming the variables; "" when it can."""
    try:
        configured_backend()
    except BackendNotConfigured as exc:
        return str(exc)
    return ""


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def text_to_html(text: str) -> str:
    """Rich text for a plain-text draft: one ``<p>`` per paragraph, escaped."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text or "") if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in p.splitlines()) + "</p>" for p in paragraphs
    )


def has_text(rich_text: str | None) -> bool:
    return bool(html_to_text(rich_text or "").strip())


# Prompt context


@dataclass(frozen=True)
class _Pattern:
    english: str
    chinese: str
    regex: re.Pattern[str]
    # The spelling the regex looks for (an alias or misspelling of ``english``).
    spelling: str = ""


def _word_pattern(phrase: str, *, case_sensitive: bool, plurals: bool) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    suffix = r"(?:s|es)?" if plurals else ""
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z0-9]){words}{suffix}(?![A-Za-z0-9])", flags)


def glossary_patterns() -> list[_Pattern]:
    return [
        _Pattern(
            term.term_en,
            term.term_zh_hans,
            _word_pattern(term.term_en, case_sensitive=term.case_sensitive, plurals=True),
        )
        for term in Term.objects.exclude(term_en="").exclude(term_zh_hans="")
        if term.term_en and term.term_zh_hans and term.term_en.split()
    ]


def people_patterns() -> list[_Pattern]:
    """One pattern per spelling (name, aliases, known misspellings) of each person with a
    Chinese name: a misspelt source still gets the right Chinese name."""
    patterns = []
    for person in person_names():
        if not (person.name_en and person.name_zh):
            continue
        for spelling in (person.name_en, *person.aliases, *person.misspellings):
            if spelling.split():
                regex = _word_pattern(spelling, case_sensitive=True, plurals=False)
                patterns.append(_Pattern(person.name_en, person.name_zh, regex, spelling))
    return patterns


def occurring(patterns: Iterable[_Pattern], text: str) -> list[tuple[str, str]]:
    """(english, chinese) pairs whose pattern occurs in ``text``, each pair once."""
    found: dict[tuple[str, str], None] = {}
    folded = text.casefold()
    for pattern in patterns:
        # Cheap substring test first: most entries do not occur.
        words = (pattern.spelling or pattern.english).split()
        first = words[0].casefold() if words else ""
        if first and first not in folded:
            continue
        if pattern.regex.search(text):
            found[(pattern.english, pattern.chinese)] = None
    return list(found)


def build_requests(
    page: ArticlePage,
    sections: Sequence[ArticleSection],
    *,
    glossary: Sequence[_Pattern] | None = None,
    people: Sequence[_Pattern] | None = None,
) -> dict[uuid.UUID, TranslationRequest | TranslationError]:
    """A request per draftable section (keyed by section key), with the article title, the
    English of the neighbouring sections, and the glossary terms and people that occur in
    the section.
    A section that cannot be sent (too long) maps to the error saying why."""
    glossary = glossary_patterns() if glossary is None else glossary
    people = people_patterns() if people is None else people
    texts = [html_to_text(section.body_en or "") for section in sections]
    title = page.original_title or page.headline_en or page.title
    requests: dict[uuid.UUID, TranslationRequest | TranslationError] = {}
    for index, section in enumerate(sections):
        if not is_draftable(section):
            continue
        text = texts[index]
        try:
            requests[section.key] = TranslationRequest(
                section_text_en=text,
                article_title=title,
                previous_section_en=_neighbour(texts, index, -1),
                next_section_en=_neighbour(texts, index, +1),
                glossary=occurring(glossary, text),
                people=occurring(people, text),
            )
        except TranslationError as exc:
            requests[section.key] = exc
    return requests


def _neighbour(texts: list[str], index: int, step: int) -> str:
    """The nearest section in direction ``step`` that has English text."""
    index += step
    while 0 <= index < len(texts):
        if texts[index].strip():
            return texts[index]
        index += step
    return ""


def is_draftable(section: ArticleSection) -> bool:
    return section.status not in SKIPPED_STATUSES and has_text(section.body_en)
