"""The aligner's notes are read in each editor's own admin language: the import and attach
previews and the page history show them in English to an editor whose admin speaks English
and in Chinese to one whose admin speaks Chinese, and a note pasted from either as the
readers' note of a cut is refused on submission. Driven through the rendered screens, as
editors do."""

from pathlib import Path

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from articles.editorial.workflow import assign_translation_workflow
from articles.importing.adapter import create_article, plan_import
from articles.models import ArticlePage
from tests.admin_users import in_english, logged_in
from tests.articles.workflow_helpers import credited_translator
from tests.conftest import user_in_group
from tests.factories import ArticleIndexPageFactory
from tests.rendered_forms import RenderedForm, form_data

from .test_alignment import EN, ZH
from .test_importer import LEAD, markdown

URL = "https://example.com/superalignment"


# "The plan" is left out of the translation and "Aftermath" is shortened: the proposal is
# added (the editor's lead), full, omitted, abridged.
ORIGINAL = markdown("Superalignment, a year on", EN, {0: "Why", 3: "The plan", 5: "Aftermath"})
TRANSLATION = (
    markdown(
        "超级对齐一年后",
        [LEAD, *ZH[:3], ZH[5], "这段经历至今仍在影响这场讨论。", ZH[7]],
        {1: "超级对齐为何重要", 4: "余波"},
    )
    + f"\n\n原文链接：{URL}"
)

# What each editor reads, and words only the other language's notes hold.
ENGLISH_NOTES = [
    "Aligner: the whole section has no counterpart in the translation.",
    "Aligner: the translation of paragraph 2 of the original is much shorter than expected;",
]
CHINESE_NOTES = ["自动对齐：整节无对应译文。", "自动对齐：原文第 2 段的译文明显偏短；"]
ENGLISH_WORDS = ["Aligner", "no counterpart", "much shorter than expected", "expected length"]
CHINESE_WORDS = ["自动对齐：", "无对应译文", "明显偏短", "译文长度约为预期"]


@pytest.fixture
def index(db):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    return index


@pytest.fixture
def english_editor(editor_user):
    in_english(editor_user)
    return editor_user


@pytest.fixture
def chinese_editor(db, django_user_model):
    user = user_in_group(django_user_model, "ed-zh", "Editors")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def shown_text(html: bytes) -> str:
    """What the page shows: its text and its fields' placeholders (scripts left out)."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    placeholders = [tag["placeholder"] for tag in soup.select("[placeholder]")]
    return " ".join([soup.get_text(" "), *placeholders])


def preview(client, index):
    """Paste both texts into the rendered import form and ask for the proposal."""
    url = reverse("articles_import") + f"?parent={index.pk}"
    form = form_data(client.get(url).content, "translation_text")
    form.update(original_text=ORIGINAL, translation_text=TRANSLATION, format="markdown")
    shown = client.post(reverse("articles_import"), form)
    assert shown.status_code == 200, shown.content.decode()[:2000]
    return shown


def import_article(client, index) -> ArticlePage:
    """The preview posted back as rendered: the draft is created."""
    shown = preview(client, index)
    created = client.post(reverse("articles_import"), form_data(shown.content, "original_url"))
    assert created.status_code == 302, created.content.decode()[:2000]
    return ArticlePage.objects.get(pk=int(created["Location"].rstrip("/").split("/")[-2]))


def history(client, page) -> str:
    response = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert response.status_code == 200
    return shown_text(response.content)


def assert_reads(text: str, notes: list[str], foreign: list[str]) -> None:
    for note in notes:
        assert note in text
    for words in foreign:
        assert words not in text


@pytest.mark.parametrize(
    ("editor", "notes", "foreign"),
    [
        ("english_editor", ENGLISH_NOTES, CHINESE_WORDS),
        ("chinese_editor", CHINESE_NOTES, ENGLISH_WORDS),
    ],
)
def test_the_import_preview_shows_the_aligners_notes_in_the_editors_language(
    request, index, editor, notes, foreign
):
    client = logged_in(request.getfixturevalue(editor))
    assert_reads(shown_text(preview(client, index).content), notes, foreign)


def test_the_page_history_shows_the_aligners_notes_to_each_editor_in_their_language(
    index, english_editor, chinese_editor
):
    # One editor imports; each reads the history in their own language.
    page = import_article(logged_in(chinese_editor), index)
    cut = [s.status for s in page.get_latest_revision_as_object().sections.all()]
    assert cut == ["added", "full", "omitted", "abridged"]

    assert_reads(history(logged_in(english_editor), page), ENGLISH_NOTES, CHINESE_WORDS)
    assert_reads(history(logged_in(chinese_editor), page), CHINESE_NOTES, ENGLISH_WORDS)


def submit_with_note(client, page, note: str):
    """Open the editor, write ``note`` as the omitted section's readers' note, credit a
    translator and a licence, and submit for review."""
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    sections = list(page.get_latest_revision_as_object().sections.all())
    omitted = [s.status for s in sections].index("omitted")
    abridged = [s.status for s in sections].index("abridged")
    form = RenderedForm(client.get(edit_url).content, "form#page-edit-form")
    form.set(f"sections-{omitted}-note", note)
    form.set(f"sections-{abridged}-note", "删去了结尾的一段评论。")
    form.set("translators", str(credited_translator().pk))
    form.set("licence", "permission")
    return client.post(edit_url, form.data(**{"action-submit": "1"}))


@pytest.mark.parametrize(
    "note",
    [
        "Aligner: the whole section has no counterpart in the translation.",
        "自动对齐：整节无对应译文。",
    ],
)
def test_an_aligners_note_pasted_in_either_language_is_refused_on_submission(
    index, english_editor, note
):
    client = logged_in(english_editor)
    page = import_article(client, index)

    refused = submit_with_note(client, page, note)
    assert refused.status_code == 200
    assert "This note was written by the automatic alignment" in refused.content.decode()
    page.refresh_from_db()
    assert page.current_workflow_state is None

    accepted = submit_with_note(client, page, "“计划”一节未译出：原文的方案细节已过时。")
    assert accepted.status_code == 302, accepted.content.decode()[:3000]
    page.refresh_from_db()
    assert page.current_workflow_state is not None


# --- Attaching the original later ------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
OMITTED_NOTE = {
    "en": "Aligner: this section of the original has no counterpart in the translation: "
    "marked as omitted.",
    "zh-hans": "自动对齐：原文这一节没有对应的译文，记为略去。",
}


def attach(client, page, accept: bool):
    url = reverse("articles_attach_original", args=(page.pk,))
    form = RenderedForm(client.get(url).content, "form#attach-form")
    form.set("original_text", (FIXTURES / "linkedin_original.txt").read_text(encoding="utf-8"))
    shown = client.post(url, form.data())
    assert shown.status_code == 200
    if not accept:
        return shown
    accepted = client.post(url, RenderedForm(shown.content, "form#attach-accept").data())
    assert accepted.status_code == 302
    return accepted


def test_attaching_the_original_shows_the_aligners_notes_in_each_editors_language(
    index, english_editor, chinese_editor
):
    translation = (FIXTURES / "linkedin_translation_zh.txt").read_text(encoding="utf-8")
    page = create_article(plan_import(None, translation, people=[], anchors=[]), index, None)
    english, chinese = logged_in(english_editor), logged_in(chinese_editor)

    assert_reads(
        shown_text(attach(english, page, accept=False).content),
        [OMITTED_NOTE["en"]],
        CHINESE_WORDS,
    )
    assert_reads(
        shown_text(attach(chinese, page, accept=False).content),
        [OMITTED_NOTE["zh-hans"]],
        ENGLISH_WORDS,
    )
    attach(english, page, accept=True)
    assert_reads(history(english, page), [OMITTED_NOTE["en"]], CHINESE_WORDS)
    assert_reads(history(chinese, page), [OMITTED_NOTE["zh-hans"]], ENGLISH_WORDS)
