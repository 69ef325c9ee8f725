"""Edges of the permission table: every page permission counts as seeing a page, in the
reports as on the article's own screens; deleting a page with pages under it is not one of an
editor's rights."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page

import pytest

from articles.editorial.roles import EDITORS, PAGE_PERMISSIONS, TRANSLATORS
from articles.models import ArticleIndexPage, ArticlePage, HomePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_a_desk_granted_only_bulk_delete_is_seen_in_the_report_as_on_its_review_screen(
    client, desks
):
    # A reviewer of desk A also holds "bulk delete" (and nothing else) on desk B: that is a
    # page permission on desk B, so desk B's article is theirs to see everywhere.
    reviewer = desks["A"].users["reviewer"]
    group = Group.objects.create(name="Desk B bulk delete")
    GroupPagePermission.objects.create(
        group=group,
        page=desks["B"].index,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="bulk_delete_page"
        ),
    )
    reviewer.groups.add(group)
    client.force_login(reviewer)

    review = client.get(reverse("articles_abridgment_review", args=(desks["B"].article.pk,)))
    assert review.status_code == 200
    assert desks["B"].marker in review.content.decode()

    report = client.get(reverse("articles_abridgment_report")).content.decode()
    assert report.count("<tr data-signoff=") == 2
    assert desks["A"].marker in report and desks["B"].marker in report


def test_an_editor_cannot_delete_a_desk_with_its_articles_in_one_go(client, home_page, editor_user):
    # Editors delete pages one by one; deleting a page with pages under it is the bulk delete
    # permission, which no role is granted.
    index = ArticleIndexPageFactory(parent=home_page, title="整个栏目")
    article = ArticlePageFactory(parent=index, live=False, owner=editor_user)
    client.force_login(editor_user)
    delete_url = reverse("wagtailadmin_pages:delete", args=(index.pk,))

    response = client.post(delete_url)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert ArticleIndexPage.objects.filter(pk=index.pk).exists()
    assert ArticlePage.objects.filter(pk=article.pk).exists()


def test_an_editor_who_translates_on_another_desk_cannot_delete_there(client, desks):
    # The desk A editor also translates for desk B and started a draft there: deleting it
    # needs the delete permission on desk B, which their desk B group does not give.
    editor = desks["A"].users["editor"]
    editor.groups.add(Group.objects.get(name=f"Desk B {TRANSLATORS}"))
    draft = ArticlePageFactory(parent=desks["B"].index, live=False, owner=editor)
    client.force_login(editor)

    response = client.post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert ArticlePage.objects.filter(pk=draft.pk).exists()


def test_an_editor_moves_a_desk_with_its_articles(client, home_page, editor_user):
    # Moving is deleting and re-adding; unlike deleting, it takes the pages under it along.
    # The second site's home is the editors' too.
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="第二个站点", slug="second-site")
    )
    for codename in PAGE_PERMISSIONS[EDITORS]:
        GroupPagePermission.objects.create(
            group=Group.objects.get(name=EDITORS),
            page=other_home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    index = ArticleIndexPageFactory(parent=home_page, title="要搬的栏目")
    article = ArticlePageFactory(parent=index, live=False, owner=editor_user)
    client.force_login(editor_user)

    client.post(reverse("wagtailadmin_pages:move_confirm", args=(index.pk, other_home.pk)))
    index.refresh_from_db()
    assert index.get_parent().pk == other_home.pk
    assert ArticlePage.objects.get(pk=article.pk).get_parent().pk == index.pk
