"""Dismissing a check finding is logged and can be undone from the review screen: the
finding shows again and counts again. Forms are read from the rendered HTML."""

from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage, CheckDismissal
from articles.review.views import FINDING_DISMISSED_ACTION, FINDING_RESTORED_ACTION
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

YEAR = '[data-review-finding="missing_number"]'


@pytest.fixture
def article(home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        heading_en="Numbers",
        heading_zh_hans="数字",
        body_en="<p>In 1998 the network read digits.</p>",
        body_zh_hans="<p>那一年，网络识别了数字。</p>",
        status="full",
    )
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def review(client, page) -> BeautifulSoup:
    url = reverse("articles_review:review", args=(page.pk,))
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_a_dismissal_is_logged_and_undone_from_the_review_screen(
    client, reviewer_user, editor_user, article
):
    client.force_login(reviewer_user)
    screen = review(client, article)
    assert screen.select_one(YEAR) is not None
    dismiss = RenderedForm(str(screen.select_one(YEAR)), "form")
    dismiss.set("reason", "原文年份有误，已与作者确认")
    client.post(dismiss.action, dismiss.data())

    screen = review(client, article)
    assert screen.select_one(YEAR) is None
    entry = PageLogEntry.objects.get(page=article, action=FINDING_DISMISSED_ACTION)
    assert entry.data["reason"] == "原文年份有误，已与作者确认" and entry.user == reviewer_user
    client.force_login(editor_user)  # the page history is the editors'
    history = client.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    assert "原文年份有误，已与作者确认" in history.content.decode()
    client.force_login(reviewer_user)

    undo = RenderedForm(str(screen.select_one('[data-review-dismissed="missing_number"]')), "form")
    client.post(undo.action, undo.data())

    screen = review(client, article)
    assert screen.select_one(YEAR) is not None  # the finding is back
    assert not CheckDismissal.objects.exists()
    assert PageLogEntry.objects.filter(page=article, action=FINDING_RESTORED_ACTION).count() == 1

    # The same undo again changes nothing and says so.
    again = client.post(undo.action, undo.data(), follow=True)
    assert [m.level_tag for m in again.context["messages"]] == ["error"]
    assert PageLogEntry.objects.filter(page=article, action=FINDING_RESTORED_ACTION).count() == 1
