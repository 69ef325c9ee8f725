"""Desk scoping of the translation workflow's own steps (SECURITY-TESTS A1): a member of a
step's groups moderates the step only on their own desk, through every door Wagtail opens
(its workflow action URLs, the dashboard's "Awaiting your review" panel, the editor)."""

from __future__ import annotations

import re
from html import unescape

from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from django.urls import reverse

from wagtail.models import TaskState, Workflow

import pytest

from articles.editorial.roles import EDITORS
from articles.editorial.workflow import WORKFLOW_NAME, assign_translation_workflow
from articles.models import AbridgmentReviewTask, DeskApprovalTask

pytestmark = pytest.mark.django_db

ACTION_URL = re.compile(r'data-workflow-action-url="([^"]+)"')


@pytest.fixture
def in_review(desks):
    """Both desks' articles submitted to the translation workflow by their translators."""
    for desk in desks.values():
        assign_translation_workflow(desk.index)
        desk.article.get_workflow().start(desk.article, desk.users["translator"])
    return desks


def task_state(desk) -> TaskState:
    desk.article.refresh_from_db()
    return desk.article.current_workflow_task_state


def advance_to(desk, step: str) -> None:
    """Approve the steps before ``step`` (as a superuser would) to set up a later step."""
    while task_state(desk).task.name != step:
        task_state(desk).approve(user=None)


def action_url(desk, action: str, state: TaskState | None = None) -> str:
    """The address Wagtail renders for a workflow action on the desk's article."""
    state = state or task_state(desk)
    return reverse("wagtailadmin_pages:workflow_action", args=(desk.article.pk, action, state.pk))


def refused(response) -> bool:
    """Wagtail's refusal: back to the dashboard with an error (a step approved by a reviewer
    who cannot open the editor also ends on the dashboard, without one)."""
    errors = [m for m in get_messages(response.wsgi_request) if m.level == constants.ERROR]
    return (
        response.status_code == 302
        and response.url == reverse("wagtailadmin_home")
        and bool(errors)
    )


def review_panel(client) -> str:
    """The dashboard's "Awaiting your review" panel ("" when it is not shown)."""
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    if 'id="awaiting-review' not in dashboard:
        return ""
    return dashboard.split('id="awaiting-review', 1)[1].split("</table>", 1)[0]


def test_the_migrated_workflow_scopes_its_steps_to_the_desk():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    steps = [
        (type(task), task.name, sorted(task.groups.values_list("name", flat=True)))
        for task in workflow.tasks.specific()
    ]
    assert steps == [
        (DeskApprovalTask, "Translation review", ["Reviewers"]),
        (AbridgmentReviewTask, "Abridgment review", ["Editors", "Reviewers"]),
        (DeskApprovalTask, "Editor approval", ["Editors"]),
    ]


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_reviewer_cannot_moderate_translation_review_on_another_desk(client, in_review, action):
    desk_a, desk_b = in_review["A"], in_review["B"]
    client.force_login(desk_a.users["reviewer"])
    state_b = task_state(desk_b)
    assert state_b.task.name == "Translation review"

    response = client.post(action_url(desk_b, action), {"comment": "来自 A 组"})
    assert refused(response)
    assert desk_b.marker not in response.content.decode()

    # Wagtail's view takes the page from the address and the task state from its id: the
    # reviewer's own article in the address does not open desk B's task state either.
    response = client.post(action_url(desk_a, action, state=state_b), {"comment": "来自 A 组"})
    assert refused(response)

    # Nor does the step's preview of the submitted revision open.
    preview = reverse(
        "wagtailadmin_pages:workflow_preview", args=(desk_b.article.pk, state_b.task_id)
    )
    response = client.get(preview)
    assert refused(response)
    assert desk_b.marker not in response.content.decode()

    state_b.refresh_from_db()
    assert state_b.status == TaskState.STATUS_IN_PROGRESS
    assert task_state(desk_b).pk == state_b.pk
    assert task_state(desk_a).task.name == "Translation review"


def test_dashboard_lists_only_the_own_desk_and_its_approve_works(client, in_review):
    desk_a, desk_b = in_review["A"], in_review["B"]
    client.force_login(desk_a.users["reviewer"])
    panel = review_panel(client)
    assert desk_a.article.headline_zh_hans in panel
    assert desk_b.marker not in panel

    urls = {unescape(url) for url in ACTION_URL.findall(panel)}
    approve = action_url(desk_a, "approve")
    assert approve in urls
    assert all(f"/{desk_b.article.pk}/" not in url for url in urls)

    response = client.post(approve)
    assert response.status_code == 302 and not refused(response)
    assert task_state(desk_a).task.name == "Abridgment review"
    assert task_state(desk_b).task.name == "Translation review"


def test_editor_approval_on_another_desk_is_refused(client, in_review):
    desk_a, desk_b = in_review["A"], in_review["B"]
    for desk in (desk_a, desk_b):
        advance_to(desk, "Editor approval")
    client.force_login(desk_a.users["editor"])
    assert desk_b.marker not in review_panel(client)

    state_b = task_state(desk_b)
    assert refused(client.post(action_url(desk_b, "approve")))
    state_b.refresh_from_db()
    assert state_b.status == TaskState.STATUS_IN_PROGRESS
    desk_b.article.refresh_from_db()
    assert not desk_b.article.live

    # The same editor approves the last step on their own desk, which publishes it.
    response = client.post(action_url(desk_a, "approve"))
    assert response.status_code == 302 and not refused(response)
    desk_a.article.refresh_from_db()
    assert desk_a.article.live


@pytest.mark.parametrize("action", ["reject", "review"])
def test_abridgment_step_on_another_desk_is_refused(client, in_review, action):
    desk_a, desk_b = in_review["A"], in_review["B"]
    for desk in (desk_a, desk_b):
        advance_to(desk, "Abridgment review")
    client.force_login(desk_a.users["reviewer"])
    panel = review_panel(client)
    assert desk_a.article.headline_zh_hans in panel
    assert desk_b.marker not in panel

    state_b = task_state(desk_b)
    assert refused(client.post(action_url(desk_b, action), {"comment": "来自 A 组"}))
    assert refused(client.post(action_url(desk_a, action, state=state_b), {"comment": "x"}))
    state_b.refresh_from_db()
    assert state_b.status == TaskState.STATUS_IN_PROGRESS


def test_import_without_a_parent_opens_on_the_own_desk(client, desks):
    # Desk A's index comes first in the tree; desk B's editor is sent to desk B's.
    desk_b = desks["B"]
    client.force_login(desk_b.users["editor"])
    response = client.get(reverse("articles_import"))
    assert response.status_code == 200
    body = response.content.decode()
    assert f'name="parent" value="{desk_b.index.pk}"' in body
    assert desk_b.index.title in body
    assert desks["A"].index.title not in body


def test_import_without_a_parent_is_refused_with_no_desk_to_import_into(
    client, desks, django_user_model
):
    editor = django_user_model.objects.create_user(username="deskless", password="pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get(reverse("articles_import"))
    assert refused(response)
    assert desks["A"].index.title not in response.content.decode()
