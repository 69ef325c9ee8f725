"""What a section must hold to be saved, as the translator meets it in the page editor.

Each unfinished combination is refused, and the reason is shown in the admin's language
(Simplified Chinese) on the field that needs the fix, so the translator knows what to do.
"""

from django.urls import reverse

import pytest

from articles.models import ArticlePage
from tests.articles.workflow_helpers import article_data
from tests.factories import ArticleIndexPageFactory

pytestmark = pytest.mark.django_db

NOTE_NEEDED = "已删节或未译出的章节须填写说明，写明删去了什么、为什么删。"
FULL_NEEDS_CHINESE = "标为“全文翻译”的章节须填写中文译文。"
ABRIDGED_NEEDS_CHINESE = "已删节的章节须填写删节后的中文；如一句不留，请改选“未译出”。"
ADDED_NEEDS_CHINESE = "新增章节须填写中文内容。"
ENGLISH_NEEDED = "此状态表示译自英文原文，但英文为空；没有英文原文的中文内容请选“新增”。"

CASES = {
    "cut without a note": (("abridged", "A long aside.", "短。", ""), "note", NOTE_NEEDED),
    "full without Chinese": (
        ("full", "In 1958 it began.", "", ""),
        "body_zh_hans",
        FULL_NEEDS_CHINESE,
    ),
    "abridged without Chinese": (
        ("abridged", "A long aside.", "", "删去了题外话。"),
        "body_zh_hans",
        ABRIDGED_NEEDS_CHINESE,
    ),
    "added without Chinese": (("added", "", "", ""), "body_zh_hans", ADDED_NEEDS_CHINESE),
    "omitted without English": (("omitted", "", "", "原文为空。"), "body_en", ENGLISH_NEEDED),
    "full without English": (("full", "", "一段中文。", ""), "body_en", ENGLISH_NEEDED),
}


@pytest.fixture
def index(home_page):
    return ArticleIndexPageFactory(slug="articles")


@pytest.mark.parametrize("case", list(CASES))
def test_an_unfinished_section_is_refused_with_its_reason_on_the_field_to_fix(
    client, editor_user, index, case
):
    (status, body_en, body_zh, note), field, message = CASES[case]
    section = {
        "heading_en": "Aside",
        "heading_zh_hans": "题外话",
        "body_en": body_en,
        "body_zh_hans": body_zh,
        "status": status,
        "note": note,
    }
    client.force_login(editor_user)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    response = client.post(url, article_data([section], slug="aside"))

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="aside").exists()
    section_form = response.context["form"].formsets["sections"].forms[0]
    assert section_form.errors == {field: [message]}
    assert message in response.content.decode()
