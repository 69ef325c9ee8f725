"""Starting and running drafts: claiming sections, progress, retries and failures."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from articles.drafting import quotas
from articles.drafting.context import (
    ACTIVE_STATES,
    MAX_ERROR_CHARS,
    build_requests,
    configured_backend,
    is_draftable,
)
from articles.drafting.deadlines import (
    expire_overdue,
    job_started,
    put_off,
    queued_deadlines,
    update_active_jobs,
)
from articles.drafting.engine import (
    BackendNotConfigured,
    RetryableError,
    TranslationBackend,
    TranslationError,
    translate_with_retry,
)
from articles.drafting.errors import NO_ERROR, DraftError, draft_error, error_text
from articles.drafting.storing import DraftRun, store_draft
from articles.editorial.workflow import sync_latest_sections
from articles.models import ArticlePage, ArticleSection, DraftState, LatestSection, section_versions

logger = logging.getLogger(__name__)

# Progress


class Progress(NamedTuple):
    """``done`` of ``total`` draftable sections have a draft; ``failed`` lists
    ``(position from 1, section, error in plain words in the active language)``."""

    done: int
    total: int
    failed: list[tuple[int, ArticleSection, str]]


def job_states(
    page: ArticlePage, sections: Iterable[ArticleSection] | None = None
) -> dict[uuid.UUID, LatestSection]:
    """Each section's drafting job (its ``LatestSection`` row), by key. A page whose index
    is missing a section of ``sections`` (never saved as a revision) is indexed first."""
    rows = {row.section_key: row for row in LatestSection.objects.filter(page=page)}
    if sections is not None and any(s.key not in rows for s in sections):
        sync_latest_sections(page)
        rows = {row.section_key: row for row in LatestSection.objects.filter(page=page)}
    return rows


def drafting_progress(
    page: ArticlePage,
    *,
    sections: list[ArticleSection] | None = None,
    jobs: Mapping[uuid.UUID, LatestSection] | None = None,
) -> Progress:
    """The page's drafting progress; ``sections`` and ``jobs``, when the caller has read
    them already (``section_versions.latest``, ``job_states``), are not read again."""
    sections = section_versions.latest(page) if sections is None else sections
    sections = [s for s in sections if is_draftable(s)]
    jobs = job_states(page) if jobs is None else jobs
    done = sum(1 for s in sections if s.ai_draft.strip())
    failed = [
        (s.position, s, error_text(jobs[s.key].ai_draft_error, jobs[s.key].ai_draft_error_params))
        for s in sections
        if s.key in jobs and jobs[s.key].ai_draft_state == DraftState.FAILED
    ]
    return Progress(done, len(sections), failed)


def in_progress(page: ArticlePage) -> int:
    """Sections of the page queued or being drafted now."""
    return LatestSection.objects.filter(page=page, ai_draft_state__in=ACTIVE_STATES).count()


# Starting


@dataclass
class Started:
    """What ``start_drafting`` did: sections queued, and those already queued or running
    (by another request) and so left alone, as section keys (strings: they are task
    arguments)."""

    queued: list[str] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)
    # What ``run`` returned (a RunReport), or the task backend's TaskResult.
    outcome: object = None


def start_drafting(
    page: ArticlePage,
    *,
    section_keys: Iterable[uuid.UUID | str] | None = None,
    user=None,
    run: Callable[..., object],
) -> Started:
    """Claim sections and hand them to ``run`` (``articles.drafting.start_drafting`` passes
    the background task's ``enqueue``).

    Sections are those of the latest revision, by key. Without ``section_keys``: every
    draftable section with no draft yet. With them (retry, redraft, ``--sections``): those
    sections, drafted again even if they have a draft.
    Raises BackendNotConfigured before claiming anything when the backend is not set up,
    and QuotaExceeded, with nothing claimed, when the sections would pass a daily limit.
    Sections left queued or drafting past their deadline count as failed and are claimed
    again.
    """
    configured_backend()
    sections = [s for s in section_versions.latest(page) if is_draftable(s)]
    job_states(page, sections)
    expire_overdue(page)
    # Each wanted section with the draft it must still hold when claimed (None: any).
    if section_keys is None:
        wanted = {s.key: s.ai_draft for s in sections if not s.ai_draft.strip()}
    else:
        chosen = {section_versions.as_key(key) for key in section_keys}
        wanted = {s.key: None for s in sections if s.key in chosen}
    started = Started()
    usage = _claim_within_quota(page, wanted, user, started)
    if started.queued:
        user_id = user.pk if user is not None else None
        try:
            started.outcome = run(page.pk, started.queued, user_id=user_id)
        except Exception:
            _fail(
                page.pk,
                started.queued,
                gettext_noop("The drafting job could not be started; try again."),
            )
            # Only what was never sent is given back.
            never_sent = _not_done(page.pk, started.queued)
            quotas.release([row for row in usage if row.section_key in never_sent])
            raise
    return started


class _DraftedMeanwhile(Exception):
    """A section claimed for having no draft got one from another request meanwhile."""


def _claim_within_quota(
    page: ArticlePage, wanted: Mapping[uuid.UUID, str | None], user, started: Started
):
    """Claim the ``wanted`` sections not claimed by another request and count them against
    the quotas, in one transaction: over a limit, nothing stays claimed.

    A section asked for because it had no draft is claimed only if it still has none: a
    request that read the article before another request finished drafting it (writers
    queue for SQLite's lock) would otherwise draft it, and pay for it, a second time. The
    draft is read again after the claim, so a draft stored before the claim is seen."""
    now = timezone.now()
    with transaction.atomic():
        rows = LatestSection.objects.filter(page_id=page.pk, section_key__in=list(wanted))
        rows.lock_in_id_order()
        claimed = []
        for key in wanted:
            won = (
                LatestSection.objects.filter(page_id=page.pk, section_key=key)
                .exclude(ai_draft_state__in=ACTIVE_STATES)
                .update(ai_draft_state=DraftState.QUEUED, **NO_ERROR)
            )
            (claimed if won else started.busy).append(key)
        if claimed and any(draft is not None for draft in wanted.values()):
            claimed = _still_undrafted(page, claimed, wanted, started)
        started.queued.extend(str(key) for key in claimed)
        started.busy[:] = [str(key) for key in started.busy]
        if not claimed:
            return []
        expires = queued_deadlines(now, len(claimed))
        return quotas.reserve(user, page, claimed, expires, now=now)


def _still_undrafted(
    page: ArticlePage,
    claimed: list[uuid.UUID],
    wanted: Mapping[uuid.UUID, str | None],
    started: Started,
) -> list[uuid.UUID]:
    """The claimed sections whose draft is still the one read before claiming; the
    others are given back to the state they had (another request drafted them)."""
    now_drafts = {s.key: s.ai_draft for s in section_versions.latest(page)}
    kept = []
    for key in claimed:
        expected = wanted[key]
        if expected is None or now_drafts.get(key) == expected:
            kept.append(key)
            continue
        LatestSection.objects.filter(page_id=page.pk, section_key=key).update(
            ai_draft_state=DraftState.DONE, **NO_ERROR
        )
        started.busy.append(key)
    return kept


def _not_done(page_id: int, keys: Iterable[uuid.UUID | str]) -> set[uuid.UUID]:
    return set(
        LatestSection.objects.filter(page_id=page_id, section_key__in=list(keys))
        .exclude(ai_draft_state=DraftState.DONE)
        .values_list("section_key", flat=True)
    )


# Running


@dataclass
class RunReport:
    """Section keys (strings) by outcome."""

    drafted: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    # Put off because the service asked to wait longer than a worker should.
    rescheduled: list[str] = field(default_factory=list)


# Queue sections (keys as strings) of page ``page_id`` again to run after ``when`` (the
# task backend supports deferred tasks); called as ``reschedule(page_id, keys, user_id,
# when)``.
Reschedule = Callable[[int, list[str], "int | None", datetime], object]


def run_drafting(
    page_id: int,
    section_keys: Sequence[uuid.UUID | str],
    *,
    user_id: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    reschedule: Reschedule | None = None,
) -> RunReport:
    """Draft the queued sections ``section_keys`` of one page, one after another, as they
    stand in its latest revision.

    Each section is claimed queued -> running first; one that another run holds, or that
    nobody queued, is skipped. When the service asks to wait longer than
    TRANSLATION_RETRY_MAX_DELAY and ``reschedule`` is given, the section and the rest of
    the job are queued again for then. Otherwise, whatever happens, no section of this
    run is left queued or running when this returns.
    """
    report = RunReport()
    keys = [key for key in map(section_versions.as_key, section_keys) if key is not None]
    remaining = list(keys)
    try:
        page = ArticlePage.objects.filter(pk=page_id).first()
        if page is None:
            _fail(page_id, remaining, gettext_noop("The article no longer exists."))
            return report
        job_started(page, keys, timezone.now())
        try:
            backend = configured_backend()
        except BackendNotConfigured as exc:
            # The drafts screen names what to set, live and in the reader's language; the
            # stored failure only says so (the problem's words are in the worker's language).
            logger.warning("Drafting page %s: %s", page_id, exc)
            _fail(
                page_id,
                remaining,
                gettext_noop(
                    "Machine translation was not set up when this section was to be drafted; "
                    "retry once it is."
                ),
            )
            report.failed.update(dict.fromkeys(map(str, remaining), str(exc)))
            return report
        run = DraftRun(page_id=page.pk, user=_user(user_id))
        requests = build_requests(page, section_versions.latest(page))
        for key in keys:
            if not _claim(page_id, key):
                report.skipped.append(str(key))
                remaining.remove(key)
                continue
            request = requests.get(key)
            try:
                if request is None:
                    raise TranslationError(
                        gettext_noop(
                            "This section has no English to translate in the latest version "
                            "of the article (it may have been removed or emptied)."
                        )
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
                store_draft(run, key, result)
                report.drafted.append(str(key))
            except TranslationError as exc:
                if reschedule and _put_off(page, remaining, user_id, exc, reschedule):
                    report.rescheduled.extend(map(str, remaining))
                    remaining.clear()
                    break
                error = draft_error(exc, backend.config.api_key)
                _fail(page_id, [key], error)
                report.failed[str(key)] = str(error)
            except Exception:
                logger.exception(
                    "Drafting section %s of page %s failed unexpectedly.", key, page_id
                )
                message = gettext_noop(
                    "Something went wrong on our side while drafting; see the server log."
                )
                _fail(page_id, [key], message)
                report.failed[str(key)] = message
            remaining.remove(key)
    finally:
        # A crash or a shutdown mid-run must not leave sections claimed for ever.
        _fail(
            page_id,
            remaining,
            gettext_noop("The drafting job stopped before reaching this section; retry it."),
        )
    return report


def _put_off(
    page: ArticlePage,
    keys: list[uuid.UUID],
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
    keys = list(keys)
    if not put_off(page, keys, when):
        return False
    try:
        reschedule(page.pk, [str(key) for key in keys], user_id, when)
    except Exception:
        logger.exception("Could not reschedule drafting of page %s.", page.pk)
        _fail(page.pk, keys, gettext_noop("The drafting job could not be rescheduled; retry it."))
        raise
    logger.info("Drafting of %d section(s) of page %s put off until %s.", len(keys), page.pk, when)
    return True


def plain_error(exc: TranslationError, backend: TranslationBackend | None = None) -> str:
    """The error in English as stored for a translator (``errors.draft_error``): no key, no
    article text, bounded length; for logs."""
    return str(draft_error(exc, backend.config.api_key if backend is not None else ""))


def _user(user_id: int | None):
    if user_id is None:
        return None
    return get_user_model().objects.filter(pk=user_id).first()


def _claim(page_id: int, key: uuid.UUID) -> bool:
    return bool(
        LatestSection.objects.filter(
            page_id=page_id, section_key=key, ai_draft_state=DraftState.QUEUED
        ).update(ai_draft_state=DraftState.RUNNING)
    )


def _fail(page_id: int, keys: Iterable[uuid.UUID | str], error: DraftError | str) -> None:
    """Mark still-active sections failed with ``error`` (a DraftError, or a message marked
    with ``gettext_noop``); drafts and Chinese text are not touched."""
    if isinstance(error, str):
        error = DraftError(error[:MAX_ERROR_CHARS])
    keys = list(keys)
    if keys:
        rows = LatestSection.objects.filter(page_id=page_id, section_key__in=keys)
        update_active_jobs(rows, ai_draft_state=DraftState.FAILED, **error.fields())


def reset_stuck(page: ArticlePage) -> int:
    """Mark sections left queued or running (a worker killed mid-job) as failed, so they can
    be retried. Returns how many."""
    keys = list(
        LatestSection.objects.filter(page=page, ai_draft_state__in=ACTIVE_STATES).values_list(
            "section_key", flat=True
        )
    )
    _fail(page.pk, keys, gettext_noop("The drafting job was interrupted; retry this section."))
    return len(keys)
