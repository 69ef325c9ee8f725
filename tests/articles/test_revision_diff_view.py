"""Per-section comparison of two revisions: changed, added, removed and moved sections,
who may see it (A2), and payloads in revisions shown as text (B3)."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from articles.models import ArticlePage, ArticleSection
from tests.admin_refusal import refused
from tests.factories import ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    '" onmouseover="alert(4)',
    "</textarea>{{7*7}}",
]


@pytest.fixture
def revisions(home_page, editor_user):
    """Revision 1 has sections A B C D; revision 2 edits B, removes C, adds E and moves D
    to the top."""
    page = ArticlePageFactory()
    for key in "ABCD":
        ArticleSectionFactory(
            page=page,
            heading_en=f"Section {key}",
            heading_zh_hans=f"第{key}节",
            body_en=f"<p>English of {key}.</p>",
            body_zh_hans=f"<p>{key} 的中文。</p>",
        )
    first = page.save_revision(user=editor_user)
    first.publish()
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    a, b, _c, d = draft.sections.all()
    b.body_zh_hans = "<p>B 的新中文。</p>"
    e = ArticleSection(heading_en="Section E", heading_zh_hans="第E节", body_zh_hans="<p>新</p>")
    for position, section in enumerate([d, a, b, e]):
        section.sort_order = position  # as the editor's drag-and-drop would
    draft.sections.set([d, a, b, e])
    second = draft.save_revision(user=editor_user)
    return page, first, second


def compare_url(page, old=None, new=None) -> str:
    url = reverse("articles_review:revisions", args=(page.pk,))
    params = {k: v.pk for k, v in (("from", old), ("to", new)) if v is not None}
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_sections_changed_added_removed_and_moved(client, translator_user, revisions):
    page, first, second = revisions
    client.force_login(translator_user)
    response = client.get(compare_url(page, first, second))
    assert response.status_code == 200
    kinds = {c.heading: c.kind for c in response.context["changes"]}
    assert kinds == {
        "第D节": "moved",
        "第A节": "unchanged",
        "第B节": "changed",
        "第C节": "removed",
        "第E节": "added",
    }
    changed = next(c for c in response.context["changes"] if c.kind == "changed")
    body = next(f for f in changed.fields if f.name == "body_zh")
    assert "<del>" not in body.new and "<ins>新</ins>" in body.new
    html = response.content.decode()
    assert 'data-change-kind="added"' in html and 'data-change-kind="removed"' in html
    assert 'data-change-kind="moved"' in html
    assert response.context["unchanged_count"] == 1


def test_defaults_compare_the_live_version_with_the_latest_draft(client, editor_user, revisions):
    page, first, second = revisions
    client.force_login(editor_user)
    response = client.get(compare_url(page))
    assert (response.context["old"], response.context["new"]) == (first, second)


def test_a_single_revision_has_nothing_to_compare(client, editor_user, home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page)
    page.save_revision().publish()
    client.force_login(editor_user)
    response = client.get(compare_url(page))
    assert response.status_code == 200 and response.context["changes"] == []


def test_a_revision_of_another_page_is_not_found(client, editor_user, revisions):
    page, first, _ = revisions
    other = ArticlePageFactory()
    ArticleSectionFactory(page=other)
    foreign = other.save_revision()
    client.force_login(editor_user)
    assert client.get(compare_url(page, foreign, first)).status_code == 404


def test_payloads_in_revisions_are_shown_as_text(client, editor_user, home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, heading_zh_hans="安全", note="")
    first = page.save_revision()
    first.publish()
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    section = draft.sections.get()
    section.heading_zh_hans = "安全 " + " ".join(PAYLOADS)
    section.note = "注：" + PAYLOADS[1]
    draft.sections.set([section])
    second = draft.save_revision()
    client.force_login(editor_user)
    html = client.get(compare_url(page, first, second)).content.decode()
    for payload in PAYLOADS:
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<ins>" in html


@pytest.mark.parametrize("role", ["editor_user", "translator_user", "reviewer_user"])
def test_the_roles_may_compare(client, request, revisions, role):
    page, first, second = revisions
    client.force_login(request.getfixturevalue(role))
    assert client.get(compare_url(page, first, second)).status_code == 200


def test_a_translator_without_rights_on_the_page_is_denied(client, translator_user, revisions):
    """A2: known revision ids do not open the comparison to a translator without rights."""
    page, first, second = revisions
    GroupPagePermission.objects.filter(group__name="Translators").delete()
    client.force_login(translator_user)
    response = client.get(compare_url(page, first, second))
    assert refused(response)
    assert "B 的新中文" not in response.content.decode()


def test_admin_users_outside_the_roles_are_denied(client, django_user_model, home_page, revisions):
    page, first, second = revisions
    user = django_user_model.objects.create_user("outsider", password="pw")
    group = Group.objects.create(name="Guests")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=home_page, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    client.force_login(user)
    response = client.get(compare_url(page, first, second))
    assert refused(response)
    assert "B 的新中文" not in response.content.decode()


def test_anonymous_users_are_sent_to_log_in(client, revisions):
    page, first, second = revisions
    response = client.get(compare_url(page, first, second))
    assert response.status_code == 302 and "login" in response.url
