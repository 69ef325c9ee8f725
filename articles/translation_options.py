"""Fields stored once per language (``*_en`` and ``*_zh_hans`` columns)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ArticleIndexPage, ArticlePage, ArticleSection, HomePage, Topic


@register(HomePage)
class HomePageTranslationOptions(TranslationOptions):
    fields = ("intro",)


@register(ArticleIndexPage)
class ArticleIndexPageTranslationOptions(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTranslationOptions(TranslationOptions):
    fields = ("headline", "summary", "seo_description", "disclosure")


@register(ArticleSection)
class ArticleSectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body")


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en", "zh-hans")
