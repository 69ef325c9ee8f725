from django.core.cache import cache
from django.utils import translation

from wagtail.models import PageLogEntry, Workflow, WorkflowPage

import pytest

from articles.editorial.section_rules import (
    SIGNOFF_ACTION,
    SIGNOFF_CLEARED_ACTION,
    SIGNOFF_REJECT_ACTION,
    STATUS_ACTION,
)
from articles.editorial.workflow import WORKFLOW_NAME, assign_translation_workflow, section_label
from articles.models import ArticlePage, ArticleSection, SectionSignoff
from tests.articles.workflow_helpers import (
    SECTIONS,
    article_data,
    create_and_submit,
    current_task_name,
    edit,
    existing_sections,
    review_url,
    workflow_action,
)
from tests.factories import ArticleIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    return index


@pytest.fixture
def submitted(client, index, translator_user):
    client.force_login(translator_user)
    response = create_and_submit(client, index)
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="perceptron")
    assert current_task_name(page) == "Translation review"
    client.logout()
    return page


def section_keys(page) -> list:
    page.refresh_from_db()
    return [section.key for section in page.get_latest_revision_as_object().sections.all()]


def sign(client, page, position: int, decision: str, comment: str = ""):
    key = section_keys(page)[position - 1]
    return client.post(
        review_url(page), {"section_key": key, "decision": decision, "comment": comment}
    )


def test_the_whole_path_from_translator_to_publication(
    client, submitted, translator_user, reviewer_user, editor_user
):
    page = submitted
    client.force_login(reviewer_user)
    workflow_action(client, page, "approve")
    assert current_task_name(page) == "Abridgment review"

    screen = client.get(review_url(page)).content.decode()
    assert "I first read the book in Glasgow." in screen  # the English original
    assert "删去了作者的个人回忆。" in screen  # the note
    assert screen.count('class="abridgment"') == 2

    assert sign(client, page, 2, "rejected", "请保留下雨那句。").status_code == 302
    assert sign(client, page, 3, "approved").status_code == 302
    blocked = client.post(review_url(page), {"action": "approve_task"})
    assert blocked.status_code == 400
    assert "格拉斯哥往事" in blocked.content.decode()
    assert current_task_name(page) == "Abridgment review"
    client.post(review_url(page), {"action": "reject_task", "comment": "见第 2 节的意见。"})
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"

    client.force_login(translator_user)
    editor_html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "请保留下雨那句。" in editor_html  # the reviewer's comment, next to the section
    sections = existing_sections(page)
    sections[1]["body_zh_hans"] = "作者在格拉斯哥初读此书，那天下着雨。"
    assert edit(client, page, sections, submit=True).status_code == 302
    assert current_task_name(page) == "Abridgment review"

    client.force_login(reviewer_user)
    assert sign(client, page, 2, "approved").status_code == 302
    assert client.post(review_url(page), {"action": "approve_task"}).status_code == 302
    assert current_task_name(page) == "Editor approval"
    assert not ArticlePage.objects.get(pk=page.pk).live

    client.force_login(editor_user)
    workflow_action(client, page, "approve")
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live
    cache.clear()
    public = client.get(page.url).content.decode()
    assert "那天下着雨" in public


def test_translators_cannot_publish(client, index, translator_user):
    client.force_login(translator_user)
    response = client.post(
        f"/admin/pages/add/articles/articlepage/{index.pk}/",
        {**article_data(SECTIONS), "action-publish": "Publish"},
    )
    assert response.status_code in (302, 200, 403)
    page = ArticlePage.objects.filter(slug="perceptron").first()
    assert page is None or not page.live


def test_translators_cannot_sign_off(client, submitted, translator_user):
    client.force_login(translator_user)
    assert sign(client, submitted, 2, "approved").status_code in (302, 403)
    assert not SectionSignoff.objects.exists()


def test_nobody_signs_off_a_cut_they_marked(client, index, editor_user):
    client.force_login(editor_user)
    create_and_submit(client, index)
    page = ArticlePage.objects.get(slug="perceptron")
    response = sign(client, page, 2, "approved")
    assert response.status_code == 400
    assert not SectionSignoff.objects.exists()


def test_rejection_needs_a_comment(client, submitted, reviewer_user):
    client.force_login(reviewer_user)
    assert sign(client, submitted, 2, "rejected", "").status_code == 400
    assert not SectionSignoff.objects.exists()


def test_submission_is_refused_while_a_section_is_pending(client, index, translator_user):
    client.force_login(translator_user)
    pending = [dict(SECTIONS[0], status="pending")]
    response = create_and_submit(client, index, sections=pending)
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="perceptron").exists()
    assert "errorlist" in response.content.decode() or "error-message" in response.content.decode()


def test_editing_a_signed_off_section_clears_its_sign_off(
    client, submitted, reviewer_user, translator_user
):
    page = submitted
    client.force_login(reviewer_user)
    sign(client, page, 2, "approved")
    assert 'data-decision="approved"' in client.get(review_url(page)).content.decode()

    client.force_login(translator_user)
    workflow_state = page.current_workflow_state
    workflow_state.cancel(user=translator_user)
    sections = existing_sections(page)
    sections[1]["note"] = "删去了作者的个人回忆和天气描写。"
    assert edit(client, page, sections).status_code == 302

    client.force_login(reviewer_user)
    html = client.get(review_url(page)).content.decode()
    assert 'data-decision="approved"' not in html
    assert PageLogEntry.objects.filter(page=page, action=SIGNOFF_CLEARED_ACTION).exists()


def test_each_action_leaves_a_log_entry(client, submitted, reviewer_user, editor_user):
    page = submitted
    client.force_login(reviewer_user)
    sign(client, page, 2, "rejected", "请补回。")
    sign(client, page, 3, "approved")
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {STATUS_ACTION, SIGNOFF_ACTION, SIGNOFF_REJECT_ACTION} <= actions
    client.force_login(editor_user)
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "格拉斯哥往事" in history


def test_each_desk_assigned_the_workflow_sends_its_articles_through_it(
    client, home_page, translator_user
):
    """Assigning the workflow to a second index leaves the first one's in place, and an index
    never assigned stays outside it (its articles publish without review)."""
    WorkflowPage.objects.all().delete()
    desk_a = ArticleIndexPageFactory(slug="desk-a")
    desk_b = ArticleIndexPageFactory(slug="desk-b")
    outside = ArticleIndexPageFactory(slug="outside")

    assign_translation_workflow(desk_a)
    assign_translation_workflow(desk_b)
    assign_translation_workflow(desk_b)  # again: still one assignment

    assigned = dict(WorkflowPage.objects.values_list("page_id", "workflow__name"))
    assert assigned == {desk_a.pk: WORKFLOW_NAME, desk_b.pk: WORKFLOW_NAME}
    for index in (desk_a, desk_b):
        assert index.get_workflow().name == WORKFLOW_NAME
    assert outside.get_workflow() is None


def test_an_inactive_workflow_is_not_assigned(home_page):
    WorkflowPage.objects.all().delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
    desk = ArticleIndexPageFactory(slug="desk")

    assign_translation_workflow(desk)

    assert not WorkflowPage.objects.exists()
    assert desk.get_workflow() is None


@pytest.mark.parametrize(
    ("zh", "en", "named"),
    [("寒冬", "Winter", "寒冬"), ("", "Winter", "Winter"), ("", "", "untitled")],
)
def test_sections_are_named_in_messages_and_history_by_their_chinese_heading_first(zh, en, named):
    section = ArticleSection(heading_zh_hans=zh, heading_en=en)
    section.position = 4
    with translation.override("en"):
        assert section_label(section) == f"section 4 “{named}”"


def test_a_section_not_yet_numbered_is_named_without_a_number():
    with translation.override("en"):
        assert section_label(ArticleSection(heading_zh_hans="寒冬")) == "section ? “寒冬”"
