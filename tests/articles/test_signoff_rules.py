"""The sign-off rules of docs/workflow.md step 5, on every path they apply to.

- Nobody signs off a cut they marked.
- Editing a section's English, Chinese, status or note clears its sign-off.
- The abridgment step cannot be approved while a cut is unsigned, nor while a sign-off asks
  for changes.
- Only cut sections (abridged, omitted) are signable.

Paths: the abridgment-review screen (forms read from the rendered HTML), the service
(``articles.editorial.workflow.record_signoff`` and the task's own action), Wagtail's workflow
action address for the task, the dashboard that offers the action; and the surfaces that show the
state: the screen, the Abridgments report's sign-off filter and the public API's ``signoff_state``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest
from bs4 import BeautifulSoup

from articles.editorial.section_rules import (
    SIGNOFF_ACTION,
    SIGNOFF_CLEARED_ACTION,
    numbered,
    section_hash,
)
from articles.editorial.workflow import assign_translation_workflow, record_signoff
from articles.models import ArticlePage, SectionSignoff
from articles.models.workflow import approval_blockers, signoff_states
from tests.articles.workflow_helpers import (
    article_data,
    create_and_submit,
    current_task_name,
    edit,
    existing_sections,
    loaded_from,
    review_url,
    workflow_action,
)
from tests.factories import ArticleIndexPageFactory
from tests.rendered_forms import RenderedForm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]

REPORT = "/admin/reports/abridgments/"
CUT_STEP = "Abridgment review"
NEXT_STEP = "Editor approval"
WAITING = "This step cannot be approved yet. Still waiting for a sign-off"


@pytest.fixture
def index(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    return index


def submit_and_pass_translation_review(client, index, author, reviewer) -> ArticlePage:
    """``author`` writes the article (§2 abridged, §3 omitted) and submits it; ``reviewer``
    approves the translation step, so the article waits at the abridgment step."""
    client.force_login(author)
    assert create_and_submit(client, index).status_code == 302
    page = ArticlePage.objects.get(slug="perceptron")
    client.force_login(reviewer)
    workflow_action(client, page, "approve")
    assert current_task_name(page) == CUT_STEP
    return page


@pytest.fixture
def at_cut_step(client, index, translator_user, reviewer_user) -> ArticlePage:
    return submit_and_pass_translation_review(client, index, translator_user, reviewer_user)


# Reading and driving the screen from its HTML


def sections_of(page: ArticlePage) -> list:
    page.refresh_from_db()
    return numbered(page.get_latest_revision_as_object().sections.all())


def screen(client, page) -> str:
    response = client.get(review_url(page))
    assert response.status_code == 200
    return response.content.decode()


def decisions_on_screen(client, page) -> dict[int, str]:
    soup = BeautifulSoup(screen(client, page), "html.parser")
    return {
        int(section["id"].removeprefix("section-")): section["data-decision"]
        for section in soup.select("section.abridgment")
    }


def sign_on_screen(client, page, position: int, decision: str, comment: str = "", **changes):
    form = RenderedForm(screen(client, page), f"#section-{position} form.signoff-form")
    form.set("decision", decision)
    form.set("comment", comment)
    for name, value in changes.items():
        form.set(name, value)
    return client.post(review_url(page), form.data())


def decide_on_screen(client, page, action: str, comment: str = ""):
    form = RenderedForm(screen(client, page), f'form:has(input[name="action"][value="{action}"])')
    if comment:
        form.set("comment", comment)
    return client.post(review_url(page), form.data())


def approve_through(path: str, client, page, user):
    """Try to approve the abridgment step by ``path``; the response (None for the service)."""
    client.force_login(user)
    if path == "screen":
        return decide_on_screen(client, page, "approve_task")
    if path == "workflow action":
        return workflow_action(client, page, "approve")
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, "approve")
    return None


def assert_blocked(path: str, response, client, page, waiting_for: list[str]) -> None:
    assert current_task_name(page) == CUT_STEP
    page.refresh_from_db()
    assert page.current_workflow_task_state.status == "in_progress"
    if path == "screen":
        assert response.status_code == 400
        html = response.content.decode()
    elif path == "workflow action":
        # Wagtail refuses an action the task does not offer (back to the dashboard); an
        # approval that reaches the task is sent to the screen naming what still waits.
        assert response.status_code == 302
        blocked = review_url(page) + "?blocked=1"
        assert response["Location"] in (reverse("wagtailadmin_home"), blocked)
        html = client.get(blocked).content.decode()
    else:
        html = ""
        blockers = approval_blockers(page.current_workflow_task_state)
        assert [s.heading_zh_hans for s in blockers] == waiting_for
    if html:
        assert WAITING in html
        for heading in waiting_for:
            assert f"“{heading}”" in html.split(WAITING, 1)[1].split("</", 1)[0]


def report_rows(client, **filters) -> dict[int, str]:
    """The Abridgments report's rows for the filters: {section position: sign-off state}."""
    soup = BeautifulSoup(client.get(REPORT, filters).content.decode(), "html.parser")
    rows = {}
    for row in soup.select("tr[data-signoff]"):
        position = row.select("td")[1].get_text(strip=True).split()[0]
        rows[int(position.removeprefix("§"))] = row["data-signoff"]
    return rows


def approve_step_url(page) -> str:
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))


# Nobody signs off a cut they marked


@pytest.fixture
def marked_by_editor(client, index, editor_user, reviewer_user) -> ArticlePage:
    """The editor wrote the cuts and submitted them; a reviewer passed the translation."""
    return submit_and_pass_translation_review(client, index, editor_user, reviewer_user)


def test_the_screen_refuses_a_signoff_by_whoever_marked_the_cut(
    client, marked_by_editor, editor_user, reviewer_user
):
    page = marked_by_editor
    client.force_login(editor_user)

    for decision, comment in (("approved", ""), ("rejected", "再想想。")):
        response = sign_on_screen(client, page, 2, decision, comment)
        assert response.status_code == 400
        assert "You marked this section yourself" in response.content.decode()
    assert not SectionSignoff.objects.exists()
    assert decisions_on_screen(client, page) == {2: "unsigned", 3: "unsigned"}

    # Another reviewer may; the step then still waits for §3.
    client.force_login(reviewer_user)
    assert sign_on_screen(client, page, 2, "approved").status_code == 302
    assert SectionSignoff.objects.get().user == reviewer_user
    assert decisions_on_screen(client, page) == {2: "approved", 3: "unsigned"}


def test_the_service_refuses_a_signoff_by_whoever_marked_the_cut(
    marked_by_editor, editor_user, reviewer_user
):
    page = marked_by_editor
    cut = sections_of(page)[1]

    for decision in ("approved", "rejected"):
        with pytest.raises(PermissionDenied):
            record_signoff(page, cut, editor_user, decision, "请补回。")
    assert not SectionSignoff.objects.exists()

    record_signoff(page, cut, reviewer_user, "approved")
    assert SectionSignoff.objects.get().user == reviewer_user
    # Outside a request too (the demo loader, scripts), the history names the reviewer.
    assert PageLogEntry.objects.get(page=page, action=SIGNOFF_ACTION).user == reviewer_user


def test_a_markers_refused_signoff_leaves_the_step_blocked_on_every_path(
    client, marked_by_editor, editor_user, reviewer_user
):
    page = marked_by_editor
    client.force_login(editor_user)
    sign_on_screen(client, page, 2, "approved")
    sign_on_screen(client, page, 3, "approved")

    for path in ("screen", "workflow action"):
        response = approve_through(path, client, page, editor_user)
        assert_blocked(path, response, client, page, ["格拉斯哥往事", "延伸阅读"])


# Only cut sections are signable


def test_the_screen_offers_and_accepts_signoffs_only_for_cut_sections(
    client, at_cut_step, reviewer_user
):
    page = at_cut_step
    client.force_login(reviewer_user)
    html = screen(client, page)
    assert html.count('class="signoff-form"') == 2
    assert set(decisions_on_screen(client, page)) == {2, 3}

    full = sections_of(page)[0]
    assert full.status == "full"
    # A form of the screen, pointed at the section translated in full.
    response = sign_on_screen(
        client, page, 2, "approved", section_key=str(full.key), content_hash=section_hash(full)
    )
    assert response.status_code == 400
    assert "Only abridged or omitted sections need a sign-off" in response.content.decode()
    assert not SectionSignoff.objects.exists()


@pytest.mark.parametrize("status", ["full", "added", "pending"])
def test_the_service_signs_off_only_cut_sections(at_cut_step, reviewer_user, status):
    page = at_cut_step
    section = sections_of(page)[0]
    section.status = status

    with pytest.raises(ValidationError):
        record_signoff(page, section, reviewer_user, "approved")
    assert not SectionSignoff.objects.exists()


# The step waits for every cut, and a request for changes blocks it too


PATHS = ["screen", "workflow action", "service"]


@pytest.mark.parametrize("path", PATHS)
def test_the_step_cannot_be_approved_while_a_cut_is_unsigned(
    client, at_cut_step, reviewer_user, path
):
    page = at_cut_step
    client.force_login(reviewer_user)
    assert sign_on_screen(client, page, 2, "approved").status_code == 302

    response = approve_through(path, client, page, reviewer_user)

    assert_blocked(path, response, client, page, ["延伸阅读"])

    client.force_login(reviewer_user)
    assert sign_on_screen(client, page, 3, "approved").status_code == 302
    approve_through(path, client, page, reviewer_user)
    assert current_task_name(page) == NEXT_STEP


@pytest.mark.parametrize("path", PATHS)
def test_a_request_for_changes_blocks_approval(client, at_cut_step, reviewer_user, path):
    page = at_cut_step
    client.force_login(reviewer_user)
    assert sign_on_screen(client, page, 2, "rejected", "请保留下雨那句。").status_code == 302
    assert sign_on_screen(client, page, 3, "approved").status_code == 302

    response = approve_through(path, client, page, reviewer_user)

    assert_blocked(path, response, client, page, ["格拉斯哥往事"])
    client.force_login(reviewer_user)
    assert decisions_on_screen(client, page) == {2: "rejected", 3: "approved"}
    assert report_rows(client, signoff_state="rejected") == {2: "rejected"}
    assert report_rows(client, signoff_state="approved") == {3: "approved"}
    assert report_rows(client, signoff_state="unsigned") == {}


def approve_disabled(html: str) -> bool:
    """Whether the review screen's "Approve this step" is disabled."""
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one('form:has(input[value="approve_task"]) button').has_attr("disabled")


def test_the_dashboard_offers_approval_only_once_every_cut_is_signed(
    client, at_cut_step, reviewer_user
):
    page = at_cut_step
    client.force_login(reviewer_user)
    approve = approve_step_url(page)
    assert approve not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert approve_disabled(screen(client, page))

    sign_on_screen(client, page, 2, "approved")
    sign_on_screen(client, page, 3, "approved")

    assert approve in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not approve_disabled(screen(client, page))


# Editing a cut clears its sign-off


def send_back_and_edit(client, page, reviewer, translator, change) -> None:
    """Both cuts are signed off; the reviewer sends the article back for something else,
    the translator edits (``change`` on the editor's rows) and submits again."""
    client.force_login(reviewer)
    assert sign_on_screen(client, page, 2, "approved").status_code == 302
    assert sign_on_screen(client, page, 3, "approved").status_code == 302
    assert report_rows(client, signoff_state="approved") == {2: "approved", 3: "approved"}
    assert decide_on_screen(client, page, "reject_task", "标题再斟酌。").status_code == 302
    client.force_login(translator)
    sections = existing_sections(page)
    change(sections)
    assert edit(client, page, sections, submit=True).status_code == 302
    assert current_task_name(page) == CUT_STEP


CHANGES = {
    "English": lambda rows: rows[1].update(body_en=rows[1]["body_en"] + " It was cold."),
    "Chinese": lambda rows: rows[1].update(body_zh_hans="作者在格拉斯哥初读此书，那天下着雨。"),
    "status": lambda rows: rows[1].update(status="omitted"),
    "note": lambda rows: rows[1].update(note="删去了作者的个人回忆和天气描写。"),
}


@pytest.mark.parametrize("what", list(CHANGES))
def test_editing_a_cut_clears_its_signoff_everywhere(
    client, at_cut_step, reviewer_user, translator_user, what
):
    page = at_cut_step
    send_back_and_edit(client, page, reviewer_user, translator_user, CHANGES[what])

    client.force_login(reviewer_user)
    assert decisions_on_screen(client, page) == {2: "unsigned", 3: "approved"}
    states = signoff_states(page, sections_of(page))
    assert [state.approved for state in states] == [False, True]
    assert report_rows(client, signoff_state="unsigned") == {2: "unsigned"}
    assert report_rows(client, signoff_state="approved") == {3: "approved"}
    assert PageLogEntry.objects.filter(page=page, action=SIGNOFF_CLEARED_ACTION).count() == 1
    for path in ("screen", "workflow action"):
        response = approve_through(path, client, page, reviewer_user)
        assert_blocked(path, response, client, page, ["格拉斯哥往事"])

    client.force_login(reviewer_user)
    assert sign_on_screen(client, page, 2, "approved").status_code == 302
    approve_through("workflow action", client, page, reviewer_user)
    assert current_task_name(page) == NEXT_STEP


def test_editing_another_section_keeps_the_cuts_signoffs(
    client, at_cut_step, reviewer_user, translator_user
):
    page = at_cut_step

    def change(rows):
        rows[0]["body_zh_hans"] = "1958 年，罗森布拉特公开展示了感知机。"

    send_back_and_edit(client, page, reviewer_user, translator_user, change)

    client.force_login(reviewer_user)
    assert decisions_on_screen(client, page) == {2: "approved", 3: "approved"}
    assert not PageLogEntry.objects.filter(page=page, action=SIGNOFF_CLEARED_ACTION).exists()
    approve_through("screen", client, page, reviewer_user)
    assert current_task_name(page) == NEXT_STEP


# The public API shows the standing of the published words


def api_states(client, page) -> list:
    client.logout()
    sections = client.get(f"/api/v2/pages/{page.pk}/").json()["sections"]
    return [section["signoff_state"] for section in sections]


def test_the_api_shows_the_signoff_state_of_the_published_words(
    client, at_cut_step, reviewer_user, editor_user
):
    page = at_cut_step
    client.force_login(reviewer_user)
    sign_on_screen(client, page, 2, "approved")
    sign_on_screen(client, page, 3, "approved")
    approve_through("screen", client, page, reviewer_user)
    client.force_login(editor_user)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert api_states(client, page) == [None, "approved", "approved"]

    # An editor changes the abridged Chinese and publishes straight away: the published
    # words were never signed off.
    client.force_login(editor_user)
    sections = existing_sections(page)
    sections[1]["body_zh_hans"] = "作者在格拉斯哥初读此书，那天下着雨。"
    data = {**article_data(sections), **loaded_from(page), "action-publish": "Publish"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302
    assert api_states(client, page) == [None, "unsigned", "approved"]

    client.force_login(reviewer_user)
    assert sign_on_screen(client, page, 3, "rejected", "论文清单应保留。").status_code == 302
    assert api_states(client, page) == [None, "unsigned", "rejected"]
    client.force_login(reviewer_user)
    assert report_rows(client, signoff_state="rejected") == {3: "rejected"}
    assert report_rows(client, signoff_state="unsigned") == {2: "unsigned"}


# A heading is part of the words signed off

HEADING_CHANGES = {
    "English heading": lambda rows: rows[1].update(heading_en="A rainy day in Glasgow"),
    "Chinese heading": lambda rows: rows[1].update(heading_zh_hans="雨中的格拉斯哥"),
}


@pytest.mark.parametrize("what", list(HEADING_CHANGES))
def test_editing_a_cuts_heading_clears_its_signoff(
    client, at_cut_step, reviewer_user, translator_user, what
):
    page = at_cut_step
    send_back_and_edit(client, page, reviewer_user, translator_user, HEADING_CHANGES[what])

    client.force_login(reviewer_user)
    assert decisions_on_screen(client, page) == {2: "unsigned", 3: "approved"}
    assert PageLogEntry.objects.filter(page=page, action=SIGNOFF_CLEARED_ACTION).count() == 1


# What the reviewer reads when the screen refuses, word for word, and what the history keeps


def error_messages(response) -> list[str]:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for button in soup.select(".messages li.error button"):
        button.decompose()  # Wagtail's "Go to the first error"
    return [" ".join(item.get_text().split()) for item in soup.select(".messages li.error")]


def label_of(section) -> str:
    return f"section {section.position} “{section.heading_zh_hans}”"


def test_a_signoff_for_a_section_translated_in_full_is_refused_saying_why(
    client, at_cut_step, reviewer_user
):
    page = at_cut_step
    client.force_login(reviewer_user)
    full = sections_of(page)[0]

    response = sign_on_screen(
        client, page, 2, "approved", section_key=str(full.key), content_hash=section_hash(full)
    )

    assert response.status_code == 400
    assert error_messages(response) == [
        f"{label_of(full)}: Only abridged or omitted sections need a sign-off."
    ]
    assert not SectionSignoff.objects.exists()


@pytest.mark.parametrize("comment", ["", "   "])
def test_sending_a_cut_back_without_saying_what_should_change_is_refused(
    client, at_cut_step, reviewer_user, comment
):
    page = at_cut_step
    client.force_login(reviewer_user)
    cut = sections_of(page)[1]

    response = sign_on_screen(client, page, 2, "rejected", comment)

    assert response.status_code == 400
    assert error_messages(response) == [
        f"{label_of(cut)}: Say what should change when you send a section back."
    ]
    assert not SectionSignoff.objects.exists()


def test_whoever_marked_the_cut_is_told_another_reviewer_must_sign_it(
    client, marked_by_editor, editor_user
):
    page = marked_by_editor
    client.force_login(editor_user)
    cut = sections_of(page)[1]

    response = sign_on_screen(client, page, 2, "approved")

    assert error_messages(response) == [
        f"{label_of(cut)}: You marked this section yourself; another reviewer must sign it off."
    ]


def history_rows(client, page) -> list[str]:
    """The page history as the admin lists it, one text per row (action, message, user,
    comment)."""
    response = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    rows = []
    for row in soup.select("table tbody tr"):
        text = " ".join(row.get_text(" ").split())
        rows.append(text)
    return rows


def test_the_history_keeps_each_decision_with_its_reviewer_section_and_reason(
    client, at_cut_step, reviewer_user, editor_user
):
    page = at_cut_step
    reviewer_user.first_name, reviewer_user.last_name = "Rui", "Lin"
    reviewer_user.save()
    client.force_login(reviewer_user)
    _, abridged, omitted = sections_of(page)

    assert sign_on_screen(client, page, 2, "approved", "删得合理。").status_code == 302
    assert sign_on_screen(client, page, 3, "rejected", "请补回第三节。").status_code == 302

    client.force_login(editor_user)
    rows = [row.lower() for row in history_rows(client, page)]
    signed = f"{label_of(abridged)}: cut signed off comment: 删得合理。 rui lin".lower()
    sent_back = f"{label_of(omitted)}: reviewer asked for changes comment: 请补回第三节。 rui lin"
    assert sum(row.startswith(signed) for row in rows) == 1
    assert sum(row.startswith(sent_back.lower()) for row in rows) == 1
    # Neither decision is logged as the other.
    assert not any(f"{label_of(abridged)}: reviewer asked".lower() in row for row in rows)
    assert not any(f"{label_of(omitted)}: cut signed off".lower() in row for row in rows)


def test_the_history_logs_a_status_only_when_it_changes(
    client, at_cut_step, reviewer_user, translator_user, editor_user
):
    """Resubmitting after an edit of one section's Chinese logs no status again; a status
    entry names its section and the change, from what to what."""
    page = at_cut_step

    def status_rows() -> list[str]:
        client.force_login(editor_user)
        return [row.lower() for row in history_rows(client, page) if ": status " in row]

    before = status_rows()
    assert before
    _, _, omitted = sections_of(page)
    assert before[0].startswith(f"{label_of(omitted)}: status new → omitted".lower())

    def change(rows):
        rows[0]["body_zh_hans"] = "改过的译文。"

    send_back_and_edit(client, page, reviewer_user, translator_user, change)

    assert status_rows() == before


def test_the_history_names_a_changed_status_from_what_to_what(
    client, at_cut_step, reviewer_user, translator_user, editor_user
):
    page = at_cut_step

    def cut_the_first(rows):
        rows[0].update(status="abridged", note="删去了一段旧闻。")

    send_back_and_edit(client, page, reviewer_user, translator_user, cut_the_first)

    client.force_login(editor_user)
    first = sections_of(page)[0]
    rows = [row.lower() for row in history_rows(client, page)]
    changed = f"{label_of(first)}: status translated in full → abridged comment: 删去了一段旧闻。"
    assert sum(row.startswith(changed.lower()) for row in rows) == 1
