"""Search fixtures: the demo content with filler articles (for ranking and pagination) and an
article that mentions the demo article's title words once, in passing."""

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.site_data import demo_content

FILLER_ARTICLES = 11  # with the demo article, 12 articles mention 网络: two pages of results


@pytest.fixture
def search_demo(db):
    """The demo content as ``make run`` loads it, plus 11 filler articles about 网络."""
    return demo_content(articles=FILLER_ARTICLES, sections=2)


@pytest.fixture
def passing_mention(search_demo) -> ArticlePage:
    """Another live article whose body names 神经网络, 寒冬, 感知机 and 辛顿 once each."""
    page = ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(slug="articles"),
        slug="gpu-notes",
        title="显卡与训练速度",
        headline_zh_hans="显卡与训练速度",
        headline_en="GPUs and training speed",
        summary_zh_hans="训练越来越快的原因。",
    )
    ArticleSectionFactory(
        page=page,
        body_zh_hans="<p>今天训练神经网络离不开显卡，这与当年的寒冬、感知机和辛顿都相去甚远。</p>",
        body_en="<p>Training today needs GPUs.</p>",
    )
    page.save_revision().publish()
    return page
