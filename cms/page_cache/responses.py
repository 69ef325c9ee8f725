"""Which responses every anonymous reader may share, their HTTP caching headers, and the form
a response is kept in.

A public page's ``ETag`` is a digest of its bytes and its ``Last-Modified`` the time the
content version last moved (``articles.content.page_cache``), never earlier than the last
change to anything it shows. ``Cache-Control`` lets browsers keep it briefly
(``PAGE_HTTP_MAX_AGE``) and a shared cache in front longer (``PAGE_HTTP_SHARED_MAX_AGE``),
since publishing purges that one (``articles.content.frontend_purge``). Responses to a
signed-in reader say ``private, no-cache``.
"""

import hashlib
from typing import TypeAlias

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag

# The public reader views (URL names); search results are not among them (see requests).
READER_VIEWS = frozenset(
    {
        "wagtail_serve",
        "people:person_list",
        "people:person",
        "people:quote_list",
        "people:quote",
        "feed_articles",
        "feed_topic",
        "feed_person",
        "sitemap",
    }
)
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
# What a 304 carries over from the full response (Django's ``_not_modified``), and the request
# headers that can make one.
NOT_MODIFIED_HEADERS = frozenset(
    {"cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary"}
)
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)

Kept: TypeAlias = tuple[bytes, list[tuple[str, str]]]


def is_reader_view(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in READER_VIEWS


def shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether ``response`` is the same for every anonymous reader: a complete page that
    sets no cookie, says nothing private and holds no CSRF token."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in PRIVATE_DIRECTIVES):
        return False
    return b"csrfmiddlewaretoken" not in response.content


def mark_public(response: HttpResponse, changed_at: float) -> None:
    response["ETag"] = quote_etag(hashlib.blake2b(response.content, digest_size=16).hexdigest())
    # A view's own Last-Modified (feeds give their newest entry's) is kept when later.
    own = parse_http_date_safe(response.get("Last-Modified", "")) or 0
    response["Last-Modified"] = http_date(max(own, int(changed_at)))
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_HTTP_MAX_AGE,
        s_maxage=settings.PAGE_HTTP_SHARED_MAX_AGE,
    )


def mark_private(response: HttpResponseBase) -> None:
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)


def answer(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """``response``, or a 304 when the reader's copy (If-None-Match, If-Modified-Since) is
    still this one."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def answer_kept(request: HttpRequest, kept: Kept) -> HttpResponseBase:
    """``answer`` for a kept copy. A conditional request is judged on the copy's validators
    alone, so that a 304, the cheapest answer there is, does not build the whole page first;
    the commonest (a browser or CDN sending back the ETag it was given, and nothing else that
    could refuse it) is answered without Django's general evaluation."""
    meta = request.META
    if not any(header in meta for header in CONDITIONAL_HEADERS):
        return restore(kept)
    validators = {name: value for name, value in kept[1] if name.lower() in NOT_MODIFIED_HEADERS}
    etag = next((value for name, value in validators.items() if name.lower() == "etag"), None)
    if (
        request.method in ("GET", "HEAD")
        and etag is not None
        and meta.get("HTTP_IF_NONE_MATCH") == etag
        and "HTTP_IF_MATCH" not in meta
        and "HTTP_IF_UNMODIFIED_SINCE" not in meta
    ):
        return HttpResponseNotModified(headers=validators)
    judged = HttpResponse(headers=validators)
    answered = answer(request, judged)
    return restore(kept) if answered is judged else answered


def keep(response: HttpResponse) -> Kept:
    return response.content, list(response.items())


def restore(kept: Kept) -> HttpResponse:
    content, headers = kept
    return HttpResponse(content, headers=dict(headers))
