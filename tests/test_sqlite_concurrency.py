"""Ten writers at once, through the real views: no "database is locked" server errors.

SECURITY-TESTS G5. On SQLite writers queue for one lock: the settings make each write
transaction take it at its start (``transaction_mode: IMMEDIATE``) and wait for it
(``timeout``), so concurrent requests are served one after another instead of failing; at
worst a request is answered 503 with ``Retry-After``, never 500.

Django's SQLite test database lives in shared-cache memory, where threads fail at once
with "table is locked" instead of waiting, which is not how a site runs. These tests copy
it into a file for their duration (``file_database``), so they run in ``make test`` on
SQLite exactly as on PostgreSQL, where they use the test database as it is.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client, override_settings
from django.urls import reverse

import pytest

from articles import drafting
from articles.models import ArticlePage, ArticleSection
from tests.articles.workflow_helpers import article_data, existing_sections, loaded_from
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory
from tests.fake_ai_servers import FAKE_AI_KEY, FakeOpenAIServer
from tests.site_data import ensure_site_data

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 10
BODIES = [f"<p>In {2010 + n} Geoffrey Hinton trained deeper networks.</p>" for n in range(3)]


@pytest.fixture
def file_database(tmp_path: Path) -> Iterator[None]:
    """On in-memory SQLite, every connection of every thread uses a file copy of the test
    database until the test ends; elsewhere nothing changes."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        ensure_site_data()
        yield
        return
    path = tmp_path / "concurrency.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    target.close()
    memory_settings = connections.settings["default"]
    memory_connection = connections["default"]
    # New connections (one per thread) read these settings; the in-memory connection keeps
    # its own and stays open, so the test database is intact when the test ends.
    connections.settings["default"] = {**memory_settings, "NAME": str(path)}
    connections["default"] = connections.create_connection("default")
    try:
        ensure_site_data()
        yield
    finally:
        connections["default"].close()
        connections["default"] = memory_connection
        connections.settings["default"] = memory_settings


def in_threads(count: int, work) -> tuple[list, list[BaseException]]:
    """Run ``work(n)`` in ``count`` threads released together; their results and errors."""
    barrier = threading.Barrier(count)
    results: list = []
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            barrier.wait()
            results.append(work(n))
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer never finished"
    return results, errors


def user(username: str, group: str):
    person = get_user_model().objects.create_user(username=username, password="pw")
    person.groups.add(Group.objects.get(name=group))
    return person


def logged_in(person) -> Client:
    # Server errors come back as responses, as a browser would get them.
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return client


def assert_served(responses) -> None:
    """Every answer is the page's own, or a 503 that says when to retry; never a 500."""
    for response in responses:
        assert response.status_code != 500, response.content[:500]
        if response.status_code == 503:
            assert response.has_header("Retry-After")
        else:
            assert response.status_code == 302, response.status_code


def test_ten_translators_start_drafting_one_article_at_once(file_database):
    """Each section is claimed and drafted exactly once, whoever asked first."""
    translators = [user(f"translator{n}", "Translators") for n in range(WRITERS)]
    page = ArticlePageFactory()
    for index, body in enumerate(BODIES):
        ArticleSectionFactory(page=page, sort_order=index, body_en=body, body_zh_hans="")
    clients = [logged_in(person) for person in translators]
    start = reverse("articles_drafts_start", args=[page.pk])

    with (
        FakeOpenAIServer(api_key=FAKE_AI_KEY) as server,
        override_settings(**server.settings_values(), TRANSLATION_RETRY_DELAY=0.001),
    ):
        server.delay = 0.02
        responses, errors = in_threads(WRITERS, lambda n: clients[n].post(start))

    assert not errors
    assert len(responses) == WRITERS
    assert_served(responses)
    assert len(server.requests) == len(BODIES)
    assert drafting.drafting_progress(page)[:3] == (len(BODIES), len(BODIES), [])
    assert all(s.ai_draft.startswith("【译】") for s in ArticleSection.objects.filter(page=page))


def test_ten_translators_save_ten_articles_at_once(file_database):
    """Ten page-editor saves at the same moment, each of its own article: all kept."""
    index = ArticleIndexPageFactory()
    translators = [user(f"translator{n}", "Translators") for n in range(WRITERS)]
    pages = []
    for n in range(WRITERS):
        page = ArticlePageFactory(parent=index, slug=f"concurrent-{n}")
        ArticleSectionFactory(page=page, sort_order=0, status="full")
        page.save_revision()
        pages.append(page)
    posts = []
    for n, page in enumerate(pages):
        sections = existing_sections(page)
        sections[0]["body_zh_hans"] = f"第 {n} 位译者改好的译文。"
        data = {
            **article_data(
                sections, slug=page.slug, title=page.title, original_url=page.original_url
            ),
            **loaded_from(page),
        }
        posts.append((reverse("wagtailadmin_pages:edit", args=[page.pk]), data))
    clients = [logged_in(person) for person in translators]

    responses, errors = in_threads(WRITERS, lambda n: clients[n].post(*posts[n]))

    assert not errors
    assert_served(responses)
    for n, page in enumerate(pages):
        page = ArticlePage.objects.get(pk=page.pk)
        saved = page.get_latest_revision_as_object().sections.get_object_list()[0]
        assert f"第 {n} 位译者改好的译文。" in saved.body_zh_hans
        assert page.latest_revision.user == translators[n]
