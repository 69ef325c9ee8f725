"""The content version: one number that moves whenever anything a reader sees changes.

Cached article fragments (``wagtailpagecache`` in the article template) and whole cached
pages (``cms.page_cache``) are keyed on it, so a move makes every cached copy stale at once.
``articles.signals`` moves it when a page is published, unpublished, moved or deleted, when
a page's privacy changes, and when a snippet pages show (person, quote, term, organisation,
topic, user) or the Site is saved or deleted.

The move happens twice: at once, and again when the writing transaction commits. The first
stops readers being answered from copies made before the change; the second throws away any
copy a reader rendered between the first move and the commit (it read the data as it was
before), so once the publishing request has returned nobody is served the old page. With fresh
copies on publish (production), ``cms.page_cache.commit_moves`` moves it once, at the commit.

Beside the version the cache holds when it last moved: the ``Last-Modified`` of every public
page, an upper bound of the time its content last changed.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "duizhao:article-fragments:version"
CHANGED_AT_KEY = "duizhao:content:changed-at"


@dataclass(frozen=True)
class ContentState:
    version: int
    changed_at: float  # seconds since the epoch


def content_state() -> ContentState:
    """The current version and when it last moved, in one cache round trip."""
    values = cache.get_many([VERSION_KEY, CHANGED_AT_KEY])
    version, changed_at = values.get(VERSION_KEY), values.get(CHANGED_AT_KEY)
    if version is None or changed_at is None:
        # First use (or eviction): nothing is known about earlier changes, so "now" is the
        # only safe last-change time, and a version no cached copy was made under.
        if version is None:
            cache.add(VERSION_KEY, 1, timeout=None)
        cache.add(CHANGED_AT_KEY, time.time(), timeout=None)
        values = cache.get_many([VERSION_KEY, CHANGED_AT_KEY])
        version, changed_at = values.get(VERSION_KEY, 1), values.get(CHANGED_AT_KEY, time.time())
    return ContentState(version=version, changed_at=changed_at)


def content_state_and(keys: list[str]) -> tuple[ContentState, dict]:
    """The content state and the values kept under ``keys``, in one cache round trip: what a
    whole-page cache lookup needs, since each trip to Redis costs about as much as the rest
    of answering from the cache."""
    values = cache.get_many([VERSION_KEY, CHANGED_AT_KEY, *keys])
    version, changed_at = values.pop(VERSION_KEY, None), values.pop(CHANGED_AT_KEY, None)
    if version is None or changed_at is None:
        return content_state(), {}  # nothing kept can be trusted without a version
    return ContentState(version=version, changed_at=changed_at), values


def content_version() -> int:
    return content_state().version


def advance(changed_at: float | None = None) -> ContentState:
    """Move the version once, at once, without waiting out the workers' leases: for a mover
    that has fresh copies to keep under the new version first (``cms.page_cache.warm``) and
    then calls ``outlast_leases`` itself. ``changed_at`` (default: now) is the new
    ``Last-Modified``; it must not be earlier than the change it stands for."""
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates old copies
        version = 2
        cache.set(VERSION_KEY, version, timeout=None)
    changed_at = time.time() if changed_at is None else changed_at
    cache.set(CHANGED_AT_KEY, changed_at, timeout=None)
    return ContentState(version=version, changed_at=changed_at)


def outlast_leases() -> None:
    """Wait until every worker's lease on a version read before now has run out
    (``cms.page_cache.local``)."""
    lease = float(getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 0) or 0)
    if lease > 0 and settings.PAGE_CACHE_ENABLED:
        time.sleep(lease)


def move_now() -> ContentState:
    """Move the version once, at once; the state it moved to. Returns only once every
    worker's lease on an earlier version has run out."""
    state = advance()
    outlast_leases()
    return state


def _move() -> None:
    move_now()


def move_content_version() -> None:
    """Make every cached page and fragment stale, now and again after the commit."""
    _move()
    transaction.on_commit(_move)


def changes_what_pages_show(update_fields) -> bool:
    """Whether a save of these fields (None: all) of something pages show changes a page."""
    # A login changes nothing an article shows.
    return not (update_fields and set(update_fields) <= {"last_login"})
