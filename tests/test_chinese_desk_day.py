"""A Chinese desk's whole day in the admin, with no English on screen.

The editor imports an article, the translator has it drafted by AI, takes a draft, edits and
submits it (once refused), the reviewer sends it back and then approves it, signs off its cut
and approves the abridgment step, the editor approves and so publishes it, then reads the
page's history and workflow history. Every screen and message along the way (flash messages,
validation banners, history entries, the workflow notifications they are e-mailed) is read
as the Chinese-admin users read it, through the real views, with forms posted as rendered.

The English looked for is the project's own messages (tests/test_admin_language.py) and
Wagtail's messages that Wagtail's Chinese catalogue leaves untranslated, which
``locale_overrides`` translates: each of its message ids, cut at placeholders into runs of
two words or more. Removing an override, or a view formatting one before the user's language
is active, puts its English back on a screen below.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage
from tests.admin_users import logged_in
from tests.fake_ai_servers import FAKE_AI_KEY, FakeOpenAIServer
from tests.rendered_forms import RenderedForm, form_data
from tests.test_admin_language import (
    IMPORT_ORIGINAL,
    IMPORT_TRANSLATION,
    catalogue_entries,
    english_runs,
    interface_text,
    project_english,
    untranslated,
)

pytestmark = pytest.mark.django_db

OVERRIDES = Path(settings.BASE_DIR) / "locale_overrides" / "zh_Hans" / "LC_MESSAGES"
EDIT_FORM = "form#page-edit-form"


@cache
def wagtail_english() -> frozenset[str]:
    """English runs of the Wagtail messages the overrides catalogue translates."""
    runs: set[str] = set()
    for entry in catalogue_entries(OVERRIDES / "django.po"):
        for message in filter(None, (entry["msgid"], entry["plural"])):
            runs.update(english_runs(message))
    return frozenset(runs)


def english() -> frozenset[str]:
    return project_english() | wagtail_english()


@pytest.fixture
def ai_server(settings):
    """A real OpenAI-protocol server on 127.0.0.1, with the settings pointing at it."""
    with FakeOpenAIServer(api_key=FAKE_AI_KEY) as server:
        server.point_settings(settings, TRANSLATION_ATTEMPTS=1)
        yield server


def chinese(username: str):
    """A demo user whose admin language is Chinese, chosen in their account."""
    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


class Day:
    """What each step of the day showed: the English found on it, by step."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}

    def read(self, step: str, response) -> str:
        assert response.status_code == 200, (step, response.status_code)
        html = response.content.decode()
        assert 'lang="zh-hans"' in html.lower(), f"{step} is not rendered in Chinese"
        messages = [str(m) for m in response.context["messages"]] if response.context else []
        runs = untranslated(html + "".join(f"<p>{m}</p>" for m in messages), english())
        if runs:
            self.found[step] = runs
        return html

    def read_mail(self, step: str, subject: str, body: str) -> None:
        runs = untranslated(f"<p>{subject}</p><pre>{body}</pre>".replace("pre>", "p>"), english())
        if runs:
            self.found[step] = runs

    def report(self) -> str:
        return "\n".join(f"{step}: {runs}" for step, runs in self.found.items())


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def submit_from_editor(client, page, **changes):
    form = RenderedForm(client.get(edit_url(page)).content, EDIT_FORM)
    for name, value in changes.items():
        form.set(name, value)
    return client.post(edit_url(page), form.data(**{"action-submit": "1"}), follow=True)


def cut_note_field(page) -> str:
    sections = list(page.get_latest_revision_as_object().sections.all())
    cuts = [n for n, s in enumerate(sections) if s.status in ("abridged", "omitted")]
    assert cuts, [s.status for s in sections]
    return f"sections-{cuts[0]}-note"


def dashboard_action(client, day: Day, step: str, action: str, **data):
    """Press a workflow action on the dashboard's task list as rendered (the button names
    the address Wagtail's script posts to), then land where Wagtail sends the user."""
    html = day.read(step, client.get(reverse("wagtailadmin_home")))
    button = BeautifulSoup(html, "html.parser").select_one(
        f'[data-workflow-action-url*="/{action}/"]'
    )
    assert button is not None, f"{step}: no {action} button on the dashboard"
    response = client.post(button["data-workflow-action-url"], data)
    assert response.status_code == 302, (step, response.status_code)
    return client.get(response["Location"], follow=True)


def test_a_chinese_desk_day_meets_no_english(demo, ai_server, mailoutbox):
    day = Day()
    editor, translator, reviewer = (chinese(n) for n in ("editor", "translator", "reviewer"))
    index = demo.article.get_parent()

    # The editor imports an original and its translation.
    desk = logged_in(editor)
    import_url = reverse("articles_import")
    form = form_data(day.read("import", desk.get(f"{import_url}?parent={index.pk}")), "format")
    form.update(original_text=IMPORT_ORIGINAL, translation_text=IMPORT_TRANSLATION)
    form["format"] = "markdown"
    preview = day.read("import preview", desk.post(import_url, form))
    accept = form_data(preview, "original_url")
    accept["original_url"] = "https://example.com/superalignment-a-year-on"
    created = desk.post(import_url, accept, follow=True)
    day.read("imported", created)
    page = ArticlePage.objects.get(pk=created.resolver_match.kwargs["page_id"])

    # The translator has the sections drafted by AI and takes one draft.
    translating = logged_in(translator)
    drafts_url = reverse("articles_drafts", args=(page.pk,))
    start_url = reverse("articles_drafts_start", args=(page.pk,))
    start = RenderedForm(
        day.read("drafts", translating.get(drafts_url)), f'form[action="{start_url}"]'
    )
    drafted = day.read(
        "drafts requested", translating.post(start.action, start.data(), follow=True)
    )
    assert ai_server.requests, "nothing was sent for drafting"
    take = RenderedForm(drafted, 'form[action*="/accept/"]')
    taken = translating.post(take.action, take.data(), follow=True)
    if "loaded_revision_id" in RenderedForm(taken.content, "main form").names():
        confirm = RenderedForm(taken.content, 'main form[action*="/accept/"]')
        taken = translating.post(confirm.action, confirm.data(), follow=True)
    day.read("draft taken", taken)

    # Submitting without a licence or a note on the cut is refused, in Chinese.
    refused = submit_from_editor(translating, page)
    refused_html = day.read("submission refused", refused)
    page.refresh_from_db()
    assert page.current_workflow_state is None
    assert "页面有校验错误，未能保存。" in interface_text(refused_html)
    credit = {"licence": "permission", "translators": str(translator.pk)}
    note = {cut_note_field(page): "原文最后一节与中文读者无关，未译。"}
    day.read("submitted", submit_from_editor(translating, page, **credit, **note))
    page.refresh_from_db()
    assert page.current_workflow_state is not None

    # The reviewer reads the review screen and asks for changes; the translator resubmits.
    reviewing = logged_in(reviewer)
    day.read("review", reviewing.get(reverse("articles_review:review", args=(page.pk,))))
    sent_back = dashboard_action(
        reviewing, day, "reviewer's dashboard", "reject", comment="请核对第 2 节的数字。"
    )
    day.read("changes requested", sent_back)
    day.read("editor with the comment", translating.get(edit_url(page)))
    day.read("resubmitted", submit_from_editor(translating, page))

    # The reviewer approves, signs off the cut and approves the abridgment step.
    day.read("translation approved", dashboard_action(reviewing, day, "dashboard again", "approve"))
    cuts_url = reverse("articles_abridgment_review", args=(page.pk,))
    cuts = day.read("abridgment review", reviewing.get(cuts_url))
    sign = RenderedForm(cuts, 'form:has([name="section_key"])')
    sign.set("decision", "approved")
    signed = day.read(
        "signed off", reviewing.post(sign.action or cuts_url, sign.data(), follow=True)
    )
    step = RenderedForm(signed, 'form:has(input[name="action"][value="approve_task"])')
    day.read("cuts approved", reviewing.post(step.action or cuts_url, step.data(), follow=True))

    # The editor approves the last step, which publishes, and reads the history.
    day.read("published", dashboard_action(desk, day, "editor's dashboard", "approve"))
    page.refresh_from_db()
    assert page.live
    day.read("page history", desk.get(reverse("wagtailadmin_pages:history", args=(page.pk,))))
    workflows = day.read(
        "workflow history",
        desk.get(reverse("wagtailadmin_pages:workflow_history", args=(page.pk,))),
    )
    detail = BeautifulSoup(workflows, "html.parser").select_one(
        'a[href*="workflow_history/detail"]'
    )
    day.read("workflow history detail", desk.get(detail["href"]))

    # Each Chinese user's notifications (everyone here reads Chinese).
    assert mailoutbox
    for n, message in enumerate(mailoutbox):
        day.read_mail(f"e-mail {n} to {message.to}", message.subject, message.body)

    assert not day.found, "English on a Chinese desk's day:\n" + day.report()


def test_the_sign_in_page_labels_the_password_in_chinese(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    label = BeautifulSoup(html, "html.parser").select_one('label[for="id_password"]')
    assert " ".join(label.get_text(" ").split()).rstrip("*").strip() == "密码"


def test_a_read_only_yes_or_no_reads_in_chinese(demo):
    page = demo.article
    html = logged_in(chinese("editor")).get(edit_url(page)).content.decode()
    outputs = [
        " ".join(o.get_text(" ").split())
        for o in BeautifulSoup(html, "html.parser").select(".w-field__textoutput")
    ]
    assert "True" not in outputs and "False" not in outputs
    assert "是" in outputs or "否" in outputs


def test_the_wagtail_english_is_there_to_be_found_for_an_english_user(demo):
    """The override runs match what Wagtail shows: an English translator's refused
    submission carries the validation banner the Chinese day must not show."""
    user = get_user_model().objects.get(username="translator")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = logged_in(user)
    html = submit_from_editor(client, demo.article, licence="unknown").content.decode()
    assert "The page could not be saved due to validation errors" in untranslated(
        html, wagtail_english()
    )
