"""Asking a shared cache in front of the site (a CDN, Varnish) to forget what a page change
made stale, through Wagtail's frontend cache backends (``WAGTAILFRONTENDCACHE``; see
docs/caching.md).

Wagtail's own ``wagtail.contrib.frontend_cache`` app is not installed: its receivers purge a
page's address in the editor's language only, and before the publishing transaction
commits, so a CDN refetching at once could store the old page again. Here every address
that shows the page is purged in both languages (Chinese at the root, English under
``/en/``): the page and its side-by-side view, the pages above it (article list, home), the
feeds and people's pages that list it, and the sitemap, once the change is committed.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from cms.site_url import absolute

# Query strings under which a page has its own cached copy (the article's side-by-side view).
PAGE_VARIANTS = ("", "?view=bilingual")


def purge_page(page: Page) -> None:
    """After the commit, purge every address that shows ``page`` (nothing without a
    configured frontend cache)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = sorted(set(addresses_showing(page)))
    if urls:
        transaction.on_commit(lambda: PurgeBatch(urls).purge(), robust=True)


def addresses_showing(page: Page) -> Iterator[str]:
    specific = page.specific_deferred
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            yield from _page_addresses(specific)
            for ancestor in specific.get_ancestors().filter(depth__gt=1):
                yield from _page_addresses(ancestor)
            yield from _reversed("feed_articles")
            for topic in _related(specific, "topics"):
                yield from _reversed("feed_topic", topic.slug)
            for person in _people(specific):
                yield from _reversed("feed_person", person.slug)
                yield from _reversed("people:person", person.slug)
    yield absolute(reverse("sitemap"))


def _page_addresses(page: Page) -> Iterator[str]:
    url = page.get_full_url()
    if url:
        yield from (url + variant for variant in PAGE_VARIANTS)


def _reversed(name: str, *args: str) -> Iterator[str]:
    try:
        yield absolute(reverse(name, args=args))
    except NoReverseMatch:  # a slug the address cannot hold lists nothing
        return


def _related(page: Page, name: str) -> list:
    manager = getattr(page, name, None)
    return list(manager.all()) if manager is not None else []


def _people(page: Page) -> list:
    people = _related(page, "people_mentioned")
    author = getattr(page, "original_author", None)
    return [*people, author] if author is not None else people
