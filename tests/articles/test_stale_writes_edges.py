"""The stale-write guard at its edges: a revision overwritten in place since the screen was
loaded is a newer version (autosave and AI drafting overwrite their own revision), and an
article with no revision yet accepts a write from the screen that showed it."""

from django.urls import reverse

from wagtail.models import Revision

import pytest

from articles.models import ArticlePage, section_versions
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

# The admin's language: "someone else saved it since; nothing was changed; reload".
REFUSAL = "你打开此页面后，已有他人保存了这篇文章；本次操作未做任何更改。请重新加载以查看最新版本。"
EN = (
    "<p>OpenAI was founded in 2015 by Sam Altman and others. "
    "The lab moved to San Francisco in 2016, after a long search for offices. "
    "It trained GPT-2 in 2019 with 1.5 billion parameters.</p>"
)
ZH = "<p>OpenAI 于 2015 年由 Sam Altman 等人创立。它在 2019 年训练了拥有 15 亿参数的 GPT-2。</p>"


def test_a_revision_overwritten_in_place_since_the_screen_was_loaded_refuses_the_write(
    client, home_page, editor_user
):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, body_en=EN, body_zh_hans=ZH, status="full")
    page.save_revision().publish()
    client.force_login(editor_user)
    url = reverse("articles_coverage", args=(page.pk,))
    form = RenderedForm(client.get(url).content, "form#coverage-accept")

    # Meanwhile the latest revision is overwritten in place, as autosave does: same id.
    page = ArticlePage.objects.get(pk=page.pk)
    latest = page.get_latest_revision()
    draft = page.get_latest_revision_as_object()
    sections = list(draft.sections.all())
    sections[0].body_zh_hans = "<p>另一位编辑刚改过的译文。</p>"
    draft.sections.set(sections)
    assert draft.save_revision(overwrite_revision=latest).pk == latest.pk
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()

    response = client.post(form.action, form.data())

    assert response.status_code == 409
    assert REFUSAL in response.content.decode()
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions
    section = section_versions.latest(ArticlePage.objects.get(pk=page.pk))[0]
    assert (section.status, section.text_zh) == ("full", "另一位编辑刚改过的译文。")


def test_an_article_with_no_revision_yet_accepts_a_write_from_its_screen(
    client, home_page, editor_user
):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, body_en=EN, body_zh_hans=ZH, status="full")
    assert page.get_latest_revision() is None
    client.force_login(editor_user)
    url = reverse("articles_coverage", args=(page.pk,))
    form = RenderedForm(client.get(url).content, "form#coverage-accept")

    assert client.post(form.action, form.data()).status_code == 302

    section = section_versions.latest(ArticlePage.objects.get(pk=page.pk))[0]
    assert section.status == "abridged"
