"""JSON over HTTP to the configured translation service, and nowhere else.

Built on ``http.client`` rather than ``urllib.request`` because it never
follows redirects and never picks up proxy settings from the environment: a
request goes to the host in TRANSLATION_API_URL or fails. Every failure is
turned into a ``RetryableError`` or a ``PermanentError`` whose message names
the host and the status, never the key or the text sent.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from django.utils.translation import gettext_noop

from .base import PermanentError, RetryableError
from .deadline import Deadline

logger = logging.getLogger(__name__)

MAX_REPLY_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
_SAFE_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_USER_AGENT = "Duizhao-translation/1.0"


@dataclass(frozen=True)
class JsonReply:
    status: int
    data: Any


def join_url(base_url: str, path: str) -> str:
    """``http://h/v1/`` + ``/chat/completions`` -> ``http://h/v1/chat/completions``."""
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def post_json(
    base_url: str,
    path: str,
    payload: Any,
    *,
    headers: Mapping[str, str],
    timeout: float,
    status_messages: Mapping[int, str] | None = None,
    max_bytes: int = MAX_REPLY_BYTES,
) -> JsonReply:
    """POST ``payload`` as JSON to ``base_url + path`` and decode the JSON reply."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return request_json(
        "POST",
        base_url,
        path,
        body=body,
        headers=headers,
        timeout=timeout,
        status_messages=status_messages,
        max_bytes=max_bytes,
    )


def request_json(
    method: str,
    base_url: str,
    path: str,
    *,
    body: bytes | None = None,
    headers: Mapping[str, str],
    timeout: float,
    status_messages: Mapping[int, str] | None = None,
    max_bytes: int = MAX_REPLY_BYTES,
) -> JsonReply:
    """Send one request; the whole exchange must finish within ``timeout`` seconds."""
    base = urlsplit(base_url)
    target = urlsplit(join_url(base_url, path))
    where = f"{base.hostname}:{base.port or (443 if base.scheme == 'https' else 80)}"
    if (target.scheme, target.netloc) != (base.scheme, base.netloc):
        raise PermanentError(
            gettext_noop("Refusing to send a request outside %(where)s."), {"where": where}
        )
    all_headers = {"User-Agent": _USER_AGENT, "Accept": "application/json", **headers}
    if body is not None:
        all_headers["Content-Type"] = "application/json; charset=utf-8"

    started = time.monotonic()
    deadline = started + timeout
    too_slow = RetryableError(
        gettext_noop(
            "The translation service at %(where)s did not answer within %(seconds)s seconds."
        ),
        {"where": where, "seconds": f"{timeout:g}"},
    )
    conn = _connection(base.scheme, base.hostname or "", base.port, timeout)
    # The socket timeout bounds each read; ``Deadline`` bounds the whole exchange.
    with Deadline(conn, timeout) as whole_exchange:
        try:
            conn.request(method, target.path, body=body, headers=all_headers)
            _settimeout(conn, deadline)
            response = conn.getresponse()
            raw = _read_capped(conn, response, deadline, max_bytes, where)
        except TimeoutError:
            raise too_slow from None
        except ssl.SSLCertVerificationError:
            raise PermanentError(
                gettext_noop("The TLS certificate of %(where)s could not be verified."),
                {"where": where},
            ) from None
        except (http.client.HTTPException, OSError) as exc:
            if whole_exchange.expired:
                raise too_slow from None
            raise RetryableError(
                gettext_noop("Could not reach the translation service at %(where)s (%(reason)s)."),
                {"where": where, "reason": type(exc).__name__},
            ) from None
        finally:
            conn.close()
    if whole_exchange.expired:
        # A body read until the connection closed may look complete when it was cut.
        raise too_slow

    elapsed = time.monotonic() - started
    logger.debug(
        "%s %s%s -> HTTP %s in %.2fs", method, where, target.path, response.status, elapsed
    )
    if not 200 <= response.status < 300:
        raise _status_error(response, raw, where, status_messages or {})
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PermanentError(
            gettext_noop(
                "The translation service at %(where)s sent a reply that is not valid JSON "
                "(%(size)s bytes)."
            ),
            {"where": where, "size": f"{len(raw):,}"},
        ) from None
    return JsonReply(status=response.status, data=data)


def _connection(
    scheme: str, host: str, port: int | None, timeout: float
) -> http.client.HTTPConnection:
    if scheme == "https":
        return http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    return http.client.HTTPConnection(host, port, timeout=timeout)


def _settimeout(conn: http.client.HTTPConnection, deadline: float) -> None:
    """Shrink the socket timeout so a slow trickle cannot outlast the deadline."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    if conn.sock is not None:
        conn.sock.settimeout(remaining)


def _read_capped(
    conn: http.client.HTTPConnection,
    response: http.client.HTTPResponse,
    deadline: float,
    max_bytes: int,
    where: str,
) -> bytes:
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise _too_big(where, max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        _settimeout(conn, deadline)
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(where, max_bytes)
        chunks.append(chunk)


def _too_big(where: str, max_bytes: int) -> PermanentError:
    return PermanentError(
        gettext_noop("The translation service at %(where)s sent a reply over %(size)s bytes."),
        {"where": where, "size": f"{max_bytes:,}"},
    )


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _error_code(raw: bytes) -> str:
    """A short machine code from an error body (``rate_limit_exceeded``), if safe to log."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return ""
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        for key in ("code", "type"):
            code = error.get(key)
            if isinstance(code, str) and _SAFE_CODE.match(code):
                return code
    return ""


def _status_error(
    response: http.client.HTTPResponse,
    raw: bytes,
    where: str,
    status_messages: Mapping[int, str],
) -> Exception:
    status = response.status
    code = _error_code(raw)
    # The service's own words: the status and its machine error code, shown as they are.
    # Its free-text message is left out, as it may quote the request (the article's text).
    detail = f"HTTP {status}" + (f", {code}" if code else "")
    params = {"where": where, "detail": detail}
    if status in status_messages:
        return PermanentError(status_messages[status], params)
    if status == 429 or status == 503 or status >= 500 or status == 408:
        retry_after = parse_retry_after(response.getheader("Retry-After"))
        if retry_after is None:
            template = _RETRYABLE[status == 429]
        else:
            template = _RETRYABLE_WAIT[status == 429]
            params["seconds"] = f"{retry_after:g}"
        return RetryableError(template, params, retry_after=retry_after)
    if 300 <= status < 400:
        template = gettext_noop(
            "The translation service at %(where)s answered with a redirect (%(detail)s), which "
            "is not followed; check TRANSLATION_API_URL."
        )
    elif status in (401, 403):
        template = gettext_noop(
            "The translation service at %(where)s refused the API key (%(detail)s); "
            "check TRANSLATION_API_KEY."
        )
    elif status == 404:
        template = gettext_noop(
            "The translation service at %(where)s has no such endpoint or model (%(detail)s); "
            "check TRANSLATION_API_URL and TRANSLATION_MODEL."
        )
    elif status == 413:
        template = gettext_noop(
            "The section is too large for the translation service (%(detail)s)."
        )
    else:
        template = gettext_noop(
            "The translation service at %(where)s rejected the request (%(detail)s)."
        )
    return PermanentError(template, params)


# Passing faults, by "is it a rate limit", without and with the wait the service asked for.
_RETRYABLE = {
    True: gettext_noop(
        "The translation service at %(where)s is rate limiting requests (%(detail)s)."
    ),
    False: gettext_noop(
        "The translation service at %(where)s had a temporary failure (%(detail)s)."
    ),
}
_RETRYABLE_WAIT = {
    True: gettext_noop(
        "The translation service at %(where)s is rate limiting requests (%(detail)s; asked to "
        "wait %(seconds)s s)."
    ),
    False: gettext_noop(
        "The translation service at %(where)s had a temporary failure (%(detail)s; asked to "
        "wait %(seconds)s s)."
    ),
}
