"""Translation-only articles and attaching their English original later.

A Chinese re-publication imported on its own keeps its translated sections pending with the
original not attached; it cannot be submitted until the original is attached or an editor
records why there is none; readers are never told the translation is the editors' own. The
English arrives later (fixtures/linkedin_original.txt and .html, a LinkedIn-shaped article
with its author card, reactions and "more articles" lists) and is attached through the
admin or ``import_article --into``: one new revision, the Chinese unchanged.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

import pytest

from articles.content.disclosure import disclosure_for
from articles.editorial.workflow import assign_translation_workflow
from articles.importing.adapter import create_article, plan_import
from articles.importing.adapter.attach import plan_attach
from articles.importing.adapter.values import Source
from articles.importing.attach_screen import attach_button
from articles.importing.engine import parse_document
from articles.importing.engine.furniture import (
    ACTIONS,
    COUNTER,
    DATELINE,
    END_OF_ARTICLE,
    clean_blocks,
    line_shape,
    parse_date,
)
from articles.models import ArticlePage
from tests.admin_refusal import refused
from tests.articles.test_alignment import EN, ZH
from tests.articles.workflow_helpers import credited_translator
from tests.factories import ArticleIndexPageFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
LINKEDIN_TEXT = FIXTURES / "linkedin_original.txt"
LINKEDIN_HTML = FIXTURES / "linkedin_original.html"
TRANSLATION = FIXTURES / "linkedin_translation_zh.txt"
ADDRESS = "https://www.linkedin.com/pulse/why-superalignment-matters-priya-raman-x1y2z"
EDIT_FORM = "form#page-edit-form"
FURNITURE = [
    "Head of Applied ML",
    "Published",
    "Follow",
    "followers",
    "Celebrate",
    "Insightful",
    "Repost",
    "255 others",
    "18 Comments",
    "Report this article",
    "More articles by",
    "Evaluation sets drift",
    "benchmark",
    "Explore topics",
    "Marketing",
    "Sign in",
]


def english(*users) -> None:
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


def logged_in(user) -> Client:
    english(user)
    client = Client()
    client.force_login(user)
    return client


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def attach_url(page) -> str:
    return reverse("articles_attach_original", args=(page.pk,))


def latest(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def chinese_of(page) -> list[tuple[str, str]]:
    return [(s.heading_zh_hans, s.body_zh_hans) for s in latest(page).sections.all()]


@pytest.fixture
def index(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    return index


@pytest.fixture
def unattached(index) -> ArticlePage:
    """The Chinese re-publication imported on its own."""
    plan = plan_import(None, TRANSLATION.read_text(encoding="utf-8"), people=[], anchors=[])
    page = create_article(plan, index, user=None)
    return ArticlePage.objects.get(pk=page.pk)


# --- Translation-only imports ------------------------------------------------------------------


def test_translation_only_import_is_pending_with_the_original_not_attached(unattached):
    assert unattached.original_attached is False
    assert unattached.original_url == ADDRESS
    # The translation's own title is never passed off as the original's.
    assert unattached.original_title == ""
    sections = list(latest(unattached).sections.all())
    assert [s.status for s in sections] == ["added", "pending", "pending", "pending"]
    assert "最近读到一篇" in sections[0].body_zh_hans  # the blogger's preface, their own
    assert all(not s.body_en for s in sections)


def test_an_import_with_both_sides_has_its_original_attached(index):
    plan = plan_import(LINKEDIN_TEXT.read_text(), TRANSLATION.read_text(), people=[], anchors=[])
    assert create_article(plan, index, user=None).original_attached is True


def submit_from_editor(client, page, **changes):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    form = RenderedForm(response.content, EDIT_FORM)
    for name, value in changes.items():
        form.set(name, value)
    return client.post(edit_url(page), form.data(**{"action-submit": "Submit"}))


def test_submit_is_refused_while_the_original_is_not_attached(client, unattached, editor_user):
    client = logged_in(editor_user)
    response = submit_from_editor(client, unattached)
    assert response.status_code == 200
    assert "The English original is not attached" in response.content.decode()
    unattached.refresh_from_db()
    assert unattached.current_workflow_state is None


def test_an_editors_reason_lets_the_translation_be_submitted(unattached, editor_user):
    client = logged_in(editor_user)
    reason = "The author's site is gone; the archive copy is incomplete."
    response = submit_from_editor(
        client,
        unattached,
        no_original_reason=reason,
        translators=str(credited_translator().pk),
        licence="permission",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unattached.refresh_from_db()
    assert unattached.current_workflow_state is not None
    assert latest(unattached).no_original_reason == reason
    # Still no original attached, and its translated sections stay translations.
    assert latest(unattached).original_attached is False
    assert [s.status for s in latest(unattached).sections.all()][1:] == ["pending"] * 3


def test_a_translator_cannot_record_the_reason(unattached, translator_user):
    client = logged_in(translator_user)
    page = client.get(edit_url(unattached)).content.decode()
    assert 'name="no_original_reason"' not in page
    # A crafted field is ignored, and the submission is still refused.
    response = submit_from_editor(client, unattached, no_original_reason="Because I say so.")
    assert response.status_code == 200
    assert "The English original is not attached" in response.content.decode()
    assert latest(unattached).no_original_reason == ""
    unattached.refresh_from_db()
    assert unattached.current_workflow_state is None


def test_disclosure_never_calls_the_translation_the_editors_own():
    with translation.override("en"):
        text = disclosure_for(
            method="human",
            model="",
            statuses=["added", "pending", "pending"],
            original_attached=False,
        ).text
        assert "from an English original that is not attached here" in text
        assert "1 section was written by the editors" in text
        assert "in full" not in text
        attached = disclosure_for(method="human", model="", statuses=["added", "full"]).text
        assert "in full" in attached and "1 section was written by the editors" in attached


def test_the_published_translation_only_page_tells_readers(client, unattached):
    page = latest(unattached)
    page.no_original_reason = "Original withdrawn."
    page.show_original = True
    page.save_revision().publish()
    cache.clear()
    url = ArticlePage.objects.get(pk=unattached.pk).url
    html = client.get(url, {"view": "bilingual"}).content.decode()
    # Catalogue entries for these sentences are merged later: read either language.
    disclosure = html.split('class="disclosure"')[1].split("</aside>")[0]
    assert (
        "from an English original that is not attached here" in disclosure
        or "所据英文原文未附于此" in disclosure
    )
    assert html.count('class="no-source"') == 4
    # With no title known, the link to the original reads as its address.
    assert f'<a href="{ADDRESS}" rel="external noopener" lang="en">{ADDRESS}</a>' in html
    assert (
        html.count("No English source: added by the editors.")
        + html.count("无英文原文：由编辑新增。")
        <= 1
    )


# --- LinkedIn furniture ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("+ Follow", ACTIONS),
        ("Like Comment Repost Send", ACTIONS),
        ("12,408 followers", COUNTER),
        ("18 Comments", COUNTER),
        ("Priya Raman and 255 others", COUNTER),
        ("6 min read", COUNTER),
        ("Published Mar 4, 2025", DATELINE),
        ("Report this article", END_OF_ARTICLE),
        ("More articles by Priya Raman", END_OF_ARTICLE),
    ],
)
def test_english_furniture_shapes(line, shape):
    assert line_shape(line) == shape


@pytest.mark.parametrize(
    "line",
    [
        "Published research is only half the story; the other half is what nobody wrote down.",
        "Like many labs, they published their framework in 2024.",
        "The plan",
    ],
)
def test_english_text_is_not_furniture(line):
    assert line_shape(line) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Mar 4, 2025", "2025-03-04"), ("4 March 2025", "2025-03-04"), ("2025-3-4", "2025-03-04")],
)
def test_dates(text, iso):
    assert parse_date(text) == iso
    assert parse_date("Feb 30, 2025") == ""


@pytest.mark.parametrize("fixture", [LINKEDIN_TEXT, LINKEDIN_HTML])
def test_linkedin_furniture_goes_and_the_metadata_stays(fixture):
    document = parse_document(fixture.read_bytes(), filename=fixture.name)
    blocks, found = clean_blocks(document.blocks)
    document.metadata.merge(found)
    text = "\n".join(b.text for b in blocks)
    assert [junk for junk in FURNITURE if junk in text] == []
    for paragraph in EN[1:]:
        assert paragraph in text
    assert document.metadata.title == EN[0]
    assert document.metadata.original_author == "Priya Raman"
    assert document.metadata.published == "2025-03-04"


def test_a_saved_linkedin_page_imported_as_a_new_articles_original_loses_its_furniture():
    plan = plan_import(
        Source(LINKEDIN_HTML.read_bytes(), filename=LINKEDIN_HTML.name),
        TRANSLATION.read_text(encoding="utf-8"),
        people=[],
        anchors=[],
    )
    english = "\n".join(
        paragraph.text for section in plan.sections for paragraph in section.paragraphs_en
    )
    assert [junk for junk in FURNITURE if junk in english] == []
    assert plan.title_en == EN[0]
    assert plan.metadata.original_author == "Priya Raman"


# --- Attaching through the admin ---------------------------------------------------------------


def preview(client, page, text: str):
    form = RenderedForm(client.get(attach_url(page)).content, "form#attach-form")
    form.set("original_text", text)
    return client.post(attach_url(page), form.data())


def test_editor_attaches_the_original_paste_preview_accept(unattached, editor_user):
    client = logged_in(editor_user)
    before = chinese_of(unattached)
    revisions = Revision.objects.filter(object_id=str(unattached.pk)).count()

    shown = preview(client, unattached, LINKEDIN_TEXT.read_text(encoding="utf-8"))
    assert shown.status_code == 200
    html = shown.content.decode()
    assert "Critics replied" in html  # the English section left out, shown as new
    assert latest(unattached).original_attached is False  # nothing saved by a preview

    form = RenderedForm(shown.content, "form#attach-accept")
    accepted = client.post(attach_url(unattached), form.data())
    assert accepted.status_code == 302
    assert accepted.url == edit_url(unattached)

    assert Revision.objects.filter(object_id=str(unattached.pk)).count() == revisions + 1
    page = latest(unattached)
    sections = list(page.sections.all())
    assert [s.status for s in sections] == ["added", "full", "full", "omitted", "abridged"]
    assert [s.heading_en for s in sections] == ["", "", "The plan", "The critics", "Aftermath"]
    assert "Critics replied" in sections[3].body_en and not sections[3].body_zh_hans
    # The aligner's notes are for editors (the history); readers' notes wait for a person.
    assert sections[3].note == sections[4].note == ""
    with translation.override("zh-hans"):
        comments = [
            entry.comment
            for entry in PageLogEntry.objects.filter(
                page=unattached, action="duizhao.section_status"
            )
        ]
    assert sum(comment.startswith("自动对齐：") for comment in comments) == 2
    assert not sections[0].body_en  # the preface stays the editors' own
    # The Chinese is unchanged, section for section.
    assert [(s.heading_zh_hans, s.body_zh_hans) for s in sections if s.body_zh_hans] == before
    assert page.original_attached is True
    assert page.original_url == ADDRESS
    assert page.original_title == EN[0]
    assert page.original_author_name == "Priya Raman"
    assert str(page.original_published) == "2025-03-04"
    # Saved as a draft revision: the live article is untouched.
    assert ArticlePage.objects.get(pk=unattached.pk).original_attached is False


def test_the_preview_names_the_english_left_without_counterpart(unattached, editor_user):
    client = logged_in(editor_user)
    shown = preview(client, unattached, LINKEDIN_TEXT.read_text(encoding="utf-8"))
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(shown.content, "html.parser")
    listed = [li.text for li in soup.select(".missing-list li")]
    assert len(listed) == 1 and listed[0] in EN[5:]


def test_an_uploaded_linkedin_page_is_attached(unattached, editor_user):
    client = logged_in(editor_user)
    form = RenderedForm(client.get(attach_url(unattached)).content, "form#attach-form")
    data = form.data()
    data["original_file"] = SimpleUploadedFile("article.html", LINKEDIN_HTML.read_bytes())
    shown = client.post(attach_url(unattached), data)
    assert shown.status_code == 200
    accepted = client.post(
        attach_url(unattached), RenderedForm(shown.content, "form#attach-accept").data()
    )
    assert accepted.status_code == 302
    page = latest(unattached)
    assert page.original_attached and page.original_author_name == "Priya Raman"
    assert "Report this article" not in "".join(s.body_en for s in page.sections.all())


def test_a_stale_preview_is_refused_and_changes_nothing(unattached, editor_user):
    client = logged_in(editor_user)
    shown = preview(client, unattached, LINKEDIN_TEXT.read_text(encoding="utf-8"))
    # Someone saves the article after the preview was made.
    other = latest(unattached)
    other.summary_zh_hans = "别人刚写的摘要。"
    other.save_revision()
    revisions = Revision.objects.filter(object_id=str(unattached.pk)).count()

    response = client.post(
        attach_url(unattached), RenderedForm(shown.content, "form#attach-accept").data()
    )
    assert response.status_code == 409
    assert "Someone else saved this article" in response.content.decode()
    assert Revision.objects.filter(object_id=str(unattached.pk)).count() == revisions
    page = latest(unattached)
    assert page.original_attached is False
    assert page.summary_zh_hans == "别人刚写的摘要。"


@pytest.mark.parametrize("role", ["translator_user", "reviewer_user"])
def test_other_roles_may_not_attach(unattached, role, request):
    client = logged_in(request.getfixturevalue(role))
    assert refused(client.get(attach_url(unattached)))
    response = client.post(
        attach_url(unattached),
        {"action": "accept", "original_text": LINKEDIN_TEXT.read_text(), "loaded_revision_id": ""},
    )
    assert refused(response)
    assert latest(unattached).original_attached is False


def test_the_button_is_for_editors_on_articles(unattached, index, editor_user, translator_user):
    assert [item.url for item in attach_button(unattached, editor_user)] == [attach_url(unattached)]
    assert list(attach_button(unattached, translator_user)) == []
    assert list(attach_button(index, editor_user)) == []
    client = logged_in(editor_user)
    assert attach_url(unattached) in client.get(edit_url(unattached)).content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   \n", "Paste the English original or upload it."),
        (ZH[1] + "\n\n" + ZH[2], "English original"),
    ],
)
def test_bad_input_in_the_admin_changes_nothing(unattached, editor_user, text, message):
    client = logged_in(editor_user)
    revisions = Revision.objects.filter(object_id=str(unattached.pk)).count()
    response = preview(client, unattached, text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Revision.objects.filter(object_id=str(unattached.pk)).count() == revisions


def test_a_binary_upload_is_refused(unattached, editor_user):
    client = logged_in(editor_user)
    form = RenderedForm(client.get(attach_url(unattached)).content, "form#attach-form")
    data = form.data()
    data["original_file"] = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(300))
    response = client.post(attach_url(unattached), data)
    assert response.status_code == 400
    assert "English original" in response.content.decode()
    assert latest(unattached).original_attached is False


def test_the_admin_screen_of_a_page_that_is_no_article_is_not_found(index, editor_user):
    client = logged_in(editor_user)
    assert client.get(reverse("articles_attach_original", args=(index.pk,))).status_code == 404
    assert client.get(reverse("articles_attach_original", args=(999999,))).status_code == 404


# --- import_article --into ---------------------------------------------------------------------


def test_command_attaches_into_an_existing_article(unattached):
    before = chinese_of(unattached)
    out = StringIO()
    call_command(
        "import_article", "--into", str(unattached.pk), "--original", str(LINKEDIN_TEXT), stdout=out
    )
    assert "Attached the original" in out.getvalue()
    page = latest(unattached)
    assert page.original_attached and page.original_author_name == "Priya Raman"
    statuses = [s.status for s in page.sections.all()]
    assert statuses == ["added", "full", "full", "omitted", "abridged"]
    assert [(s.heading_zh_hans, s.body_zh_hans) for s in page.sections.all() if s.body_zh_hans] == (
        before
    )


def test_command_dry_run_prints_json_and_saves_nothing(unattached):
    out = StringIO()
    call_command(
        "import_article",
        "--into",
        str(unattached.pk),
        "--original",
        str(LINKEDIN_HTML),
        "--dry-run",
        "--json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert [s["status"] for s in result["sections"]] == [
        "added",
        "full",
        "full",
        "omitted",
        "abridged",
    ]
    assert result["original_url"] == ADDRESS
    assert latest(unattached).original_attached is False


def test_command_bad_input_changes_nothing(unattached, index, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    revisions = Revision.objects.count()
    cases = [
        (["--into", str(unattached.pk), "--original", str(empty)], "empty"),
        (["--into", str(unattached.pk), "--original", str(binary)], "English original"),
        (["--into", "999999", "--original", str(LINKEDIN_TEXT)], "There is no page with id"),
        (["--into", str(index.pk), "--original", str(LINKEDIN_TEXT)], "is not an article"),
        (["--into", str(unattached.pk)], "give --original"),
        (
            [
                "--into",
                str(unattached.pk),
                "--original",
                str(LINKEDIN_TEXT),
                "--translation",
                str(TRANSLATION),
            ],
            "give --original",
        ),
    ]
    for arguments, message in cases:
        with pytest.raises(CommandError, match=message):
            call_command("import_article", *arguments, stdout=StringIO())
    assert Revision.objects.count() == revisions
    assert latest(unattached).original_attached is False


def test_plan_attach_proposes_without_saving(unattached):
    plan = plan_attach(unattached, LINKEDIN_TEXT.read_text(), anchors=[])
    assert [s.status for s in plan.sections] == ["added", "full", "full", "omitted", "abridged"]
    assert plan.sections[3].is_new
    assert latest(unattached).original_attached is False
