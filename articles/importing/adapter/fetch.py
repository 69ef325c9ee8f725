"""Fetching a page to import from its address (the admin import form and ``import_article``).

``fetch_page`` gets one ``http(s)`` page within a size cap (the upload limit) and one deadline for
the whole fetch, every redirect included: resolving names, connecting, headers and body
(``IMPORT_FETCH_TIMEOUT`` seconds). Every address, first or redirected to, is checked by
``articles.importing.engine.fetch_rules`` and the connection goes to the IP address that was
checked. Redirects are followed here, at most ``MAX_REDIRECTS``, never by a library. The body is
decoded like an upload (a byte-order mark, else the charset the server sends, else the page's
own declaration, UTF-8 or GB18030) and returned as text with a file name that tells its format.

Every refusal is an ``ImportInputError`` with a message for the editor; nothing is fetched from
a refused address. ``IMPORT_FETCH_ALLOW_LOOPBACK`` (tests only) lets the fetch reach servers on
127.0.0.1.
"""

from __future__ import annotations

import codecs
import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin

from django.conf import settings
from django.utils.translation import gettext as _

from articles.drafting.engine.deadline import Deadline
from articles.importing.engine import DEFAULT_LIMITS, ImportInputError, decode
from articles.importing.engine.fetch_rules import MAX_REDIRECTS, Target, parse_target, refusal

DEFAULT_TIMEOUT = 20.0
REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: Content types that are an article's text, and the extension that tells the parser which.
TEXT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/plain": ".txt",
}
_CHUNK = 64 * 1024
_HEADERS = {
    "User-Agent": "Duizhao-importer/1.0",
    "Accept": "text/html, application/xhtml+xml, text/markdown, text/plain;q=0.9",
    "Accept-Encoding": "identity",
}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page's text; ``url`` is the address it finally came from."""

    url: str
    text: str
    filename: str


def fetch_page(url: str) -> FetchedPage:
    """The page at ``url`` as text, or ``ImportInputError`` saying why not."""
    seconds = float(getattr(settings, "IMPORT_FETCH_TIMEOUT", DEFAULT_TIMEOUT))
    allow_loopback = bool(getattr(settings, "IMPORT_FETCH_ALLOW_LOOPBACK", False))
    ends = time.monotonic() + seconds
    target = parse_target(url)
    seen = {target.url}
    for _hop in range(MAX_REDIRECTS + 1):
        addresses = _resolve(target, ends, seconds, allow_loopback)
        location = _exchange(target, addresses, ends, seconds)
        if isinstance(location, FetchedPage):
            return location
        target = parse_target(urljoin(target.url, location))
        if target.url in seen:
            raise ImportInputError(
                _("The address %(url)s redirects in a loop; nothing was imported.") % {"url": url}
            )
        seen.add(target.url)
    raise ImportInputError(
        _("The address %(url)s redirects more than %(count)d times; nothing was imported.")
        % {"url": url, "count": MAX_REDIRECTS}
    )


def _left(ends: float, seconds: float, url: str) -> float:
    left = ends - time.monotonic()
    if left <= 0:
        raise _too_slow(url, seconds)
    return left


def _too_slow(url: str, seconds: float) -> ImportInputError:
    return ImportInputError(
        _("The page at %(url)s did not arrive within %(seconds)s seconds; nothing was imported.")
        % {"url": url, "seconds": f"{seconds:g}"}
    )


def _resolve(target: Target, ends: float, seconds: float, allow_loopback: bool) -> list[str]:
    """The host's IP addresses, every one of them allowed; resolving shares the deadline."""
    result: list = []
    failure: list[OSError] = []

    def lookup() -> None:
        try:
            result.extend(socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as error:
            failure.append(OSError(str(error)))

    # getaddrinfo takes no timeout: wait for it at most until the deadline.
    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(_left(ends, seconds, target.url))
    if worker.is_alive():
        raise _too_slow(target.url, seconds)
    if failure or not result:
        raise ImportInputError(
            _("The name %(host)s could not be found; check the address.") % {"host": target.host}
        )
    addresses = list(dict.fromkeys(info[4][0] for info in result))
    for address in addresses:
        reason = refusal(address, allow_loopback=allow_loopback)
        if reason:
            raise ImportInputError(
                _(
                    "The address %(url)s cannot be imported: %(host)s is not a public address "
                    "(%(reason)s). Only public web pages can be fetched."
                )
                # Not the address itself: the editor need not learn the inside network's plan.
                % {"url": target.url, "host": target.host, "reason": reason}
            )
    return addresses


def _connection(target: Target, addresses: list[str], timeout: float) -> http.client.HTTPConnection:
    """A connection to ``target``'s host name (Host header, TLS name) that only ever opens a
    socket to one of the checked ``addresses``."""
    if target.secure:
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            target.host, target.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(target.host, target.port, timeout=timeout)

    def connect_checked(_address, connect_timeout, source_address=None) -> socket.socket:
        error: OSError = OSError("no address")
        for address in addresses:
            try:
                return socket.create_connection(
                    (address, target.port), connect_timeout, source_address
                )
            except OSError as failure:
                error = failure
        raise error

    conn._create_connection = connect_checked
    return conn


def _exchange(
    target: Target, addresses: list[str], ends: float, seconds: float
) -> FetchedPage | str:
    """One request: the page, or the address a redirect points to."""
    conn = _connection(target, addresses, _left(ends, seconds, target.url))
    try:
        with Deadline(conn, _left(ends, seconds, target.url)) as deadline:
            try:
                conn.request("GET", target.request_path, headers=_HEADERS)
                response = conn.getresponse()
                if response.status in REDIRECTS:
                    location = response.getheader("Location", "").strip()
                    if location:
                        return location
                _check_answer(target, response)
                body = _read_capped(target, response)
            except (OSError, http.client.HTTPException) as error:
                if deadline.expired:
                    raise _too_slow(target.url, seconds) from None
                raise _unreachable(target, error) from None
    finally:
        conn.close()
    if deadline.expired:
        raise _too_slow(target.url, seconds)
    return _page(target, response.headers, body)


def _unreachable(target: Target, error: Exception) -> ImportInputError:
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return ImportInputError(
            _("A secure connection to %(host)s could not be made (%(reason)s).")
            % {"host": target.host, "reason": getattr(error, "reason", None) or error}
        )
    if isinstance(error, TimeoutError | socket.timeout):
        return ImportInputError(
            _("The server at %(host)s did not answer in time; nothing was imported.")
            % {"host": target.host}
        )
    return ImportInputError(
        _("The page at %(url)s could not be fetched: the connection failed.") % {"url": target.url}
    )


def _check_answer(target: Target, response: http.client.HTTPResponse) -> None:
    if response.status != 200:
        raise ImportInputError(
            _(
                "The server answered “%(status)s %(reason)s” for %(url)s instead of the page; "
                "nothing was imported."
            )
            % {"status": response.status, "reason": response.reason, "url": target.url}
        )
    kind = response.headers.get_content_type() if response.getheader("Content-Type") else ""
    if kind and kind not in TEXT_TYPES:
        raise ImportInputError(
            _(
                "The address %(url)s gives “%(type)s”, not a web page or text. Import an HTML "
                "page, Markdown or plain text."
            )
            % {"url": target.url, "type": kind}
        )
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        raise ImportInputError(
            _("The server at %(host)s sent the page compressed (%(encoding)s) though asked not to.")
            % {"host": target.host, "encoding": encoding}
        )
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit():
        _check_size(target, int(declared))


def _check_size(target: Target, size: int) -> None:
    if size > DEFAULT_LIMITS.max_bytes:
        raise ImportInputError(
            _(
                "The page at %(url)s is larger than %(limit)d MB, the import limit; nothing was "
                "imported."
            )
            % {"url": target.url, "limit": DEFAULT_LIMITS.max_bytes // (1024 * 1024)}
        )


def _read_capped(target: Target, response: http.client.HTTPResponse) -> bytes:
    """The body, refused as soon as it passes the limit (whatever Content-Length said)."""
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        _check_size(target, size)
        chunks.append(chunk)
    return b"".join(chunks)


def _page(target: Target, headers: Message, body: bytes) -> FetchedPage:
    if not body.strip():
        raise ImportInputError(_("The page at %(url)s is empty.") % {"url": target.url})
    charset = headers.get_content_charset() if headers.get("Content-Type") else None
    # A byte-order mark outranks the header, as in browsers.
    if charset and body.startswith(_BOMS):
        charset = None
    if charset:
        try:
            # Not b"": decoding nothing skips the codec lookup.
            b"a".decode(charset, "replace")
        except LookupError:
            raise ImportInputError(
                _(
                    "The page at %(url)s says its text is in “%(charset)s”, a character set this "
                    "site cannot read. Save the page from your browser and upload the file."
                )
                % {"url": target.url, "charset": charset[:40]}
            ) from None
    try:
        text = decode(body, encoding=charset, limits=DEFAULT_LIMITS)
    except (ImportInputError, LookupError):
        if charset:
            message = _(
                "The page at %(url)s says its text is in “%(charset)s”, but it is not: some "
                "bytes do not form characters. Save the page from your browser and upload "
                "the file."
            )
        else:
            message = _(
                "The text of the page at %(url)s cannot be read reliably: it is not UTF-8 or "
                "GB18030 and declares no character set this site knows. Save the page from "
                "your browser and upload the file."
            )
        raise ImportInputError(message % {"url": target.url, "charset": charset}) from None
    kind = headers.get_content_type() if headers.get("Content-Type") else ""
    return FetchedPage(target.url, text, target.host + TEXT_TYPES.get(kind, ""))
