"""What the importer may fetch: an address's form and scheme, and the network addresses it may
connect to. Plain Python and no network: ``articles.importing.adapter.fetch`` resolves names and
connects, and asks these rules about every address and every redirect.

Only ``http`` and ``https`` pages on public addresses are fetched. A name is resolved once and the
connection goes to the address that was checked, so a name cannot point somewhere else between
the check and the connection. Addresses that carry an IPv4 address inside them (IPv4-mapped IPv6,
6to4) are judged by the address they carry.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from django.utils.translation import gettext as _

from articles.importing.engine.errors import ImportInputError

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
#: Redirects followed before giving up (each is checked like the first address).
MAX_REDIRECTS = 5
MAX_ADDRESS_CHARS = 2_000
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
# Characters left as they are when a path or query is percent-encoded for the request line.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    """A checked ``http(s)`` address, split for the connection and the request line."""

    url: str
    scheme: str
    host: str  # ASCII (IDNA), without brackets
    port: int
    request_path: str  # path and query, percent-encoded, never empty

    @property
    def secure(self) -> bool:
        return self.scheme == "https"


def parse_target(url: str) -> Target:
    """The address split for fetching; ``ImportInputError`` for anything but a plain
    ``http(s)`` address with a host."""
    url = (url or "").strip()
    if not url:
        raise ImportInputError(_("Give the address of a web page."))
    if len(url) > MAX_ADDRESS_CHARS or _UNSAFE.search(url):
        raise ImportInputError(_("“%(url)s” is not a web address.") % {"url": url[:200]})
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise ImportInputError(
            _(
                "Only web pages (addresses starting with http:// or https://) can be imported "
                "from an address; “%(url)s” is not one."
            )
            % {"url": url[:200]}
        )
    if parts.username is not None or parts.password is not None:
        raise ImportInputError(
            _("Addresses with a user name or password in them cannot be imported.")
        )
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
        host = (parts.hostname or "").rstrip(".")
        host = host.encode("idna").decode("ascii") if host else ""
    except (ValueError, UnicodeError):
        host = ""
    if not host:
        raise ImportInputError(_("“%(url)s” is not a web address.") % {"url": url[:200]})
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    query = quote(parts.query, safe=_QUERY_SAFE)
    request_path = f"{path}?{query}" if query else path
    # The fragment stays in the browser; it is never sent.
    clean = urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))
    return Target(clean, scheme, host, port, request_path)


def embedded_address(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 address carries (mapped or 6to4), else itself."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
    return address


def refusal(address: str, *, allow_loopback: bool = False) -> str:
    """Why the importer may not connect to ``address`` (an IP address), or "" when it may.

    ``allow_loopback`` opens loopback only, for tests against servers on 127.0.0.1."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return _("it is not an Internet address")
    ip = embedded_address(ip)
    if ip.is_loopback:
        return "" if allow_loopback else _("it is this server itself (loopback)")
    if ip.is_unspecified:
        return _("it is an unspecified address")
    if ip.is_link_local:
        return _("it is a link-local address")
    if ip.is_multicast:
        return _("it is a multicast address")
    if ip.is_private:
        return _("it is on a private network")
    if ip.is_reserved or not ip.is_global:
        return _("it is a reserved address, not a public one")
    return ""
