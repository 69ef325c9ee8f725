"""A wall-clock deadline for one HTTP exchange, whatever the server does.

A socket timeout bounds each read, not the exchange: a server that sends one byte every
second never trips a five-second read timeout, and ``http.client`` keeps reading the
status line, the headers and the body for as long as bytes keep coming. ``Deadline``
starts a timer when the exchange starts; when it runs out it shuts the connection's socket
down, which wakes any read blocked on it (plain or TLS), and ``expired`` tells the caller
that the failure that follows is the deadline's doing.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
from types import TracebackType


class Deadline:
    """Shut ``conn``'s socket ``seconds`` after entering, unless the block has ended."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._over = False
        self.expired = False
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        # Under the lock, so the timer never touches a socket the caller goes on to close.
        with self._lock:
            self._over = True
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            if self._over:
                return
            self.expired = True
            sock = self._conn.sock
            if sock is None:
                # Still connecting: the connect timeout (the same budget) ends it.
                return
            # The plain socket's shutdown, also for a TLS socket: the reader's next recv
            # sees the connection closed; the TLS state is left to the reader.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
