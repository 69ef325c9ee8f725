"""Replacing a translator's Chinese with the AI draft in headless Chromium: the first click
asks, showing both texts; the replacement can be undone from the drafts screen; no script is
needed for either step."""

import os

import pytest

from tests.browser.sessions import signed_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

REVIEWED = "<p>译者逐句审过的译文。</p>"
DRAFT = "【译】机器给出的初稿。"


@pytest.fixture
def article(home_page):
    from articles.models import ArticlePage
    from tests.factories import ArticlePageFactory, ArticleSectionFactory

    page = ArticlePageFactory(live=False)
    ArticleSectionFactory(
        page=page,
        body_en="<p>In 1986 Hinton showed backpropagation.</p>",
        body_zh_hans=REVIEWED,
        ai_draft=DRAFT,
        status="full",
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision()
    return page


def chinese(article) -> str:
    from articles.models import ArticlePage

    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    return latest.sections.first().body_zh_hans


def test_replacing_chinese_with_the_draft_is_confirmed_and_undone(
    live_server, page, translator_user, article, keep_screenshot
):
    signed_in(page, live_server, translator_user)
    drafts = live_server.url + f"/admin/articles/{article.pk}/drafts/"
    page.goto(drafts)

    page.locator('form[action$="/accept/"] button[type=submit]').click()
    page.wait_for_load_state()
    # The confirm step shows what would be replaced and by what; nothing is replaced yet.
    assert "译者逐句审过的译文。" in page.locator("[data-current]").inner_text()
    assert DRAFT in page.locator("[data-draft]").inner_text()
    assert chinese(article) == REVIEWED
    keep_screenshot(page, "drafts-confirm-replace.png", full_page=True)

    # Cancel goes back without a change.
    page.locator('a.button[href*="/drafts/"]').click()
    page.wait_for_url(f"**/admin/articles/{article.pk}/drafts/**")
    assert chinese(article) == REVIEWED

    page.locator('form[action$="/accept/"] button[type=submit]').click()
    page.locator('input[name="confirmed"] ~ button[type=submit]').click()
    page.wait_for_url(f"**/admin/articles/{article.pk}/drafts/**")
    assert chinese(article).startswith("<p>【译】")
    undo = page.locator('form[action$="/drafts/undo/"] button[type=submit]')
    assert undo.is_visible()
    keep_screenshot(page, "drafts-undo.png", full_page=True)

    undo.click()
    page.wait_for_url(f"**/admin/articles/{article.pk}/drafts/**")
    assert chinese(article) == REVIEWED
    assert page.locator('form[action$="/drafts/undo/"]').count() == 0
    assert page.locator(".messages .success, [class*=success]").count() >= 1
