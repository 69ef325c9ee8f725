"""A reader reaches exactly the pages Wagtail's routing would give, though an article is
found in one query and the Site and view restrictions come from the cache: drafts,
unpublished articles and wrong addresses are 404s, other Sites and private sections are
honoured, and a change to a Site or a restriction counts from the next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from tests.factories import ArticleIndexPageFactory, ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # The whole-page cache would answer repeat requests before routing runs.
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def index(home_page):
    return ArticleIndexPageFactory(slug="articles")


def published(index, **fields):
    page = ArticlePageFactory(parent=index, **fields)
    page.save_revision().publish()
    return page


def test_a_published_article_is_served_in_both_languages(client, index):
    published(index, slug="deep", headline_zh_hans="深度网络", headline_en="Deep nets")
    assert "深度网络" in client.get("/articles/deep/").content.decode()
    assert "Deep nets" in client.get("/en/articles/deep/").content.decode()


def test_drafts_unpublished_articles_and_wrong_addresses_are_not_found(client, index):
    ArticlePageFactory(parent=index, slug="draft", live=False)
    gone = published(index, slug="gone")
    gone.unpublish()
    published(index, slug="here")
    for path in (
        "/articles/draft/",
        "/articles/gone/",
        "/articles/here/extra/",
        "/here/",
        "/other/here/",
        "/articles/nowhere/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.get("/articles/here/").status_code == 200


def test_articles_on_every_desk_and_the_pages_above_them_are_served(client, index):
    other_desk = ArticleIndexPageFactory(slug="desk-two", title="另一个栏目")
    published(other_desk, slug="elsewhere", headline_zh_hans="另一篇")
    assert "另一篇" in client.get("/desk-two/elsewhere/").content.decode()
    assert client.get("/articles/elsewhere/").status_code == 404
    assert client.get("/desk-two/").status_code == 200
    assert client.get("/").status_code == 200


def test_a_second_site_serves_its_own_section_and_stops_when_removed(client, index):
    published(index, slug="deep", headline_zh_hans="深度网络")
    site = Site.objects.create(hostname="127.0.0.1", port=80, root_page=index)
    # On the second Site's host the index is the home page.
    assert "深度网络" in client.get("/deep/", HTTP_HOST="127.0.0.1").content.decode()
    assert client.get("/deep/").status_code == 404  # the default Site has no such page
    site.delete()
    assert client.get("/deep/", HTTP_HOST="127.0.0.1").status_code == 404
    assert client.get("/articles/deep/", HTTP_HOST="127.0.0.1").status_code == 200


def test_moving_the_default_site_to_another_home_counts_at_once(client, index, home_page):
    published(index, slug="deep")
    assert client.get("/articles/deep/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.root_page = index
    site.save()
    assert client.get("/articles/deep/").status_code == 404
    assert client.get("/deep/").status_code == 200


def test_a_private_section_is_private_from_the_next_request(client, index, editor_user):
    page = published(index, slug="deep", headline_zh_hans="深度网络")
    assert client.get("/articles/deep/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/articles/deep/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    client.force_login(editor_user)
    assert "深度网络" in client.get(page.url).content.decode()
    client.logout()
    restriction.delete()
    assert client.get("/articles/deep/").status_code == 200


def test_a_password_on_the_article_itself_asks_for_it(client, index):
    page = published(index, slug="deep", headline_zh_hans="深度网络")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get("/articles/deep/")
    assert response.status_code == 200
    assert "深度网络" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_warm_article_costs_no_site_tree_walk_or_restriction_query(client, index):
    published(index, slug="deep")
    client.get("/articles/deep/")
    with CaptureQueriesContext(connection) as context:
        assert client.get("/articles/deep/").status_code == 200
    sql = [query["sql"] for query in context.captured_queries]
    assert not [query for query in sql if 'FROM "wagtailcore_site"' in query]
    # Wagtail's check of the restrictions on the article and its ancestors is not made.
    assert not [query for query in sql if '"wagtailcore_pageviewrestriction"."page_id" IN' in query]
    # One query finds the article; Wagtail would walk home, index and article pages.
    assert len([query for query in sql if 'FROM "wagtailcore_page"' in query]) <= 1
