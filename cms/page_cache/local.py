"""Copies of pages in each worker's own memory, answered without a trip to Redis while a
short lease on the content version holds.

A hit from Redis costs one round trip, and on a busy machine that trip is most of the hit. So
each worker also keeps the copies it has read (at most ``PAGE_CACHE_LOCAL_ENTRIES``), and
after reading the content version from Redis it may trust that version for
``PAGE_CACHE_LOCAL_SECONDS``, counted from the moment it *sent* the read.

This never serves a page older than a publish that has returned: whatever moves the version
(``articles.content.page_cache.move_now``) waits the same time after the move before it goes
on. A lease that saw the old version was taken before the move, so it has run out by the time
the mover's request returns; a lease taken after the move saw the new version. Only durations
are compared, each on its own process's monotonic clock, so hosts need no shared clock.

``PAGE_CACHE_LOCAL_SECONDS = 0`` (the default outside production) turns this off.
"""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings

from articles.content.page_cache import ContentState
from cms.page_cache.responses import Kept

DEFAULT_ENTRIES = 200


@dataclass
class _Memory:
    state: ContentState | None = None
    trusted_until: float = 0.0
    copies: OrderedDict[str, tuple[int, Kept]] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)


_memory = _Memory()


def lease_seconds() -> float:
    return float(getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 0) or 0)


def lookup(address: str) -> tuple[ContentState, Kept] | None:
    """The trusted state and this worker's copy of ``address`` made in it, while the lease
    holds; None when Redis must be asked."""
    if lease_seconds() <= 0:
        return None
    with _memory.lock:
        state = _memory.state
        if state is None or time.monotonic() >= _memory.trusted_until:
            return None
        entry = _memory.copies.get(address)
        if entry is None or entry[0] != state.version:
            return None
        _memory.copies.move_to_end(address)
        return state, entry[1]


def renew(state: ContentState, asked_at: float) -> None:
    """Trust ``state``, read from Redis by a request sent at ``asked_at`` (monotonic)."""
    seconds = lease_seconds()
    if seconds <= 0:
        return
    with _memory.lock:
        _memory.state = state
        _memory.trusted_until = asked_at + seconds


def hold(address: str, version: int, kept: Kept) -> None:
    """Keep this worker's copy of ``address``, made in ``version``."""
    if lease_seconds() <= 0:
        return
    limit = int(getattr(settings, "PAGE_CACHE_LOCAL_ENTRIES", DEFAULT_ENTRIES))
    with _memory.lock:
        _memory.copies[address] = (version, kept)
        _memory.copies.move_to_end(address)
        while len(_memory.copies) > limit:
            _memory.copies.popitem(last=False)


def forget() -> None:
    """Drop every copy and the lease (tests; a process that wants a clean start)."""
    with _memory.lock:
        _memory.state = None
        _memory.trusted_until = 0.0
        _memory.copies.clear()
