"""The reports name each article with a link a user can follow: to the editor for those the
permission table lets edit it, to the review screen for reviewers, who may not edit."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from tests.factories import published_cut_with_draft

pytestmark = pytest.mark.django_db

ABRIDGMENTS = "articles_abridgment_report"
EFFORT = "articles_effort_report"


@pytest.fixture
def article(home_page):
    return published_cut_with_draft()


def article_link(client, report: str) -> str:
    response = client.get(reverse(report))
    assert response.status_code == 200
    links = BeautifulSoup(response.content, "html.parser").select("a[data-article-link]")
    assert [link.get_text(strip=True) for link in links] == ["删减与初稿"]
    return links[0]["href"]


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def review_url(page) -> str:
    return reverse("articles_review:review", args=(page.pk,))


@pytest.mark.parametrize("report", [ABRIDGMENTS, EFFORT])
def test_editors_open_the_article_in_the_editor(client, editor_user, article, report):
    client.force_login(editor_user)
    assert article_link(client, report) == edit_url(article)


def test_translators_open_the_article_in_the_editor_from_the_abridgments(
    client, translator_user, article
):
    client.force_login(translator_user)
    assert article_link(client, ABRIDGMENTS) == edit_url(article)


@pytest.mark.parametrize("report", [ABRIDGMENTS, EFFORT])
def test_reviewers_are_led_to_the_review_screen_they_may_open(
    client, reviewer_user, article, report
):
    client.force_login(reviewer_user)
    href = article_link(client, report)
    assert href == review_url(article)
    assert edit_url(article) not in client.get(reverse(report)).content.decode()
    assert client.get(href).status_code == 200
