"""Every writer of sections refuses to act on a screen loaded before someone else's save:
accepting an AI draft, a sign-off, and a translator's editor opened before AI drafts
arrived. Forms are read from the rendered HTML."""

from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

import pytest

from articles.models import ArticlePage, ArticleSection, SectionSignoff
from tests.admin_users import in_english, logged_in
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

EDIT_FORM = "form#page-edit-form"


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def open_editor(client, page) -> RenderedForm:
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return RenderedForm(response.content, EDIT_FORM)


def latest(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.fixture
def untranslated(home_page):
    """An unpublished article whose sections wait for their Chinese."""
    page = ArticlePageFactory(live=False)
    for number in range(2):
        ArticleSectionFactory(
            page=page,
            sort_order=number,
            body_en=f"<p>In {1986 + number} Hinton showed backpropagation.</p>",
            body_zh_hans="",
            status="pending",
        )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision()
    return page


def test_a_translators_stale_editor_cannot_wipe_ai_drafts(
    server, untranslated, translator_user, editor_user
):
    in_english(translator_user, editor_user)
    translator = logged_in(translator_user)
    stale = open_editor(translator, untranslated)

    # AI drafts arrive after the translator opened the editor, in a newer revision.
    drafts = logged_in(editor_user)
    drafts.post(reverse("articles_drafts_start", args=(untranslated.pk,)))
    drafted = [s.body_zh_hans for s in latest(untranslated).sections.all()]
    assert all("【译】" in body for body in drafted)

    stale.set("summary_zh_hans", "译者写的摘要。")
    response = translator.post(edit_url(untranslated), stale.data())

    assert response.status_code == 409
    assert [s.body_zh_hans for s in latest(untranslated).sections.all()] == drafted
    screen = RenderedForm(response.content, "form.conflict-form")
    merged = translator.post(
        edit_url(untranslated), screen.data(**{"conflict-resolution": "merge"})
    )
    assert merged.status_code == 302
    result = latest(untranslated)
    assert result.summary_zh_hans == "译者写的摘要。"
    sections = list(result.sections.all())
    assert [s.body_zh_hans for s in sections] == drafted  # the drafts survive
    assert all(s.ai_draft.startswith("【译】") for s in sections)


def test_accepting_an_ai_draft_from_a_stale_screen_is_refused(
    server, untranslated, translator_user, editor_user
):
    in_english(translator_user, editor_user)
    translator = logged_in(translator_user)
    translator.post(reverse("articles_drafts_start", args=(untranslated.pk,)))
    first = ArticleSection.objects.filter(page=untranslated).order_by("sort_order").first()
    screen = translator.get(reverse("articles_drafts", args=(untranslated.pk,)))
    accept_url = reverse("articles_drafts_accept", args=(untranslated.pk, first.key))
    # The Chinese was filled by the draft: write the translator's own, then offer accept.
    editor = logged_in(editor_user)
    form = open_editor(editor, untranslated)
    form.set("sections-0-body_zh_hans", rich_text("译者自己的译文。"))
    assert editor.post(edit_url(untranslated), form.data()).status_code == 302
    screen = translator.get(reverse("articles_drafts", args=(untranslated.pk,)))
    accept = RenderedForm(screen.content, f'form[action="{accept_url}"]')

    # Someone saves the article after the drafts screen was loaded.
    form = open_editor(editor, untranslated)
    form.set("sections-0-body_zh_hans", rich_text("编辑又改过的译文。"))
    assert editor.post(edit_url(untranslated), form.data()).status_code == 302

    response = translator.post(accept_url, accept.data(), follow=True)

    assert "Someone else saved this article after you opened this screen" in (
        response.content.decode()
    )
    assert latest(untranslated).sections.first().text_zh == "编辑又改过的译文。"

    # From a screen loaded now, the same click works.
    fresh = translator.get(reverse("articles_drafts", args=(untranslated.pk,)))
    accept = RenderedForm(fresh.content, f'form[action="{accept_url}"]')
    confirm = translator.post(accept_url, accept.data())  # it replaces Chinese: asked again
    translator.post(
        accept_url, RenderedForm(confirm.content, f'form[action="{accept_url}"]').data()
    )
    assert latest(untranslated).sections.first().text_zh.startswith("【译】")


@pytest.fixture
def abridged(home_page):
    page = ArticlePageFactory(live=False)
    ArticleSectionFactory(page=page, sort_order=0, status="full")
    ArticleSectionFactory(
        page=page,
        sort_order=1,
        heading_zh_hans="格拉斯哥往事",
        body_en="<p>I first read the book in Glasgow. It was raining.</p>",
        body_zh_hans="<p>作者在格拉斯哥初读此书。</p>",
        status="abridged",
        note="删去了天气。",
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision()
    return page


def test_a_signoff_of_content_changed_since_the_screen_was_loaded_is_refused(
    abridged, reviewer_user, editor_user
):
    in_english(reviewer_user, editor_user)
    reviewer = logged_in(reviewer_user)
    review_url = reverse("articles_abridgment_review", args=(abridged.pk,))
    screen = reviewer.get(review_url)
    signoff = RenderedForm(screen.content, "form.signoff-form")
    signoff.set("decision", "approved")

    editor = logged_in(editor_user)
    form = open_editor(editor, abridged)
    form.set("sections-1-body_zh_hans", rich_text("作者在格拉斯哥初读此书，那天下着雨。"))
    assert editor.post(edit_url(abridged), form.data()).status_code == 302

    response = reviewer.post(review_url, signoff.data())

    assert response.status_code == 409
    assert "changed after you opened this screen" in response.content.decode()
    assert "那天下着雨" in response.content.decode()  # the screen shows the new words
    assert not SectionSignoff.objects.exists()

    # Signed from the screen as it is now, the decision is recorded.
    signoff = RenderedForm(response.content, "form.signoff-form")
    signoff.set("decision", "approved")
    assert reviewer.post(review_url, signoff.data()).status_code == 302
    assert SectionSignoff.objects.count() == 1
