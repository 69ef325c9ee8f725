"""The review screen in headless Chromium: toggle a diff, move between sections with j/k and
the arrow keys, follow a deep link, and (DUIZHAO_SCREENSHOTS=1) keep a screenshot for a person
to look at."""

import os

import pytest

from tests.browser.sessions import signed_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SECTIONS = [
    (
        "The perceptron",
        "<p>In 1958 Frank Rosenblatt showed the perceptron to the press in Washington.</p>",
        "<p>1958 年，弗兰克·罗森布拉特在华盛顿向媒体展示了感知机。</p>",
        "1958 年，弗兰克·罗森布拉特在华盛顿向新闻界展示感知机。",
    ),
    (
        "Winter",
        "<p>Funding dried up for more than a decade after 1969.</p>",
        "<p>1969 年之后，资助枯竭了十多年。</p>",
        "1969 年以后，经费枯竭了超过十年。",
    ),
    (
        "Backpropagation",
        "<p>In 1986 a paper in Nature made backpropagation famous.</p>",
        "<p>论文让这种方法广为人知。</p>",
        "1986 年，《自然》上的一篇论文让反向传播广为人知。",
    ),
    (
        "GPUs",
        "<p>In 2012 two graphics cards trained AlexNet in a bedroom in Toronto.</p>",
        "<p>2012 年，两块显卡在多伦多的一间卧室里训练出了 AlexNet。</p>",
        "2012 年，两张图形卡在多伦多一间卧室里训练了 AlexNet。",
    ),
]


def active_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.fixture
def article(home_page):
    from articles.models import ArticlePage
    from articles.review.engine.drift import english_source
    from tests.factories import ArticlePageFactory, ArticleSectionFactory

    page = ArticlePageFactory(title="深度学习简史")
    for heading, english, chinese, draft in SECTIONS:
        ArticleSectionFactory(
            page=page,
            heading_en=heading,
            heading_zh_hans=heading,
            body_en=english,
            body_zh_hans=chinese,
            ai_draft=draft,
            source_at_translation=english_source(heading, english),
        )
    # The English of section 2 changed after it was translated.
    section = page.sections.all()[1]
    section.body_en = "<p>Funding dried up for well over a decade after 1969.</p>"
    section.save()
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def test_review_screen_toggles_diffs_and_moves_with_the_keyboard(
    live_server, page, editor_user, article, keep_screenshot
):
    signed_in(page, live_server, editor_user)
    url = live_server.url + f"/admin/articles/{article.pk}/review/"
    page.goto(url)
    assert page.locator("[data-review-row]").count() == len(SECTIONS)
    assert page.locator(".review-badge--stale").count() == 1

    # Toggle the AI draft diff of section 1: the changed characters appear.
    first_diff = page.locator("#section-1 details.review-diff--ai")
    assert not first_diff.evaluate("d => d.open")
    first_diff.locator("summary").click()
    assert first_diff.evaluate("d => d.open")
    assert first_diff.locator("ins").first.is_visible()

    # Clicking in section 1 made it the current section; j / k and the arrow keys move
    # the focus from there.
    page.keyboard.press("j")
    assert active_id(page) == "section-2"
    page.keyboard.press("ArrowDown")
    assert active_id(page) == "section-3"
    page.keyboard.press("k")
    assert active_id(page) == "section-2"
    page.keyboard.press("ArrowUp")
    assert active_id(page) == "section-1"
    page.keyboard.press("j")
    assert active_id(page) == "section-2"
    assert page.evaluate("location.hash") == "#section-2"

    # d opens the current section's diffs: here the source drift since translation.
    page.keyboard.press("d")
    drift = page.locator("#section-2 details.review-diff--drift")
    assert drift.evaluate("d => d.open")
    assert "well over" in drift.locator("ins").first.inner_text()
    keep_screenshot(page, "review.png", full_page=False)

    # A deep link lands on its section, and j continues from there.
    page.goto(url + "#section-3")
    assert active_id(page) == "section-3"
    page.keyboard.press("j")
    assert active_id(page) == "section-4"
