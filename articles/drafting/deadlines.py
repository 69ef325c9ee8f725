"""When a section queued or being drafted counts as failed, and putting a section off.

A worker killed mid-job, or a job that never reaches a worker, would leave sections
"queued" or "drafting" for ever. Each section sent carries a deadline in its
``DraftingUsage`` row, computed from the settings: the time one section can take at most
(every attempt at the full timeout, with the longest wait between them), plus, while it
waits for a worker, TRANSLATION_QUEUE_WAIT and the sections ahead of it in the same job.
Past it, ``expire_overdue`` marks the section failed, so it can be retried without anyone
releasing it first.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from articles.drafting.context import ACTIVE_STATES, backend_config
from articles.drafting.engine import BackendNotConfigured
from articles.drafting.engine.config import DEFAULT_TIMEOUT
from articles.drafting.errors import NO_ERROR, DraftError
from articles.models import ArticlePage, DraftingUsage, DraftState, LatestSection

# Bookkeeping around the requests (building the prompt, storing the draft).
GRACE = timedelta(seconds=30)
# Requests per attempt at most: DeepL may create a glossary before translating.
REQUESTS_PER_ATTEMPT = 2
# A Retry-After longer than this is not waited for even by rescheduling.
LONGEST_PUT_OFF = timedelta(days=1)


def section_budget() -> timedelta:
    """The longest one section can take once a worker has started on it."""
    try:
        timeout = backend_config().timeout
    except BackendNotConfigured:
        timeout = DEFAULT_TIMEOUT
    attempts = max(1, int(getattr(settings, "TRANSLATION_ATTEMPTS", 3)))
    longest_wait = float(getattr(settings, "TRANSLATION_RETRY_MAX_DELAY", 30.0))
    seconds = attempts * REQUESTS_PER_ATTEMPT * timeout + (attempts - 1) * longest_wait
    return timedelta(seconds=seconds) + GRACE


def queue_wait() -> timedelta:
    return timedelta(seconds=float(getattr(settings, "TRANSLATION_QUEUE_WAIT", 3600)))


def queued_deadlines(start: datetime, count: int) -> list[datetime]:
    """Deadlines for ``count`` sections of one job queued to start at ``start``: the job
    drafts them one after another."""
    budget, wait = section_budget(), queue_wait()
    return [start + wait + budget * (position + 1) for position in range(count)]


def latest_usage(page: ArticlePage, keys: Iterable[uuid.UUID]) -> dict[uuid.UUID, DraftingUsage]:
    """Each section's most recent usage row (its current or last run), by section key."""
    rows: dict[uuid.UUID, DraftingUsage] = {}
    wanted = list(keys)
    for row in DraftingUsage.objects.filter(page=page, section_key__in=wanted).order_by(
        "section_key", "-pk"
    ):
        rows.setdefault(row.section_key, row)
    return rows


def job_started(page: ArticlePage, keys: Sequence[uuid.UUID], now: datetime) -> None:
    """A worker took the job: its sections' deadlines count from now, one after another."""
    budget = section_budget()
    rows = latest_usage(page, keys)
    for position, key in enumerate(keys):
        if key in rows:
            DraftingUsage.objects.filter(pk=rows[key].pk).update(
                expires_at=now + budget * (position + 1), retry_at=None
            )


def put_off(page: ArticlePage, keys: Sequence[uuid.UUID], when: datetime) -> bool:
    """Queue the sections again for ``when`` (the service asked us to wait). False, and
    nothing changed, when that is too far off or a section was put off too often."""
    rows = latest_usage(page, keys)
    most = int(getattr(settings, "TRANSLATION_MAX_RESCHEDULES", 3))
    if when - timezone.now() > LONGEST_PUT_OFF or any(
        key not in rows or rows[key].reschedules >= most for key in keys
    ):
        return False
    for key, deadline in zip(keys, queued_deadlines(when, len(keys)), strict=True):
        DraftingUsage.objects.filter(pk=rows[key].pk).update(
            retry_at=when, expires_at=deadline, reschedules=F("reschedules") + 1
        )
    rows = LatestSection.objects.filter(page=page, section_key__in=list(keys))
    update_active_jobs(rows, ai_draft_state=DraftState.QUEUED, **NO_ERROR)
    return True


def expire_overdue(page: ArticlePage) -> int:
    """Mark the page's sections still queued or drafting past their deadline as failed.

    Sections with no usage row (claimed before deadlines were kept) are left to the
    "release" button. Returns how many were marked.
    """
    now = timezone.now()
    active = LatestSection.objects.filter(page=page, ai_draft_state__in=ACTIVE_STATES)
    rows = latest_usage(page, active.values_list("section_key", flat=True))
    overdue = [key for key, row in rows.items() if row.expires_at < now]
    if not overdue:
        return 0
    # Stored in English, shown in the reader's language (``errors.error_text``).
    message = gettext_noop(
        "The drafting job did not finish in time (it may have been stopped); retry this section."
    )
    rows = LatestSection.objects.filter(page=page, section_key__in=overdue)
    return update_active_jobs(
        rows, ai_draft_state=DraftState.FAILED, **DraftError(message).fields()
    )


def update_active_jobs(rows: QuerySet[LatestSection], **values) -> int:
    """Update those of ``rows`` whose job is still queued or drafting, with every one of
    ``rows`` locked in id order first (``LatestSection.objects.locked_in_id_order``)."""
    with transaction.atomic():
        rows.lock_in_id_order()
        return rows.filter(ai_draft_state__in=ACTIVE_STATES).update(**values)
