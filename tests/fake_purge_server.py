"""A shared cache's purge endpoint on 127.0.0.1 that records what it is asked to forget.

``FakePurgeServer`` answers every ``PURGE`` with 200 and keeps ``(Host, path)`` of each, in
order, as Varnish or nginx would receive them from Wagtail's ``HTTPBackend``::

    with FakePurgeServer() as purges:
        settings.WAGTAILFRONTENDCACHE = {"http": {..., "LOCATION": purges.url}}
        ...
        purges.paths()      # {"/articles/x/", "/en/articles/x/", ...}
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.local_servers import serve_in_thread


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakePurgeServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_PURGE(self) -> None:
        with self.server.fake.lock:
            self.server.fake.purged.append((self.headers.get("Host", ""), self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


class FakePurgeServer:
    def __init__(self) -> None:
        self.purged: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self) -> set[str]:
        with self.lock:
            return {path for _host, path in self.purged}

    def __enter__(self) -> FakePurgeServer:
        self._thread = serve_in_thread(self._httpd)
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
