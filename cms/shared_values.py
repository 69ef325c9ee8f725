"""Values read from the database on nearly every request but changed about once a year
(the Sites, whether any page has view restrictions), kept in the project's cache.

Each value is stored with the generation it was computed under, and a change moves the
generation (after the change is committed). A request that read the old rows just before a
change and stores its result just after it stores it under the old generation, which no
later request accepts: so a change is seen by every request that starts after the change's
transaction has committed, without a timeout to wait out.
"""

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction

from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_VERSION

# Every key is read under Wagtail's cache version for its site root paths, so that one
# GET_MANY can fetch those too (``cms.sites``).
VERSION = SITE_ROOT_PATHS_CACHE_VERSION
# Changes made without Django's signals (a data migration, SQL by hand) are seen within an hour,
# as Wagtail's own cached site root paths are.
TIMEOUT = 3600


def _keys(name: str) -> tuple[str, str]:
    return f"duizhao:{name}:generation", f"duizhao:{name}:value"


def keys_for(names: Iterable[str]) -> list[str]:
    return [key for name in names for key in _keys(name)]


def fetch(keys: list[str]) -> dict[str, Any]:
    """One round trip to the cache for ``keys`` (from ``keys_for`` and Wagtail's)."""
    return cache.get_many(keys, version=VERSION)


def value(name: str, compute: Callable[[], Any], found: dict[str, Any] | None = None) -> Any:
    """The cached ``name``, or ``compute()`` stored for the next request. ``found`` is what
    ``fetch`` returned when the caller fetched several values at once."""
    generation_key, value_key = _keys(name)
    if found is None:
        found = fetch([generation_key, value_key])
    generation = found.get(generation_key)
    stored = found.get(value_key)
    if generation is not None and stored is not None and stored[0] == generation:
        return stored[1]
    if generation is None:
        generation = _start_generation(generation_key)
    result = compute()
    cache.set(value_key, (generation, result), timeout=TIMEOUT, version=VERSION)
    return result


def generation(name: str) -> str | None:
    """``name``'s current generation, for values a process keeps in its own memory: one
    computed under an older generation is stale. None where the cache keeps nothing."""
    generation_key, _ = _keys(name)
    found = cache.get(generation_key, version=VERSION)
    return found if found is not None else _start_generation(generation_key)


def _start_generation(generation_key: str) -> str | None:
    cache.add(generation_key, uuid.uuid4().hex, timeout=None, version=VERSION)
    return cache.get(generation_key, version=VERSION)


def changed(name: str) -> None:
    """``name``'s rows changed: move its generation now and again once the change is
    committed (a request reading between the two would otherwise keep the old rows)."""
    move(name)
    transaction.on_commit(lambda: move(name))


def move(name: str) -> None:
    """Move ``name``'s generation now: for what changes outside the database (settings)."""
    generation_key, _ = _keys(name)
    cache.set(generation_key, uuid.uuid4().hex, timeout=None, version=VERSION)
