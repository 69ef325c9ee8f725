"""An AI draft never replaces the translator's Chinese, whatever the page's publishing state.

Driven as a translator would: open *Draft with AI*, press the start button of the rendered
screen; the fake OpenAI server answers. The draft lands in the section's AI-draft field, on
the row and in the editor's latest revision, and the Chinese the translator wrote stays
where it was: in the latest revision (what the editor shows) and in the rows (what a page
never published keeps as the editor has it, and what readers of a live page see).
"""

from django.urls import reverse

import pytest

from articles.drafting import text_to_html
from articles.models import ArticlePage, ArticleSection, DraftState, LatestSection
from tests.articles.drafting_jobs import state
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

ENGLISH = [
    "<p>Geoffrey Hinton spoke in 2012 about neural networks.</p>",
    "<p>Yann LeCun answered in 2013.</p>",
]
ROW_CHINESE = "<p>译者最初的译文。</p>"
EDITOR_CHINESE = "<p>译者在编辑器里改好的译文。</p>"


def build_article(*, live: bool, row_chinese: str) -> ArticlePage:
    """An article whose first section's row holds ``row_chinese``; the second has none."""
    page = ArticlePageFactory(live=live)
    if not live:
        ArticlePage.objects.filter(pk=page.pk).update(
            live=False, first_published_at=None, last_published_at=None, live_revision=None
        )
        page.refresh_from_db()
    for index, body in enumerate(ENGLISH):
        ArticleSectionFactory(
            page=page,
            sort_order=index,
            body_en=body,
            body_zh_hans=row_chinese if index == 0 else "",
            status="pending",
        )
    return page


def save_editor_chinese(page: ArticlePage, user, chinese: str) -> None:
    """The translator saves a draft revision (not published) with ``chinese`` in §1."""
    page.refresh_from_db()
    editing = page.get_latest_revision_as_object()
    editing.sections.get_object_list()[0].body_zh_hans = chinese
    editing.save_revision(user=user)


def draft_from_the_screen(client, page: ArticlePage, user) -> None:
    client.force_login(user)
    screen = reverse("articles_drafts", args=[page.pk])
    start = reverse("articles_drafts_start", args=[page.pk])
    html = client.get(screen).content
    form = RenderedForm(html, f'form[action="{start}"]')
    response = client.post(start, form.data(), follow=True)
    assert response.status_code == 200
    assert "2 sections sent for drafting" in response.content.decode()


def rows(page: ArticlePage) -> list[ArticleSection]:
    return list(ArticleSection.objects.filter(page=page).order_by("sort_order"))


def in_editor(page: ArticlePage) -> list[ArticleSection]:
    page.refresh_from_db()
    return list(page.get_latest_revision_as_object().sections.all())


def assert_drafts_stored_apart(page: ArticlePage) -> None:
    for section in rows(page):
        assert state(section) == DraftState.DONE
        assert section.ai_draft.startswith("【译】")
    for section in in_editor(page):
        assert section.ai_draft.startswith("【译】")


def test_a_page_never_published_keeps_the_translators_chinese(
    client, server, translator_user, english_admin
):
    page = build_article(live=False, row_chinese=ROW_CHINESE)
    save_editor_chinese(page, translator_user, ROW_CHINESE)

    draft_from_the_screen(client, page, translator_user)

    first, second = in_editor(page)
    assert first.body_zh_hans == ROW_CHINESE
    assert rows(page)[0].body_zh_hans == ROW_CHINESE
    # Where there was no Chinese, the draft fills it (the editor's copy).
    assert second.body_zh_hans.startswith("<p>【译】")
    assert_drafts_stored_apart(page)
    page.refresh_from_db()
    assert not page.live


def test_a_page_never_published_keeps_newer_chinese_saved_in_the_editor(
    client, server, translator_user, english_admin
):
    """The row still holds the Chinese the page was created with; the latest revision holds
    what the translator wrote since. Neither is replaced."""
    page = build_article(live=False, row_chinese=ROW_CHINESE)
    save_editor_chinese(page, translator_user, EDITOR_CHINESE)

    draft_from_the_screen(client, page, translator_user)

    assert in_editor(page)[0].body_zh_hans == EDITOR_CHINESE
    assert rows(page)[0].body_zh_hans == ROW_CHINESE
    assert_drafts_stored_apart(page)


def test_a_page_never_published_without_revisions_keeps_the_rows_chinese(
    client, server, translator_user, english_admin
):
    """Created straight into the database (an import, a script): the rows are the editor's
    copy."""
    page = build_article(live=False, row_chinese=ROW_CHINESE)

    draft_from_the_screen(client, page, translator_user)

    assert in_editor(page)[0].body_zh_hans == ROW_CHINESE
    assert rows(page)[0].body_zh_hans == ROW_CHINESE
    assert_drafts_stored_apart(page)


def test_a_live_page_with_a_newer_unpublished_draft_keeps_both_chinese_texts(
    client, server, translator_user, english_admin
):
    page = build_article(live=True, row_chinese=ROW_CHINESE)
    page.save_revision().publish()
    save_editor_chinese(page, translator_user, EDITOR_CHINESE)

    draft_from_the_screen(client, page, translator_user)

    first, second = in_editor(page)
    assert first.body_zh_hans == EDITOR_CHINESE
    assert second.body_zh_hans.startswith("<p>【译】")
    # Readers still see the published Chinese, and nothing unreviewed where there was none.
    live_first, live_second = rows(page)
    assert live_first.body_zh_hans == ROW_CHINESE
    assert live_second.body_zh_hans == ""
    assert_drafts_stored_apart(page)
    page.refresh_from_db()
    assert page.live and page.has_unpublished_changes


def test_accepting_a_draft_on_a_page_never_published_replaces_the_chinese_everywhere(
    client, server, translator_user, english_admin
):
    """Accepting is the one way a draft replaces the translator's Chinese: in the editor's
    copy and in the rows a page never published keeps as the editor has it, in a revision
    of its own saved under the translator's name."""
    page = build_article(live=False, row_chinese=ROW_CHINESE)
    save_editor_chinese(page, translator_user, ROW_CHINESE)
    draft_from_the_screen(client, page, translator_user)
    first = rows(page)[0]
    screen = client.get(reverse("articles_drafts", args=[page.pk])).content
    accept_url = reverse("articles_drafts_accept", args=[page.pk, first.key])
    accept = RenderedForm(screen, f'form[action="{accept_url}"]')
    # Replacing the translator's Chinese is asked again before it is done.
    confirm = client.post(accept_url, accept.data())
    confirmed = RenderedForm(confirm.content, f'form[action="{accept_url}"]')

    response = client.post(accept_url, confirmed.data(), follow=True)

    assert "Section 1 now uses the AI draft as its Chinese text" in response.content.decode()
    drafted = in_editor(page)[0]
    assert drafted.ai_draft.startswith("【译】")
    assert drafted.body_zh_hans == text_to_html(drafted.ai_draft)
    assert rows(page)[0].body_zh_hans == drafted.body_zh_hans
    page.refresh_from_db()
    assert page.get_latest_revision().user == translator_user
    assert any(ROW_CHINESE in str(r.content) for r in page.revisions.all())


def test_drafts_are_saved_in_a_revision_under_the_name_of_who_asked(
    client, server, translator_user, english_admin
):
    page = build_article(live=False, row_chinese=ROW_CHINESE)

    draft_from_the_screen(client, page, translator_user)

    page.refresh_from_db()
    assert page.get_latest_revision().user == translator_user


def test_drafting_a_copy_of_an_article_leaves_the_original_alone(
    client, server, translator_user, english_admin
):
    """A copied article keeps its sections' keys: a draft goes to the copy's rows only."""
    original = build_article(live=False, row_chinese="")
    copy = original.copy(update_attrs={"slug": f"{original.slug}-copy", "title": "Copy"})
    assert {s.key for s in rows(copy)} == {s.key for s in rows(original)}
    jobs_before = [state(s) for s in rows(original)]

    draft_from_the_screen(client, copy, translator_user)

    assert all(s.ai_draft.startswith("【译】") for s in rows(copy))
    assert [(s.ai_draft, s.body_zh_hans) for s in rows(original)] == [("", ""), ("", "")]
    assert [state(s) for s in rows(original)] == jobs_before != [DraftState.DONE] * 2


def test_accepting_a_draft_keeps_a_later_failed_drafting_on_the_screen(
    client, server, translator_user, english_admin
):
    """The section's drafting job says how the last drafting went; accepting an earlier
    draft does not turn a failed retry into a success."""
    page = build_article(live=False, row_chinese=ROW_CHINESE)
    draft_from_the_screen(client, page, translator_user)
    first = rows(page)[0]
    LatestSection.objects.filter(page_id=page.pk, section_key=first.key).update(
        ai_draft_state=DraftState.FAILED, ai_draft_error="The AI service timed out."
    )
    screen = client.get(reverse("articles_drafts", args=[page.pk])).content
    accept_url = reverse("articles_drafts_accept", args=[page.pk, first.key])
    accept = RenderedForm(screen, f'form[action="{accept_url}"]')
    # Replacing the translator's Chinese is asked again before it is done.
    confirm = client.post(accept_url, accept.data())
    confirmed = RenderedForm(confirm.content, f'form[action="{accept_url}"]')

    response = client.post(accept_url, confirmed.data(), follow=True)

    assert "Section 1 now uses the AI draft as its Chinese text" in response.content.decode()
    assert state(first) == DraftState.FAILED
    assert "The AI service timed out." in response.content.decode()
