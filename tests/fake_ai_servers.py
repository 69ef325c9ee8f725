"""Fake AI translation services on 127.0.0.1, for tests that need real HTTP.

Two servers, each a ``ThreadingHTTPServer`` on an ephemeral port in a
background thread:

- ``FakeOpenAIServer``: OpenAI-compatible ``POST /v1/chat/completions``;
- ``FakeDeepLServer``: DeepL ``POST /v2/translate``, ``POST /v2/glossaries`` and
  ``GET /v2/glossaries/<id>``.

Use as a context manager (or the ``openai_server`` / ``deepl_server`` pytest
fixtures in ``tests/articles/translation/conftest.py``)::

    with FakeOpenAIServer(api_key="sk-test") as server:
        settings = server.settings_values()     # TRANSLATION_* keys
        server.behaviour = "error_500"          # every request from now on
        server.queue("rate_limited", "normal")  # the next two requests, then behaviour
        ...
        server.requests[-1].json["messages"]    # what the client sent
        server.requests[-1].headers["Authorization"]

A normal answer is ``chinese_rendering(source)``: "【译】" and a fixed Chinese
sentence naming the numbers and capitalised words of each source paragraph,
one paragraph per source paragraph, so it passes output validation.

Behaviours for every request: ``normal``, ``slow`` (answers after
``slow_seconds``), ``error_500``, ``error_502``, ``error_503``, ``reset``
(connection reset), ``rate_limited`` (429 with ``Retry-After: retry_after``),
``malformed_json``, ``oversized_body`` (over 1 MB), ``redirect`` (302 to
``redirect_to``), ``trickle`` (a normal answer, status line and headers included,
sent one byte every ``trickle_seconds``, so that no single read ever waits long).
Behaviours for the translated text: ``empty``, ``echo``,
``oversized``, ``english``, ``injected_link``, ``markup``. OpenAI only:
``missing_choices``, ``length`` (finish_reason=length), ``truncated_json``,
``leaked_prompt`` (the reply repeats the system message). DeepL only:
``quota`` (HTTP 456).
"""

from __future__ import annotations

import json
import re
import socket
import struct
import threading
import uuid
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.local_servers import serve_in_thread

#: The API key tests configure; they check it never leaks into pages, logs or errors.
FAKE_AI_KEY = "sk-test-8d1e-not-real"

_NAMES_AND_NUMBERS = re.compile(r"\d[\d,.%]*\d%?|\d%?|\b[A-Z][A-Za-z0-9\-]*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SOURCE_FENCE = re.compile(r"<<<SOURCE (\w+)>>>\n(.*)\n<<<END SOURCE \1>>>", re.DOTALL)
EVIL_URL = "https://evil.example/steal"


def chinese_rendering(source_en: str) -> str:
    """A deterministic stand-in translation that keeps names, numbers and paragraphs."""
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(source_en.strip()) if p.strip()] or [""]
    rendered = []
    for paragraph in paragraphs:
        kept = list(dict.fromkeys(_NAMES_AND_NUMBERS.findall(paragraph)))
        mention = ",提到 " + "、".join(kept) if kept else ""
        rendered.append(f"【译】这是一段中文译文{mention}。")
    return "\n\n".join(rendered)


def reply_text(behaviour: str, source_en: str) -> str:
    """The translated text a fake service sends back under ``behaviour``."""
    normal = chinese_rendering(source_en)
    texts = {
        "empty": "",
        "echo": source_en,
        "oversized": "很长的译文" * (len(source_en) + 200),
        "english": "This answer was written in English rather than the requested language.",
        "injected_link": f"{normal} 详情请见 {EVIL_URL} 。",
        "markup": f'{normal}<img src="x" onerror="alert(1)">',
    }
    return texts.get(behaviour, normal)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeAIServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that time out or get reset on purpose leave broken sockets behind.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.fake.handle(self)

    def do_POST(self) -> None:
        self.server.fake.handle(self)

    def send_json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self.send_bytes(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), headers)

    def send_bytes(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.trickle_seconds:
            self.trickle(b"".join(self._headers_buffer) + b"\r\n" + body)
            self._headers_buffer = []
            return
        self.end_headers()
        self.wfile.write(body)

    #: Seconds between bytes of the whole answer; set per request by ``trickle``.
    trickle_seconds = 0.0

    def trickle(self, raw: bytes) -> None:
        """Send ``raw`` one byte at a time until done, the client leaves or the server stops."""
        stopping = self.server.fake._stopping
        try:
            for byte in raw:
                if stopping.wait(self.trickle_seconds):
                    return
                self.wfile.write(bytes([byte]))
        except OSError:
            self.close_connection = True

    def reset(self) -> None:
        """Drop the connection with a TCP reset instead of an answer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


class FakeAIServer:
    """Shared machinery: lifecycle, request log, behaviour switching, transport faults."""

    base_path = ""
    backend = ""

    def __init__(self, *, api_key: str | None = None, model: str = "fake-model") -> None:
        self.api_key = api_key
        self.model = model
        self.behaviour = "normal"
        self.slow_seconds = 1.0
        self.delay = 0.0
        self.retry_after = "1"
        self.trickle_seconds = 0.05
        self.redirect_to = "http://127.0.0.1:9/elsewhere"
        self.requests: list[RecordedRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._script: deque[str] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # Lifecycle

    def start(self) -> FakeAIServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = serve_in_thread(self._httpd)
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Root URL, e.g. ``http://127.0.0.1:40123``."""
        assert self._httpd is not None, "start() the server first"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        """What TRANSLATION_API_URL should be set to."""
        return self.url + self.base_path

    def settings_values(self) -> dict[str, str]:
        """TRANSLATION_* keys pointing at this server (for settings or os.environ)."""
        return {
            "TRANSLATION_BACKEND": self.backend,
            "TRANSLATION_API_URL": self.base_url,
            "TRANSLATION_API_KEY": self.api_key or "",
            "TRANSLATION_MODEL": self.model,
            "TRANSLATION_TIMEOUT": "0.3",
        }

    def point_settings(self, settings, **extra: object) -> None:
        """Point pytest-django's ``settings`` fixture at this server, with ``extra`` settings:
        one stack of overrides with the test's own changes, undone in order when it ends."""
        for name, value in {**self.settings_values(), **extra}.items():
            setattr(settings, name, value)

    # Behaviour

    def queue(self, *behaviours: str) -> None:
        """Answer the next requests with these behaviours, then fall back to ``behaviour``."""
        with self._lock:
            self._script.extend(behaviours)

    def next_behaviour(self) -> str:
        with self._lock:
            return self._script.popleft() if self._script else self.behaviour

    # Handling

    def handle(self, handler: _Handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        record = RecordedRequest(handler.command, handler.path, dict(handler.headers), body)
        with self._lock:
            self.requests.append(record)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                self._stopping.wait(self.delay)
        finally:
            # Counted as answered before the reply is written: a client that has read the
            # reply may already send its next request while this thread is still returning,
            # which would count one request too many.
            with self._lock:
                self.in_flight -= 1
        self.respond(handler, record)

    def respond(self, handler: _Handler, record: RecordedRequest) -> None:
        raise NotImplementedError

    def transport_fault(self, handler: _Handler, behaviour: str) -> bool:
        """Act out a fault that does not depend on the protocol; True if one was sent."""
        if behaviour == "slow":
            self._stopping.wait(self.slow_seconds)
            return False
        if behaviour.startswith("error_"):
            status = int(behaviour.removeprefix("error_"))
            handler.send_json(status, {"error": {"message": "fake failure", "code": "server"}})
        elif behaviour == "reset":
            handler.reset()
        elif behaviour == "rate_limited":
            error = {"error": {"message": "slow down", "code": "rate_limit_exceeded"}}
            handler.send_json(429, error, {"Retry-After": self.retry_after})
        elif behaviour == "malformed_json":
            handler.send_bytes(200, b'{"choices": [{"message": ')
        elif behaviour == "oversized_body":
            handler.send_json(200, {"padding": "x" * (1024 * 1024 + 10)})
        elif behaviour == "redirect":
            handler.send_bytes(302, b"", {"Location": self.redirect_to})
        else:
            return False
        return True


class FakeOpenAIServer(FakeAIServer):
    """OpenAI-compatible chat completions at ``{base_url}/chat/completions``."""

    base_path = "/v1"
    backend = "openai"

    def respond(self, handler: _Handler, record: RecordedRequest) -> None:
        behaviour = self.next_behaviour()
        if self.api_key is not None and record.headers.get("Authorization") != (
            f"Bearer {self.api_key}"
        ):
            error = {"message": "Incorrect API key provided", "code": "invalid_api_key"}
            handler.send_json(401, {"error": error})
            return
        if record.method != "POST" or record.path != "/v1/chat/completions":
            handler.send_json(404, {"error": {"message": "not found", "code": "not_found"}})
            return
        if self.transport_fault(handler, behaviour):
            return
        if behaviour == "trickle":
            handler.trickle_seconds = self.trickle_seconds
        messages = record.json.get("messages", [])
        system = next((m["content"] for m in messages if m.get("role") == "system"), "")
        user = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
        fenced = _SOURCE_FENCE.search(user)
        source = fenced.group(2) if fenced else user
        text = reply_text(behaviour, source)
        if behaviour == "leaked_prompt":
            text = f"{system}\n\n{chinese_rendering(source)}"
        completion = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "length" if behaviour == "length" else "stop",
                }
            ],
            "usage": {
                "prompt_tokens": len(user) // 4,
                "completion_tokens": len(text),
                "total_tokens": len(user) // 4 + len(text),
            },
        }
        if behaviour == "missing_choices":
            del completion["choices"]
        body = json.dumps(completion, ensure_ascii=False).encode("utf-8")
        if behaviour == "truncated_json":
            body = body[: len(body) // 2]
        handler.send_bytes(200, body)


class FakeDeepLServer(FakeAIServer):
    """DeepL API v2: translate and glossaries, at ``{base_url}/v2/...``."""

    backend = "deepl"

    def __init__(self, *, api_key: str | None = None, model: str = "") -> None:
        super().__init__(api_key=api_key, model=model)
        self.glossaries: dict[str, str] = {}
        self.glossary_ready_after = 0  # GET polls answering ready=false before ready=true

    def respond(self, handler: _Handler, record: RecordedRequest) -> None:
        if self.api_key is not None and record.headers.get("Authorization") != (
            f"DeepL-Auth-Key {self.api_key}"
        ):
            handler.send_json(403, {"message": "Wrong auth key"})
            return
        if record.method == "POST" and record.path == "/v2/glossaries":
            self._create_glossary(handler, record.json)
        elif record.method == "GET" and record.path.startswith("/v2/glossaries/"):
            self._glossary_status(handler, record.path.rsplit("/", 1)[-1])
        elif record.method == "POST" and record.path == "/v2/translate":
            self._translate(handler, record.json, self.next_behaviour())
        else:
            handler.send_json(404, {"message": "Not found"})

    def _create_glossary(self, handler: _Handler, data: dict) -> None:
        glossary_id = str(uuid.uuid4())
        with self._lock:
            self.glossaries[glossary_id] = data["entries"]
        handler.send_json(
            201,
            {
                "glossary_id": glossary_id,
                "ready": self.glossary_ready_after == 0,
                "name": data["name"],
                "source_lang": data["source_lang"],
                "target_lang": data["target_lang"],
                "creation_time": "2025-01-01T00:00:00.000Z",
                "entry_count": data["entries"].count("\n") + 1,
            },
        )

    def _glossary_status(self, handler: _Handler, glossary_id: str) -> None:
        if glossary_id not in self.glossaries:
            handler.send_json(404, {"message": "Glossary not found"})
            return
        with self._lock:
            ready = self.glossary_ready_after <= 0
            self.glossary_ready_after -= 1
        handler.send_json(200, {"glossary_id": glossary_id, "ready": ready})

    def _translate(self, handler: _Handler, data: dict, behaviour: str) -> None:
        if self.transport_fault(handler, behaviour):
            return
        if behaviour == "quota":
            handler.send_json(456, {"message": "Quota exceeded"})
            return
        if behaviour == "trickle":
            handler.trickle_seconds = self.trickle_seconds
        translations = [
            {"detected_source_language": "EN", "text": reply_text(behaviour, text)}
            for text in data.get("text", [])
        ]
        handler.send_json(200, {"translations": translations})
