"""The Atom feeds carry each article's AI label, and it says what the article page's visible
disclosure says: AI-assisted or not, the model, reviewed by people, the label's date."""

from __future__ import annotations

from django.utils import timezone

import pytest
from defusedxml.ElementTree import fromstring

from articles.content.feeds import AI_LABEL_NAMESPACE
from tests.articles.test_sharing_metadata import head_of, visible_facts
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
AI = f"{{{AI_LABEL_NAMESPACE}}}"


@pytest.fixture
def articles(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    assisted = ArticlePageFactory(
        parent=index, slug="assisted", translation_method="ai_assisted", ai_model="declared-1"
    )
    ArticleSectionFactory(
        page=assisted,
        body_zh_hans="<p>1958 年，感知机学会了给卡片分类。</p>",
        ai_draft="1958 年，感知机学会了对卡片进行分类。",
        ai_draft_model="drafter-2",
        ai_drafted_at=timezone.now(),
    )
    human = ArticlePageFactory(parent=index, slug="human", translation_method="ai_assisted")
    ArticleSectionFactory(page=human, body_zh_hans="<p>人工译文。</p>")
    machine = ArticlePageFactory(
        parent=index, slug="machine", translation_method="machine", ai_model="mt-3"
    )
    ArticleSectionFactory(page=machine, body_zh_hans="<p>机器译文。</p>")
    pages = [assisted, human, machine]
    for page in pages:
        page.save_revision().publish()
        page.refresh_from_db()
    return {page.slug: page for page in pages}


def feed_labels(client, path: str) -> dict[str, dict]:
    """Each entry's AI label by the entry's link path, as a feed reader parses it."""
    response = client.get(path)
    assert response.status_code == 200
    root = fromstring(response.content)
    labels = {}
    for entry in root.iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link").get("href")
        labels[link.split("://", 1)[1].split("/", 1)[1]] = {
            "ai_assisted": entry.findtext(f"{AI}assisted") == "true",
            "method": entry.findtext(f"{AI}translation-method"),
            "model": entry.findtext(f"{AI}model") or "",
            "human_reviewed": entry.findtext(f"{AI}human-reviewed") == "true",
            "date": entry.findtext(f"{AI}label-date") or None,
        }
    return labels


def test_each_feed_entry_carries_the_label_the_page_discloses(client, articles):
    labels = feed_labels(client, "/feeds/articles/")
    assert len(labels) == 3
    for page in articles.values():
        label = labels[f"articles/{page.slug}/"]
        seen = visible_facts(head_of(client, f"/articles/{page.slug}/"))
        assert {key: label[key] for key in seen} == seen, page.slug

    assisted = labels["articles/assisted/"]
    assert assisted == {
        "ai_assisted": True,
        "method": "ai_assisted",
        "model": "drafter-2",
        "human_reviewed": True,
        "date": timezone.localdate(articles["assisted"].last_published_at).isoformat(),
    }
    assert labels["articles/human/"]["method"] == "human"
    assert labels["articles/human/"]["ai_assisted"] is False
    machine = labels["articles/machine/"]
    assert (machine["method"], machine["model"], machine["human_reviewed"]) == (
        "machine",
        "mt-3",
        False,
    )


def test_the_feed_label_matches_the_page_head(client, articles):
    labels = feed_labels(client, "/en/feeds/articles/")
    soup = head_of(client, "/en/articles/assisted/")
    head = {
        "ai_assisted": soup.find("meta", attrs={"name": "ai-assisted"})["content"] == "true",
        "method": soup.find("meta", attrs={"name": "ai-translation-method"})["content"],
        "model": soup.find("meta", attrs={"name": "ai-model"})["content"],
        "human_reviewed": soup.find("meta", attrs={"name": "ai-human-reviewed"})["content"]
        == "true",
        "date": soup.find("meta", attrs={"name": "ai-label-date"})["content"] or None,
    }
    assert labels["en/articles/assisted/"] == head
