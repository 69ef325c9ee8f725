import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def log_in(page, live_server, username: str, password: str) -> None:
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_reviewer_sends_back_one_cut_on_the_review_screen(live_server, page, keep_screenshot):
    from articles.models import SectionSignoff
    from tests.site_data import demo_content

    demo = demo_content()
    SectionSignoff.objects.all().delete()  # start the demo cuts unsigned
    log_in(page, live_server, "reviewer", demo.passwords["reviewer"])
    page.goto(live_server.url + f"/admin/articles/{demo.article.pk}/abridgments/")

    cuts = page.locator("section.abridgment")
    count = cuts.count()
    assert count == demo.article.sections.filter(status__in=["abridged", "omitted"]).count()
    assert page.locator('section.abridgment[data-decision="unsigned"]').count() == count

    first = cuts.first
    first.locator("input[value=rejected]").check()
    first.locator("textarea[name=comment]").fill("请恢复第二段的关键数据。")
    first.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator('section.abridgment[data-decision="rejected"]').count() == 1
    assert "请恢复第二段的关键数据。" in page.content()

    second = page.locator("section.abridgment").nth(1)
    second.locator("input[value=approved]").check()
    second.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator('section.abridgment[data-decision="approved"]').count() == 1
    keep_screenshot(page, "abridgment-review.png", full_page=False)
