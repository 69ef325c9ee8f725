"""What protects the public error-report endpoint in place of a CSRF token.

The article page is cached whole for anonymous readers, so the form on it cannot carry a
per-visitor CSRF token. The endpoint is exempt from Django's CSRF check and guarded instead
by:

- a same-origin check: the browser's ``Origin`` header (or, when a browser leaves it out,
  ``Referer``) must name this site, so another site cannot make its visitors' browsers post
  reports (which is all CSRF protection buys for a form that needs no account);
- a rate limit per client address and per article, counted in the shared cache: with Redis
  (production) every worker sees the same counts, and ``incr`` is atomic there;
- the honeypot field and the content limits of ``error_report_form``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from cms.login_throttle import client_ip
from cms.site_url import root_url

#: Reports one address may send about one article, and about all articles, per window.
PER_ADDRESS_AND_ARTICLE = 5
PER_ADDRESS = 20
WINDOW_SECONDS = 3600
_KEY = "duizhao:error-reports"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    if not (parts.scheme and parts.netloc):
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(request: HttpRequest) -> bool:
    """Whether the post comes from a page of this site: the site's address (the Wagtail
    Site), the address the request was made to, or a trusted origin behind a proxy."""
    allowed = {
        _origin(root_url(request)),
        _origin(request.build_absolute_uri("/")),
        *(_origin(origin) for origin in settings.CSRF_TRUSTED_ORIGINS),
    }
    allowed.discard("")
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return _origin(origin) in allowed
    referer = request.headers.get("Referer", "")
    return bool(referer) and _origin(referer) in allowed


def _count(key: str) -> int:
    # add() starts the window only when the key is new; incr() is atomic in Redis.
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add() and incr(): a fresh window
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def take_allowance(request: HttpRequest, article_id: int) -> bool:
    """Count one report from this client on this article; False once either limit is
    passed in the current window (the refused attempt counts too, so hammering does not
    reopen it)."""
    address = client_ip(request) or "unknown"
    per_article = _count(f"{_KEY}:{address}:{article_id}")
    per_address = _count(f"{_KEY}:{address}")
    return per_article <= PER_ADDRESS_AND_ARTICLE and per_address <= PER_ADDRESS
