"""The site's footer text starts where the page's own column starts, on a wide screen and in
both interface languages."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("address", ["/", "/en/"])
def test_the_footer_lines_up_with_the_content_column(live_server, browser, address):
    from tests.site_data import demo_content

    demo_content()
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + address)
    main = page.locator("main h1").bounding_box()
    footer = page.locator(".site-footer p").bounding_box()
    context.close()
    assert abs(footer["x"] - main["x"]) < 1
