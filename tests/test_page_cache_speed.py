"""What keeps cached pages fast: a hit is one cache round trip (on the locmem cache and on a
real Redis), and when a page misses, concurrent readers wait for one render of it instead of
each rendering it, without ever being given an outdated copy."""

import threading
import time
import uuid

from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory, override_settings

import pytest
import redis

from articles.models import ArticlePage
from cms.page_cache import store
from cms.page_cache.requests import page_key
from tests.page_cache_site import PATH, html, published_article

pytestmark = pytest.mark.django_db

CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "delete", "incr", "has_key")


@pytest.fixture
def article(home_page, django_user_model) -> ArticlePage:
    return published_article(django_user_model)


@pytest.fixture
def cache_calls(monkeypatch) -> list[str]:
    """The names of the calls made to the default cache backend from now on."""
    calls: list[str] = []
    depth = [0]  # locmem's get_many calls its own get: count only the outermost call
    backend = caches["default"]
    for name in CACHE_METHODS:
        method = getattr(backend, name)

        def counted(*args, _name=name, _method=method, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _method(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counted)
    return calls


@pytest.mark.parametrize("url", [PATH, PATH + "?view=bilingual", "/en" + PATH, "/articles/"])
def test_a_cached_page_is_found_in_one_cache_call(client, article, url, cache_calls):
    first = html(client, url)
    cache_calls.clear()
    assert html(client, url) == first
    assert cache_calls == ["get_many"]


def test_a_conditional_get_is_answered_in_one_cache_call(client, article, cache_calls):
    etag = client.get(PATH)["ETag"]
    cache_calls.clear()
    assert client.get(PATH, headers={"If-None-Match": etag}).status_code == 304
    assert cache_calls == ["get_many"]


def redis_is_up() -> bool:
    try:
        return redis.Redis(host="127.0.0.1", port=6379, db=9, socket_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_is_up(), reason="no Redis at 127.0.0.1:6379")
def test_on_redis_a_cached_page_is_one_command(client, article, monkeypatch):
    prefix = f"duizhao-test-{uuid.uuid4().hex}"
    redis_cache = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "KEY_PREFIX": prefix,
        }
    }
    commands: list[str] = []
    execute = redis.Redis.execute_command

    def counted(self, *args, **options):
        commands.append(str(args[0]).upper())
        return execute(self, *args, **options)

    try:
        with override_settings(CACHES=redis_cache):
            first = html(client, PATH)
            monkeypatch.setattr(redis.Redis, "execute_command", counted)
            assert html(client, PATH) == first
            monkeypatch.undo()
            assert commands == ["MGET"]
    finally:
        server = redis.Redis(host="127.0.0.1", port=6379, db=9)
        for key in server.scan_iter(match=f"{prefix}:*"):
            server.delete(key)


def test_a_page_published_after_a_copy_was_kept_is_never_answered_from_it(
    client, article, cache_calls
):
    html(client, PATH)
    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    page.headline_zh_hans = "灯与远海"
    page.save_revision().publish()
    assert "灯与远海" in html(client, PATH)


# One render per miss.


def test_readers_missing_the_same_page_at_once_wait_for_one_render(client, article, monkeypatch):
    """The first reader renders; a second one arriving meanwhile waits and gets its copy."""
    html(client, "/")  # the site and the version in place; the article itself is not cached
    renders: list[int] = []
    waiting = threading.Event()
    serve = ArticlePage.serve
    wait_for_copy = store.wait_for_copy
    second: dict = {}

    def second_reader() -> None:
        # Through the real WSGI handler, as gunicorn calls it; it needs no database if it
        # is answered from the first reader's copy.
        environ = RequestFactory().get(PATH).environ

        def start_response(status, headers):
            second["status"] = status

        chunks = WSGIHandler()(environ, start_response)
        second["body"] = b"".join(chunks)
        chunks.close()

    def watched_wait(*args, **kwargs):
        waiting.set()
        return wait_for_copy(*args, **kwargs)

    def slow_serve(self, request, *args, **kwargs):
        renders.append(self.pk)
        if len(renders) == 1:
            reader.start()
            assert waiting.wait(5), "the second reader did not wait for this render"
        return serve(self, request, *args, **kwargs)

    reader = threading.Thread(target=second_reader)
    monkeypatch.setattr(store, "wait_for_copy", watched_wait)
    monkeypatch.setattr(ArticlePage, "serve", slow_serve)
    first = client.get(PATH)
    reader.join(10)
    assert first.status_code == 200
    assert second["status"].startswith("200")
    assert second["body"] == first.content
    assert renders == [article.pk]


@override_settings(PAGE_CACHE_WAIT_SECONDS=0.3)
def test_a_reader_waits_only_a_moment_for_someone_elses_render(client, article):
    """A render lock left by a request that never finished holds other readers back only for
    PAGE_CACHE_WAIT_SECONDS; then they render the page themselves."""
    html(client, "/")
    state, _ = store.lookup("unused")
    address = page_key(RequestFactory().get(PATH))
    assert store.take_render_lock(address, state.version)
    started = time.monotonic()
    assert "灯与海" in html(client, PATH)
    assert 0.3 <= time.monotonic() - started < 5


# Fresh copies on publish.


@override_settings(PAGE_CACHE_WARM_ON_PUBLISH=True)
def test_a_published_article_is_in_the_cache_when_the_publish_returns(
    client, article, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Its pages in both languages and side by side are rendered before the publish returns,
    with the new text, so the first reader after it costs no query."""
    for url in (PATH, "/en" + PATH, PATH + "?view=bilingual"):
        html(client, url)
    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    page.headline_zh_hans = "灯与远海"
    page.headline_en = "Lamps and the far sea"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    with django_assert_num_queries(0):
        chinese = html(client, PATH)
        side_by_side = html(client, PATH + "?view=bilingual")
        english = html(client, "/en" + PATH)
    assert "灯与远海" in chinese and "灯与远海" in side_by_side
    assert "Lamps and the far sea" in english
    assert 'class="article bilingual"' in side_by_side
    assert 'class="article bilingual"' not in chinese


@override_settings(PAGE_CACHE_WARM_ON_PUBLISH=True)
def test_fresh_copies_are_not_kept_when_something_else_changed_meanwhile(
    client, article, django_capture_on_commit_callbacks, monkeypatch
):
    """Another change moving the version while the article renders may not be in the
    render: then the copies are dropped and readers render the page."""
    from articles.content.page_cache import move_now
    from cms.page_cache import warm

    fresh_copies = warm.fresh_copies

    def meanwhile(pages):
        made = fresh_copies(pages)
        move_now()  # e.g. a person saved by someone else while this rendered
        return made

    monkeypatch.setattr(warm, "fresh_copies", meanwhile)
    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    page.headline_zh_hans = "灯与远海"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    state, kept = store.lookup(page_key(RequestFactory().get(PATH)))
    assert kept is None
    assert "灯与远海" in html(client, PATH)
