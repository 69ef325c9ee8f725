"""The articles listed on a person's and a quote's public page (``people.page_sections``):
live, public articles, newest first, that mention the person (or are by them) or use the
quote. Registered by ``articles/wagtail_hooks.py``; one query each."""

from __future__ import annotations

from django.db.models import Q

from articles.models import ArticlePage
from people.models import Person, Quote
from people.page_sections import PageSection


def _published():
    return ArticlePage.objects.live().public()


def person_articles(person: Person) -> PageSection:
    articles = (
        _published()
        .filter(Q(people_mentioned=person) | Q(original_author=person))
        .distinct()
        .order_by("-first_published_at")
    )
    return PageSection("articles/people_pages/person_articles.html", {"articles": list(articles)})


def quote_articles(quote: Quote) -> PageSection:
    articles = _published().filter(sections__quote=quote).distinct().order_by("-first_published_at")
    return PageSection("articles/people_pages/quote_articles.html", {"articles": list(articles)})
