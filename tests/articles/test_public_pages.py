from django.utils import timezone, translation

import pytest

from articles.models import ArticlePage, ArticleSection
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleSectionFactory,
    PersonFactory,
    QuoteFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    page = ArticlePageFactory(
        parent=index,
        slug="history",
        headline_zh_hans="深度学习简史",
        headline_en="A short history of deep learning",
        translation_method="ai_assisted",
        ai_model="demo-model-1",
    )
    quote = QuoteFactory(text_en="Neural nets will work.", text_zh_hans="神经网络终会成功。")
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        heading_en="",
        heading_zh_hans="编者按",
        body_en="",
        body_zh_hans="<p>编者按：本文回顾早期历史。</p>",
        status="added",
    )
    ArticleSectionFactory(
        page=page,
        sort_order=1,
        heading_en="The perceptron",
        heading_zh_hans="感知机",
        body_en="<p>In 1958 the perceptron learned to sort cards.</p>",
        body_zh_hans="<p>1958 年，感知机学会了给卡片分类。</p>",
        status="full",
        quote=quote,
        ai_draft="1958 年，感知机学会了对卡片进行分类。",
        ai_draft_model="demo-model-1",
        ai_drafted_at=timezone.now(),
    )
    ArticleSectionFactory(
        page=page,
        sort_order=2,
        heading_en="An aside on hardware",
        heading_zh_hans="关于硬件的题外话",
        body_en="<p>The Mark I filled a room with wires and motors.</p>",
        body_zh_hans="<p>Mark I 占满了一个房间。</p>",
        status="abridged",
        note="删去了关于电线和电机的细节。",
    )
    ArticleSectionFactory(
        page=page,
        sort_order=3,
        heading_en="Further reading",
        heading_zh_hans="延伸阅读",
        body_en="<p>A list of twenty papers.</p>",
        body_zh_hans="",
        status="omitted",
        note="论文清单未译出。",
    )
    page.save_revision().publish()
    return page


def test_article_page_is_chinese_by_default(client, article):
    response = client.get("/articles/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "深度学习简史" in html
    assert "1958 年，感知机学会了给卡片分类。" in html
    assert "神经网络终会成功。" in html


def test_article_page_discloses_method_and_cuts(client, article):
    html = client.get("/articles/history/").content.decode()
    assert "demo-model-1" in html
    assert 'href="#abridgments"' in html
    assert "删去了关于电线和电机的细节。" in html
    assert "论文清单未译出。" in html
    assert 'data-status="abridged"' in html
    assert 'data-status="omitted"' in html


def test_bilingual_view_shows_english_and_chinese_of_every_section(client, article):
    html = client.get("/articles/history/?view=bilingual").content.decode()
    for section in article.sections.all():
        if section.body_en:
            assert section.body_en in html
        if section.body_zh_hans:
            assert section.body_zh_hans in html
    assert html.count('class="en" lang="en"') == article.sections.count()


def test_original_is_hidden_when_the_licence_does_not_allow_it(client, article):
    article.show_original = False
    article.save_revision().publish()
    html = client.get("/articles/history/?view=bilingual").content.decode()
    assert "In 1958 the perceptron learned to sort cards." not in html
    assert "1958 年，感知机学会了给卡片分类。" in html


def test_english_ui_lives_under_the_en_prefix(client, article):
    response = client.get("/en/articles/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "A short history of deep learning" in html
    assert "with AI assistance" in html


def test_home_lists_published_articles_only(client, article):
    draft = ArticlePageFactory(parent=article.get_parent(), headline_zh_hans="未发布的草稿")
    draft.unpublish()
    html = client.get("/").content.decode()
    assert "深度学习简史" in html
    assert "未发布的草稿" not in html


def test_article_list_filters_by_topic_and_person(client, article):
    topic = TopicFactory(slug="history", name_zh_hans="历史")
    person = PersonFactory(slug="frank-rosenblatt")
    other = ArticlePageFactory(parent=article.get_parent(), headline_zh_hans="另一篇文章")
    article.topics.add(topic)
    article.people_mentioned.add(person)
    article.save_revision().publish()
    other.save_revision().publish()

    by_topic = client.get("/articles/?topic=history").content.decode()
    assert "深度学习简史" in by_topic and "另一篇文章" not in by_topic
    by_person = client.get("/articles/?person=frank-rosenblatt").content.decode()
    assert "深度学习简史" in by_person and "另一篇文章" not in by_person
    unknown = client.get("/articles/?topic=nope&page=999")
    assert unknown.status_code == 200
    assert "另一篇文章" in unknown.content.decode()


def test_article_list_paginates(client, article):
    index = article.get_parent()
    for number in range(13):
        ArticlePageFactory(parent=index, headline_zh_hans=f"第{number}篇").save_revision().publish()
    first = client.get("/articles/").content.decode()
    second = client.get("/articles/?page=2").content.decode()
    assert 'rel="next"' in first
    assert 'rel="prev"' in second
    assert client.get("/articles/?page=abc").status_code == 200


def test_person_page_lists_quotes_and_articles(client, article):
    quote = article.sections.get(sort_order=1).quote
    person = quote.speaker
    article.people_mentioned.add(person)
    article.save_revision().publish()
    html = client.get(person.get_absolute_url()).content.decode()
    assert person.name_zh_hans in html
    assert "神经网络终会成功。" in html
    assert "深度学习简史" in html


def test_quote_page_shows_both_languages_and_where_it_is_used(client, article):
    quote = article.sections.get(sort_order=1).quote
    html = client.get(quote.get_absolute_url()).content.decode()
    assert "Neural nets will work." in html
    assert "神经网络终会成功。" in html
    assert "深度学习简史" in html


def test_unknown_pages_get_the_site_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert 'class="not-found"' in response.content.decode()
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/quotes/99999/").status_code == 404


def test_draft_article_is_not_served(client, home_page):
    page = ArticlePageFactory(slug="secret-draft", headline_zh_hans="秘密草稿")
    page.unpublish()
    response = client.get(page.get_parent().url + "secret-draft/")
    assert response.status_code == 404
    assert "秘密草稿" not in response.content.decode()


def test_disclosure_reads_in_the_active_language(article):
    with translation.override("en"):
        assert "2 sections abridged or omitted" in article.get_disclosure().text


def test_disclosure_says_human_when_no_ai_draft_was_used(client, article):
    ArticleSection.objects.filter(page=article).update(ai_draft="", ai_drafted_at=None)
    article = ArticlePage.objects.get(pk=article.pk)
    article.save_revision().publish()
    disclosure = ArticlePage.objects.get(pk=article.pk).get_disclosure()
    assert disclosure.method == "human"
    with translation.override("en"):
        assert "translated by people" in disclosure.text


def test_sitemap_lists_published_articles_only(client, article):
    draft = ArticlePageFactory(parent=article.get_parent(), slug="unpublished-draft")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/articles/history/" in xml
    assert "unpublished-draft" not in xml


def test_each_section_is_numbered_labelled_and_linked_from_the_list_of_cuts(client, article):
    """Readers see each section under its own anchor with its status in words, its quote
    card, and the list of cuts links to the cut sections' anchors."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/articles/history/").content, "html.parser")
    sections = soup.select("section.article-section")
    assert [s["id"] for s in sections] == ["section-1", "section-2", "section-3", "section-4"]
    with translation.override("zh-hans"):
        labels = [str(ArticleSection(status=s).get_status_display()) for s in ("abridged",)]
    badge = sections[2].select_one(".badge").get_text(" ", strip=True)
    assert badge.startswith(labels[0]) and "删去了关于电线和电机的细节。" in badge
    assert "神经网络终会成功。" in sections[1].get_text()
    assert "神经网络终会成功。" not in sections[2].get_text()
    cut_links = [a["href"] for a in soup.select("#abridgments a[href^='#section-']")]
    assert cut_links == ["#section-3", "#section-4"]


def test_empty_parts_of_a_section_stay_empty_for_readers(client, article):
    """The editors' lead has no English and no note; the omitted section has no Chinese.
    Readers see the product's own words for those gaps, never filler."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/articles/history/?view=bilingual").content, "html.parser")
    lead, _full, _abridged, omitted = soup.select("section.article-section")
    with translation.override("zh-hans"):
        added_label = str(ArticleSection(status="added").get_status_display())
        no_source = str(translation.gettext("No English source: added by the editors."))
        not_translated = str(translation.gettext("This section was not translated."))
    assert lead.select_one(".badge").get_text(strip=True) == added_label
    assert lead.select_one(".en h2") is None
    assert lead.select_one(".en").get_text(strip=True) == no_source
    assert omitted.select_one(".zh .omitted").get_text(strip=True) == not_translated
    assert omitted.select_one(".zh").get_text(strip=True) == "延伸阅读" + not_translated
