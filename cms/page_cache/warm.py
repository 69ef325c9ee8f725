"""A just-published article's own pages, rendered before its publish returns.

Without this, the move of the content version after the publish commits makes the article miss
for every reader at once, and one of them renders it while the others wait. Instead, once the
publish has committed (``cms.page_cache.commit_moves``), the publishing process renders the
article (Chinese, English and the side-by-side view) through the real middleware and view,
while readers are still answered from the copies of the version before (allowed: the publish
has not returned). Then it takes the render locks of the next version, moves the version and
keeps its copies under the new one at once, before it waits out the workers' leases
(``cms.page_cache.local``), so the first reader after the publish gets the new page from the
cache and a reader who sees the new version while the publish waits is not kept waiting.

Each page is rendered once per Wagtail Site, not once per host name readers may use: a public
page's bytes depend on the Site a host picks, never on the host itself (absolute addresses come
from the Site's root URL), so one render is kept under the key of every host of that Site.

The copies are kept only if the move went from the version read before rendering to the next
one: any other move in between (another publish, a snippet saved) may have committed
something the render did not see, and then readers render the page as after any move.
"""

import logging
import time

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port, validate_host
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page, Site

from articles.content.page_cache import advance, content_state, outlast_leases
from cms.page_cache import responses, store
from cms.page_cache.requests import FRESH, page_key
from cms.sites import best_site

logger = logging.getLogger(__name__)

_handler: BaseHandler | None = None


def handler() -> BaseHandler:
    global _handler
    if _handler is None:
        # Not WSGIHandler: its request_finished signal would close the publisher's database
        # connection.
        _handler = BaseHandler()
        _handler.load_middleware()
    return _handler


def hosts(site_host: str) -> list[str]:
    """The Site's own host and every exact name in ALLOWED_HOSTS (``PAGE_CACHE_WARM_HOSTS``
    replaces them): the names readers may ask by, less those Django would refuse."""
    names = getattr(settings, "PAGE_CACHE_WARM_HOSTS", None)
    if names is None:
        names = [site_host, *(n for n in settings.ALLOWED_HOSTS if n[:1] not in ("*", "."))]
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:  # as HttpRequest.get_host allows them
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return [n for n in dict.fromkeys(names) if validate_host(split_domain_port(n)[0], allowed)]


def hosts_by_site(sites: list[Site], site_host: str, secure: bool) -> list[list[str]]:
    """The host names readers may ask by, grouped by the Site each picks (as
    ``cms.sites.match_site`` picks it for the requests ``render`` makes)."""
    port = 443 if secure else 80
    groups: dict[int | None, list[str]] = {}
    for host in hosts(site_host):
        site = best_site(sites, split_domain_port(host)[0], port)
        groups.setdefault(site.pk if site else None, []).append(host)
    return list(groups.values())


def addresses(page: Page) -> list[tuple[list[str], str, bool]]:
    """(host names of one Site, path, secure) of the article's pages in each language and its
    side-by-side view, as readers ask for them."""
    found = []
    sites = list(Site.objects.all())
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            parts = page.get_url_parts()
        if parts is None:
            continue
        _site, root_url, path = parts
        scheme, _, site_host = root_url.partition("://")
        secure = scheme == "https"
        for names in hosts_by_site(sites, site_host, secure):
            for query in ("", "?view=bilingual"):
                found.append((names, path + query, secure))
    return found


def reader_request(host: str, path: str, secure: bool) -> HttpRequest:
    request = RequestFactory().get(path, secure=secure, headers={"host": host})
    request.environ[FRESH] = True
    return request


def render(host: str, path: str, secure: bool) -> HttpResponse | None:
    """The page as an anonymous reader gets it, or None when it is not one to keep."""
    request = reader_request(host, path, secure)
    with translation.override(translation.get_language()):
        response = handler().get_response(request)
    if not responses.is_reader_view(request) or not responses.shareable(request, response):
        return None
    return response


def fresh_copies(pages: list[Page]) -> list[tuple[str, HttpResponse]]:
    """(cache address, response) of each page for every host name: rendered once per Site."""
    rendered = []
    for page in pages:
        for names, path, secure in addresses(page):
            response = render(names[0], path, secure)
            if response is None:
                continue
            for host in names:
                address = page_key(reader_request(host, path, secure))
                if address:
                    rendered.append((address, response))
    return rendered


def move_with_fresh_copies(pages: list[Page]) -> None:
    """Move the content version, with the pages' fresh copies kept under the new one."""
    before = content_state().version
    try:
        rendered = fresh_copies(pages)
    except Exception:
        # The move below is what readers need; the copies only spare them a render.
        logger.exception("rendering published pages %s for the page cache failed", pages)
        rendered = []
    following = before + 1
    held = [address for address, _ in rendered if store.take_render_lock(address, following)]
    try:
        # Everything a copy needs is made before the move, so that the copies are in the
        # cache a single trip after it: a reader who sees the new version meanwhile waits
        # on the render lock, and must not wait out the leases below too.
        changed_at = time.time()
        kept = {}
        for _, response in rendered:
            if id(response) not in kept:  # one response serves every host name of its Site
                responses.mark_public(response, changed_at)
                kept[id(response)] = responses.keep(response)
        state = advance(changed_at)
        try:
            if state.version == following:
                copies = [(address, kept[id(response)]) for address, response in rendered]
                store.keep_many(copies, following)
        finally:
            outlast_leases()
    finally:
        for address in held:
            store.release_render_lock(address, following)
