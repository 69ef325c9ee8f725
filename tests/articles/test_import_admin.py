"""The admin import screen: form → preview → create draft, as an editor; denied to others."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from articles.importing.screen import import_button
from articles.models import ArticlePage
from people.models import Quote
from tests.admin_refusal import refused
from tests.factories import ArticleIndexPageFactory, PersonFactory
from tests.rendered_forms import form_data

from .test_alignment import EN, ZH

URL = "https://example.com/superalignment"
FIXTURE = Path(__file__).parent / "fixtures" / "scraped_zh_article.html"
ORIGINAL = "# Superalignment, a year on\n\n" + "\n\n".join(
    EN[1:4] + ["## Aftermath"] + EN[4:] + ['Jan Leike said: "Safety took a back seat to products."']
)
TRANSLATION = (
    "# 超级对齐一年后\n\n"
    + "\n\n".join(ZH[1:4] + ["## 余波"] + ZH[5:] + ["扬·莱克说：“安全让位于产品。”"])
    + f"\n\n原文链接：{URL}"
)


pytestmark = pytest.mark.usefixtures("english_admin")


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory()


@pytest.fixture
def leike(db):
    return PersonFactory(name_en="Jan Leike", name_zh_hans="扬·莱克", slug="jan-leike")


def import_url(index) -> str:
    return reverse("articles_import") + f"?parent={index.pk}"


def rendered_preview(client, index) -> dict:
    """The preview's form, as rendered after ORIGINAL and TRANSLATION were pasted on the
    rendered import form (Markdown)."""
    form = form_data(client.get(import_url(index)).content.decode(), "translation_text")
    form.update(original_text=ORIGINAL, translation_text=TRANSLATION, format="markdown")
    shown = client.post(reverse("articles_import"), form)
    return form_data(shown.content.decode(), "original_url")


def preview(client, index, **fields):
    data = {"parent": index.pk, "action": "preview", "format": "markdown", **fields}
    return client.post(reverse("articles_import"), data)


def accept_data(response, **changes) -> dict:
    """What the preview's form would post back, with the editor's changes."""
    context = response.context
    data = {
        "parent": context["parent"].pk,
        "action": "create",
        "format": context["format"],
        "original_text": context["texts"]["original"][0],
        "original_filename": context["texts"]["original"][1],
        "translation_text": context["texts"]["translation"][0],
        "translation_filename": context["texts"]["translation"][1],
        "title": context["title"],
        "original_url": context["original_url"],
        "original_title": context["original_title"],
    }
    for row in context["rows"]:
        data[f"status-{row['index']}"] = row["status"]
        data[f"note-{row['index']}"] = row["note"]
    data.update(changes)
    return data


def test_editor_sees_the_form_with_the_size_limit(client, index, editor_user):
    client.force_login(editor_user)
    response = client.get(import_url(index))
    assert response.status_code == 200
    assert "up to 2 MB each" in response.content.decode()
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_editor_previews_then_creates_a_draft_with_edited_statuses(
    client, index, editor_user, leike
):
    client.force_login(editor_user)
    response = preview(client, index, original_text=ORIGINAL, translation_text=TRANSLATION)
    assert response.status_code == 200
    page_text = response.content.decode()
    rows = response.context["rows"]
    assert [row["section"].status for row in rows] == ["full", "abridged"]
    evidence = str(rows[1]["section"].evidence)
    assert "paragraph 1 of the original has no counterpart in the translation" in evidence
    # The aligner's evidence is shown to the editor, not offered as the readers' note.
    assert rows[1]["note"] == ""
    assert evidence in page_text
    assert 'name="status-1"' in page_text and "余波" in page_text
    assert leike in response.context["people"]
    quote = next(q for q in response.context["quotes"] if q["speaker"] == leike)
    assert ArticlePage.objects.count() == 0  # the preview saves nothing

    data = accept_data(
        response,
        **{"status-0": "abridged", "note-0": "Shortened the opening.", "quote": quote["index"]},
    )
    response = client.post(reverse("articles_import"), data)
    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.latest_revision.user == editor_user
    sections = list(page.sections.all())
    assert [s.status for s in sections] == ["abridged", "abridged"]
    assert sections[0].note == "Shortened the opening."
    # The readers' note waits for a person; the aligner's words stay in the history.
    assert sections[1].note == ""
    assert any(
        entry.comment.startswith("Aligner: paragraph 1 of the original has no counterpart")
        for entry in PageLogEntry.objects.filter(page=page)
    )
    assert page.original_url == URL
    assert list(page.people_mentioned.all()) == [leike]
    assert Quote.objects.get().speaker == leike


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_the_rendered_preview_posted_back_unchanged_creates_its_sections(
    client, index, editor_user, fmt
):
    """The whole round trip through the rendered HTML: paste on the form, then send the
    preview's form back as the browser would (every hidden field as rendered). Into the
    second index: without its hidden field the import would land in the first."""
    target = ArticleIndexPageFactory()
    client.force_login(editor_user)
    form = form_data(client.get(import_url(target)).content.decode(), "translation_text")
    form.update(original_text=ORIGINAL, translation_text=TRANSLATION, format=fmt)
    shown = client.post(reverse("articles_import"), form)
    assert shown.status_code == 200
    preview_form = form_data(shown.content.decode(), "original_url")
    count = sum(1 for name in preview_form if name.startswith("status-"))
    assert count >= 1
    shown_statuses = [preview_form[f"status-{n}"] for n in range(count)]
    shown_notes = [preview_form[f"note-{n}"].strip() for n in range(count)]
    if not preview_form["title"]:
        # Plain text marks no title line; the editor types one, as the preview asks.
        preview_form["title"] = "超级对齐一年后"

    created = client.post(reverse("articles_import"), preview_form)

    assert created.status_code == 302
    page = ArticlePage.objects.get()
    assert created["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_parent().pk == target.pk != index.pk
    assert page.title == preview_form["title"] and page.original_url == URL
    sections = list(page.sections.order_by("sort_order"))
    assert [s.status for s in sections] == shown_statuses
    assert [s.note for s in sections] == shown_notes
    english = " ".join(f"{s.heading_en} {s.body_en}" for s in sections)
    chinese = " ".join(f"{s.heading_zh_hans} {s.body_zh_hans}" for s in sections)
    for sentence in (*EN[1:4], "Aftermath", "Jan Leike said"):
        assert sentence in english
    for sentence in (*ZH[1:4], "余波", "扬·莱克说"):
        assert sentence in chinese
    # The same sections the preview showed, each with its own English and Chinese.
    assert EN[1] in sections[0].body_en and ZH[1] in sections[0].body_zh_hans
    assert "Aftermath" in sections[-1].heading_en + sections[-1].body_en


def test_uploaded_gb18030_files(client, index, editor_user):
    client.force_login(editor_user)
    files = {
        "original_file": SimpleUploadedFile("original.md", ORIGINAL.encode()),
        "translation_file": SimpleUploadedFile("zh.md", TRANSLATION.encode("gb18030")),
    }
    response = client.post(
        reverse("articles_import"), {"parent": index.pk, "action": "preview", **files}
    )
    assert response.status_code == 200
    assert response.context["texts"]["translation"] == (TRANSLATION, "zh.md")
    response = client.post(reverse("articles_import"), accept_data(response))
    assert response.status_code == 302
    assert ArticlePage.objects.get().title == "超级对齐一年后"


def test_realistic_scraped_page_as_a_translation_only_import(client, index, editor_user):
    client.force_login(editor_user)
    html = FIXTURE.read_bytes()
    response = client.post(
        reverse("articles_import"),
        {
            "parent": index.pk,
            "action": "preview",
            "translation_file": SimpleUploadedFile("page.html", html),
        },
    )
    assert response.status_code == 200
    plan = response.context["plan"]
    body = " ".join(p.text for s in plan.sections for p in s.paragraphs_zh)
    assert "分享到微博" not in body and "AI 开发者大会" not in body
    assert plan.metadata.original_url == "https://www.linkedin.com/pulse/superalignment-jane-doe"
    # The editor's note is the re-publisher's own preface ("added"); the translated text
    # without its original waits for it, "pending", never "added" (the editors' own words).
    preface, *translated = plan.sections
    assert (preface.role, preface.status) == ("preface", "added")
    assert preface.paragraphs_zh[0].text.startswith("编者按")
    assert {s.status for s in translated} == {"pending"}
    assert not any(s.original_attached for s in translated)
    response = client.post(reverse("articles_import"), accept_data(response))
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert page.title == "深度学习先驱谈超级对齐：我们还有多少时间？"
    assert "<script" not in "".join(s.body_zh_hans for s in page.sections.all())


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({}, "Give the English original"),
        ({"original_text": "   "}, "Give the English original"),
        ({"original_text": ORIGINAL, "translation_text": ORIGINAL}, "almost no Chinese"),
        (
            {
                "translation_file": SimpleUploadedFile(
                    "x.txt", b"PK\x03\x04\x00" + bytes(range(256))
                )
            },
            "binary",
        ),
        (
            {"original_text": "<div>" * 10_000 + "x" + "</div>" * 10_000, "format": "html"},
            "nested",
        ),
    ],
)
def test_bad_input_is_a_plain_message_and_nothing_is_created(
    client, index, editor_user, fields, words
):
    client.force_login(editor_user)
    response = preview(client, index, **fields)
    assert response.status_code == 400
    assert words in response.context["error"]
    assert words in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_fifty_megabyte_upload_is_refused(client, index, editor_user):
    client.force_login(editor_user)
    upload = SimpleUploadedFile("huge.txt", b"a" * (50 * 1024 * 1024))
    response = preview(client, index, original_file=upload)
    assert response.status_code == 400
    assert "too large" in response.context["error"]
    assert not ArticlePage.objects.exists()


def test_impossible_status_on_accept_is_refused_with_nothing_created(client, index, editor_user):
    client.force_login(editor_user)
    response = preview(client, index, original_text=ORIGINAL)  # no translation: pending
    for status, words in (("full", "Section 1"), ("bogus", "Unknown section status")):
        data = accept_data(response, **{"status-0": status, "original_url": URL})
        result = client.post(reverse("articles_import"), data)
        assert result.status_code == 400
        assert words in result.context["error"]
    assert not ArticlePage.objects.exists()


def test_tampered_text_is_parsed_again(client, index, editor_user):
    client.force_login(editor_user)
    response = preview(client, index, original_text=ORIGINAL, translation_text=TRANSLATION)
    data = accept_data(response, translation_text="", original_text="")
    result = client.post(reverse("articles_import"), data)
    assert result.status_code == 400
    assert not ArticlePage.objects.exists()


def test_double_import_is_flagged_and_refused(client, index, editor_user):
    client.force_login(editor_user)
    response = preview(client, index, original_text=ORIGINAL, translation_text=TRANSLATION)
    data = accept_data(response)
    assert client.post(reverse("articles_import"), data).status_code == 302
    again = preview(client, index, original_text=ORIGINAL, translation_text=TRANSLATION)
    assert again.context["duplicate"] == ArticlePage.objects.get()
    result = client.post(reverse("articles_import"), data)
    assert result.status_code == 400
    assert "already imported" in result.context["error"]
    assert ArticlePage.objects.count() == 1


@pytest.mark.parametrize("role", ["translator_user", "reviewer_user"])
def test_translators_and_reviewers_are_denied(client, index, role, request):
    client.force_login(request.getfixturevalue(role))
    assert refused(client.get(import_url(index)))
    response = preview(client, index, original_text=ORIGINAL, translation_text=TRANSLATION)
    assert refused(response)
    assert "Superalignment" not in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_anonymous_is_sent_to_login(client, index):
    response = client.get(import_url(index))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    response = preview(client, index, original_text=ORIGINAL, translation_text=TRANSLATION)
    assert response.status_code == 302
    assert not ArticlePage.objects.exists()


def test_post_without_csrf_token_is_refused(index, editor_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_user)
    response = preview(client, index, original_text=ORIGINAL, translation_text=TRANSLATION)
    assert response.status_code == 403
    assert not ArticlePage.objects.exists()


def test_unknown_parent_is_404(client, editor_user, index):
    client.force_login(editor_user)
    assert client.get(reverse("articles_import") + "?parent=999999").status_code == 404
    assert client.get(reverse("articles_import") + "?parent=x").status_code == 404


def test_import_button_only_for_editors_on_indexes(index, editor_user, translator_user):
    (button,) = import_button(index, editor_user)
    assert button.url == import_url(index)
    assert list(import_button(index, translator_user)) == []
    assert list(import_button(index.get_parent(), editor_user)) == []


def test_button_shows_in_the_page_header(client, index, editor_user):
    client.force_login(editor_user)
    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert import_url(index).replace("?", "?") in response.content.decode().replace("&amp;", "&")
