"""A shared cache in front (Varnish, nginx, a CDN) is asked to forget every address that shows
an article, in both languages, once a publish, unpublish, move or delete is committed: the
purge requests reach a local PURGE endpoint configured as Wagtail's HTTP frontend cache."""

from django.db import transaction
from django.urls import reverse

import pytest

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory
from tests.fake_purge_server import FakePurgeServer
from tests.page_cache_site import (
    PATH,
    editor_client,
    publish_headline_from_the_admin,
    published_article,
)

pytestmark = pytest.mark.django_db

EVERY_ADDRESS_SHOWING_IT = {
    PATH,
    PATH + "?view=bilingual",
    "/en" + PATH,
    "/en" + PATH + "?view=bilingual",
    "/articles/",
    "/en/articles/",
    "/",
    "/en/",
    "/feeds/articles/",
    "/en/feeds/articles/",
    "/feeds/topics/light/",
    "/en/feeds/topics/light/",
    "/feeds/people/keeper/",
    "/people/keeper/",
    "/en/people/keeper/",
    "/sitemap.xml",
}


@pytest.fixture
def article(home_page, django_user_model) -> ArticlePage:
    return published_article(django_user_model)


@pytest.fixture
def purges(settings):
    with FakePurgeServer() as server:
        backend = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": server.url,
        }
        settings.WAGTAILFRONTENDCACHE = {"http": backend}
        yield server


def test_publishing_purges_every_address_that_shows_the_article_after_the_commit(
    article, editor_user, purges, django_capture_on_commit_callbacks
):
    editor = editor_client(editor_user)
    with django_capture_on_commit_callbacks(execute=True):
        publish_headline_from_the_admin(editor, article, "灯与远海")
        # Nothing is purged before the change is committed: a shared cache refetching at
        # once would otherwise keep the old page.
        assert purges.purged == []
    assert purges.paths() >= EVERY_ADDRESS_SHOWING_IT
    hosts = {host for host, _path in purges.purged}
    assert hosts == {article.get_site().hostname + _port(article)}


def _port(page: ArticlePage) -> str:
    site = page.get_site()
    return "" if site.port in (80, 443) else f":{site.port}"


def test_unpublishing_purges_the_article(
    article, editor_user, purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client(editor_user).post(
            reverse("wagtailadmin_pages:unpublish", args=(article.pk,))
        )
    assert response.status_code == 302
    assert {PATH, "/en" + PATH, "/articles/", "/feeds/articles/"} <= purges.paths()


def test_moving_purges_the_old_and_the_new_addresses(
    article, editor_user, purges, django_capture_on_commit_callbacks
):
    other = ArticleIndexPageFactory(slug="essays", title="随笔")
    other.save_revision().publish()
    purges.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client(editor_user).post(
            reverse("wagtailadmin_pages:move_confirm", args=(article.pk, other.pk))
        )
    assert response.status_code == 302
    assert {PATH, "/essays/lamps/", "/en/essays/lamps/", "/articles/", "/essays/"} <= (
        purges.paths()
    )


def test_deleting_purges_the_article(
    article, editor_user, purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client(editor_user).post(
            reverse("wagtailadmin_pages:delete", args=(article.pk,))
        )
    assert response.status_code == 302
    assert {PATH, "/en" + PATH, "/articles/", "/"} <= purges.paths()


def test_a_rolled_back_publish_purges_nothing(article, purges, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                article.save_revision().publish()
                raise RuntimeError("the publish fails after the signal")
        except RuntimeError:
            pass
    assert purges.purged == []
