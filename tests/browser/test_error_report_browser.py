"""A reader on a phone reports a translation error from under a section, under the strict
public Content-Security-Policy and with the browser's own Origin header, and comes back to
the section."""

import pytest

from articles.models import ErrorReport
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def article(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    page = ArticlePageFactory(parent=index, slug="history", headline_zh_hans="深度学习简史")
    ArticleSectionFactory(page=page, sort_order=0, heading_zh_hans="编者按", status="added")
    ArticleSectionFactory(
        page=page,
        sort_order=1,
        heading_zh_hans="反向传播的由来",
        body_zh_hans="<p>1968 年，反向传播被重新发现：" + "很长的正文。" * 60 + "</p>",
    )
    return page


def test_a_reader_on_a_phone_reports_an_error_and_returns_to_the_section(
    live_server, browser, article, keep_screenshot
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_server.url}/articles/history/")
    report = page.locator("#section-2 details.error-report")
    assert not report.evaluate("element => element.open")
    report.locator("summary").click()
    form = report.locator("form")
    assert form.is_visible()
    assert page.locator("#section-2 [name=website]").is_hidden()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    form.locator("textarea[name=text]").fill("“1968 年”应为 1986 年。")
    form.locator("input[name=contact]").fill("wx: reader42")
    keep_screenshot(report, "error-report-form-390.png")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/report-error/thanks/**")
    assert page.locator("h1").inner_text()
    keep_screenshot(page, "error-report-thanks-390.png")

    stored = ErrorReport.objects.get()
    assert (stored.section_position, stored.text, stored.contact) == (
        2,
        "“1968 年”应为 1986 年。",
        "wx: reader42",
    )
    page.locator("main a[href$='#section-2']").click()
    page.wait_for_url("**/articles/history/#section-2")
    assert violations == []
    context.close()
