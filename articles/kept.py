"""Values a process keeps by key, the last ones asked for, shared by its threads.

For work that depends on nothing but what its key names and is asked for again on every view
(a section's alignment, the index of everyone's names). ``functools.lru_cache`` keys on the
arguments themselves: it would hold on to a whole glossary where its ``digest`` is enough.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """The last ``most`` values asked for, by key."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for ``key``, else ``make()``, kept from then on (the value asked for
        least recently is let go past ``most``). ``make`` runs outside the lock: two threads
        may both make a value that was missing, and either is right."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.most:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


def digest(value: object) -> bytes:
    """A short digest of plain values (strings, numbers, and tuples, lists and frozen
    dataclasses of them), by their ``repr``, which quotes and escapes every string."""
    return hashlib.blake2b(repr(value).encode(), digest_size=16).digest()
