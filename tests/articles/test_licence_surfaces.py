"""The licence rule on every public surface: an article whose original may not be shown
(``show_original`` off) gives readers its Chinese and none of its English, whether they
read the page, its bilingual views, its list of cuts, the API, search, the sitemap or a
cached copy. With the original shown, the English is there, so each test fails both ways."""

import json

from django.test import override_settings
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleSectionFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.seeded_db import seeded

pytestmark = pytest.mark.django_db

# Words that occur only in the English original, so finding any of them anywhere public
# means the original leaked.
FULL_HEADING_EN = "Lanterns of Valparaiso"
FULL_BODY_EN = "Quixotic pelicans juggled tangerines beside the lighthouse."
CUT_HEADING_EN = "Marginalia of Reykjavik"
CUT_BODY_EN = "Obsidian marmosets catalogued every footnote twice."
OMITTED_BODY_EN = "Vermilion axolotls recited the whole bibliography."
ENGLISH = [FULL_HEADING_EN, FULL_BODY_EN, CUT_HEADING_EN, CUT_BODY_EN, OMITTED_BODY_EN]

FULL_BODY_ZH = "鹈鹕 在 灯塔 旁 抛接 橘子。"
CUT_BODY_ZH = "狨猴 编目 了 脚注。"
CUT_NOTE = "删去了关于脚注的细节。"
OMITTED_NOTE = "参考书目未译出。"
CHINESE = [FULL_BODY_ZH, CUT_BODY_ZH, CUT_NOTE, OMITTED_NOTE]

ENGLISH_SEARCH_WORD = "pelicans"  # only in FULL_BODY_EN
CHINESE_SEARCH_WORD = "鹈鹕"  # only in FULL_BODY_ZH

PATH = "/articles/lanterns/"  # the article's address in the Chinese interface


def make_article(show_original: bool) -> ArticlePage:
    """A published article whose sections carry English found nowhere else. Two sections
    have no Chinese heading, so a page falling back to the English heading would leak it."""
    index = ArticleIndexPageFactory(slug="articles")
    person = PersonFactory(slug="keeper")
    page = ArticlePageFactory(
        parent=index,
        slug="lanterns",
        headline_zh_hans="灯塔与鹈鹕",
        headline_en="Lighthouses",
        summary_zh_hans="一篇关于灯塔的译文。",
        summary_en="A translation about lighthouses.",
        original_title="Lighthouses",
        licence="excerpt" if not show_original else "permission",
        show_original=show_original,
        original_author=person,
    )
    page.people_mentioned.add(person)
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        quote=QuoteFactory(speaker=person),
        heading_en=FULL_HEADING_EN,
        heading_zh_hans="",
        body_en=f"<p>{FULL_BODY_EN}</p>",
        body_zh_hans=f"<p>{FULL_BODY_ZH}</p>",
        status="full",
    )
    ArticleSectionFactory(
        page=page,
        sort_order=1,
        heading_en=CUT_HEADING_EN,
        heading_zh_hans="",
        body_en=f"<p>{CUT_BODY_EN}</p>",
        body_zh_hans=f"<p>{CUT_BODY_ZH}</p>",
        status="abridged",
        note=CUT_NOTE,
    )
    ArticleSectionFactory(
        page=page,
        sort_order=2,
        heading_en="Bibliography",
        heading_zh_hans="参考书目",
        body_en=f"<p>{OMITTED_BODY_EN}</p>",
        body_zh_hans="",
        status="omitted",
        note=OMITTED_NOTE,
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def hidden(home_page) -> ArticlePage:
    return seeded("licence-hidden", lambda: make_article(show_original=False))


@pytest.fixture
def shown(home_page) -> ArticlePage:
    return seeded("licence-shown", lambda: make_article(show_original=True))


def assert_no_english(text: str) -> None:
    for phrase in ENGLISH:
        assert phrase not in text, phrase


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def cuts_list(html: str) -> str:
    """The reader's list of cuts on the article page (``#abridgments``)."""
    section = BeautifulSoup(html, "html.parser").find(id="abridgments")
    assert section is not None
    return str(section)


# The article page, its per-section originals and the list of cuts.


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_hidden_original_is_nowhere_on_the_article_page(client, hidden, prefix):
    html = html_of(client, prefix + PATH)
    assert_no_english(html)
    for phrase in CHINESE:
        assert phrase in html
    assert 'class="original"' not in html  # no per-section "Show the English original"
    assert 'data-view="bilingual"' not in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_shown_original_is_offered_under_each_section(client, shown, prefix):
    html = html_of(client, prefix + PATH)
    originals = BeautifulSoup(html, "html.parser").select("section.article-section details")
    text = " ".join(details.get_text(" ") for details in originals)
    for phrase in (FULL_HEADING_EN, FULL_BODY_EN, CUT_BODY_EN, OMITTED_BODY_EN):
        assert phrase in text
    assert 'data-view="bilingual"' in html


def test_list_of_cuts_keeps_the_hidden_english_back(client, hidden):
    cuts = cuts_list(html_of(client, PATH))
    assert_no_english(cuts)
    assert CUT_NOTE in cuts and OMITTED_NOTE in cuts
    assert "参考书目" in cuts  # the Chinese heading names the cut


def test_list_of_cuts_shows_the_english_of_each_cut_when_allowed(client, shown):
    cuts = cuts_list(html_of(client, PATH))
    assert CUT_BODY_EN in cuts and OMITTED_BODY_EN in cuts
    assert CUT_HEADING_EN in cuts  # no Chinese heading: the English one names the cut
    assert FULL_BODY_EN not in cuts  # only cuts are listed


# The per-page bilingual view.


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_bilingual_view_of_a_hidden_original_shows_only_the_chinese(client, hidden, prefix):
    html = html_of(client, prefix + PATH + "?view=bilingual")
    assert_no_english(html)
    assert FULL_BODY_ZH in html
    assert 'class="en" lang="en"' not in html


def test_bilingual_view_of_a_shown_original_pairs_every_section(client, shown):
    html = html_of(client, PATH + "?view=bilingual")
    columns = BeautifulSoup(html, "html.parser").select("div.en")
    assert len(columns) == 3
    text = " ".join(column.get_text(" ") for column in columns)
    for phrase in ENGLISH:
        assert phrase in text


# The API: detail, listing with every field, and chosen or nested fields.

DETAIL_QUERIES = [
    {},
    {"fields": "sections(heading_en,body_en)"},
    {"fields": "*", "rich_text_format": "markdown"},
]
LISTING_QUERIES = [
    {"type": "articles.ArticlePage", "fields": "*"},
    {"type": "articles.ArticlePage", "fields": "sections"},
    {"type": "articles.ArticlePage", "fields": "_,id,sections(heading_en,body_en,body_zh_hans)"},
    {"type": "articles.ArticlePage", "fields": "sections(*)", "rich_text_format": "html"},
]


API_QUERIES = [("detail", query) for query in DETAIL_QUERIES] + [
    ("listing", query) for query in LISTING_QUERIES
]


def api_sections(client, page, endpoint: str, query: dict) -> tuple[str, list[dict]]:
    """The raw JSON text and the page's sections, from the detail or the listing."""
    if endpoint == "detail":
        response = client.get(f"/api/v2/pages/{page.pk}/", query)
        assert response.status_code == 200, response.content
        return response.content.decode(), response.json()["sections"]
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 200, response.content
    [item] = [item for item in response.json()["items"] if item["id"] == page.pk]
    return response.content.decode(), item["sections"]


@pytest.mark.parametrize("endpoint,query", API_QUERIES)
def test_api_withholds_a_hidden_original(client, hidden, endpoint, query):
    raw, sections = api_sections(client, hidden, endpoint, query)
    assert_no_english(raw)
    assert_no_english(json.dumps(sections, ensure_ascii=False))
    assert len(sections) == 3
    assert all(section["body_en"] is None for section in sections)
    if "heading_en" in sections[0]:
        assert all(section["heading_en"] is None for section in sections)
    if "body_zh_hans" in sections[0]:
        assert "鹈鹕" in sections[0]["body_zh_hans"]


@pytest.mark.parametrize("endpoint,query", API_QUERIES)
def test_api_gives_a_shown_original(client, shown, endpoint, query):
    _, sections = api_sections(client, shown, endpoint, query)
    assert FULL_BODY_EN in sections[0]["body_en"]
    assert CUT_BODY_EN in sections[1]["body_en"]
    if "heading_en" in sections[0]:
        assert sections[0]["heading_en"] == FULL_HEADING_EN


# Search.


def api_search(client, words: str) -> list[int]:
    response = client.get("/api/v2/pages/", {"search": words})
    assert response.status_code == 200
    return [item["id"] for item in response.json()["items"]]


def test_search_does_not_find_a_page_by_its_hidden_english(client, hidden):
    assert api_search(client, ENGLISH_SEARCH_WORD) == []
    assert api_search(client, "marmosets") == []
    assert api_search(client, CHINESE_SEARCH_WORD) == [hidden.pk]


def test_search_finds_a_page_by_its_shown_english(client, shown):
    assert api_search(client, ENGLISH_SEARCH_WORD) == [shown.pk]
    assert api_search(client, CHINESE_SEARCH_WORD) == [shown.pk]


# Sitemap, page head, lists.


def test_sitemap_names_the_page_and_nothing_of_its_original(client, hidden):
    xml = html_of(client, "/sitemap.xml")
    assert hidden.full_url in xml
    assert_no_english(xml)
    assert "view=bilingual" not in xml


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_page_head_and_link_previews_carry_no_hidden_english(client, hidden, prefix):
    head = str(BeautifulSoup(html_of(client, prefix + PATH), "html.parser").head)
    assert_no_english(head)
    assert 'property="og:description"' in head


LIST_URLS = ["/", "/articles/", "/articles/?person=keeper", "/people/keeper/", "/quotes/"]


@pytest.mark.parametrize("url", [*LIST_URLS, *("/en" + url for url in LIST_URLS)])
def test_lists_of_articles_people_and_quotes_carry_no_hidden_english(client, hidden, url):
    html = html_of(client, url)
    assert_no_english(html)
    assert PATH in html or "/quotes/" in url


def test_quote_page_carries_no_hidden_english(client, hidden):
    quote = hidden.sections.get(sort_order=0).quote
    html = html_of(client, f"/quotes/{quote.pk}/")
    assert_no_english(html)
    assert PATH in html  # the article that quotes it is listed


# The cached article body.


def edit_form_data(client, page) -> dict:
    """The editor's form as the admin rendered it: every field with its current value."""
    html = html_of(client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        kind = field.get("type", "")
        if not name or kind in {"submit", "button", "file"}:
            continue
        if kind in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.string or ""
        elif field.name == "select":
            chosen = field.find_all("option", selected=True)
            for option in chosen:
                data.setdefault(name, []).append(option.get("value", ""))
            continue
        else:
            value = field.get("value", "on" if kind == "checkbox" else "")
        data.setdefault(name, []).append(value)
    return data


def test_turning_the_original_off_and_republishing_drops_every_cached_english(
    client, shown, editor_user
):
    # Readers load the page (and so the cached body) and find it by its English.
    assert FULL_BODY_EN in html_of(client, PATH)
    assert FULL_BODY_EN in html_of(client, "/en" + PATH)
    assert api_search(client, ENGLISH_SEARCH_WORD) == [shown.pk]

    editor = client.__class__()
    editor.force_login(editor_user)
    data = edit_form_data(editor, shown)
    assert data.pop("show_original") == ["on"]
    data["action-publish"] = ["action-publish"]
    response = editor.post(reverse("wagtailadmin_pages:edit", args=(shown.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    shown.refresh_from_db()
    assert not shown.show_original

    for url in (PATH, "/en" + PATH, PATH + "?view=bilingual"):
        html = html_of(client, url)
        assert_no_english(html)
        assert FULL_BODY_ZH in html
    assert_no_english(client.get(f"/api/v2/pages/{shown.pk}/").content.decode())
    assert api_search(client, ENGLISH_SEARCH_WORD) == []
    assert api_search(client, CHINESE_SEARCH_WORD) == [shown.pk]


# The cached fragment on its own: no signal tells the whole-page cache of a direct write, so a
# data fix ends with `manage.py expire_cached_pages` (tests/test_page_cache.py).
@override_settings(PAGE_CACHE_ENABLED=False)
def test_cached_body_follows_the_licence_even_without_a_new_publish_time(client, shown):
    # A correction made straight to the live row (a data fix, a script) leaves Wagtail's
    # page cache key as it was; the cached body still must not outlive the licence.
    assert FULL_BODY_EN in html_of(client, PATH)
    ArticlePage.objects.filter(pk=shown.pk).update(show_original=False)
    html = html_of(client, PATH)
    assert_no_english(html)
    assert FULL_BODY_ZH in html
