"""A web server on 127.0.0.1 with pages set per test, for importing from an address.

``FakeWebServer`` is a ``ThreadingHTTPServer`` on an ephemeral port in a background thread, as
the fake AI servers are (``tests/fake_ai_servers.py``)::

    with FakeWebServer() as web:
        web.page("/article", "<html>…</html>")                   # text/html; charset=utf-8
        web.page("/photo", b"\\x89PNG…", content_type="image/png")
        web.redirect("/old", "/article")                       # 302 to a path or full address
        web.page("/slow", "…", trickle_seconds=0.2)            # one byte every 0.2 s
        web.page("/big", b"x" * n, send_length=False)          # no Content-Length, closes
        web.url("/article")                                    # http://127.0.0.1:PORT/article
        web.requested                                          # paths asked for, in order

A path with no page answers 404. ``FakeWebServer(tls=context)`` serves https with a server
``ssl.SSLContext``.
"""

from __future__ import annotations

import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.local_servers import serve_in_thread


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True
    trickle_seconds: float = 0.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeWebServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The importer hangs up on pages that are too big or too slow, on purpose.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        fake = self.server.fake
        fake.requested.append(self.path)
        answer = fake.answers.get(self.path.split("?")[0], Answer(404, b"Not Found"))
        head = [f"HTTP/1.0 {answer.status} {self.responses.get(answer.status, ('',))[0]}"]
        head += [f"{name}: {value}" for name, value in answer.headers.items()]
        if answer.send_length:
            head.append(f"Content-Length: {len(answer.body)}")
        head.append("Connection: close")
        raw = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + answer.body
        try:
            if answer.trickle_seconds:
                for byte in raw:
                    if fake.stopping.wait(answer.trickle_seconds):
                        return
                    self.wfile.write(bytes([byte]))
            else:
                self.wfile.write(raw)
        except OSError:
            self.close_connection = True


class FakeWebServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.scheme = "https" if tls else "http"
        self.answers: dict[str, Answer] = {}
        self.requested: list[str] = []
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._thread: threading.Thread | None = None

    def start(self) -> FakeWebServer:
        self._thread = serve_in_thread(self._httpd)
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeWebServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def page(
        self,
        path: str,
        body: str | bytes,
        *,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        send_length: bool = True,
        trickle_seconds: float = 0.0,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve ``body`` at ``path``; returns the page's address."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers |= headers or {}
        self.answers[path] = Answer(status, data, all_headers, send_length, trickle_seconds)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        """Answer ``path`` with a redirect to ``location``; returns ``path``'s address."""
        self.answers[path] = Answer(status, b"", {"Location": location})
        return self.url(path)
