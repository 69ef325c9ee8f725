"""Retries with backoff, and a cap on requests in flight from this process.

Background workers may run many translation jobs at once; the cap keeps them
from flooding the service (and tripping its rate limit) however many run.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .base import RetryableError, TranslationBackend, TranslationRequest, TranslationResult

logger = logging.getLogger(__name__)

DEFAULT_MAX_CONCURRENT = 4


class OutboundLimit:
    """At most ``size`` calls inside ``slot()`` at once, across threads."""

    def __init__(self, size: int = DEFAULT_MAX_CONCURRENT) -> None:
        if size < 1:
            raise ValueError("The outbound limit must allow at least one request.")
        self.size = size
        self._semaphore = threading.BoundedSemaphore(size)

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._semaphore:
            yield


_process_limit = OutboundLimit()
_process_limit_lock = threading.Lock()


def set_outbound_limit(size: int) -> OutboundLimit:
    """Resize the process-wide cap; call once at start-up (e.g. from AppConfig.ready)."""
    global _process_limit
    with _process_limit_lock:
        if _process_limit.size != size:
            _process_limit = OutboundLimit(size)
        return _process_limit


def outbound_limit() -> OutboundLimit:
    return _process_limit


def backoff_delay(attempt: int, base_delay: float, max_delay: float) -> float:
    """Exponential backoff with jitter for the wait after failed ``attempt`` (1-based).

    Half the delay is fixed and half random, so a burst of jobs that failed
    together does not come back together.
    """
    delay = min(max_delay, base_delay * 2 ** (attempt - 1))
    return delay / 2 + random.uniform(0, delay / 2)  # noqa: S311 - jitter, not security


def translate_with_retry(
    backend: TranslationBackend,
    request: TranslationRequest,
    *,
    attempts: int = 3,
    base_delay: float = 1.0,
    max_delay: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
    limit: OutboundLimit | None = None,
) -> TranslationResult:
    """Translate, retrying passing faults up to ``attempts`` times in all.

    ``PermanentError`` and ``InvalidTranslation`` propagate at once. A
    ``Retry-After`` is honoured; one longer than ``max_delay`` is not waited
    out here: the ``RetryableError`` (with ``retry_after``) is raised so the
    caller can reschedule the job instead of holding a worker.
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1.")
    limit = limit or outbound_limit()
    for attempt in range(1, attempts + 1):
        try:
            with limit.slot():
                return backend.translate(request)
        except RetryableError as exc:
            if attempt == attempts:
                raise
            delay = backoff_delay(attempt, base_delay, max_delay)
            if exc.retry_after is not None:
                if exc.retry_after > max_delay:
                    raise
                delay = max(delay, exc.retry_after)
            logger.warning(
                "%s translation attempt %d of %d failed: %s Retrying in %.1f s.",
                backend.name,
                attempt,
                attempts,
                exc,
                delay,
            )
            sleep(delay)
    raise AssertionError("the loop returns or raises")  # pragma: no cover
