"""An imported article publishes clean: the title line is not repeated as the first paragraph,
the slug is ASCII (the original's English title, else pinyin) with the Chinese kept in the
title, the aligner's note on a cut is kept for editors and the readers' note is left for a
person, and no article goes to review without a credited translator and a known licence
(publishing with an unknown licence warns). Driven through the import screen or command and
then the rendered editor, as an editor does."""

from io import StringIO

from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

import pytest

from articles.editorial.section_rules import SectionText, submission_errors
from articles.editorial.workflow import assign_translation_workflow
from articles.models import ArticlePage
from tests.admin_users import logged_in
from tests.articles.workflow_helpers import credited_translator
from tests.factories import ArticleIndexPageFactory
from tests.rendered_forms import RenderedForm, form_data

from .test_alignment import EN, ZH

URL = "https://example.com/superalignment"
EDIT_FORM = "form#page-edit-form"
TITLE_ZH = "超级对齐一年后"
# The Chinese page repeats its title line as the first line of the text.
TRANSLATION = (
    f"# {TITLE_ZH}\n\n{TITLE_ZH}。\n\n"
    + "\n\n".join(ZH[1:4] + ["## 余波"] + ZH[5:])
    + f"\n\n原文链接：{URL}"
)
ORIGINAL = "# Superalignment, a year on\n\n" + "\n\n".join(EN[1:4] + ["## Aftermath"] + EN[4:])
NOTE_NEEDED = "An abridged or omitted section needs a note saying what was cut and why."
NO_TRANSLATOR = "Credit at least one translator before submitting the article for review."
UNKNOWN_LICENCE = "The licence is “unknown”."


pytestmark = pytest.mark.usefixtures("english_admin")


@pytest.fixture
def index(db):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    return index


def import_through_admin(client, index, original=ORIGINAL, translation=TRANSLATION):
    """Paste both texts on the rendered import form, then post the rendered preview back."""
    url = reverse("articles_import") + f"?parent={index.pk}"
    form = form_data(client.get(url).content.decode(), "translation_text")
    form.update(original_text=original, translation_text=translation, format="markdown")
    shown = client.post(reverse("articles_import"), form)
    assert shown.status_code == 200
    created = client.post(reverse("articles_import"), form_data(shown.content, "original_url"))
    assert created.status_code == 302, created.content.decode()[:2000]
    return ArticlePage.objects.get(pk=int(created["Location"].rstrip("/").split("/")[-2]))


def latest(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def post_editor(client, page, action: str = "action-submit", **changes):
    """Open the editor, change fields as a person would, press ``action``."""
    form = RenderedForm(client.get(edit_url(page)).content, EDIT_FORM)
    for name, value in changes.items():
        form.set(name, value)
    return client.post(edit_url(page), form.data(**{action: "1"}))


def cut_note_field(page) -> str:
    """The note field of the imported article's abridged or omitted section."""
    cut = [s for s in latest(page).sections.all() if s.status in ("abridged", "omitted")]
    assert len(cut) == 1
    return f"sections-{list(latest(page).sections.all()).index(cut[0])}-note"


def test_the_title_line_is_not_repeated_and_the_slug_is_the_english_title(
    client, index, editor_user
):
    page = import_through_admin(logged_in(editor_user), index)
    assert page.title == TITLE_ZH
    assert page.slug == "superalignment-a-year-on"
    first = latest(page).sections.order_by("sort_order").first()
    assert TITLE_ZH not in first.body_zh_hans
    assert first.body_zh_hans.startswith("<p>" + ZH[1][:10])


def test_without_the_english_title_the_slug_is_pinyin_and_unique(index, tmp_path):
    translation = tmp_path / "zh.md"
    translation.write_text(TRANSLATION, encoding="utf-8")
    again = tmp_path / "zh2.md"
    again.write_text(TRANSLATION.replace(URL, URL + "-2"), encoding="utf-8")
    for path in (translation, again):
        call_command("import_article", "--translation", str(path), stdout=StringIO())
    first, second = ArticlePage.objects.order_by("pk")
    assert first.title == second.title == TITLE_ZH
    assert first.slug == "chao-ji-dui-qi-yi-nian-hou"
    assert second.slug != first.slug and second.slug.startswith("chao-ji-dui-qi-yi-nian-hou")
    assert first.url_path.isascii() and second.url_path.isascii()


def test_the_machine_note_is_for_editors_and_a_person_must_write_the_readers_note(
    client, index, editor_user
):
    client = logged_in(editor_user)
    page = import_through_admin(client, index)
    field = cut_note_field(page)
    form = RenderedForm(client.get(edit_url(page)).content, EDIT_FORM)
    assert form.get(field) == ""  # readers see nothing the aligner wrote
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert "Aligner: paragraph 1 of the original has no counterpart" in history.content.decode()

    credit = {"translators": str(credited_translator().pk), "licence": "permission"}
    refused = post_editor(client, page, **credit)
    assert refused.status_code == 200
    assert NOTE_NEEDED in refused.content.decode()
    page.refresh_from_db()
    assert page.current_workflow_state is None

    accepted = post_editor(client, page, **credit, **{field: "删去了一段背景介绍。"})
    assert accepted.status_code == 302, accepted.content.decode()[:3000]
    page.refresh_from_db()
    assert page.current_workflow_state is not None
    assert latest(page).sections.get(status="abridged").note == "删去了一段背景介绍。"


def test_an_aligner_note_left_as_the_readers_note_is_refused_on_submission(
    client, index, editor_user
):
    """As stored by imports made before the aligner's notes were kept for editors."""
    client = logged_in(editor_user)
    page = import_through_admin(client, index)
    credit = {"translators": str(credited_translator().pk), "licence": "permission"}
    machine = {cut_note_field(page): "自动对齐：原文第 1 段无对应译文。"}
    refused = post_editor(client, page, **credit, **machine)
    assert refused.status_code == 200
    assert "This note was written by the automatic alignment" in refused.content.decode()
    page.refresh_from_db()
    assert page.current_workflow_state is None
    # Saving the draft is not refused: the note is only wrong for readers.
    saved = post_editor(client, page, "action-save", **credit, **machine)
    assert saved.status_code == 302


def test_submission_needs_a_credited_translator_and_a_known_licence(client, index, editor_user):
    client = logged_in(editor_user)
    page = import_through_admin(client, index)
    note = {cut_note_field(page): "删去了一段背景介绍。"}

    refused = post_editor(client, page, **note).content.decode()
    assert NO_TRANSLATOR in refused and UNKNOWN_LICENCE in refused

    credited = {"translators": str(credited_translator().pk)}
    refused = post_editor(client, page, **note, **credited).content.decode()
    assert NO_TRANSLATOR not in refused and UNKNOWN_LICENCE in refused
    page.refresh_from_db()
    assert page.current_workflow_state is None

    accepted = post_editor(client, page, **note, **credited, licence="open")
    assert accepted.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state is not None
    assert [u.pk for u in latest(page).translators.all()] == [int(credited["translators"])]


def test_publishing_with_an_unknown_licence_warns_the_editor(client, index, editor_user):
    client = logged_in(editor_user)
    page = import_through_admin(client, index)
    note = {cut_note_field(page): "删去了一段背景介绍。"}
    response = post_editor(client, page, "action-publish", **note)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.licence == "unknown"
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("published with its licence “unknown”" in m for m in warnings)

    known = post_editor(client, page, "action-publish", **note, licence="permission")
    assert known.status_code == 302
    assert not any("unknown" in str(m) for m in get_messages(known.wsgi_request))


@pytest.mark.parametrize(
    ("original_title", "typed_slug", "expected"),
    [
        ("", "感知机往事", "gan-zhi-ji-wang-shi"),
        ("Perceptron Days", "感知机往事", "perceptron-days"),
    ],
)
def test_an_article_created_in_the_admin_with_a_chinese_title_gets_an_ascii_slug(
    client, index, editor_user, original_title, typed_slug, expected
):
    client = logged_in(editor_user)
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    form = RenderedForm(client.get(add_url).content, EDIT_FORM)
    # The title as typed, and the slug the admin's script fills in from it.
    form.set("title", "感知机往事")
    form.set("slug", typed_slug)
    form.set("headline_zh_hans", "感知机往事")
    form.set("original_url", "https://example.com/perceptron")
    form.set("original_title", original_title)
    response = client.post(add_url, form.data(**{"action-save": "1"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ArticlePage.objects.get()
    assert page.title == "感知机往事"
    assert page.slug == expected
    assert page.url_path.isascii()


@pytest.mark.parametrize(
    ("status", "note", "refused"),
    [
        ("omitted", "自动对齐：整节无对应译文。", True),
        ("abridged", "  自动对齐：原文第 2 段无对应译文。", True),
        ("omitted", "论文清单未译出（自动对齐：整节无对应译文）。", False),
        ("added", "自动对齐：转载者自己的前言。", False),
    ],
)
def test_the_rules_refuse_an_aligner_note_as_a_cuts_readers_note(status, note, refused):
    section = SectionText(status, note, "<p>English.</p>", "<p>中文。</p>")
    messages = [message for _position, message in submission_errors([section])]
    assert any("automatic alignment" in m for m in messages) is refused
