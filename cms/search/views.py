"""The public search page, ``/search/?q=`` (and ``/en/search/``): live, public articles,
filterable by topic and person, ten to a page, each with an excerpt around its first match.

Excerpts are built from what readers may see: the Chinese, and the English only where the
licence lets readers see the original (``articles.content.licence``). The number of queries
does not grow with the number of results: sections and topics of a page of results are
loaded in one query each.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString

from articles.content.licence import original_visible
from articles.models import ArticlePage, ArticleSection, Topic
from articles.models.pages import slug_param
from articles.richtext import html_to_text
from cms.search import dictionary, excerpts, segment
from people.models import Person

MAX_QUERY_CHARS = 100
RESULTS_PER_PAGE = 10
# Control and format characters (zero-width, direction marks) a query is searched without.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


@dataclass
class Result:
    article: ArticlePage
    url: str
    title: SafeString
    excerpt: SafeString
    excerpt_lang: str
    topics: list


def clean_query(raw: str) -> tuple[str, bool]:
    """The query searched for (invisible characters dropped, spaces folded, at most
    ``MAX_QUERY_CHARS``) and whether it was cut."""
    query = " ".join(_INVISIBLE.sub(" ", raw).split())
    return query[:MAX_QUERY_CHARS].strip(), len(query) > MAX_QUERY_CHARS


def _searchable_texts(article: ArticlePage, sections: list[ArticleSection]) -> list[str]:
    """What an excerpt may quote, in reading order: headline, summary, then each section's
    Chinese and, where the licence allows, its English."""
    english = original_visible(article)
    texts = [article.headline or article.title, article.summary or ""]
    for section in sections:
        texts += [section.heading_zh_hans or "", html_to_text(section.body_zh_hans)]
        if english:
            texts += [section.heading_en or "", html_to_text(section.body_en)]
    return texts


def _filtered(articles, topic: Topic | None, person: Person | None):
    """Filters as id lists: search backends accept filters on indexed fields only."""
    if topic is not None:
        ids = ArticlePage.objects.filter(topics=topic).values_list("id", flat=True)
        articles = articles.filter(id__in=list(ids))
    if person is not None:
        about = Q(people_mentioned=person) | Q(original_author=person)
        ids = ArticlePage.objects.filter(about).values_list("id", flat=True).distinct()
        articles = articles.filter(id__in=list(ids))
    return articles


def _results(request: HttpRequest, articles: list[ArticlePage], query: str) -> list[Result]:
    sections = defaultdict(list)
    for section in ArticleSection.objects.filter(page__in=articles).order_by("sort_order"):
        sections[section.page_id].append(section)
    topics = defaultdict(list)
    through = ArticlePage.topics.through.objects.filter(articlepage__in=articles)
    for link in through.select_related("topic").order_by("topic__slug"):
        topics[link.articlepage_id].append(link.topic)
    pattern = excerpts.pattern_for(excerpts.highlight_terms(query))
    results = []
    for article in articles:
        texts = _searchable_texts(article, sections[article.pk])
        excerpt = excerpts.excerpt(texts[1:], pattern) or excerpts.mark(texts[1], None)
        results.append(
            Result(
                article=article,
                url=article.get_url(request),
                title=excerpts.mark(texts[0], pattern),
                excerpt=excerpt,
                excerpt_lang="zh-Hans" if segment.HAN_RUN.search(excerpt) else "en",
                topics=topics[article.pk],
            )
        )
    return results


def search(request: HttpRequest) -> HttpResponse:
    query, cut = clean_query(request.GET.get("q", ""))
    topic = Topic.objects.filter(slug=slug_param(request, "topic")).first()
    person = Person.objects.filter(slug=slug_param(request, "person")).first()
    dictionary.ensure_loaded()
    searched = bool(segment.query_terms(query))
    page_obj = None
    results: list[Result] = []
    if searched:
        articles = _filtered(ArticlePage.objects.live().public(), topic, person)
        page_obj = Paginator(articles.search(query), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        results = _results(request, list(page_obj.object_list), query)
    filters = {
        "q": query,
        "topic": topic.slug if topic else "",
        "person": person.slug if person else "",
    }
    context = {
        "query": query,
        "query_cut": cut,
        "max_query_chars": MAX_QUERY_CHARS,
        "searched": searched,
        "page_obj": page_obj,
        "results": results,
        "topic": topic,
        "person": person,
        "topics": Topic.objects.all(),
        "people": Person.objects.filter(articles_mentioning__live=True).distinct(),
        "query_prefix": urlencode({key: value for key, value in filters.items() if value}),
    }
    return render(request, "search/search.html", context)
