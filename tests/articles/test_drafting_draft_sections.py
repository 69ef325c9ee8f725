"""AI drafting of a section added in an unpublished draft: it has no row and no primary key
yet, only its stable key in the latest revision.

Driven as people do: an editor adds the section in the page editor and saves a draft; a
translator opens *Draft with AI* and presses the section's button on the rendered screen;
the fake OpenAI server answers.
"""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest

from articles.models import (
    ArticlePage,
    ArticleSection,
    DraftingUsage,
    DraftState,
    LatestSection,
    section_versions,
)
from tests.articles.workflow_helpers import article_data, existing_sections, loaded_from
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

NEW_ENGLISH = "Yann LeCun answered in 2013 with convolutional networks."
TRANSLATORS_CHINESE = "译者先写好的译文。"


@pytest.fixture
def english_admin(editor_user, translator_user):
    """Assert on English messages: the admin users read the admin in English. (Changing
    LANGUAGE_CODE instead would also move the readers' pages, which this file visits.)"""
    for user in (editor_user, translator_user):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


def reader_page(client: Client, page: ArticlePage) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def logged_in(user, *, csrf: bool = True) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def published_article() -> ArticlePage:
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        body_en="<p>Geoffrey Hinton spoke in 2012 about neural networks.</p>",
        body_zh_hans="<p>辛顿在 2012 年谈到神经网络。</p>",
        status="full",
    )
    page.save_revision().publish()
    return page


def never_published_article() -> ArticlePage:
    page = published_article()
    page.unpublish()
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=None, last_published_at=None, live_revision=None
    )
    page.refresh_from_db()
    return page


def add_section_in_a_draft(editor, page: ArticlePage, chinese: str = "") -> ArticleSection:
    """The editor adds a second section in the page editor and saves a draft."""
    sections = existing_sections(page)
    sections.append(
        {
            "heading_en": "The answer",
            "heading_zh_hans": "",
            "body_en": NEW_ENGLISH,
            "body_zh_hans": chinese,
            "status": "pending",
            "note": "",
        }
    )
    response = edit(
        logged_in(editor, csrf=False),
        page,
        sections,
        slug=page.slug,
        title=page.title,
        original_url=page.original_url,
    )
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    added = section_versions.latest(page)[-1]
    assert added.body_en.count("convolutional") == 1
    return added


def edit(client, page, sections, **fields):
    """Save the editor form of ``page`` with ``sections`` (a draft, not published)."""
    data = {**article_data(sections, **fields), **loaded_from(page)}
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def press_draft(client: Client, page: ArticlePage, key) -> str:
    """Press the "Draft" button of the section with ``key`` on the rendered drafts screen;
    the messages shown after the redirect."""
    screen = client.get(reverse("articles_drafts", args=[page.pk])).content
    retry = reverse("articles_drafts_retry", args=[page.pk])
    form = RenderedForm(screen, f'form[action="{retry}"]:has(input[value="{key}"])')
    response = client.post(form.action, form.data(), follow=True)
    assert response.status_code == 200
    return response.content.decode()


def latest_section(page: ArticlePage, key) -> ArticleSection:
    page.refresh_from_db()
    return section_versions.find(section_versions.latest(page), key)


def job(page: ArticlePage, key) -> LatestSection:
    return LatestSection.objects.get(page=page, section_key=key)


# (a) a live article


def test_a_section_added_in_a_draft_of_a_live_article_is_drafted(
    server, editor_user, translator_user, english_admin, client
):
    page = published_article()
    added = add_section_in_a_draft(editor_user, page)
    assert not ArticleSection.objects.filter(key=added.key).exists()  # no row yet

    shown = press_draft(logged_in(translator_user), page, added.key)

    assert "1 section sent for drafting" in shown
    assert len(server.requests) == 1
    assert NEW_ENGLISH in server.requests[0].json["messages"][1]["content"]
    drafted = latest_section(page, added.key)
    assert drafted.ai_draft.startswith("【译】")
    assert drafted.ai_draft_model == "fake-model"
    assert drafted.body_zh_hans.startswith("<p>【译】")  # its Chinese was empty
    assert job(page, added.key).ai_draft_state == DraftState.DONE
    # Readers see nothing of the section or its draft before someone publishes.
    assert not ArticleSection.objects.filter(key=added.key).exists()
    public = reader_page(client, page)
    assert "convolutional" not in public and "【译】" not in public

    page.get_latest_revision().publish()

    row = ArticleSection.objects.get(page=page, key=added.key)
    assert row.ai_draft == drafted.ai_draft
    assert row.body_zh_hans.startswith("<p>【译】")
    assert "【译】" in reader_page(client, page)


def test_the_chinese_of_a_draft_only_section_is_filled_only_when_empty(
    server, editor_user, translator_user, english_admin
):
    page = published_article()
    added = add_section_in_a_draft(editor_user, page, chinese=TRANSLATORS_CHINESE)

    press_draft(logged_in(translator_user), page, added.key)

    drafted = latest_section(page, added.key)
    assert drafted.ai_draft.startswith("【译】")
    assert TRANSLATORS_CHINESE in drafted.body_zh_hans
    assert "【译】" not in drafted.body_zh_hans


# (b) an article never published


def test_a_section_added_to_an_article_never_published_is_drafted(
    server, editor_user, translator_user, english_admin
):
    page = never_published_article()
    added = add_section_in_a_draft(editor_user, page)

    shown = press_draft(logged_in(translator_user), page, added.key)

    assert "1 section sent for drafting" in shown
    drafted = latest_section(page, added.key)
    assert drafted.ai_draft.startswith("【译】")
    assert drafted.body_zh_hans.startswith("<p>【译】")
    # Where the editor's save committed a row (a page not live), it is kept as the editor
    # has it: the empty Chinese filled too.
    for row in ArticleSection.objects.filter(page=page, key=added.key):
        assert row.ai_draft == drafted.ai_draft
        assert row.body_zh_hans.startswith("<p>【译】")
    page.refresh_from_db()
    assert not page.live

    page.get_latest_revision().publish()

    row = ArticleSection.objects.get(page=page, key=added.key)
    assert row.ai_draft == drafted.ai_draft
    assert row.body_zh_hans == drafted.body_zh_hans


# (c) deadlines and quotas


def test_a_draft_only_section_counts_against_the_quota_and_expires(
    settings, server, editor_user, translator_user, english_admin
):
    # Queued for a worker that never comes.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRANSLATION_USER_DAILY_SECTIONS = 1
    page = published_article()
    added = add_section_in_a_draft(editor_user, page)
    translator = logged_in(translator_user)

    assert "1 section sent for drafting" in press_draft(translator, page, added.key)

    usage = DraftingUsage.objects.get()
    assert (usage.page_id, usage.section_key, usage.user) == (page.pk, added.key, translator_user)
    assert job(page, added.key).ai_draft_state == DraftState.QUEUED
    first = section_versions.latest(page)[0]
    refused = press_draft(translator, page, first.key)
    assert "1 section for AI drafting per day and have 0 left today" in refused
    assert DraftingUsage.objects.count() == 1

    DraftingUsage.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    screen = translator.get(reverse("articles_drafts", args=[page.pk])).content.decode()

    assert "did not finish in time" in screen
    assert job(page, added.key).ai_draft_state == DraftState.FAILED
    assert server.requests == []


# (d) the index keeps the job across saves


def test_saving_a_revision_keeps_each_sections_drafting_job(editor_user, english_admin):
    page = published_article()
    added = add_section_in_a_draft(editor_user, page)
    first = section_versions.latest(page)[0]
    LatestSection.objects.filter(page=page, section_key=added.key).update(
        ai_draft_state=DraftState.FAILED, ai_draft_error="The service was busy."
    )
    LatestSection.objects.filter(page=page, section_key=first.key).update(
        ai_draft_state=DraftState.QUEUED
    )
    kept_ids = set(LatestSection.objects.filter(page=page).values_list("pk", flat=True))

    # Someone renames the new section and saves a draft.
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    draft.sections.get_object_list()[1].heading_en = "The reply"
    draft.save_revision(user=editor_user)

    assert job(page, added.key).ai_draft_state == DraftState.FAILED
    assert job(page, added.key).ai_draft_error == "The service was busy."
    assert job(page, added.key).heading == "The reply"
    assert job(page, first.key).ai_draft_state == DraftState.QUEUED
    assert set(LatestSection.objects.filter(page=page).values_list("pk", flat=True)) == kept_ids

    # Removing the section removes its job; the other keeps its own.
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    draft.sections = [s for s in draft.sections.get_object_list() if s.key != added.key]
    draft.save_revision(user=editor_user)
    assert list(LatestSection.objects.filter(page=page).values_list("section_key", flat=True)) == [
        first.key
    ]
    assert job(page, first.key).ai_draft_state == DraftState.QUEUED
