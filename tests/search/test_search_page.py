"""The public search page as a reader uses it: excerpts with the words marked and everything
escaped, filters, pages, empty and malformed searches, the licence rule, both interfaces and
a query count that does not grow with the results."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from cms.search.views import MAX_QUERY_CHARS, RESULTS_PER_PAGE
from tests.factories import ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

RESULT_LINK = re.compile(r'<li class="search-result">\s*<h2><a href="([^"]+)"')
EXCERPT = re.compile(r'<p class="excerpt" lang="[^"]+">(.*?)</p>', re.S)
HIDDEN_ENGLISH = "Quixotic pelicans juggled tangerines"


def search(client, path: str = "/search/", **params) -> str:
    response = client.get(path, params)
    assert response.status_code == 200, params
    return response.content.decode()


def links(html: str) -> list[str]:
    return RESULT_LINK.findall(html)


def article(slug: str, body_zh: str, body_en: str = "", **fields) -> ArticlePage:
    page = ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(slug="articles"), slug=slug, **fields
    )
    ArticleSectionFactory(page=page, body_zh_hans=f"<p>{body_zh}</p>", body_en=body_en)
    page.save_revision().publish()
    return page


def test_excerpt_marks_the_words_around_the_first_match(client, search_demo):
    html = search(client, q="反向传播")
    assert links(html) == [search_demo.article.url]
    excerpt = EXCERPT.search(html).group(1)
    assert "<mark>反向传播</mark>" in excerpt
    assert len(re.sub(r"<[^>]+>", "", excerpt)) < 200  # an excerpt, not the section


def test_a_name_is_marked_in_either_script(client, search_demo):
    assert "<mark>辛顿</mark>" in EXCERPT.search(search(client, q="辛顿")).group(1)
    assert "<mark>Hinton</mark>" in search(client, q="Hinton")


def test_text_and_query_are_escaped_before_marking(client, search_demo):
    article("markup", "神经网络 &lt;b&gt;粗体&lt;/b&gt; 与 &lt;script&gt;alert(1)&lt;/script&gt;")
    html = search(client, q="粗体")
    assert "<b>" not in html and "<script>alert" not in html
    assert "&lt;b&gt;<mark>粗体</mark>&lt;/b&gt;" in html
    html = search(client, q='"><script>粗体')
    assert "<script>粗体" not in html
    assert 'value="&quot;&gt;&lt;script&gt;粗体"' in html


def test_topic_and_person_filters(client, search_demo):
    everything = links(search(client, q="网络"))
    assert search_demo.article.url in everything and len(everything) > 1
    by_topic = links(search(client, q="网络", topic="computer-vision"))
    assert by_topic == [search_demo.article.url]
    by_person = links(search(client, q="网络", person="geoffrey-hinton"))
    assert by_person == [search_demo.article.url]
    unknown = links(search(client, q="网络", topic="no-such-topic", person="../etc"))
    assert len(unknown) == len(everything)  # a filter that names nothing is no filter


def test_a_filter_that_leaves_nothing_shows_the_empty_state(client, search_demo):
    article("narwhal", "独角鲸在北极游泳。")
    assert len(links(search(client, q="独角鲸"))) == 1
    html = search(client, q="独角鲸", person="geoffrey-hinton")
    assert links(html) == []
    assert "No articles match" in html or "没有与" in html
    assert 'href="?q=%E7%8B%AC%E8%A7%92%E9%B2%B8"' in html  # search without the filters


def test_pages_of_ten_keep_the_query_and_filters(client, search_demo):
    first = search(client, q="网络")
    second = search(client, q="网络", page=2)
    assert len(links(first)) == RESULTS_PER_PAGE
    assert len(links(second)) == 2
    assert not set(links(first)) & set(links(second))
    assert 'rel="next" href="?q=%E7%BD%91%E7%BB%9C&amp;page=2"' in first
    assert 'rel="prev"' in second
    assert links(search(client, q="网络", page="abc")) == links(first)
    assert links(search(client, q="网络", page=999)) == links(second)


def test_empty_and_wordless_searches(client, search_demo):
    start = search(client)
    assert links(start) == [] and 'name="q"' in start and "神经网络" in start
    for query in ["   ", "！！！", "***", '"', "()"]:
        html = search(client, q=query)
        assert links(html) == [], query
    nothing = search(client, q="量子纠缠猫咪")
    assert links(nothing) == []
    assert "量子纠缠猫咪" in nothing


@pytest.mark.parametrize(
    "query",
    [
        '"神经网络',
        "神经网络*",
        "(神经网络)",
        "神经网络 -",
        ":神经网络",
        "{神经网络}",
        "^神经网络$",
        "神经网络\u200b\u202e",
        "'神经网络'); --",
        "\\神经网络",
    ],
)
def test_malformed_queries_are_searched_as_words(client, search_demo, query):
    assert search_demo.article.url in links(search(client, q=query))


@pytest.mark.parametrize(
    "query",
    ["AND OR NOT", "NEAR(a b)", "title:x", "'); DROP TABLE wagtailcore_page; --", "a" * 90],
)
def test_query_syntax_never_reaches_the_database(client, search_demo, query):
    search(client, q=query)  # a page, not a server error
    assert ArticlePage.objects.live().count() > 1


def test_a_very_long_query_is_cut(client, search_demo):
    html = search(client, q="神经网络 " + "寒冬" * 3000)
    assert f"Only the first {MAX_QUERY_CHARS}" in html or f"只用了前 {MAX_QUERY_CHARS}" in html
    assert 'maxlength="100"' in html


def test_only_live_public_articles_are_found(client, search_demo):
    draft = article("draft", "独角鲸在北极游泳。")
    draft.unpublish()
    private = article("private", "独角鲸在冰下唱歌。")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = article("public", "独角鲸的长牙。")
    assert links(search(client, q="独角鲸")) == [public.url]


def test_excerpts_hold_no_english_the_licence_hides(client, search_demo):
    hidden = article(
        "hidden",
        "鹈鹕在灯塔旁抛接橘子。",
        f"<p>{HIDDEN_ENGLISH} beside the lighthouse.</p>",
        show_original=False,
        licence="excerpt",
    )
    shown = article(
        "shown",
        "鹈鹕在码头上睡觉。",
        f"<p>{HIDDEN_ENGLISH} on the pier.</p>",
        show_original=True,
    )
    assert links(search(client, q="pelicans")) == [shown.url]
    assert links(search(client, q="Quixotic tangerines")) == [shown.url]
    html = search(client, q="鹈鹕 pelicans")
    assert links(html) == [shown.url]
    html = search(client, q="鹈鹕")
    assert set(links(html)) == {hidden.url, shown.url}
    assert "Quixotic" not in html and "pelicans" not in html
    assert hidden.pk


def test_the_english_interface(client, search_demo):
    html = search(client, "/en/search/", q="Hinton")
    assert links(html) == ["/en/articles/before-the-spring-deep-learning-pioneers/"]
    assert "article found" in html and 'lang="en"' in html
    assert 'action="/en/search/"' in html


def test_the_header_search_box_on_every_page(client, search_demo):
    assert 'action="/search/"' in search(client, "/")
    assert 'action="/en/search/"' in search(client, "/en/articles/")
    assert 'role="search"' in search(client, search_demo.article.url)


def test_queries_do_not_grow_with_the_results(client, search_demo, django_assert_max_num_queries):
    search(client, q="网络")  # warm: the segmenter's dictionary, site root paths

    def count(**params) -> int:
        with CaptureQueriesContext(connection) as queries:
            search(client, **params)
        return len(queries)

    ten, two = count(q="网络"), count(q="网络", page=2)
    one = count(q="反向传播")
    assert ten == two == one
    with django_assert_max_num_queries(12):
        search(client, q="网络", topic="computer-vision", person="geoffrey-hinton")
