"""Feeds, the sitemap, robots.txt and every absolute address on the pages, under a
configured SITE_BASE_URL: the default Wagtail Site follows the setting and every address
readers or crawlers get names it, whatever Host the request came with. Feeds carry what
readers see (headline, summary) and never an original the licence keeps back."""

import xml.etree.ElementTree as ET

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup
from defusedxml.ElementTree import fromstring

from articles.content.feeds import FEED_ENTRIES
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleSectionFactory,
    PersonFactory,
    QuoteFactory,
    TopicFactory,
)
from tests.seeded_db import seeded

pytestmark = pytest.mark.django_db

BASE = "https://duizhao.example"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HIDDEN_ENGLISH = "Quixotic pelicans juggled tangerines beside the lighthouse."
HIDDEN_HEADING = "Lanterns of Valparaiso"


@pytest.fixture
def base_url(settings) -> None:
    settings.SITE_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE


def sync_site() -> Site:
    call_command("sync_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def site(base_url, home_page) -> Site:
    return seeded("feeds-site", sync_site)


@pytest.fixture
def content(base_url, home_page) -> dict:
    """A topic, a person, an index and two articles: one showing its original, one whose
    licence keeps its English back; a third filed elsewhere, and a draft (on the synced site)."""
    return seeded("feeds-content", build_content)


def build_content() -> dict:
    sync_site()
    index = ArticleIndexPageFactory(slug="articles")
    topic = TopicFactory(slug="deep-learning", name_zh_hans="深度学习", name_en="Deep learning")
    other_topic = TopicFactory(slug="robots", name_zh_hans="机器人", name_en="Robots")
    person = PersonFactory(slug="hinton", name_en="Geoffrey Hinton", name_zh_hans="杰弗里·辛顿")
    hidden = ArticlePageFactory(
        parent=index,
        slug="hidden",
        headline_zh_hans="灯塔与鹈鹕",
        headline_en="Lighthouses and pelicans",
        summary_zh_hans="一篇关于灯塔的译文。",
        summary_en="A translation about lighthouses.",
        show_original=False,
        licence="excerpt",
        original_author=person,
    )
    ArticleSectionFactory(
        page=hidden,
        sort_order=0,
        heading_en=HIDDEN_HEADING,
        heading_zh_hans="",
        body_en=f"<p>{HIDDEN_ENGLISH}</p>",
        body_zh_hans="<p>鹈鹕在灯塔旁抛接橘子。</p>",
        status="full",
    )
    hidden.topics.add(topic)
    shown = ArticlePageFactory(
        parent=index,
        slug="shown",
        headline_zh_hans="神经网络的寒冬",
        summary_zh_hans="寒冬里的人。",
    )
    shown.topics.add(topic)
    shown.people_mentioned.add(person)
    elsewhere = ArticlePageFactory(parent=index, slug="elsewhere", headline_zh_hans="机器人简史")
    elsewhere.topics.add(other_topic)
    draft = ArticlePageFactory(
        parent=index, slug="draft", headline_zh_hans="未发布的草稿", live=False
    )
    draft.topics.add(topic)
    for page in (hidden, shown, elsewhere):
        page.save_revision().publish()
    return {"topic": topic, "person": person, "hidden": hidden, "shown": shown}


def feed(client, path: str) -> ET.Element:
    response = client.get(path, HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root: ET.Element) -> dict[str, ET.Element]:
    """Entries by their link."""
    return {entry.find(f"{ATOM}link").get("href"): entry for entry in root.iter(f"{ATOM}entry")}


def chinese(msgid: str, **values: str) -> str:
    """The Chinese interface's text for ``msgid`` (the feed titles are translated)."""
    with translation.override("zh-hans"):
        return translation.gettext(msgid) % values


def links(root: ET.Element) -> dict[str, str]:
    return {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}


# Feeds.


def test_the_articles_feed_lists_live_articles_with_absolute_links_titles_and_summaries(
    client, content
):
    root = feed(client, "/feeds/articles/")
    assert root.find(f"{ATOM}title").text == chinese("Duizhao: new translations")
    assert links(root) == {"alternate": f"{BASE}/", "self": f"{BASE}/feeds/articles/"}
    found = entries(root)
    assert set(found) == {
        f"{BASE}/articles/hidden/",
        f"{BASE}/articles/shown/",
        f"{BASE}/articles/elsewhere/",
    }
    hidden = found[f"{BASE}/articles/hidden/"]
    assert hidden.find(f"{ATOM}title").text == "灯塔与鹈鹕"
    assert hidden.find(f"{ATOM}summary").text == "一篇关于灯塔的译文。"
    assert hidden.find(f"{ATOM}id").text.startswith(BASE)
    assert [category.get("term") for category in hidden.findall(f"{ATOM}category")] == ["深度学习"]


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/feeds/articles/", "zh-Hans"),
        ("/en/feeds/articles/", "en"),
        ("/feeds/topics/deep-learning/", "zh-Hans"),
        ("/en/feeds/people/hinton/", "en"),
    ],
)
def test_a_feed_names_the_language_it_is_written_in(client, content, path, language):
    assert feed(client, path).get("{http://www.w3.org/XML/1998/namespace}lang") == language


def test_the_english_interface_feed_links_the_english_pages(client, content):
    root = feed(client, "/en/feeds/articles/")
    assert links(root)["self"] == f"{BASE}/en/feeds/articles/"
    hidden = entries(root)[f"{BASE}/en/articles/hidden/"]
    assert hidden.find(f"{ATOM}title").text == "Lighthouses and pelicans"
    assert hidden.find(f"{ATOM}summary").text == "A translation about lighthouses."


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_feed_carries_an_original_the_licence_keeps_back(client, content, prefix):
    for path in ("feeds/articles/", "feeds/topics/deep-learning/", "feeds/people/hinton/"):
        body = client.get(f"{prefix}/{path}").content.decode()
        assert HIDDEN_ENGLISH not in body
        assert HIDDEN_HEADING not in body
        assert "鹈鹕在灯塔旁" not in body  # the body is not in feeds either; the summary is


def test_the_topic_feed_lists_only_that_topics_live_articles(client, content):
    root = feed(client, "/feeds/topics/deep-learning/")
    assert root.find(f"{ATOM}title").text == chinese(
        "Duizhao: articles on %(topic)s", topic="深度学习"
    )
    assert links(root) == {
        "alternate": f"{BASE}/articles/?topic=deep-learning",
        "self": f"{BASE}/feeds/topics/deep-learning/",
    }
    assert set(entries(root)) == {f"{BASE}/articles/hidden/", f"{BASE}/articles/shown/"}


def test_the_person_feed_lists_articles_by_or_about_them(client, content):
    root = feed(client, "/feeds/people/hinton/")
    assert root.find(f"{ATOM}title").text == chinese(
        "Duizhao: articles about or by %(person)s", person="杰弗里·辛顿"
    )
    assert links(root)["alternate"] == f"{BASE}/people/hinton/"
    assert set(entries(root)) == {f"{BASE}/articles/hidden/", f"{BASE}/articles/shown/"}


def test_feeds_of_unknown_topics_and_people_are_not_found(client, content):
    assert client.get("/feeds/topics/no-such-topic/").status_code == 404
    assert client.get("/feeds/people/no-such-person/").status_code == 404


def test_a_feed_costs_the_same_queries_however_many_entries(
    client, content, django_assert_max_num_queries
):
    index = content["hidden"].get_parent()
    with django_assert_max_num_queries(8):
        feed(client, "/feeds/topics/deep-learning/")
    for number in range(FEED_ENTRIES + 5):
        page = ArticlePageFactory(parent=index, slug=f"more-{number}")
        page.topics.add(content["topic"], TopicFactory())
        page.save_revision().publish()
    with django_assert_max_num_queries(8):
        root = feed(client, "/feeds/topics/deep-learning/")
    assert len(entries(root)) == FEED_ENTRIES


@pytest.mark.parametrize(
    ("path", "feeds"),
    [
        ("/", ["/feeds/articles/"]),
        ("/articles/", ["/feeds/articles/"]),
        ("/articles/?topic=deep-learning", ["/feeds/articles/", "/feeds/topics/deep-learning/"]),
        ("/articles/?person=hinton", ["/feeds/articles/", "/feeds/people/hinton/"]),
        ("/people/hinton/", ["/feeds/articles/", "/feeds/people/hinton/"]),
        ("/en/people/hinton/", ["/en/feeds/articles/", "/en/feeds/people/hinton/"]),
    ],
)
def test_pages_link_their_feeds_from_the_head(client, content, path, feeds):
    head = BeautifulSoup(client.get(path).content, "html.parser").head
    found = [
        link["href"] for link in head.select('link[rel=alternate][type="application/atom+xml"]')
    ]
    assert found == [BASE + feed_path for feed_path in feeds]


# Addresses on pages and in the API.


def test_the_default_site_follows_site_base_url(site):
    assert site.root_url == BASE


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_article_names_one_address_per_language_and_links_its_original_as_the_source(
    client, content, prefix
):
    page = content["shown"]
    head = BeautifulSoup(
        client.get(f"{prefix}/articles/shown/", HTTP_HOST="localhost").content, "html.parser"
    )
    hreflangs = {
        link["hreflang"]: link["href"] for link in head.select("link[rel=alternate][hreflang]")
    }
    assert len(head.select("link[rel=alternate][hreflang]")) == 3
    assert hreflangs == {
        "zh-Hans": f"{BASE}/articles/shown/",
        "en": f"{BASE}/en/articles/shown/",
        "x-default": f"{BASE}/articles/shown/",
    }
    assert head.select_one("link[rel=canonical]")["href"] == f"{BASE}{prefix}/articles/shown/"
    og_url = head.select_one('meta[property="og:url"]')
    if og_url is not None:
        assert og_url["content"] == f"{BASE}{prefix}/articles/shown/"
    assert not head.select(f'link[href="{page.original_url}"][rel=alternate]')
    source = head.select_one(f'a[href="{page.original_url}"]')
    assert "external" in source["rel"]


def test_every_absolute_address_in_a_head_names_the_site(client, content):
    for path in ("/", "/articles/", "/articles/shown/", "/people/hinton/", "/en/quotes/"):
        head = BeautifulSoup(client.get(path, HTTP_HOST="localhost").content, "html.parser").head
        for element in head.select("link[href], meta[content]"):
            address = element.get("href") or element.get("content")
            if address.startswith("http") and "example.com/original" not in address:
                assert address.startswith(BASE + "/"), (path, address)


def test_the_api_names_pages_on_the_site(client, content):
    response = client.get("/api/v2/pages/", {"type": "articles.ArticlePage"}, HTTP_HOST="localhost")
    items = response.json()["items"]
    assert items
    for item in items:
        assert item["meta"]["html_url"].startswith(f"{BASE}/articles/")
        assert item["meta"]["detail_url"].startswith(f"{BASE}/api/v2/pages/")


# Sitemap, robots.txt, icons.


def test_the_sitemap_lists_both_languages_people_and_quotes(client, content):
    quote = QuoteFactory(speaker=content["person"])
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    root = fromstring(response.content)
    locations = [url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")]
    assert len(locations) == len(set(locations))
    for path in (
        "/",
        "/articles/",
        "/articles/shown/",
        "/articles/hidden/",
        "/people/hinton/",
        f"/quotes/{quote.pk}/",
    ):
        assert f"{BASE}{path}" in locations
        assert f"{BASE}/en{path}" in locations
    assert f"{BASE}/articles/draft/" not in locations
    for url in root.iter(f"{SITEMAP}url"):
        if url.find(f"{SITEMAP}loc").text == f"{BASE}/en/articles/shown/":
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
            }
            assert alternates == {
                "zh-Hans": f"{BASE}/articles/shown/",
                "en": f"{BASE}/en/articles/shown/",
                "x-default": f"{BASE}/articles/shown/",
            }


def test_robots_txt_names_the_sitemap(client, site):
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_pages_link_a_favicon_and_touch_icon_that_exist(client, site):
    head = BeautifulSoup(client.get("/").content, "html.parser").head
    icons = [link["href"] for link in head.select("link[rel=icon], link[rel=apple-touch-icon]")]
    assert len(icons) == 3
    for address in icons:
        assert client.get(address).status_code == 200, address
    assert client.get("/favicon.ico").status_code == 301
