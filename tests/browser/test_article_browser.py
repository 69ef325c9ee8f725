import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_reader_switches_the_demo_article_to_the_bilingual_view(live_server, page, keep_screenshot):
    from tests.site_data import demo_content

    article = demo_content().article
    page.goto(live_server.url + article.url)
    assert page.locator("h1").first.inner_text() == article.headline_zh_hans
    assert page.locator(".article-section .en").count() == 0

    page.click("[data-view=bilingual]")
    page.wait_for_url("**view=bilingual**")
    sections = page.locator(".article-section")
    assert sections.count() == article.sections.count()
    # Every section shows its English (abridged ones paragraph by paragraph).
    assert page.locator(".article-section:has(.en)").count() == article.sections.count()
    first_full = article.sections.filter(status="full").first()
    english = page.locator(f"#section-{list(article.sections.all()).index(first_full) + 1} .en")
    assert first_full.heading_en in english.inner_text()
    columns = page.evaluate(
        "getComputedStyle(document.querySelector('.pair')).gridTemplateColumns.split(' ').length"
    )
    assert columns == 2
    keep_screenshot(page, "article-bilingual.png", full_page=False)


def test_reader_opens_one_section_in_english(live_server, page):
    from tests.site_data import demo_content

    article = demo_content().article
    page.goto(live_server.url + article.url)
    details = page.locator("details.original").first
    assert not details.evaluate("element => element.open")
    details.locator("summary").click()
    assert details.evaluate("element => element.open")
    assert details.locator("div[lang=en]").is_visible()
