"""Two editors in two browsers edit the same article: the second save meets the conflict
screen, and merging keeps both edits. With DUIZHAO_SCREENSHOTS=1 a screenshot of the screen
is kept for a person to look at."""

import os

import pytest

from tests.browser.sessions import signed_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def article(home_page):
    from articles.models import ArticlePage
    from tests.factories import ArticlePageFactory, ArticleSectionFactory

    page = ArticlePageFactory(title="深度学习简史", live=False)
    for number, (english, chinese) in enumerate([("The perceptron", "感知机"), ("Winter", "寒冬")]):
        ArticleSectionFactory(
            page=page,
            sort_order=number,
            heading_en=english,
            heading_zh_hans=chinese,
            body_en=f"<p>{english} in English.</p>",
            body_zh_hans=f"<p>{chinese}的译文。</p>",
        )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision()
    return page


def save_draft(page) -> None:
    with page.expect_navigation():
        page.locator("button.action-save").first.click()


def test_the_second_editor_merges_instead_of_overwriting(
    browser, live_server, article, editor_user, django_user_model, keep_screenshot
):
    from articles.models import ArticlePage
    from tests.conftest import user_in_group

    other = user_in_group(django_user_model, "ed2", "Editors")
    edit_url = live_server.url + f"/admin/pages/{article.pk}/edit/"
    contexts = [
        browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        for _ in range(2)
    ]
    first, second = (context.new_page() for context in contexts)
    try:
        for tab, user in ((first, editor_user), (second, other)):
            signed_in(tab, live_server, user)
            tab.goto(edit_url)

        first.fill("input[name='sections-0-heading_zh_hans']", "感知机（第一位编辑）")
        save_draft(first)
        second.fill("input[name='sections-1-heading_zh_hans']", "寒冬（第二位编辑）")
        save_draft(second)

        screen = second.locator("form.conflict-form")
        screen.wait_for()
        text = screen.inner_text()
        assert "感知机（第一位编辑）" in text and "寒冬（第二位编辑）" in text
        keep_screenshot(second, "edit-conflict.png", full_page=True)

        with second.expect_navigation():
            second.locator("button[name='conflict-resolution'][value='merge']").click()
        latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
        headings = [section.heading_zh_hans for section in latest.sections.all()]
        assert headings == ["感知机（第一位编辑）", "寒冬（第二位编辑）"]
    finally:
        for context in contexts:
            context.close()
