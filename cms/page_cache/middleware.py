"""Answering anonymous readers from the whole-page cache, before sessions, authentication and
the view do any work, and giving public pages their HTTP caching headers and 304s."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from articles.content.page_cache import ContentState, content_state
from cms.page_cache import responses, store
from cms.page_cache.requests import FRESH, is_anonymous_read, page_key


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if FRESH in request.META:
            return self.get_response(request)  # cms.page_cache.warm keeps it itself
        anonymous = is_anonymous_read(request)
        address = page_key(request) if anonymous else None
        caching = address is not None and settings.PAGE_CACHE_ENABLED
        # Read before the view runs: a copy made now is kept under the version it may show,
        # so a publish that moves the version while this request renders leaves it unused.
        state: ContentState | None = None
        locked = False
        if caching:
            state, kept = store.lookup(address)
            if kept is None and request.method == "GET":
                locked = store.take_render_lock(address, state.version)
                if not locked:
                    state, kept = store.wait_for_copy(address, state)
            if kept is not None:
                return responses.answer_kept(request, kept)
        elif address is not None:
            state = content_state()
        try:
            return self.render(request, anonymous, address if caching else None, state)
        finally:
            if locked:
                store.release_render_lock(address, state.version)

    def render(
        self,
        request: HttpRequest,
        anonymous: bool,
        address: str | None,
        state: ContentState | None,
    ) -> HttpResponseBase:
        response = self.get_response(request)
        if not responses.is_reader_view(request):
            return response
        if not anonymous or not responses.shareable(request, response):
            responses.mark_private(response)
            return response
        responses.mark_public(response, (state or content_state()).changed_at)
        if address is not None and request.method == "GET":
            store.keep(address, state, response)
        return responses.answer(request, response)
