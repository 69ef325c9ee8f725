"""factory_boy factories for the content model; pages are built under their real parents."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from articles.models import ArticleIndexPage, ArticlePage, ArticleSection, HomePage, Topic
from people.models import Person, Quote, Term


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Researcher {n}")
    name_zh_hans = factory.Sequence(lambda n: f"研究者{n}")
    slug = factory.Sequence(lambda n: f"researcher-{n}")
    role_en = "Researcher"
    role_zh_hans = "研究员"


class QuoteFactory(DjangoModelFactory):
    class Meta:
        model = Quote

    speaker = factory.SubFactory(PersonFactory)
    text_en = factory.Sequence(lambda n: f"Deep networks learn useful features, take {n}.")
    text_zh_hans = factory.Sequence(lambda n: f"深度网络会学到有用的特征（第 {n} 次）。")


class TermFactory(DjangoModelFactory):
    class Meta:
        model = Term

    term_en = factory.Sequence(lambda n: f"term {n}")
    term_zh_hans = factory.Sequence(lambda n: f"术语{n}")


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_zh_hans = factory.Sequence(lambda n: f"话题{n}")


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "文章"
    slug = factory.Sequence(lambda n: f"articles-{n}")
    parent = factory.LazyFunction(lambda: HomePage.objects.get())


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"译文 {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    parent = factory.SubFactory(ArticleIndexPageFactory)
    headline_zh_hans = factory.Sequence(lambda n: f"深度学习简史 {n}")
    headline_en = factory.Sequence(lambda n: f"A short history of deep learning {n}")
    original_url = factory.Sequence(lambda n: f"https://example.com/original/{n}")
    original_title = factory.Sequence(lambda n: f"A short history of deep learning {n}")
    licence = "permission"
    show_original = True


class ArticleSectionFactory(DjangoModelFactory):
    class Meta:
        model = ArticleSection

    page = factory.SubFactory(ArticlePageFactory)
    sort_order = factory.Sequence(lambda n: n)
    heading_en = factory.Sequence(lambda n: f"Part {n}")
    heading_zh_hans = factory.Sequence(lambda n: f"第 {n} 部分")
    body_en = factory.Sequence(lambda n: f"<p>In {1980 + n % 40} networks grew deeper ({n}).</p>")
    body_zh_hans = factory.Sequence(lambda n: f"<p>{1980 + n % 40} 年，网络变得更深（{n}）。</p>")
    status = "full"


def published_cut_with_draft(headline: str = "删减与初稿") -> ArticlePage:
    """A published article of one abridged section whose Chinese came from an AI draft: a
    row in both the Abridgments and the post-editing effort reports. Call with the home
    page in place."""
    page = ArticlePageFactory(headline_zh_hans=headline)
    ArticleSectionFactory(
        page=page,
        status="abridged",
        note="删去了一段。",
        ai_draft="甲乙丙丁",
        body_zh_hans="<p>甲乙丙戊</p>",
        ai_draft_model="gpt-test",
        ai_drafted_at=timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0)),
    )
    page.save_revision().publish()
    return page
