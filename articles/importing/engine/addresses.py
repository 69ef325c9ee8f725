"""One written form for the address of an original, so that one original is one article.

``https://EXAMPLE.com/x``, ``https://example.com/x?utm_source=a``, ``https://example.com/x#top``
and ``https://example.com:443/x/`` are the same page as ``https://example.com/x``; each used to
import as a new copy. ``normalise_address`` is applied wherever an original's address is
stored, and ``address_key`` wherever two addresses are compared (which also makes ``http``
and ``https`` the same page, and ignores the order of query parameters).

What is removed never changes which page a server returns: the case of the scheme and host,
a default port, a fragment, a trailing slash, and the tracking parameters that newsletters and
social sites append. Fragments used for routing (``#/…``, ``#!…``) are kept: they do name a
page. Plain Python, no models.
"""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
#: Query parameters that only say where a reader came from (compared case-insensitively).
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "trk",
        "trackingid",
        "spm",
    }
)
TRACKING_PREFIXES = ("utm_",)


def is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def normalise_address(url: str) -> str:
    """``url`` in its one written form; anything that is not an http(s) address, stripped."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.rstrip(".")
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        host = f"{userinfo}@{host}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    # Kept pieces keep their own encoding: only whole tracking parameters are dropped.
    query = "&".join(
        piece
        for piece in parts.query.split("&")
        if piece and not is_tracking_parameter(unquote_plus(piece.partition("=")[0]))
    )
    fragment = parts.fragment if parts.fragment.startswith(("/", "!")) else ""
    return urlunsplit((scheme, host, path, query, fragment))


def address_key(url: str) -> str:
    """What two addresses of the same original have in common (for comparing, not storing)."""
    normal = normalise_address(url)
    parts = urlsplit(normal)
    if parts.scheme not in DEFAULT_PORTS:
        return normal
    query = "&".join(sorted(parts.query.split("&"))) if parts.query else ""
    return urlunsplit(("", parts.netloc, parts.path, query, parts.fragment))


def search_hint(url: str) -> str:
    """A piece of ``url`` that every stored spelling of the same address contains (any case):
    the last path segment, else the host. Used to narrow a database query before comparing
    ``address_key``s."""
    parts = urlsplit(normalise_address(url))
    segments = [segment for segment in parts.path.split("/") if segment]
    return segments[-1] if segments else (parts.hostname or url.strip())
