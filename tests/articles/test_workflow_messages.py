"""Workflow actions read as what happened: an approval shows no refusal beside it, a step
that cannot be approved yet says so on a disabled button, and a reviewer's dashboard task
opens the screen the step is decided on."""

from django.contrib.messages import constants
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

import pytest
from bs4 import BeautifulSoup

from articles.editorial.workflow import assign_translation_workflow
from articles.models import ArticlePage
from tests.articles.workflow_helpers import (
    create_and_submit,
    current_task_name,
    review_url,
    workflow_action,
)
from tests.factories import ArticleIndexPageFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, home_page, translator_user):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    client.force_login(translator_user)
    assert create_and_submit(client, index).status_code == 302
    client.logout()
    return ArticlePage.objects.get(slug="perceptron")


def shown_messages(response) -> list[tuple[int, str]]:
    return [(message.level, message.message) for message in response.context["messages"]]


def approve_in_editor(client, page):
    """Open the editor and press the workflow's "Approve" as Wagtail's script does: it sets
    the two hidden fields the button names and submits the editor form."""
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    html = client.get(edit_url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('[data-workflow-action-name="approve"]') is not None
    form = RenderedForm(html, "form[data-edit-form]")
    data = form.data(**{"action-workflow-action": "true", "workflow-action-name": "approve"})
    return client.post(edit_url, data, follow=True)


def test_approving_a_step_in_the_editor_shows_no_refusal(client, submitted, reviewer_user):
    client.force_login(reviewer_user)
    response = approve_in_editor(client, submitted)

    assert response.status_code == 200
    assert current_task_name(submitted) == "Abridgment review"
    shown = shown_messages(response)
    assert [level for level, _text in shown if level >= constants.WARNING] == []
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    # The message says what happened to which step, not "the page has been updated".
    (success,) = [text for level, text in shown if level == constants.SUCCESS]
    with translation.override("zh-hans"):
        steps = gettext("Translation review"), gettext("Abridgment review")
    assert all(step in success for step in steps)
    assert "updated" not in success and "更新" not in success


def test_approving_from_the_workflow_action_address_shows_no_refusal(
    client, submitted, reviewer_user
):
    client.force_login(reviewer_user)
    response = workflow_action(client, submitted, "approve")
    assert response.status_code == 302
    followed = client.get(response["Location"], follow=True)

    assert current_task_name(submitted) == "Abridgment review"
    assert followed.status_code == 200
    assert [level for level, _text in shown_messages(followed) if level >= constants.WARNING] == []


def test_a_blocked_step_shows_a_disabled_approve_button_with_the_reason(
    client, submitted, reviewer_user
):
    client.force_login(reviewer_user)
    workflow_action(client, submitted, "approve")
    soup = BeautifulSoup(client.get(review_url(submitted)).content, "html.parser")

    button = soup.select_one('form:has(input[name="action"][value="approve_task"]) button')
    assert button.has_attr("disabled")
    reason = soup.select_one(f"#{button['aria-describedby']}").get_text()
    assert "格拉斯哥往事" in reason and "延伸阅读" in reason
    assert "感知机" not in reason  # a full section needs no sign-off


def test_the_approve_button_is_enabled_once_every_cut_is_signed(
    client, submitted, reviewer_user, editor_user
):
    client.force_login(reviewer_user)
    workflow_action(client, submitted, "approve")
    client.force_login(editor_user)  # the reviewer marked nothing; an editor may sign too
    for key in (
        section.key
        for section in ArticlePage.objects.get(pk=submitted.pk)
        .get_latest_revision_as_object()
        .sections.all()
        if section.status != "full"
    ):
        client.post(review_url(submitted), {"section_key": key, "decision": "approved"})
    client.force_login(reviewer_user)
    soup = BeautifulSoup(client.get(review_url(submitted)).content, "html.parser")

    button = soup.select_one('form:has(input[name="action"][value="approve_task"]) button')
    assert not button.has_attr("disabled")
    assert soup.select_one("#approve-blocked") is None


def test_the_reviewers_dashboard_task_opens_the_abridgment_review(client, submitted, reviewer_user):
    client.force_login(reviewer_user)
    workflow_action(client, submitted, "approve")
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")

    panel = soup.select_one("#awaiting-review-section, #awaiting-review")
    links = [a["href"] for a in soup.select("td.title a")]
    assert panel is not None
    assert review_url(submitted) in links
