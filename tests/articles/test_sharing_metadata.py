"""What a shared article carries: the AI label as metadata (page head, JSON-LD, API) with
the same facts as the visible disclosure, Open Graph and Twitter cards with absolute
addresses, the WeChat QR code and the copy-link script."""

import json
import re
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest
from bs4 import BeautifulSoup

from articles.content.ai_label import AILabel
from articles.content.api_fields import AILabelField
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

SECRET_ENGLISH = "Only licensed readers may read this English sentence."


@pytest.fixture
def article(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    page = ArticlePageFactory(
        parent=index,
        slug="history",
        headline_zh_hans="深度学习简史",
        summary_zh_hans="从感知机到今天。",
        translation_method="ai_assisted",
        ai_model="demo-model-1",
        original_url="https://example.org/history",
        original_title="A short history",
        original_author_name="Ada Example",
        licence="unknown",
        show_original=False,
    )
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        body_en=f"<p>{SECRET_ENGLISH}</p>",
        body_zh_hans="<p>1958 年，感知机学会了给卡片分类。</p>",
        status="full",
        ai_draft="1958 年，感知机学会了对卡片进行分类。",
        ai_draft_model="demo-model-1",
        ai_drafted_at=timezone.now(),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def head_of(client, url: str) -> BeautifulSoup:
    cache.clear()
    return BeautifulSoup(client.get(url).content, "html.parser")


def json_ld(soup: BeautifulSoup) -> dict:
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def meta(soup: BeautifulSoup, name: str) -> str:
    tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", property=name)
    assert tag is not None, name
    return tag["content"]


def visible_facts(soup: BeautifulSoup) -> dict:
    """The AI label's facts as a reader finds them in the visible disclosure (Chinese UI),
    read from the page's text alone."""
    visible = soup.select_one("aside.disclosure").get_text(" ")
    with translation.override("zh-hans"):
        human_lead = gettext("This article was translated by people")
        reviewed = gettext("Translated or reviewed by people.")
    model = re.search(r"（模型：([^）]+)）", visible)
    day = re.search(r"\d{4}-\d{2}-\d{2}", visible)
    return {
        "ai_assisted": human_lead not in visible,
        "model": model.group(1) if model else "",
        "human_reviewed": reviewed in visible,
        "date": day.group(0) if day else None,
    }


def assert_labels_agree(client, page) -> dict:
    """Page head, JSON-LD and API say what the visible disclosure says."""
    soup = head_of(client, page.url)
    seen = visible_facts(soup)
    head = {
        "ai_assisted": meta(soup, "ai-assisted") == "true",
        "model": meta(soup, "ai-model"),
        "human_reviewed": meta(soup, "ai-human-reviewed") == "true",
        "date": meta(soup, "ai-label-date") or None,
    }
    properties = {item["name"]: item["value"] for item in json_ld(soup)["additionalProperty"]}
    linked = {
        "ai_assisted": properties["ai-assisted"],
        "model": properties["ai-model"],
        "human_reviewed": properties["ai-human-reviewed"],
        "date": properties["ai-label-date"],
    }
    api = client.get(f"/api/v2/pages/{page.pk}/").json()["ai_label"]
    api = {key: api[key] for key in seen}
    assert head == seen, "page head"
    assert linked == seen, "JSON-LD"
    assert api == seen, "API"
    return seen


def test_the_ai_label_is_the_same_on_the_page_in_the_head_json_ld_and_api(client, article):
    facts = assert_labels_agree(client, article)
    assert facts == {
        "ai_assisted": True,
        "model": "demo-model-1",
        "human_reviewed": True,
        "date": timezone.localdate(article.last_published_at).isoformat(),
    }


def test_a_human_translation_is_labelled_not_ai_assisted_everywhere(client, article):
    article = ArticlePageFactory(
        parent=article.get_parent(), slug="human", translation_method="ai_assisted"
    )
    ArticleSectionFactory(page=article, body_zh_hans="<p>人工译文。</p>", status="full")
    article.save_revision().publish()
    facts = assert_labels_agree(client, article)
    assert facts["ai_assisted"] is False and facts["model"] == ""


def test_a_head_that_disagrees_with_the_disclosure_fails(client, article, monkeypatch):
    """Break one surface: the page head says the opposite of the visible disclosure."""
    real = AILabel.meta_tags
    monkeypatch.setattr(
        AILabel,
        "meta_tags",
        lambda self: [(n, "false" if n == "ai-assisted" else v) for n, v in real(self)],
    )
    with pytest.raises(AssertionError, match="page head"):
        assert_labels_agree(client, article)


def test_json_ld_that_disagrees_with_the_disclosure_fails(client, article, monkeypatch):
    real = AILabel.json_ld_properties

    def lying(self):
        return [
            item | {"value": "other-model"} if item["name"] == "ai-model" else item
            for item in real(self)
        ]

    monkeypatch.setattr(AILabel, "json_ld_properties", lying)
    with pytest.raises(AssertionError, match="JSON-LD"):
        assert_labels_agree(client, article)


def test_an_api_label_that_disagrees_with_the_disclosure_fails(client, article, monkeypatch):
    real = AILabelField.to_representation
    monkeypatch.setattr(
        AILabelField,
        "to_representation",
        lambda self, value: real(self, value) | {"human_reviewed": False},
    )
    with pytest.raises(AssertionError, match="API"):
        assert_labels_agree(client, article)


@pytest.mark.parametrize(("prefix", "locale"), [("", "zh_CN"), ("/en", "en_US")])
def test_open_graph_and_twitter_cards_are_present_and_absolute(client, article, prefix, locale):
    soup = head_of(client, prefix + article.url)
    headline = soup.h1.get_text(strip=True)  # the headline readers see
    assert meta(soup, "og:title") == headline
    assert meta(soup, "og:description") == soup.select_one("p.lead").get_text(strip=True)
    assert meta(soup, "og:locale") == locale
    assert meta(soup, "og:site_name")
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:title") == headline
    assert meta(soup, "og:url") == article.get_full_url()
    for name in ("og:url", "og:image", "twitter:image"):
        parts = urlsplit(meta(soup, name))
        assert parts.scheme in ("http", "https") and parts.netloc, name
    assert meta(soup, "og:image").endswith(".png")
    assert finders.find("img/share-default.png")


def test_json_ld_describes_the_translation_and_never_carries_the_hidden_original(client, article):
    soup = head_of(client, article.url)
    data = json_ld(soup)
    assert data["@type"] == "Article"
    assert data["headline"] == soup.h1.get_text(strip=True) == meta(soup, "og:title")
    assert data["inLanguage"] == "zh-Hans"
    assert data["author"]["name"] == "Ada Example"
    assert data["isBasedOn"]["url"] == "https://example.org/history"
    assert data["translationOfWork"] == data["isBasedOn"]
    assert set(data["isBasedOn"]) <= {
        "@type",
        "url",
        "name",
        "inLanguage",
        "author",
        "datePublished",
    }
    assert data["url"] == article.get_full_url()
    assert data["datePublished"] and data["dateModified"]
    assert isinstance(data["translator"], list)
    script_text = soup.find("script", type="application/ld+json").string
    assert SECRET_ENGLISH not in script_text
    assert "</" not in script_text


def test_json_ld_cannot_be_closed_by_a_headline(client, article):
    article.headline_zh_hans = article.headline_en = "</script><script>alert(1)</script>"
    article.save_revision().publish()
    soup = head_of(client, article.url)
    assert json_ld(soup)["headline"] == "</script><script>alert(1)</script>"
    assert all(script.get("src") for script in soup.find_all("script", type=None))


def test_the_qr_code_is_an_svg_for_live_articles_only(client, article):
    response = client.get(f"/articles/{article.pk}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    again = client.get(f"/articles/{article.pk}/qr.svg", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    soup = head_of(client, article.url)
    assert soup.select_one(f'.share-row img[src="/articles/{article.pk}/qr.svg"]')
    article.unpublish()
    assert client.get(f"/articles/{article.pk}/qr.svg").status_code == 404
    assert client.get("/articles/999999/qr.svg").status_code == 404


def test_copy_link_is_a_plain_link_enhanced_by_an_own_script(client, article):
    soup = head_of(client, article.url)
    link = soup.select_one("a.share-copy")
    assert link["href"] == article.get_full_url()
    (script,) = [s for s in soup.find_all("script") if s.get("src")]
    assert script["src"].endswith(".js") and "share" in script["src"]
    assert finders.find("js/share.js")
