"""Bad characters in posted forms (SECURITY-TESTS E5): a NUL is refused with a message and
nothing is saved; other invisible characters are normalised the same way on every database;
rich text posted as raw HTML is a form error. Never a 500."""

import json

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.test.utils.form_data import rich_text

import pytest

from articles.models import ArticlePage, CheckDismissal
from articles.rich_text_input import UNREADABLE_MESSAGE
from tests.articles.test_import_admin import ORIGINAL, TRANSLATION
from tests.articles.workflow_helpers import SECTIONS, article_data, loaded_from
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import form_data

pytestmark = pytest.mark.django_db

IMPORT = reverse("articles_import")


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory()


def import_preview(client, index) -> dict:
    """Step 1 as an editor fills it in; the preview's form as the browser would send it."""
    page = client.get(f"{IMPORT}?parent={index.pk}").content.decode()
    data = form_data(page, "translation_text")
    data.update(original_text=ORIGINAL, translation_text=TRANSLATION, format="markdown")
    response = client.post(IMPORT, data)
    assert response.status_code == 200
    return form_data(response.content.decode(), "original_url")


@pytest.mark.parametrize("field", ["title", "original_title", "original_url", "note-1"])
def test_nul_in_an_import_field_is_refused_with_a_message(client, index, editor_user, field):
    client.force_login(editor_user)
    data = import_preview(client, index)
    data[field] = f"{data[field]}\x00"
    response = client.post(IMPORT, data)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert not ArticlePage.objects.exists()
    # The same form without the character goes through.
    data[field] = data[field].replace("\x00", "")
    assert client.post(IMPORT, data).status_code == 302
    assert ArticlePage.objects.count() == 1


def test_nul_in_pasted_text_is_refused_at_the_first_step(client, index, editor_user):
    client.force_login(editor_user)
    page = client.get(f"{IMPORT}?parent={index.pk}").content.decode()
    data = form_data(page, "translation_text")
    data.update(original_text=ORIGINAL, translation_text="超级\x00对齐", format="markdown")
    response = client.post(IMPORT, data)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_invisible_characters_are_normalised_on_import(client, index, editor_user):
    client.force_login(editor_user)
    data = import_preview(client, index)
    data["title"] = "超级\u200b对齐\ufeff一年\x07后\x9b"
    data["original_title"] = "Superalign\u00adment\u2060, a year on"
    data["note-1"] = "删去\u2028了作者的回忆。"
    assert client.post(IMPORT, data).status_code == 302
    page = ArticlePage.objects.get()
    assert page.title == "超级对齐一年后"
    assert page.original_title == "Superalignment, a year on"
    notes = [section.note for section in page.get_latest_revision_as_object().sections.all()]
    assert "删去\n了作者的回忆。" in notes


def test_nul_in_a_dismissal_is_refused_and_nothing_is_dismissed(client, editor_user, home_page):
    section = ArticleSectionFactory()
    client.force_login(editor_user)
    url = reverse("articles_review:dismiss", args=(section.page_id, section.key))
    for field in ("reason", "evidence"):
        data = {"code": "number", "evidence": "1958", "reason": "原文如此", "position": "1"}
        data[field] += "\x00"
        response = client.post(url, data)
        assert response.status_code == 400
        assert "NUL" in response.content.decode()
    assert not CheckDismissal.objects.exists()


def add_url(index) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))


def test_nul_in_the_page_editor_is_refused_and_nothing_is_saved(client, index, editor_user):
    client.force_login(editor_user)
    response = client.post(add_url(index), article_data(SECTIONS, title="感知机\x00往事"))
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert not ArticlePage.objects.exists()


def unreadable_message() -> str:
    """The form error as the editor reads it: in their language (Chinese), escaped."""
    with translation.override("zh-hans"):
        return escape(str(UNREADABLE_MESSAGE))


def test_raw_html_in_a_section_body_is_a_form_error_when_creating(client, index, editor_user):
    client.force_login(editor_user)
    data = article_data(SECTIONS)
    data["sections-0-body_zh_hans"] = "<p>1958 年，罗森布拉特展示了感知机。</p>"
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert unreadable_message() in html
    assert not ArticlePage.objects.exists()
    # The text comes back in the editor, not lost.
    shown = json.loads(form_data(html, "sections-0-body_zh_hans")["sections-0-body_zh_hans"])
    assert shown["blocks"][0]["text"] == "1958 年，罗森布拉特展示了感知机。"


def test_raw_html_in_a_section_body_is_a_form_error_when_editing(client, index, editor_user):
    client.force_login(editor_user)
    assert client.post(add_url(index), article_data(SECTIONS)).status_code == 302
    page = ArticlePage.objects.get()
    revisions = page.revisions.count()
    data = {**article_data(SECTIONS, title="改过的标题"), **loaded_from(page)}
    data["sections-1-body_en"] = "{not json"
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 200
    assert unreadable_message() in response.content.decode()
    assert page.revisions.count() == revisions
    assert page.get_latest_revision_as_object().title == "感知机往事"


def test_escaped_bad_characters_in_rich_text_are_normalised(client, index, editor_user):
    """Draftail's JSON can carry what a form field cannot: a lone surrogate (no database
    stores it), control and zero-width characters. Same text stored on every database."""
    client.force_login(editor_user)
    page = ArticlePageFactory(parent=index)
    body = json.loads(rich_text("placeholder"))
    body["blocks"][0]["text"] = "感知\ud800机\u200b\x01\ufeff"
    sections = [dict(SECTIONS[0], body_zh_hans="placeholder")]
    data = article_data(sections)
    data["sections-0-body_zh_hans"] = json.dumps(body)
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302
    page.refresh_from_db()
    body = page.get_latest_revision_as_object().sections.get().body_zh_hans
    assert "感知\ufffd机</p>" in body
    assert not any(c in body for c in "\ud800\u200b\x01\ufeff")


def test_separators_typed_in_the_editor_still_read(client, index, editor_user):
    """A line separator inside Draftail's JSON is normalised to a newline, still readable."""
    client.force_login(editor_user)
    page = ArticlePageFactory(parent=index)
    body = json.loads(rich_text("placeholder"))
    body["blocks"][0]["text"] = "第一行\u2028第二行"
    data = article_data([dict(SECTIONS[0], body_zh_hans="placeholder")])
    data["sections-0-body_zh_hans"] = json.dumps(body, ensure_ascii=False)
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302
    page.refresh_from_db()
    body = page.get_latest_revision_as_object().sections.get().body_zh_hans
    assert "第一行" in body and "第二行" in body and "\u2028" not in body
