"""Which requests the page cache may answer, and the key of the copy that answers them.

An anonymous reader is a request without a session cookie and without credentials: nobody
is signed in, no page password was given, and what the site answers is what every other such
reader gets. The key holds everything else a public page's bytes depend on: scheme, host
(which picks the Wagtail Site), language and path, and the query parameters that change what
a page shows (the article's side-by-side view, an article list's page, topic and person).
A request carrying any other parameter is not answered from the cache, because the pages'
language links repeat the whole address they were asked for; one carrying a search (``q``)
is not either: every query is different, so keeping them would fill the cache with pages
nobody asks for twice.
"""

import hashlib
import re
from functools import cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

# Set by cms.page_cache.warm on the requests that render a just-published page: the page
# cache neither answers, marks nor keeps them (a client cannot set a WSGI environ key with dots).
FRESH = "duizhao.page_cache.fresh"
QUERY_PARAMETERS = frozenset({"view", "page", "topic", "person"})
QUERY_VALUE = re.compile(r"[-a-zA-Z0-9_]{0,100}")


@cache
def not_pages() -> tuple[str, ...]:
    """Path prefixes never answered from the cache: the admins, files, the API."""
    return (
        reverse("wagtailadmin_home"),
        "/django-admin/",
        settings.STATIC_URL,
        settings.MEDIA_URL,
        "/documents/",
        "/api/",
        "/i18n/",
    )


def is_anonymous_read(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_key(request: HttpRequest) -> str | None:
    """The address part of the cache key, or None when this request is not answered from the
    cache. Call only for an anonymous read."""
    path = request.path_info
    if path.startswith(not_pages()):
        return None
    params = []
    for name, values in request.GET.lists():
        if name not in QUERY_PARAMETERS or len(values) != 1:
            return None
        if not QUERY_VALUE.fullmatch(values[0]):
            return None
        params.append((name, values[0]))
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the usual handling answers it with a 400
    # As LocaleMiddleware decides with prefix_default_language=False: the /en/ prefix, else
    # the default language, whatever the cookies or Accept-Language say.
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    address = "\n".join((request.scheme, host, language, request.path, urlencode(sorted(params))))
    return hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
