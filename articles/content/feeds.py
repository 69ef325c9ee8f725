"""Atom feeds of live, public articles: all of them, per topic and per person (mentioned or
the original's author). Each entry carries what readers see on the page in the feed's
interface language: the headline as its title and the summary (dek) as its summary, never
the English original (whose visibility ``articles.content.licence`` decides; feeds carry no
section text at all). Each entry also carries the article's AI label
(``articles.content.ai_label``, the facts of the visible disclosure) as elements in the
``urn:duizhao:ai-label`` namespace, named like the page head's meta tags less their ``ai-``
prefix. Every link is absolute on the Wagtail Site's root URL (``cms.site_url``), whatever
Host the feed was fetched with. One query each for the entries, their topics and their
sections, however many there are."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles.content.ai_label import AILabel, ai_label_for
from articles.editorial.section_rules import numbered
from articles.models import ArticleIndexPage, ArticlePage, HomePage, Topic
from cms.site_url import absolute, hreflang
from people.models import Person

FEED_ENTRIES = 30
AI_LABEL_NAMESPACE = "urn:duizhao:ai-label"


class LabelledAtomFeed(Atom1Feed):
    """Atom with each entry's AI label as ``<ai:assisted>``, ``<ai:translation-method>``,
    ``<ai:model>``, ``<ai:human-reviewed>`` and ``<ai:label-date>``."""

    def root_attributes(self) -> dict:
        return {**super().root_attributes(), "xmlns:ai": AI_LABEL_NAMESPACE}

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        label: AILabel | None = item.get("ai_label")
        if label is None:
            return
        for name, value in label.meta_tags():
            handler.addQuickElement(f"ai:{name.removeprefix('ai-')}", value)


class ArticleFeed(Feed):
    """All articles, newest first."""

    feed_type = LabelledAtomFeed
    url_name = "feed_articles"

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any):
        # One instance serves every request: each gets its own copy holding its request,
        # on which page.get_full_url(request) caches the site lookups.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return None

    def articles(self, obj: Any) -> QuerySet:
        return ArticlePage.objects.live().public()

    def items(self, obj: Any) -> list[ArticlePage]:
        return list(
            self.articles(obj)
            .distinct()
            .order_by("-first_published_at", "-pk")
            .prefetch_related("topics", "sections")[:FEED_ENTRIES]
        )

    def title(self, obj: Any) -> str:
        return _("Duizhao: new translations")

    def subtitle(self, obj: Any) -> str:
        return _("Chinese translations of English tech articles, with the original beside them.")

    def link(self, obj: Any) -> str:
        home = HomePage.objects.live().first()
        return home.get_full_url(self.request) if home else absolute("/", self.request)

    def feed_url(self, obj: Any) -> str:
        return absolute(reverse(self.url_name, kwargs=self.url_kwargs(obj)), self.request)

    def url_kwargs(self, obj: Any) -> dict:
        return {}

    def author_name(self) -> str:
        return _("Duizhao")

    @property
    def language(self) -> str:
        # Read as an attribute by Django's Feed, never called with the feed's object.
        return hreflang(get_language())

    def item_title(self, item: ArticlePage) -> str:
        return item.headline or item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary or ""

    def item_link(self, item: ArticlePage) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item: ArticlePage) -> datetime | None:
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage) -> datetime | None:
        return item.last_published_at or item.first_published_at

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [topic.name for topic in item.topics.all()]

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        # The label the page shows, from the sections prefetched with the entries (the
        # page's own ``ai_label`` would load them again, once per entry).
        disclosure = item.get_disclosure(numbered(item.sections.all()))
        return {"ai_label": ai_label_for(disclosure, item.last_published_at)}


class TopicFeed(ArticleFeed):
    """Articles filed under one topic."""

    url_name = "feed_topic"

    def get_object(self, request: HttpRequest, *args: Any, slug: str = "", **kwargs: Any):
        return get_object_or_404(Topic, slug=slug)

    def articles(self, obj: Topic) -> QuerySet:
        return super().articles(obj).filter(topics=obj)

    def url_kwargs(self, obj: Topic) -> dict:
        return {"slug": obj.slug}

    def title(self, obj: Topic) -> str:
        return _("Duizhao: articles on %(topic)s") % {"topic": obj.name}

    def link(self, obj: Topic) -> str:
        index = ArticleIndexPage.objects.live().first()
        if index is None:
            return super().link(obj)
        return f"{index.get_full_url(self.request)}?topic={obj.slug}"


class PersonFeed(ArticleFeed):
    """Articles that mention a person or translate their writing."""

    url_name = "feed_person"

    def get_object(self, request: HttpRequest, *args: Any, slug: str = "", **kwargs: Any):
        return get_object_or_404(Person, slug=slug)

    def articles(self, obj: Person) -> QuerySet:
        return super().articles(obj).filter(Q(people_mentioned=obj) | Q(original_author=obj))

    def url_kwargs(self, obj: Person) -> dict:
        return {"slug": obj.slug}

    def title(self, obj: Person) -> str:
        return _("Duizhao: articles about or by %(person)s") % {"person": obj.name}

    def link(self, obj: Person) -> str:
        return absolute(obj.get_absolute_url(), self.request)
