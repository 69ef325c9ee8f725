"""Per-user and per-day limits on AI drafting, counted in the database.

Every section sent to the service is one ``DraftingUsage`` row, so every web process and
worker counts the same rows. Counting and inserting race between two requests: each row
takes the day's next number, numbers are unique per day, and a request that loses the
race (its number was taken meanwhile) counts again. A request over a limit inserts
nothing; the caller's transaction then releases the sections it claimed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from articles.models import ArticlePage, DraftingUsage

# Losing the numbering race this many times in a row means a burst of requests; the
# user is asked to try again rather than kept waiting.
RESERVE_ATTEMPTS = 5


class QuotaExceeded(Exception):
    """Drafting these sections would pass a limit; ``message`` says which, in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Limits:
    """Sections per user per day and for everyone per day; 0 means no limit."""

    per_user: int
    per_day: int


def limits() -> Limits:
    return Limits(
        per_user=max(0, int(getattr(settings, "TRANSLATION_USER_DAILY_SECTIONS", 0) or 0)),
        per_day=max(0, int(getattr(settings, "TRANSLATION_DAILY_SECTIONS", 0) or 0)),
    )


def reserve(
    user,
    page: ArticlePage,
    keys: Sequence[uuid.UUID],
    expires: Sequence[datetime],
    *,
    now: datetime,
) -> list[DraftingUsage]:
    """Record the sections of ``page`` with these ``keys`` as sent by ``user`` (None: from
    the shell) now, each with its deadline; raise QuotaExceeded, recording nothing, if that
    would pass a limit.

    Call inside the transaction that claims the sections, so a refusal releases them too.
    """
    day = timezone.localdate(now)
    wanted = len(keys)
    for _attempt in range(RESERVE_ATTEMPTS):
        try:
            with transaction.atomic():
                last = _check(user, day, wanted)
                rows = [
                    DraftingUsage(
                        day=day,
                        number=last + offset,
                        user=user,
                        page=page,
                        section_key=key,
                        requested_at=now,
                        expires_at=expires_at,
                    )
                    for offset, (key, expires_at) in enumerate(
                        zip(keys, expires, strict=True), start=1
                    )
                ]
                return DraftingUsage.objects.bulk_create(rows)
        except IntegrityError:
            continue
    raise QuotaExceeded(gettext("Many drafting requests arrived at once; try again in a moment."))


def release(rows: Sequence[DraftingUsage]) -> None:
    """Give back what was reserved for a job that could not be started."""
    DraftingUsage.objects.filter(pk__in=[row.pk for row in rows if row.pk]).delete()


def _check(user, day, wanted: int) -> int:
    """The day's last number; QuotaExceeded if ``wanted`` more sections pass a limit.

    One query, so the counts and the number come from the same snapshot.
    """
    counts = {"total": Count("pk"), "last": Max("number")}
    if user is not None:
        counts["mine"] = Count("pk", filter=Q(user_id=user.pk))
    usage = DraftingUsage.objects.filter(day=day).aggregate(**counts)
    allowed = limits()
    if user is not None and allowed.per_user and usage["mine"] + wanted > allowed.per_user:
        raise QuotaExceeded(_user_message(allowed.per_user, usage["mine"], wanted))
    if allowed.per_day and usage["total"] + wanted > allowed.per_day:
        raise QuotaExceeded(_day_message(allowed.per_day, usage["total"], wanted))
    return usage["last"] or 0


def _left(limit: int, used: int) -> int:
    return max(0, limit - used)


def _user_message(limit: int, used: int, wanted: int) -> str:
    left = _left(limit, used)
    return ngettext(
        "You may send %(limit)d section for AI drafting per day and have %(left)d left "
        "today; this needs %(wanted)d. Nothing was sent. Draft fewer sections or try again "
        "tomorrow.",
        "You may send %(limit)d sections for AI drafting per day and have %(left)d left "
        "today; this needs %(wanted)d. Nothing was sent. Draft fewer sections or try again "
        "tomorrow.",
        limit,
    ) % {"limit": limit, "left": left, "wanted": wanted}


def _day_message(limit: int, used: int, wanted: int) -> str:
    left = _left(limit, used)
    return ngettext(
        "The site may send %(limit)d section for AI drafting per day and has %(left)d left "
        "today; this needs %(wanted)d. Nothing was sent. Try again tomorrow or ask an "
        "administrator to raise TRANSLATION_DAILY_SECTIONS.",
        "The site may send %(limit)d sections for AI drafting per day and has %(left)d left "
        "today; this needs %(wanted)d. Nothing was sent. Try again tomorrow or ask an "
        "administrator to raise TRANSLATION_DAILY_SECTIONS.",
        limit,
    ) % {"limit": limit, "left": left, "wanted": wanted}
