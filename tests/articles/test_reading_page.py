"""A page that reads well: full-width punctuation in Chinese labels, ``lang`` on every run of
the other language, one H1 per page, titles of paged and filtered lists, contents and reading
time on long articles, and the articles before, after and related to this one."""

import re
from datetime import timedelta
from html.parser import HTMLParser

from django.utils import timezone, translation

import pytest

from articles.content.reading import reading_minutes, text_lang
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleSectionFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u3400-\u9fff]")
BLOCKS = {
    "title", "p", "h1", "h2", "h3", "h4", "li", "div", "dt", "dd", "figcaption", "blockquote",
    "section", "summary", "option", "label", "button", "nav", "header", "footer", "td", "th",
}  # fmt: skip


class PageText(HTMLParser):
    """The page's text, one line per block, each with the ``lang`` in force where it sits
    (the nearest ancestor's), and every H1."""

    VOID = {"meta", "link", "img", "input", "br", "hr", "source", "wbr"}

    def __init__(self, html: str):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.runs: list[tuple[str, str]] = []  # (lang, text)
        self.lines: list[str] = [""]
        self.h1s = 0
        self.ui_attributes: list[tuple[str, str]] = []  # (lang, value)
        self.in_head_skip = 0
        self.feed(html)
        self.close()

    def lang(self) -> str:
        for _, lang in reversed(self.stack):
            if lang is not None:
                return lang
        return ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h1":
            self.h1s += 1
        if tag in BLOCKS:
            self.lines.append("")
        if tag in {"script", "style"}:
            self.in_head_skip += 1
        if tag not in self.VOID:
            self.stack.append((tag, attributes.get("lang")))
        for name in ("aria-label", "placeholder", "alt", "title"):
            if attributes.get(name):
                self.ui_attributes.append((attributes.get("lang") or self.lang(), attributes[name]))

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.in_head_skip -= 1
        if tag in BLOCKS:
            self.lines.append("")
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break

    def handle_data(self, data):
        if self.in_head_skip:
            return
        self.lines[-1] += data
        if data.strip():
            self.runs.append((self.lang(), data.strip()))

    def text_lines(self) -> list[str]:
        return [re.sub(r"\s+", " ", line).strip() for line in self.lines if line.strip()]


def address(item) -> str:
    return item.url if hasattr(item, "url") else item.get_absolute_url()


def zh(item) -> str:
    """``item``'s address in the Chinese interface (pages and snippets alike)."""
    with translation.override("zh-hans"):
        return address(item)


def en(item) -> str:
    with translation.override("en"):
        return address(item)


def page_text(client, url: str) -> PageText:
    response = client.get(url)
    assert response.status_code in {200, 404}, url
    return PageText(response.content.decode())


@pytest.fixture
def long_article(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    page = ArticlePageFactory(parent=index, slug="long")
    for position in range(5):
        ArticleSectionFactory(
            page=page,
            sort_order=position,
            heading_zh_hans=f"第{position + 1}节",
            body_zh_hans="<p>" + "神经网络" * 150 + "</p>",  # 600 ideographs a section
        )
    page.save_revision().publish()
    return page


# Chinese output: these pass once /tmp/po/reading.po is merged into the catalogue.


def test_chinese_labels_use_full_width_punctuation(client, demo_article):
    lines = page_text(client, zh(demo_article)).text_lines()
    text = "\n".join(lines)
    assert "已删节：" in text
    assert re.search(r"——杰弗里·辛顿，", text)
    ascii_after_chinese = re.compile(r"[\u3400-\u9fff）》”][:,;!?]|[:,;][ ]?[\u3400-\u9fff]")
    assert [line for line in lines if ascii_after_chinese.search(line)] == []


def test_quote_page_title_and_heading_use_full_width_punctuation(client, demo):
    quote = demo.article.sections.exclude(quote=None).first().quote
    response = client.get(zh(quote))
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert f"{quote.speaker.name_zh_hans}：“" in title
    assert PageText(response.content.decode()).h1s == 1


# English output and markup: these pass before the merge.


def test_english_labels_keep_ascii_punctuation(client, demo_article):
    text = "\n".join(page_text(client, en(demo_article)).text_lines())
    assert re.search(r"^Abridged: ", text, re.M)
    assert "— Geoffrey Hinton, " in text


def test_labels_go_through_the_catalogue(client, demo_article, settings):
    """The separators are catalogue entries with a context, so Chinese gets its own."""
    with translation.override("en"):
        assert translation.pgettext("label separator", ": ") == ": "
        assert translation.pgettext("before a quote's speaker", "— ") == "— "
    template = (settings.BASE_DIR / "templates/includes/quote_card.html").read_text()
    assert 'context "before a quote\'s speaker"' in template


def test_the_original_english_carries_lang_en(client, demo_article):
    html = client.get(zh(demo_article)).content.decode()
    originals = re.findall(
        r'<details class="original">\s*<summary>.*?</summary>\s*<div([^>]*)>', html, re.S
    )
    assert originals and all('lang="en"' in attributes for attributes in originals)
    bilingual = client.get(zh(demo_article) + "?view=bilingual").content.decode()
    columns = re.findall(r'<div class="en"([^>]*)>', bilingual)
    assert columns and all('lang="en"' in attributes for attributes in columns)


ENGLISH_PAGES = ["/en/", "/en/articles/", "/en/people/", "/en/quotes/", "/en/search/?q=Hinton"]


def chinese_outside_chinese_runs(page: PageText) -> list[str]:
    runs = [text for lang, text in page.runs if HAN.search(text) and not lang.startswith("zh")]
    attributes = [
        value
        for lang, value in page.ui_attributes
        if HAN.search(value) and not lang.startswith("zh")
    ]
    return runs + attributes


def english_pages(demo) -> list[str]:
    article = demo.article
    quote = article.sections.exclude(quote=None).first().quote
    person = article.original_author
    return [
        *ENGLISH_PAGES,
        en(article),
        en(article) + "?view=bilingual",
        en(person),
        en(quote),
        "/en/articles/?topic=deep-learning",
        "/en/no-such-page/",
    ]


def test_english_interface_shows_chinese_only_where_marked_chinese(client, demo):
    """Every heading, label and message of /en/ pages is English; Chinese there is content
    (the translation, a note, a credit) and sits in an element marked lang="zh-Hans"."""
    for url in english_pages(demo):
        page = page_text(client, url)
        assert chinese_outside_chinese_runs(page) == [], url
        assert page.lines and not HAN.search(page.text_lines()[0]), url  # the <title>


def test_english_article_index_is_titled_in_english(client, demo):
    page = page_text(client, "/en/articles/")
    assert page.text_lines()[0] == "Articles · Duizhao"
    html = client.get("/en/articles/").content.decode()
    assert "<h1>Articles</h1>" in html
    assert "<h1>文章</h1>" in client.get("/articles/").content.decode()


def test_english_404_links_to_the_english_home(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert re.search(r'<a href="/en/">Go to the home page</a>', html)
    chinese = client.get("/no-such-page/").content.decode()
    assert re.search(r'<main.*<a href="/">[^<]+</a>', chinese, re.S)
    assert 'href="/en/">' not in chinese.split("<main", 1)[1]


def test_every_public_page_has_one_h1(client, demo):
    article = demo.article
    quote = article.sections.exclude(quote=None).first().quote
    urls = [
        "/",
        "/articles/",
        "/articles/?topic=deep-learning",
        zh(article),
        zh(article) + "?view=bilingual",
        "/people/",
        zh(article.original_author),
        "/quotes/",
        zh(quote),
        "/search/",
        "/search/?q=辛顿",
        "/no-such-page/",
    ]
    for url in urls:
        for prefix in ("", "/en"):
            assert page_text(client, prefix + url).h1s == 1, prefix + url


def test_paged_and_filtered_lists_have_their_own_titles(client, home_page):
    index = ArticleIndexPageFactory(slug="articles")
    topic = TopicFactory(slug="vision", name_en="Vision", name_zh_hans="视觉")
    start = timezone.now() - timedelta(days=30)
    for number in range(13):
        article = ArticlePageFactory(
            parent=index, first_published_at=start + timedelta(days=number)
        )
        article.topics.add(topic)
        article.save_revision().publish()

    def title(url):
        return page_text(client, url).text_lines()[0]

    assert title("/en/articles/") == "Articles · Duizhao"
    assert title("/en/articles/?page=2") == "Articles · page 2 · Duizhao"
    assert title("/en/articles/?topic=vision") == "Articles · Vision · Duizhao"
    assert title("/en/articles/?topic=vision&page=2") == "Articles · Vision · page 2 · Duizhao"
    assert title("/articles/?page=2") == "文章 · 第 2 页 · 对照"
    assert "<h1>Articles: Vision</h1>" in client.get("/en/articles/?topic=vision").content.decode()
    assert title("/en/search/?q=deep&topic=vision").startswith("Search: deep · Vision · ")


def test_paged_people_list_says_which_page(client, home_page):
    for number in range(31):  # 30 a page
        PersonFactory(slug=f"person-{number}")
    titles = [
        page_text(client, url).text_lines()[0] for url in ("/en/people/", "/en/people/?page=2")
    ]
    assert titles == ["People · Duizhao", "People · page 2 · Duizhao"]
    assert page_text(client, "/people/?page=2").text_lines()[0] == "人物 · 第 2 页 · 对照"


def test_long_article_has_contents_and_reading_time(client, long_article):
    html = client.get(en(long_article)).content.decode()
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    targets = re.findall(r'href="#(section-\d+)"', toc)
    assert targets == [f"section-{n}" for n in range(1, 6)]
    assert all(f'id="{target}"' in html for target in targets)
    # 3,000 ideographs at 400 a minute.
    assert "About 8 minutes to read" in html


def test_short_article_has_reading_time_but_no_contents(client, home_page):
    page = ArticlePageFactory(parent=ArticleIndexPageFactory(slug="articles"))
    ArticleSectionFactory(page=page, body_zh_hans="<p>很短。</p>")
    page.save_revision().publish()
    html = client.get(en(page)).content.decode()
    assert 'class="toc"' not in html
    assert "About 1 minute to read" in html


def test_reading_minutes_count_chinese_and_english_at_their_own_pace():
    assert reading_minutes(["<p>" + "字" * 800 + "</p>"]) == 2
    assert reading_minutes(["<p>" + "word " * 460 + "</p>"]) == 2
    assert reading_minutes(["<p>" + "字" * 200 + "</p>", "<p>" + "word " * 115 + "</p>"]) == 1
    assert reading_minutes(["", "<p></p>"]) == 1
    assert text_lang("杰弗里·辛顿") == "zh-Hans" and text_lang("Geoffrey Hinton") == "en"


def test_previous_next_and_related_articles(client, home_page):
    index = ArticleIndexPageFactory(slug="articles")
    other_index = ArticleIndexPageFactory(slug="other")
    topic, other_topic = TopicFactory(), TopicFactory()
    person = PersonFactory()
    start = timezone.now() - timedelta(days=10)

    def publish(parent, days, *, topics=(), people=()):
        article = ArticlePageFactory(parent=parent, first_published_at=start + timedelta(days=days))
        article.topics.set(topics)
        article.people_mentioned.set(people)
        article.save_revision().publish()
        return article

    first = publish(index, 1, topics=[other_topic])
    middle = publish(index, 2, topics=[topic], people=[person])
    last = publish(index, 3)
    same_person = publish(other_index, 4, people=[person])
    same_both = publish(other_index, 5, topics=[topic], people=[person])
    publish(other_index, 6, topics=[other_topic])  # shares nothing with the middle one

    html = client.get(en(middle)).content.decode()
    nav = re.search(r'<nav class="article-nav".*?</nav>', html, re.S).group(0)
    assert re.search(rf'rel="prev" href="{re.escape(en(first))}"', nav)
    assert re.search(rf'rel="next" href="{re.escape(en(last))}"', nav)
    related = re.search(r'<section class="related">.*?</section>', html, re.S).group(0)
    linked = re.findall(r'<h3><a href="([^"]+)"', related)
    assert linked == [en(same_both), en(same_person)]

    first_html = client.get(zh(first)).content.decode()
    assert 'rel="prev"' not in first_html and f'rel="next" href="{zh(middle)}"' in first_html


def test_generated_chinese_labels_put_no_space_after_a_full_stop(client, demo_article):
    html = client.get(zh(demo_article)).content.decode()
    disclosure = re.search(r'<aside class="disclosure".*?</aside>', html, re.S).group(0)
    assert "处。其中 2 节" in disclosure
    assert re.search(r"审校。标识日期：\d{4}-\d\d-\d\d。", disclosure)
    assert "。 " not in disclosure
    english = client.get(en(demo_article)).content.decode()
    assert re.search(r"omitted\. 2 sections were written", english)
    assert re.search(r"reviewed by people\. Label date: ", english)
