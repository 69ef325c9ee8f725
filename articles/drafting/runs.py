"""Starting and running drafts: claiming sections, progress, retries and failures."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.drafting import quotas
from articles.drafting.context import (
    ACTIVE_STATES,
    MAX_ERROR_CHARS,
    build_requests,
    configured_backend,
    is_draftable,
)
from articles.drafting.deadlines import expire_overdue, job_started, put_off, queued_deadlines
from articles.drafting.engine import (
    BackendNotConfigured,
    RetryableError,
    TranslationBackend,
    TranslationError,
    translate_with_retry,
)
from articles.drafting.storing import DraftRun, store_draft
from articles.models import ArticlePage, ArticleSection, DraftState

logger = logging.getLogger(__name__)

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
    run: Callable[..., object],
) -> Started:
    """Claim sections and hand them to ``run`` (``articles.drafting.start_drafting`` passes
    the background task's ``enqueue``).

    Without ``section_ids``: every draftable section with no draft yet. With them (retry,
    redraft, ``--sections``): those sections, drafted again even if they have a draft.
    Raises BackendNotConfigured before claiming anything when the backend is not set up,
    and QuotaExceeded, with nothing claimed, when the sections would pass a daily limit.
    Sections left queued or drafting past their deadline count as failed and are claimed
    again.
    """
    configured_backend()
    expire_overdue(page)
    rows = [s for s in numbered_sections(page) if is_draftable(s)]
    # Each wanted section with the draft it must still hold when claimed (None: any).
    if section_ids is None:
        wanted = {s.pk: s.ai_draft for s in rows if not s.ai_draft.strip()}
    else:
        chosen = set(section_ids)
        wanted = {s.pk: None for s in rows if s.pk in chosen}
    started = Started()
    usage = _claim_within_quota(page, wanted, user, started)
    if started.queued:
        user_id = user.pk if user is not None else None
        try:
            started.outcome = run(page.pk, started.queued, user_id=user_id)
        except Exception:
            _fail(started.queued, "The drafting job could not be started; try again.")
            # Only what was never sent is given back.
            never_sent = _not_done(started.queued)
            quotas.release([row for row in usage if row.section_id in never_sent])
            raise
    return started


def _claim_within_quota(
    page: ArticlePage, wanted: Mapping[int, str | None], user, started: Started
):
    """Claim the ``wanted`` sections not claimed by another request and count them against
    the quotas, in one transaction: over a limit, nothing stays claimed.

    A section asked for because it had no draft is claimed only if it still has none: a
    request that read the article before another request finished drafting it (writers
    queue for SQLite's lock) would otherwise draft it, and pay for it, a second time."""
    now = timezone.now()
    with transaction.atomic():
        for pk, draft_when_read in wanted.items():
            claimable = ArticleSection.objects.filter(pk=pk, page_id=page.pk).exclude(
                ai_draft_state__in=ACTIVE_STATES
            )
            if draft_when_read is not None:
                claimable = claimable.filter(ai_draft=draft_when_read)
            claimed = claimable.update(ai_draft_state=DraftState.QUEUED, ai_draft_error="")
            (started.queued if claimed else started.busy).append(pk)
        if not started.queued:
            return []
        expires = queued_deadlines(now, len(started.queued))
        return quotas.reserve(user, started.queued, expires, now=now)


def _not_done(section_ids: Iterable[int]) -> set[int]:
    return set(
        ArticleSection.objects.filter(pk__in=list(section_ids))
        .exclude(ai_draft_state=DraftState.DONE)
        .values_list("pk", flat=True)
    )


# Running


@dataclass
class RunReport:
    drafted: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)
    # Put off because the service asked to wait longer than a worker should.
    rescheduled: list[int] = field(default_factory=list)


# Queue ``section_ids`` of page ``page_id`` again to run after ``when`` (the task backend
# supports deferred tasks); called as ``reschedule(page_id, section_ids, user_id, when)``.
Reschedule = Callable[[int, list[int], "int | None", datetime], object]


def run_drafting(
    page_id: int,
    section_ids: Sequence[int],
    *,
    user_id: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    reschedule: Reschedule | None = None,
) -> RunReport:
    """Draft the queued sections ``section_ids`` of one page, one after another.

    Each section is claimed queued -> running first; one that another run holds, or that
    nobody queued, is skipped. When the service asks to wait longer than
    TRANSLATION_RETRY_MAX_DELAY and ``reschedule`` is given, the section and the rest of
    the job are queued again for then. Otherwise, whatever happens, no section of this
    run is left queued or running when this returns.
    """
    report = RunReport()
    remaining = list(section_ids)
    try:
        job_started(section_ids, timezone.now())
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
        run = DraftRun(page_id=page.pk, user=_user(user_id))
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
                store_draft(run, pk, result)
                report.drafted.append(pk)
            except TranslationError as exc:
                if reschedule and _put_off(page_id, remaining, user_id, exc, reschedule):
                    report.rescheduled.extend(remaining)
                    remaining.clear()
                    break
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


def _put_off(
    page_id: int,
    section_ids: list[int],
    user_id: int | None,
    exc: TranslationError,
    reschedule: Reschedule,
) -> bool:
    """Queue the sections again for when the service asked (a Retry-After too long to wait
    in a worker). False, with nothing changed, if the error is not such a request or the
    sections were put off too often already."""
    wait = exc.retry_after if isinstance(exc, RetryableError) else None
    longest_wait = float(getattr(settings, "TRANSLATION_RETRY_MAX_DELAY", 30.0))
    if wait is None or wait <= longest_wait:
        return False
    when = timezone.now() + timedelta(seconds=wait)
    ids = list(section_ids)
    if not put_off(ids, when):
        return False
    try:
        reschedule(page_id, ids, user_id, when)
    except Exception:
        logger.exception("Could not reschedule drafting of page %s.", page_id)
        _fail(ids, "The drafting job could not be rescheduled; retry it.")
        raise
    logger.info("Drafting of %d section(s) of page %s put off until %s.", len(ids), page_id, when)
    return True


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
