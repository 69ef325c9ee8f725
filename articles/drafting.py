"""AI drafts for article sections: what is sent, who may run it, and where the answer goes.

The engine in ``articles.translation`` knows nothing of models; this module feeds it sections
and stores what comes back. The admin (``articles.drafts_admin``), the background task
(``articles.tasks``) and the ``translate_article`` command all call it.

One request, start to finish:

1. ``start_drafting`` checks the configuration, then *claims* each section with one
   conditional UPDATE (``ai_draft_state`` not queued/running -> queued). The row count says
   who won, so two requests for the same article, from two browsers or two workers, never
   claim the same section twice. A single conditional UPDATE is atomic on SQLite and on
   PostgreSQL alike, with no lock held while the service is called.
2. The task calls ``run_drafting``, which claims each section again (queued -> running),
   translates it with retries and records the outcome.
3. A failure writes only ``ai_draft_state`` and ``ai_draft_error`` (plain words, never the key
   or the text): an earlier ``ai_draft`` and the translator's Chinese stay as they were.

Where a draft goes. Sections are modelcluster children revisioned with the page: the rows
are the published content (or, for a page never published, what the editor last saved,
since Wagtail commits the rows of a page that is not live on every save), and the editor
shows the latest revision. A draft is therefore written to both, in one transaction that
locks the page row (``select_for_update`` on PostgreSQL; SQLite's immediate transactions
serialise writers):

- the row gets the AI fields (``ai_draft`` and its bookkeeping; readers never see them);
- the latest revision gets the same fields and is saved as a new revision (one per run:
  later sections of the same run overwrite the run's own revision while it is still the
  latest, so the page history gains one "edited" entry, not forty);
- the Chinese text (``body_zh_hans``) is filled only where it is empty, in the revision, and
  in the row only when the page is not live. A live page's readers never see an AI draft
  before someone publishes it.

``accept_draft`` is the translator's explicit "use this draft": it replaces the Chinese in
the same two places; the text it replaces stays in the page's revision history.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from articles.models import ArticlePage, ArticleSection, DraftState
from articles.richtext import html_to_text
from articles.section_rules import SectionStatus
from articles.translation import (
    BackendConfig,
    BackendNotConfigured,
    RetryableError,
    TranslationBackend,
    TranslationError,
    TranslationRequest,
    TranslationResult,
    get_backend,
    translate_with_retry,
)
from articles.translation.base import ENVIRONMENT_VARIABLES

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
    from people.models import Term

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
    from people.models import Person

    patterns = []
    for person in Person.objects.exclude(name_en="").exclude(name_zh_hans=""):
        if not (person.name_en and person.name_zh_hans):
            continue
        for spelling in (person.name_en, *person.alias_list, *person.misspelling_list):
            if spelling.split():
                regex = _word_pattern(spelling, case_sensitive=True, plurals=False)
                patterns.append(_Pattern(person.name_en, person.name_zh_hans, regex, spelling))
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
) -> dict[int, TranslationRequest | TranslationError]:
    """A request per draftable section (keyed by pk), with the article title, the English of
    the neighbouring sections, and the glossary terms and people that occur in the section.
    A section that cannot be sent (too long) maps to the error saying why."""
    glossary = glossary_patterns() if glossary is None else glossary
    people = people_patterns() if people is None else people
    texts = [html_to_text(section.body_en or "") for section in sections]
    title = page.original_title or page.headline_en or page.title
    requests: dict[int, TranslationRequest | TranslationError] = {}
    for index, section in enumerate(sections):
        if section.pk is None or not is_draftable(section):
            continue
        text = texts[index]
        try:
            requests[section.pk] = TranslationRequest(
                section_text_en=text,
                article_title=title,
                previous_section_en=_neighbour(texts, index, -1),
                next_section_en=_neighbour(texts, index, +1),
                glossary=occurring(glossary, text),
                people=occurring(people, text),
            )
        except TranslationError as exc:
            requests[section.pk] = exc
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


# Progress


class Progress(NamedTuple):
    """``done`` of ``total`` draftable sections have a draft; ``failed`` lists
    ``(position from 1, section, error in plain words)``."""

    done: int
    total: int
    failed: list[tuple[int, ArticleSection, str]]


def numbered_sections(page: ArticlePage) -> list[ArticleSection]:
    """The page's section rows in order, each with ``position`` counted from 1."""
    sections = list(ArticleSection.objects.filter(page=page).order_by("sort_order", "pk"))
    for position, section in enumerate(sections, start=1):
        section.position = position
    return sections


def drafting_progress(page: ArticlePage) -> Progress:
    sections = [s for s in numbered_sections(page) if is_draftable(s)]
    done = sum(1 for s in sections if s.ai_draft.strip())
    failed = [
        (s.position, s, s.ai_draft_error) for s in sections if s.ai_draft_state == DraftState.FAILED
    ]
    return Progress(done, len(sections), failed)


def in_progress(page: ArticlePage) -> int:
    """Sections of the page queued or being drafted now."""
    return ArticleSection.objects.filter(page=page, ai_draft_state__in=ACTIVE_STATES).count()


# Starting


@dataclass
class Started:
    """What ``start_drafting`` did: sections queued, and those already queued or running
    (by another request) and so left alone."""

    queued: list[int] = field(default_factory=list)
    busy: list[int] = field(default_factory=list)
    # What ``run`` returned (a RunReport), or the task backend's TaskResult.
    outcome: object = None


def start_drafting(
    page: ArticlePage,
    *,
    section_ids: Iterable[int] | None = None,
    user=None,
    run: Callable[..., object] | None = None,
) -> Started:
    """Claim sections and hand them to the background task (or to ``run``).

    Without ``section_ids``: every draftable section with no draft yet. With them (retry,
    redraft, ``--sections``): those sections, drafted again even if they have a draft.
    Raises BackendNotConfigured before claiming anything when the backend is not set up.
    """
    configured_backend()
    rows = [s for s in numbered_sections(page) if is_draftable(s)]
    if section_ids is None:
        wanted = [s.pk for s in rows if not s.ai_draft.strip()]
    else:
        chosen = set(section_ids)
        wanted = [s.pk for s in rows if s.pk in chosen]
    started = Started()
    for pk in wanted:
        claimed = (
            ArticleSection.objects.filter(pk=pk, page_id=page.pk)
            .exclude(ai_draft_state__in=ACTIVE_STATES)
            .update(ai_draft_state=DraftState.QUEUED, ai_draft_error="")
        )
        (started.queued if claimed else started.busy).append(pk)
    if started.queued:
        user_id = user.pk if user is not None else None
        try:
            if run is None:
                from articles.tasks import draft_sections

                started.outcome = draft_sections.enqueue(page.pk, started.queued, user_id)
            else:
                started.outcome = run(page.pk, started.queued, user_id=user_id)
        except Exception:
            _fail(started.queued, "The drafting job could not be started; try again.")
            raise
    return started


# Running


@dataclass
class RunReport:
    drafted: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)


@dataclass
class _Run:
    page_id: int
    user: object
    revision_id: int | None = None


def run_drafting(
    page_id: int,
    section_ids: Sequence[int],
    *,
    user_id: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> RunReport:
    """Draft the queued sections ``section_ids`` of one page, one after another.

    Each section is claimed queued -> running first; one that another run holds, or that
    nobody queued, is skipped. Whatever happens, no section of this run is left queued or
    running when this returns.
    """
    report = RunReport()
    remaining = list(section_ids)
    try:
        page = ArticlePage.objects.filter(pk=page_id).first()
        if page is None:
            _fail(remaining, "The article no longer exists.")
            return report
        try:
            backend = configured_backend()
        except BackendNotConfigured as exc:
            _fail(remaining, str(exc))
            report.failed.update(dict.fromkeys(remaining, str(exc)))
            return report
        run = _Run(page_id=page.pk, user=_user(user_id))
        editor_sections = list(page.get_latest_revision_as_object().sections.all())
        requests = build_requests(page, editor_sections)
        for pk in section_ids:
            if not _claim(pk):
                report.skipped.append(pk)
                remaining.remove(pk)
                continue
            request = requests.get(pk)
            try:
                if request is None:
                    raise TranslationError(
                        "This section has no English to translate in the latest version of "
                        "the article (it may have been removed or emptied)."
                    )
                if isinstance(request, TranslationError):
                    raise request
                result = translate_with_retry(
                    backend,
                    request,
                    attempts=int(getattr(settings, "TRANSLATION_ATTEMPTS", 3)),
                    base_delay=float(getattr(settings, "TRANSLATION_RETRY_DELAY", 1.0)),
                    max_delay=float(getattr(settings, "TRANSLATION_RETRY_MAX_DELAY", 30.0)),
                    sleep=sleep,
                )
                _store_draft(run, pk, result)
                report.drafted.append(pk)
            except TranslationError as exc:
                message = plain_error(exc, backend)
                _fail([pk], message)
                report.failed[pk] = message
            except Exception:
                logger.exception("Drafting section %s of page %s failed unexpectedly.", pk, page_id)
                message = "Something went wrong on our side while drafting; see the server log."
                _fail([pk], message)
                report.failed[pk] = message
            remaining.remove(pk)
    finally:
        # A crash or a shutdown mid-run must not leave sections claimed for ever.
        _fail(remaining, "The drafting job stopped before reaching this section; retry it.")
    return report


def plain_error(exc: TranslationError, backend: TranslationBackend | None = None) -> str:
    """The error as a translator should read it: no key, no article text, bounded length."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, RetryableError):
        message += " The service may be busy; retry in a while."
    key = backend.config.api_key if backend is not None else ""
    if key:
        message = message.replace(key, "[key]")
    if len(message) > MAX_ERROR_CHARS:
        message = message[: MAX_ERROR_CHARS - 1] + "…"
    return message


def _user(user_id: int | None):
    if user_id is None:
        return None
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=user_id).first()


def _claim(pk: int) -> bool:
    return bool(
        ArticleSection.objects.filter(pk=pk, ai_draft_state=DraftState.QUEUED).update(
            ai_draft_state=DraftState.RUNNING
        )
    )


def _fail(section_ids: Iterable[int], message: str) -> None:
    """Mark still-active sections failed; drafts and Chinese text are not touched."""
    ids = list(section_ids)
    if ids:
        ArticleSection.objects.filter(pk__in=ids, ai_draft_state__in=ACTIVE_STATES).update(
            ai_draft_state=DraftState.FAILED, ai_draft_error=message[:MAX_ERROR_CHARS]
        )


def reset_stuck(page: ArticlePage) -> int:
    """Mark sections left queued or running (a worker killed mid-job) as failed, so they can
    be retried. Returns how many."""
    ids = list(
        ArticleSection.objects.filter(page=page, ai_draft_state__in=ACTIVE_STATES).values_list(
            "pk", flat=True
        )
    )
    _fail(ids, "The drafting job was interrupted; retry this section.")
    return len(ids)


# Storing


def _store_draft(run: _Run, pk: int, result: TranslationResult) -> None:
    fields = {
        "ai_draft": result.text_zh,
        "ai_draft_state": DraftState.DONE,
        "ai_draft_backend": (result.backend or "")[:50],
        "ai_draft_model": (result.model or "")[:100],
        "ai_drafted_at": timezone.now(),
        "ai_prompt_tokens": result.prompt_tokens,
        "ai_completion_tokens": result.completion_tokens,
        "ai_draft_error": "",
    }
    chinese = text_to_html(result.text_zh)

    def apply(section: ArticleSection) -> None:
        for name, value in fields.items():
            setattr(section, name, value)
        if not has_text(section.body_zh_hans):
            section.body_zh_hans = chinese

    run.revision_id = _write(run.page_id, pk, fields, apply, chinese, run.user, run.revision_id)


def accept_draft(section: ArticleSection, user) -> bool:
    """Use the section's AI draft as its Chinese text, at the translator's explicit request.

    Replaces the Chinese in the editor's latest revision (and in the row when the page is
    not live); the replaced text stays in the revision history. False without a draft.
    """
    section.refresh_from_db()
    if not section.ai_draft.strip():
        return False
    chinese = text_to_html(section.ai_draft)
    draft_fields = {
        "ai_draft": section.ai_draft,
        "ai_draft_backend": section.ai_draft_backend,
        "ai_draft_model": section.ai_draft_model,
        "ai_drafted_at": section.ai_drafted_at,
        "ai_prompt_tokens": section.ai_prompt_tokens,
        "ai_completion_tokens": section.ai_completion_tokens,
    }

    def apply(editor_section: ArticleSection) -> None:
        for name, value in draft_fields.items():
            setattr(editor_section, name, value)
        editor_section.body_zh_hans = chinese

    _write(section.page_id, section.pk, {}, apply, chinese, user, None, replace_chinese=True)
    return True


def _write(
    page_id: int,
    pk: int,
    row_fields: dict,
    apply: Callable[[ArticleSection], None],
    chinese: str,
    user,
    own_revision_id: int | None,
    *,
    replace_chinese: bool = False,
) -> int | None:
    """Write a section's row and the page's latest revision in one transaction.

    Returns the id of the revision saved, for the caller to overwrite next time.
    """
    with transaction.atomic():
        page = ArticlePage.objects.select_for_update().get(pk=page_id)
        if row_fields:
            ArticleSection.objects.filter(pk=pk).update(**row_fields)
        if not page.live:
            # Rows of a page never published are not public: keep them as the editor has them.
            rows = ArticleSection.objects.filter(pk=pk)
            if not replace_chinese:
                row = rows.values_list("body_zh_hans", flat=True).first()
                rows = rows.filter(body_zh_hans=row) if not has_text(row) else rows.none()
            rows.update(body_zh_hans=chinese)
        draft = page.get_latest_revision_as_object()
        # The in-memory list is what save_revision serialises; on a page without unpublished
        # changes ``draft`` is the page itself and ``.all()`` would re-read the rows.
        target = next((s for s in draft.sections.get_object_list() if s.pk == pk), None)
        if target is None:
            return own_revision_id
        apply(target)
        latest = page.get_latest_revision()
        user_id = user.pk if user is not None else None
        overwrite = (
            latest
            if latest is not None and latest.pk == own_revision_id and latest.user_id == user_id
            else None
        )
        return _save_revision(draft, user, overwrite).pk


def _save_revision(draft: ArticlePage, user, overwrite):
    """Save with the page's own validation; if the translator's unfinished draft fails it
    for reasons of its own, save anyway rather than lose the machine draft (Wagtail's editor
    saves drafts without every check too) and leave the problem for the editor to show."""
    try:
        return draft.save_revision(user=user, log_action=True, overwrite_revision=overwrite)
    except ValidationError as exc:
        logger.warning("Saving AI drafts for page %s without validation: %s", draft.pk, exc)
        return draft.save_revision(
            user=user, log_action=True, overwrite_revision=overwrite, clean=False
        )


def editor_sections(page: ArticlePage) -> dict[int, ArticleSection]:
    """The sections as the editor shows them (latest revision), by pk."""
    return {s.pk: s for s in page.get_latest_revision_as_object().sections.all() if s.pk}
