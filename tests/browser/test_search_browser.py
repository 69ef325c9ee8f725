"""A reader searches from the header box and narrows the results by topic (headless Chromium);
the screenshot (DUIZHAO_SCREENSHOTS=1: var/screenshots/search.png) is the README's
docs/screenshots/search.png."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_reader_searches_from_the_header_and_filters_by_topic(live_server, page, keep_screenshot):
    from tests.site_data import demo_content

    article = demo_content(articles=3, sections=2).article
    page.goto(live_server.url + "/")
    page.fill("#site-search-q", "反向传播")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator(".search-result")
    assert results.count() == 1
    assert results.first.locator("h2 a").get_attribute("href") == article.url
    assert "反向传播" in results.first.locator(".excerpt mark").first.inner_text()

    page.fill("#search-q", "网络 辛顿")
    page.select_option("#search-topic", "deep-learning")
    page.click(".search-form button")
    page.wait_for_url("**topic=deep-learning**")
    assert page.locator(".search-result").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow
    # The English interface: every label of it is in the catalogue already.
    page.goto(live_server.url + "/en/search/?q=神经网络")
    assert page.locator(".search-result").count() == 1
    keep_screenshot(page, "search.png", full_page=False)


def test_search_page_fits_a_phone(live_server, browser):
    from tests.site_data import demo_content

    demo_content()
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = context.new_page()
    phone.goto(live_server.url + "/search/?q=Hinton")
    assert phone.locator(".search-result").count() == 1
    assert not phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
