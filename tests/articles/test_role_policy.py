"""The documented role policy held on the server: only editors delete pages, and only users
who may publish set a publishing schedule (go_live_at / expire_at). The admin does not offer
either to a translator, and crafted requests change nothing."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(home_page, editor_user):
    """An unpublished article an editor created."""
    index = ArticleIndexPageFactory(parent=home_page)
    page = ArticlePageFactory(parent=index, live=False, owner=editor_user, title="编辑的草稿")
    ArticleSectionFactory(page=page)
    page.save_revision(user=editor_user)
    return ArticlePage.objects.get(pk=page.pk)


def refused(response) -> bool:
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_translator_cannot_delete_another_users_draft(client, draft, translator_user):
    client.force_login(translator_user)
    delete_url = reverse("wagtailadmin_pages:delete", args=(draft.pk,))
    assert (
        delete_url
        not in client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).content.decode()
    )
    listing = client.get(reverse("wagtailadmin_explore", args=(draft.get_parent().pk,)))
    assert delete_url not in listing.content.decode()

    assert refused(client.get(delete_url))
    assert refused(client.post(delete_url))
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    client.post(f"{bulk}?id={draft.pk}", {})
    assert ArticlePage.objects.filter(pk=draft.pk).exists()


def test_translator_cannot_delete_their_own_draft_either(client, home_page, translator_user):
    index = ArticleIndexPageFactory(parent=home_page)
    own = ArticlePageFactory(parent=index, live=False, owner=translator_user)
    client.force_login(translator_user)
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=(own.pk,))))
    assert ArticlePage.objects.filter(pk=own.pk).exists()


def test_editor_deletes_a_draft(client, draft, editor_user):
    client.force_login(editor_user)
    delete_url = reverse("wagtailadmin_pages:delete", args=(draft.pk,))
    assert client.get(delete_url).status_code == 200
    client.post(delete_url)
    assert not ArticlePage.objects.filter(pk=draft.pk).exists()


def _schedule() -> dict[str, str]:
    later = timezone.localtime() + datetime.timedelta(days=3)
    return {
        "go_live_at": later.strftime("%Y-%m-%d %H:%M"),
        "expire_at": (later + datetime.timedelta(days=30)).strftime("%Y-%m-%d %H:%M"),
    }


def test_translator_cannot_schedule_publishing(client, draft, translator_user):
    client.force_login(translator_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    html = client.get(edit_url).content.decode()
    data, names = form_fields(html, "page-edit-form")
    assert "title" in names
    assert "go_live_at" not in names and "expire_at" not in names

    data.update({key: [value] for key, value in _schedule().items()})
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page = ArticlePage.objects.get(pk=draft.pk)
    assert page.latest_revision_id != draft.latest_revision_id  # the save went through
    assert page.go_live_at is None and page.expire_at is None
    saved = page.get_latest_revision_as_object()
    assert saved.go_live_at is None and saved.expire_at is None


def test_editor_schedules_publishing(client, draft, editor_user):
    client.force_login(editor_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    data, names = form_fields(client.get(edit_url).content.decode(), "page-edit-form")
    assert {"go_live_at", "expire_at"} <= names
    data.update({key: [value] for key, value in _schedule().items()})
    assert client.post(edit_url, data).status_code == 302
    saved = ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert saved.go_live_at is not None and saved.expire_at is not None


def test_translator_creates_an_article_without_a_schedule(client, home_page, translator_user):
    index = ArticleIndexPageFactory(parent=home_page)
    client.force_login(translator_user)
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    html = client.get(add_url).content.decode()
    data, names = form_fields(html, "page-edit-form")
    assert "go_live_at" not in names
