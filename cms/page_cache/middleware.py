"""Answering anonymous readers from the whole-page cache, before sessions, authentication and
the view do any work, and giving public pages their HTTP caching headers and 304s."""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponseBase

from articles.content.page_cache import ContentState, content_state
from cms.page_cache import responses
from cms.page_cache.requests import entry_key, is_anonymous_read, page_key


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        anonymous = is_anonymous_read(request)
        address = page_key(request) if anonymous else None
        # Read before the view runs: a copy made now is kept under the version it may show,
        # so a publish that moves the version while this request renders leaves it unused.
        state: ContentState | None = content_state() if address is not None else None
        if state is not None and settings.PAGE_CACHE_ENABLED:
            kept = cache.get(entry_key(state.version, address))
            if kept is not None:
                return responses.answer(request, responses.restore(kept))

        response = self.get_response(request)
        if not responses.is_reader_view(request):
            return response
        if not anonymous or not responses.shareable(request, response):
            responses.mark_private(response)
            return response
        responses.mark_public(response, (state or content_state()).changed_at)
        if address is not None and settings.PAGE_CACHE_ENABLED and request.method == "GET":
            cache.set(
                entry_key(state.version, address),
                responses.keep(response),
                settings.PAGE_CACHE_SECONDS,
            )
        return responses.answer(request, response)
