"""Each worker's own copies (cms/page_cache/local.py): while its lease on the content version
holds, a reader is answered from the worker's memory without a trip to the shared cache; a
change made elsewhere is seen once the lease runs out, and whatever moves the version waits
the lease out before it returns, so no reader gets the old page after a publish returned."""

import io
import time

from django.core.cache import cache
from django.core.management import call_command

import pytest

from articles.content.page_cache import VERSION_KEY, move_now
from articles.models import ArticlePage
from tests.page_cache_site import PATH, html, published_article

pytestmark = pytest.mark.django_db

LEASE = 0.5


@pytest.fixture
def article(home_page, django_user_model, settings) -> ArticlePage:
    page = published_article(django_user_model)
    # Only now: with the lease on, each change that built the article would wait it out.
    settings.PAGE_CACHE_LOCAL_SECONDS = LEASE
    return page


def renewed(client, url: str = PATH) -> str:
    """A hit just before a check that needs the lease: however long the renders before it
    took, this worker asks the shared cache again only if its lease ran out meanwhile, and
    then holds a fresh one for the check right after."""
    return html(client, url)


class CountedCache:
    """How many trips readers make to the shared cache."""

    def __init__(self, monkeypatch):
        self.trips = 0
        get_many = cache.get_many

        def counted(*args, **kwargs):
            self.trips += 1
            return get_many(*args, **kwargs)

        monkeypatch.setattr(cache, "get_many", counted)


def test_a_reader_within_the_lease_is_answered_without_a_trip_to_the_shared_cache(
    client, article, monkeypatch, django_assert_num_queries
):
    html(client, PATH)
    first = renewed(client)
    counted = CountedCache(monkeypatch)
    with django_assert_num_queries(0):
        assert html(client, PATH) == first
    assert counted.trips == 0


def test_once_the_lease_has_run_out_the_worker_sees_a_change_made_elsewhere(
    client, article, monkeypatch, django_assert_max_num_queries
):
    html(client, PATH)
    renewed(client)
    # Another worker moves the version without this process's move_now (so without waiting):
    # this worker's copy is still trusted for the rest of its lease, never longer.
    cache.incr(VERSION_KEY)
    counted = CountedCache(monkeypatch)
    with django_assert_max_num_queries(0):
        assert "灯与海" in html(client, PATH)
    assert counted.trips == 0
    time.sleep(LEASE)
    with django_assert_max_num_queries(100) as rendered:
        assert "灯与海" in html(client, PATH)
    assert counted.trips > 0 and len(rendered.captured_queries) > 0


def test_a_change_waits_out_the_lease_before_it_returns(article, settings):
    started = time.monotonic()
    move_now()
    assert time.monotonic() - started >= LEASE
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    started = time.monotonic()
    move_now()
    assert time.monotonic() - started < LEASE


def test_the_first_reader_after_a_change_returned_gets_the_new_page(client, article):
    """A snippet saved a moment after this worker renewed its lease: the save returns only
    once that lease has run out, so the next reader already gets the new name."""
    assert "守灯人" in html(client, PATH)
    assert "守灯人" in html(client, PATH)  # answered from this worker's memory
    person = article.original_author
    person.name_zh_hans = "看灯的人"
    person.save()
    assert "看灯的人" in html(client, PATH)


def test_a_direct_fix_reaches_readers_once_expire_cached_pages_returned(client, article):
    html(client, PATH)
    ArticlePage.objects.filter(pk=article.pk).update(headline_zh_hans="灯与远海")
    call_command("expire_cached_pages", stdout=io.StringIO())
    assert "灯与远海" in html(client, PATH)


def test_each_worker_keeps_only_so_many_pages(client, article, settings, monkeypatch):
    settings.PAGE_CACHE_LOCAL_ENTRIES = 2
    pages = [PATH, "/articles/", "/"]
    for url in pages:
        html(client, url)
    renewed(client, "/")
    counted = CountedCache(monkeypatch)
    html(client, "/articles/")
    html(client, "/")
    assert counted.trips == 0
    html(client, PATH)  # the oldest, let go for the newer two
    assert counted.trips == 1
