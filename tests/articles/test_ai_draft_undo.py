"""Replacing reviewed Chinese with an AI draft asks first, is logged, and can be undone from
the drafts screen; the undo is refused from an out-of-date screen and once the Chinese has
changed. Forms are read from the rendered HTML."""

from django.urls import reverse

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text

import pytest
from bs4 import BeautifulSoup

from articles.drafting.replacing import REPLACED_ACTION, RESTORED_ACTION
from articles.models import ArticlePage
from tests.admin_users import in_english, logged_in
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

REVIEWED = "<p>译者审过的译文。</p>"
UNDO_FORM = 'form[action$="/drafts/undo/"]'


def chinese(page) -> str:
    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return latest.sections.first().body_zh_hans


def drafts_screen(client, page) -> str:
    return client.get(reverse("articles_drafts", args=(page.pk,))).content.decode()


def accept_url(page) -> str:
    return reverse("articles_drafts_accept", args=(page.pk, page.sections.first().key))


@pytest.fixture
def drafted(server, home_page, translator_user, editor_user):
    """An unpublished article whose first section has reviewed Chinese and an AI draft."""
    in_english(translator_user, editor_user)
    page = ArticlePageFactory(live=False)
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        body_en="<p>In 1986 Hinton showed backpropagation.</p>",
        body_zh_hans=REVIEWED,
        status="full",
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision()
    translator = logged_in(translator_user)
    translator.post(
        reverse("articles_drafts_retry", args=(page.pk,)), {"section": page.sections.first().key}
    )
    assert chinese(page) == REVIEWED  # a draft never overwrites the translator's text
    return page


def replace(client, page):
    """Click "Use draft (replace Chinese)" and then confirm it; returns the confirm step and
    the final response."""
    accept = RenderedForm(drafts_screen(client, page), f'form[action="{accept_url(page)}"]')
    confirm = client.post(accept_url(page), accept.data())
    confirmed = RenderedForm(confirm.content, f'form[action="{accept_url(page)}"]')
    return confirm, client.post(accept_url(page), confirmed.data(), follow=True)


def test_replacing_reviewed_chinese_asks_first(drafted, translator_user):
    translator = logged_in(translator_user)
    accept = RenderedForm(
        drafts_screen(translator, drafted), f'form[action="{accept_url(drafted)}"]'
    )

    confirm = translator.post(accept_url(drafted), accept.data())

    assert confirm.status_code == 200
    soup = BeautifulSoup(confirm.content, "html.parser")
    assert "译者审过的译文。" in soup.select_one("[data-current]").get_text()
    assert "【译】" in soup.select_one("[data-draft]").get_text()
    assert chinese(drafted) == REVIEWED  # nothing replaced before the second click
    assert not PageLogEntry.objects.filter(page=drafted, action=REPLACED_ACTION).exists()


def test_a_replacement_is_logged_and_undone_from_the_drafts_screen(drafted, translator_user):
    translator = logged_in(translator_user)
    _confirm, response = replace(translator, drafted)

    assert "now uses the AI draft" in response.content.decode()
    assert chinese(drafted).startswith("<p>【译】")
    entry = PageLogEntry.objects.get(page=drafted, action=REPLACED_ACTION)
    assert entry.data["previous"] == REVIEWED and entry.user == translator_user
    history = translator.get(reverse("wagtailadmin_pages:history", args=(drafted.pk,)))
    assert "the Chinese was replaced by the AI draft" in history.content.decode()

    undo = RenderedForm(response.content, UNDO_FORM)
    restored = translator.post(undo.action, undo.data(), follow=True)

    assert "has its earlier Chinese text back" in restored.content.decode()
    assert chinese(drafted) == REVIEWED
    assert drafted.sections.get().body_zh_hans == REVIEWED  # the row of a page never published
    assert PageLogEntry.objects.filter(page=drafted, action=RESTORED_ACTION).count() == 1
    # Undone once: the screen offers no second undo, and the same form is refused.
    assert BeautifulSoup(restored.content, "html.parser").select_one(UNDO_FORM) is None
    fresh = RenderedForm(
        drafts_screen(translator, drafted), f'form[action="{accept_url(drafted)}"]'
    )
    assert fresh.action  # the draft can be used again
    again = translator.post(undo.action, undo.data(), follow=True)
    assert "nothing was changed" in again.content.decode() or "undone already" in (
        again.content.decode()
    )
    assert chinese(drafted) == REVIEWED


def test_undo_is_refused_once_the_chinese_changed(drafted, translator_user, editor_user):
    translator = logged_in(translator_user)
    _confirm, response = replace(translator, drafted)
    undo = RenderedForm(response.content, UNDO_FORM)

    editor = logged_in(editor_user)
    form = RenderedForm(
        editor.get(reverse("wagtailadmin_pages:edit", args=(drafted.pk,))).content,
        "form#page-edit-form",
    )
    form.set("sections-0-body_zh_hans", rich_text("编辑改过的译文。"))
    assert (
        editor.post(reverse("wagtailadmin_pages:edit", args=(drafted.pk,)), form.data()).status_code
        == 302
    )

    refused = translator.post(undo.action, undo.data(), follow=True)

    assert "Someone else saved this article after you opened this screen" in (
        refused.content.decode()
    )
    assert "编辑改过的译文。" in chinese(drafted)
    # A screen loaded now no longer offers to undo: the Chinese is not the draft's any more.
    assert (
        BeautifulSoup(drafts_screen(translator, drafted), "html.parser").select_one(UNDO_FORM)
        is None
    )
    assert not PageLogEntry.objects.filter(page=drafted, action=RESTORED_ACTION).exists()
