"""A just-published article's own pages, rendered before its publish returns.

Without this, the move of the content version after the publish commits makes the article miss
for every reader at once, and one of them renders it while the others wait. Instead, once the
publish has committed (``cms.page_cache.commit_moves``), the publishing process renders the
article (Chinese, English and the side-by-side view) through the real middleware and view,
while readers are still answered from the copies of the version before (allowed: the publish
has not returned). Then it takes the render locks of the next version, moves the version and
keeps its copies under the new one, so the first reader after the publish gets the new page
from the cache.

The copies are kept only if the move went from the version read before rendering to the next
one: any other move in between (another publish, a snippet saved) may have committed
something the render did not see, and then readers render the page as after any move.
"""

import logging

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page

from articles.content.page_cache import content_state, move_now
from cms.page_cache import responses, store
from cms.page_cache.requests import FRESH, page_key

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
    """The Site's own host and every exact name in ALLOWED_HOSTS: the names readers may ask
    by (``PAGE_CACHE_WARM_HOSTS`` replaces them)."""
    names = getattr(settings, "PAGE_CACHE_WARM_HOSTS", None)
    if names is None:
        names = [site_host, *(n for n in settings.ALLOWED_HOSTS if n[:1] not in ("*", "."))]
    return list(dict.fromkeys(names))


def addresses(page: Page) -> list[tuple[str, str, bool]]:
    """(host, path, secure) of the article's pages in each language and its side-by-side
    view, as readers ask for them."""
    found = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            parts = page.get_url_parts()
        if parts is None:
            continue
        _site, root_url, path = parts
        scheme, _, site_host = root_url.partition("://")
        for host in hosts(site_host):
            for query in ("", "?view=bilingual"):
                found.append((host, path + query, scheme == "https"))
    return found


def render(host: str, path: str, secure: bool) -> tuple[HttpRequest, HttpResponse] | None:
    request = RequestFactory().get(path, secure=secure, headers={"host": host})
    request.environ[FRESH] = True
    with translation.override(translation.get_language()):
        response = handler().get_response(request)
    if not responses.is_reader_view(request) or not responses.shareable(request, response):
        return None
    return request, response


def fresh_copies(pages: list[Page]) -> list[tuple[str, HttpResponse]]:
    rendered = []
    for page in pages:
        for host, path, secure in addresses(page):
            made = render(host, path, secure)
            address = made and page_key(made[0])
            if address:
                rendered.append((address, made[1]))
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
        state = move_now()
        if state.version != following:
            return
        for address, response in rendered:
            responses.mark_public(response, state.changed_at)
            store.keep(address, state, response)
    finally:
        for address in held:
            store.release_render_lock(address, following)
