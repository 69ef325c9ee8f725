"""Wagtail's reference and search indexes in the tests are updated once per test (and the
search index before each search), not once per save (tests/index_updates.py): the indexes
they end with are the ones the saves would have built, so an admin's "usage" screen names every
article that refers to a person or a quote, and a reader's search finds what was just
published, under its latest words only."""

import re

from django.urls import reverse

import pytest

from articles.models import ArticleIndexPage
from tests import index_updates
from tests.admin_users import in_english, logged_in
from tests.factories import ArticlePageFactory, ArticleSectionFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss")
    in_english(user)
    return logged_in(user)


def usage(admin, obj, viewset: str) -> str:
    response = admin.get(reverse(f"wagtailsnippets_people_{viewset}:usage", args=[obj.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_usage_screens_name_the_articles_that_refer_to_a_person_and_their_quotes(admin, home_page):
    person = PersonFactory(slug="hinton")
    quotes = [QuoteFactory(speaker=person) for _ in range(3)]
    page = ArticlePageFactory(title="Winter of networks", original_author=person)
    for number, quote in enumerate(quotes):
        ArticleSectionFactory(page=page, sort_order=number, quote=quote)
    page.save_revision().publish()
    unrelated = PersonFactory(slug="nobody")

    index_updates.run_pending()

    assert "Winter of networks" in usage(admin, person, "person")
    for quote in quotes:  # each section's quote, though the sections were saved one by one
        assert "Winter of networks" in usage(admin, quote, "quote")
    assert "Winter of networks" not in usage(admin, unrelated, "person")


def test_a_deleted_article_leaves_no_usage_behind(admin, home_page):
    person = PersonFactory(slug="hinton")
    page = ArticlePageFactory(title="Winter of networks", original_author=person)
    ArticleSectionFactory(page=page, quote=QuoteFactory(speaker=person))
    page.delete()  # before its held-back updates run: they must not bring it back

    index_updates.run_pending()

    assert "Winter of networks" not in usage(admin, person, "person")


def found(client, word: str) -> list[str]:
    """The addresses a reader's search for ``word`` lists."""
    response = client.get("/search/", {"q": word})
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<li class="search-result">\s*<h2><a href="([^"]+)"', html)


def test_a_search_finds_what_the_test_just_published_under_its_latest_words(client, demo):
    page = ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(slug="articles"),
        slug="mainframes",
        headline_zh_hans="大型机的黄昏",
        headline_en="Dusk of the mainframe",
    )
    ArticleSectionFactory(page=page, body_zh_hans="<p>穿孔卡片堆满了机房。</p>")
    page.save_revision().publish()
    url = page.url

    assert url in found(client, "穿孔卡片")  # before the test ends: searching ran the updates

    page.refresh_from_db()
    page.headline_zh_hans = "小型机的黎明"
    page.save_revision().publish()

    assert url in found(client, "小型机")
    assert url not in found(client, "大型机")  # indexed again, not only added to


def test_an_article_deleted_before_its_index_update_ran_is_not_found(client, demo):
    page = ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(slug="articles"),
        slug="short-lived",
        headline_zh_hans="转瞬即逝的计算尺",
    )
    page.save_revision().publish()
    page.delete()  # before its held-back update runs: it must not bring the article back

    assert found(client, "计算尺") == []
