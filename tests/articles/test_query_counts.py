"""The article page costs the same number of queries however many sections it has."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleSectionFactory,
    PersonFactory,
    QuoteFactory,
    TopicFactory,
)
from tests.seeded_db import seeded

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15  # cold
# Warm, with the whole-page cache off: the article, found in one query (no Site, page-tree or
# view-restriction queries: cms.serving), and whatever the page's own context still asks.
WARM_MAX_QUERIES = 2


def article_with(index, sections: int):
    page = ArticlePageFactory(parent=index, slug=f"article-{sections}")
    for position in range(sections):
        quote = QuoteFactory() if position % 5 == 0 else None
        status = ["full", "abridged", "omitted", "added"][position % 4]
        ArticleSectionFactory(
            page=page,
            sort_order=position,
            status=status,
            note="删去了一段。" if status in {"abridged", "omitted"} else "",
            body_en="" if status == "added" else f"<p>English {position}.</p>",
            quote=quote,
        )
    page.topics.add(TopicFactory(), TopicFactory())
    page.people_mentioned.add(PersonFactory(), PersonFactory(), PersonFactory())
    page.save_revision().publish()
    return page


def short_and_long_articles() -> list:
    """Articles of 5 and 50 sections, built once per worker (tests/seeded_db.py)."""

    def build() -> list:
        index = ArticleIndexPageFactory(slug="articles")
        return [article_with(index, 5), article_with(index, 50)]

    return seeded("query-count-articles", build)


def queries_for(client, url: str, *, cold: bool = True) -> int:
    """Queries for one request; ``cold`` empties the cache first (no cached fragment)."""
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("view", ["", "?view=bilingual"])
def test_article_page_queries_do_not_grow_with_sections(client, home_page, view):
    small, large = short_and_long_articles()
    small_count = queries_for(client, small.url + view)
    large_count = queries_for(client, large.url + view)
    assert small_count == large_count
    assert large_count <= MAX_QUERIES
    # A repeat visit is served from the cached fragment, with fewer queries still.
    assert queries_for(client, large.url + view, cold=False) < large_count


@pytest.mark.parametrize("view", ["", "?view=bilingual", "en"])
def test_a_warm_article_without_the_page_cache_costs_a_few_queries_at_any_length(
    client, home_page, settings, view
):
    settings.PAGE_CACHE_ENABLED = False
    paths = [page.url for page in short_and_long_articles()]
    counts = []
    for path in paths:
        url = "/en" + path if view == "en" else path + view
        queries_for(client, url)  # fills the fragment cache
        counts.append(queries_for(client, url, cold=False))
    assert counts[0] == counts[1] <= WARM_MAX_QUERIES


def test_editing_a_quote_reaches_cached_article_pages(client, home_page):
    index = ArticleIndexPageFactory(slug="articles")
    page = article_with(index, 5)
    quote = page.sections.exclude(quote=None).first().quote
    assert quote.text_zh_hans in client.get(page.url).content.decode()
    quote.text_zh_hans = "更正后的译文。"
    quote.save()
    assert "更正后的译文。" in client.get(page.url).content.decode()


def test_article_page_stays_within_the_query_budget(
    client, home_page, django_assert_max_num_queries
):
    index = ArticleIndexPageFactory(slug="articles")
    page = article_with(index, 50)
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(page.url).status_code == 200


def test_logging_in_does_not_empty_the_article_cache(client, home_page, editor_user):
    from articles.content.page_cache import content_version

    before = content_version()
    client.force_login(editor_user)
    client.logout()
    client.login(username=editor_user.username, password="pw-" + editor_user.username)
    assert content_version() == before
    editor_user.first_name = "新名字"
    editor_user.save()
    assert content_version() > before
