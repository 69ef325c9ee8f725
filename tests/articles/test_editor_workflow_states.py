"""The article editor reads the article's workflow state once per view: the lock, the action
menu and the status panel each show the step the article is in, without asking again."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from articles.editorial.workflow import assign_translation_workflow
from articles.models import ArticlePage
from tests.articles.workflow_helpers import create_and_submit, current_task_name
from tests.factories import ArticleIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]


@pytest.fixture
def in_review(client, home_page, translator_user) -> ArticlePage:
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    client.force_login(translator_user)
    assert create_and_submit(client, index).status_code == 302
    client.logout()
    page = ArticlePage.objects.get(slug="perceptron")
    assert current_task_name(page) == "Translation review"
    return page


def workflow_state_reads(queries) -> int:
    return sum('FROM "wagtailcore_workflowstate"' in query["sql"] for query in queries)


def test_the_editor_shows_the_step_reading_the_workflow_state_once(
    client, in_review, reviewer_user
):
    client.force_login(reviewer_user)
    url = reverse("wagtailadmin_pages:edit", args=[in_review.pk])

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Translation review" in page  # the status panel's step
    assert 'data-workflow-action-name="approve"' in page  # the step's actions in the menu
    assert workflow_state_reads(queries.captured_queries) == 1
