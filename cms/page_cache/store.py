"""Copies of pages in the cache: found in one round trip, and rendered once per miss.

A copy is kept under its address with the content version it was rendered in, and is used
only while that version is current: the version and the copy are read together (one
``get_many``), so a hit costs a single trip to Redis. The version is read before the view
runs, so a copy rendered while a publish moved the version carries the old one and is never
used.

After a publish every page misses at once. So that the readers asking for one page at that
moment do not all render it (a dog-pile that keeps both workers busy for the same bytes), the
first takes a short render lock for the address in this version (``cache.add``) and the others
wait for its copy, polling the cache, for at most ``PAGE_CACHE_WAIT_SECONDS``; then, or as soon
as the lock is gone without a copy (the page was not one to keep), they render it themselves.
A waiting reader never gets a copy older than the version it reads with it.
"""

import time
from typing import TypeAlias

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from articles.content.page_cache import ContentState, content_state_and
from cms.page_cache import local, responses

KEY_PREFIX = "duizhao:page"
FIRST_POLL_SECONDS = 0.002
POLL_SECONDS = 0.02
# Defaults for settings a deployment may set: how long a render may hold its lock (longer than
# any page takes), and how long another reader waits for its copy before rendering itself.
LOCK_SECONDS = 5
WAIT_SECONDS = 2.0

Entry: TypeAlias = tuple[int, responses.Kept]


def entry_key(address: str) -> str:
    return f"{KEY_PREFIX}:{address}"


def lock_key(address: str, version: int) -> str:
    return f"{KEY_PREFIX}:rendering:{version}:{address}"


def lookup(address: str) -> tuple[ContentState, responses.Kept | None]:
    """The content state, and the copy of this address made in it if there is one: from this
    worker's memory while its lease on the version holds (``cms.page_cache.local``), else
    from Redis."""
    held = local.lookup(address)
    if held is not None:
        return held
    asked_at = time.monotonic()
    state, values = content_state_and([entry_key(address)])
    local.renew(state, asked_at)
    entry = values.get(entry_key(address))
    if entry is not None and entry[0] == state.version:
        local.hold(address, *entry)
    return state, _current(entry, state)


def _current(entry: Entry | None, state: ContentState) -> responses.Kept | None:
    if entry is None or entry[0] != state.version:
        return None
    return entry[1]


def take_render_lock(address: str, version: int) -> bool:
    return cache.add(
        lock_key(address, version), 1, getattr(settings, "PAGE_CACHE_LOCK_SECONDS", LOCK_SECONDS)
    )


def release_render_lock(address: str, version: int) -> None:
    cache.delete(lock_key(address, version))


def wait_for_copy(address: str, state: ContentState) -> tuple[ContentState, responses.Kept | None]:
    """Wait while another request renders this page: its copy, or None (render it yourself)
    once the lock is gone without one or ``PAGE_CACHE_WAIT_SECONDS`` have passed. The state
    returned is the latest one read, the one to keep a copy rendered now under."""
    deadline = time.monotonic() + getattr(settings, "PAGE_CACHE_WAIT_SECONDS", WAIT_SECONDS)
    # The first look comes soon: a publish keeps its fresh copies a moment after it moved
    # the version. Later ones back off to POLL_SECONDS, the pace of a render.
    pause = FIRST_POLL_SECONDS
    while time.monotonic() < deadline:
        time.sleep(pause)
        pause = min(pause * 2, POLL_SECONDS)
        lock = lock_key(address, state.version)
        now, values = content_state_and([entry_key(address), lock])
        found = _current(values.get(entry_key(address)), now)
        if found is not None or lock not in values or now.version != state.version:
            # A copy; or none coming for this version: render with the state read now.
            return now, found
    return state, None


def keep(address: str, state: ContentState, response: HttpResponse) -> None:
    keep_many([(address, responses.keep(response))], state.version)


def keep_many(copies: list[tuple[str, responses.Kept]], version: int) -> None:
    """Keep each (address, copy) under ``version``, in one trip to the cache."""
    entries: dict[str, Entry] = {address: (version, kept) for address, kept in copies}
    cache.set_many(
        {entry_key(address): entry for address, entry in entries.items()},
        settings.PAGE_CACHE_SECONDS,
    )
    for address, entry in entries.items():
        local.hold(address, *entry)
