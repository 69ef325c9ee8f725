"""The bilingual view of an abridged section pairs its paragraphs and marks the cut, on a
desktop and on a phone: the English sentence left out is highlighted beside the Chinese
paragraph that skips it, and the Chinese carries a marker there."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def make_article():
    from articles.content.cut_sentences import coverage_record
    from articles.importing.engine.coverage import section_coverage
    from articles.models import ArticlePage
    from tests.articles.test_coverage_recheck import EN_CUT, ZH_CUT
    from tests.factories import ArticlePageFactory, ArticleSectionFactory

    page = ArticlePageFactory(slug="cuts-browser", show_original=True, licence="permission")
    ArticleSectionFactory(
        page=page,
        heading_en="Beginnings",
        heading_zh_hans="起步",
        body_en=EN_CUT,
        body_zh_hans=ZH_CUT,
        status="abridged",
        note="删去了搬家的细节。",
        coverage=coverage_record(section_coverage(EN_CUT, ZH_CUT), EN_CUT, ZH_CUT),
    )
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


@pytest.mark.parametrize(("width", "columns"), [(1366, 2), (390, 1)])
def test_bilingual_view_pairs_paragraphs_and_marks_the_cut(
    live_server, browser, keep_screenshot, width, columns
):
    from tests.articles.test_coverage_recheck import DROPPED

    article = make_article()
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(live_server.url + article.url + "?view=bilingual")
        rows = page.locator("#section-1 .pair--paragraph")
        assert rows.count() == 2
        first = rows.nth(0)
        mark = first.locator(".en mark.cut-sentence")
        assert mark.inner_text() == DROPPED
        marker = first.locator(".zh .cut-marker")
        assert marker.is_visible() and marker.inner_text() == "［删节］"
        # At the place of the cut: after the sentence before it, before the one after it.
        text = first.locator(".zh").inner_text()
        assert "等人创立。［删节］它在 2019 年" in text.replace("\n", "")
        grid = first.evaluate("e => getComputedStyle(e).gridTemplateColumns.split(' ').length")
        assert grid == columns
        zh_box, en_box = first.locator(".zh").bounding_box(), first.locator(".en").bounding_box()
        if columns == 2:
            # Side by side, each paragraph's row starting level with its partner.
            assert en_box["x"] > zh_box["x"] + zh_box["width"] - 1
            assert abs(en_box["y"] - zh_box["y"]) < 2
            second = rows.nth(1)
            assert (
                second.bounding_box()["y"]
                >= max(zh_box["y"] + zh_box["height"], en_box["y"] + en_box["height"]) - 1
            )
        else:
            # On a phone the English follows its Chinese paragraph, not the whole section.
            assert en_box["y"] >= zh_box["y"] + zh_box["height"] - 1
            assert en_box["y"] < rows.nth(1).bounding_box()["y"]
        # The highlight is visible: a background unlike the page's.
        background = mark.evaluate("e => getComputedStyle(e).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
        page.locator("#section-1").scroll_into_view_if_needed()
        keep_screenshot(page, f"article-cut-bilingual-{width}.png", full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_the_chinese_shows_the_marker_where_the_sentence_was_cut(
    live_server, browser, keep_screenshot, width
):
    article = make_article()
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(live_server.url + article.url)
        paragraph = page.locator("#section-1 .zh p").first
        marker = paragraph.locator(".cut-marker")
        assert marker.count() == 1 and marker.is_visible()
        # Inside the paragraph's text, not after it: text follows the marker on its line or
        # the next, within the paragraph's box.
        text = paragraph.inner_text().replace("\n", "")
        assert text.index("［删节］") == text.index("创立。") + len("创立。")
        assert text.endswith("GPT-2。")
        box, marker_box = paragraph.bounding_box(), marker.bounding_box()
        assert box["y"] <= marker_box["y"] and marker_box["y"] + marker_box["height"] <= (
            box["y"] + box["height"] + 1
        )
        assert marker_box["x"] + marker_box["width"] <= box["x"] + box["width"] + 1
        page.locator("#section-1").scroll_into_view_if_needed()
        keep_screenshot(page, f"article-cut-marker-{width}.png")
    finally:
        context.close()
