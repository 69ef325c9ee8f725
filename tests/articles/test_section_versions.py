"""Which copy of a section counts: live rows, the latest revision, revision N; and the
review actions on a section that exists only in an unpublished draft."""

import uuid

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage, ArticleSection, CheckDismissal, section_versions
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

DRAFT_EN = "In 1998 the network read 10 digits."
DRAFT_ZH = "那一年，网络识别了数字。"


@pytest.fixture
def article(home_page):
    """A live article with one section, then a draft that edits it and adds a second."""
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        heading_en="First",
        body_en="<p>The first section.</p>",
        body_zh_hans="<p>第一节。</p>",
        status="full",
    )
    page.save_revision().publish()
    page = ArticlePage.objects.get(pk=page.pk)
    first_revision = page.live_revision

    draft = page.get_latest_revision_as_object()
    sections = list(draft.sections.all())
    sections[0].body_zh_hans = "<p>第一节，改过。</p>"
    sections.append(
        ArticleSection(
            sort_order=sections[0].sort_order + 1,  # as the editor's formset numbers it
            heading_en="Added in a draft",
            body_en=f"<p>{DRAFT_EN}</p>",
            body_zh_hans=f"<p>{DRAFT_ZH}</p>",
            status="full",
        )
    )
    draft.sections.set(sections)
    draft.save_revision()
    page = ArticlePage.objects.get(pk=page.pk)
    page.first_revision = first_revision
    return page


def test_live_is_what_readers_see(article):
    live = section_versions.live(article)
    assert [(s.position, s.body_zh_hans) for s in live] == [(1, "<p>第一节。</p>")]


def test_latest_holds_the_draft_and_the_section_added_in_it(article):
    latest = section_versions.latest(article)
    assert [s.position for s in latest] == [1, 2]
    assert latest[0].body_zh_hans == "<p>第一节，改过。</p>"
    added = latest[1]
    assert added.pk is None and added.heading_en == "Added in a draft"
    assert not ArticleSection.objects.filter(key=added.key).exists()


def test_revision_n_is_history(article):
    first = section_versions.in_revision(article, article.first_revision)
    assert [s.body_zh_hans for s in first] == ["<p>第一节。</p>"]
    assert [
        s.key for s in section_versions.in_revision_contents([article.first_revision.content])[0]
    ] == [s.key for s in first]


def test_a_page_never_saved_as_a_revision_has_only_its_rows(home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, heading_en="Only", body_en="<p>x</p>")
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.latest_revision is None
    assert [s.heading_en for s in section_versions.latest(page)] == ["Only"]


def test_find_by_key_ignores_what_is_not_a_key(article):
    latest = section_versions.latest(article)
    assert section_versions.find(latest, str(latest[1].key)) is latest[1]
    assert section_versions.find(latest, "not-a-key") is None
    assert section_versions.find(latest, uuid.uuid4()) is None


def test_update_latest_changes_a_draft_only_section_in_a_new_revision(article, editor_user):
    added = section_versions.latest(article)[1]
    before = article.latest_revision_id

    def retitle(section):
        section.heading_zh_hans = "草稿里加的一节"

    revision = section_versions.update_latest(article.pk, added.key, retitle, user=editor_user)
    article.refresh_from_db()
    assert revision.pk == article.latest_revision_id != before
    assert revision.user == editor_user
    latest = section_versions.latest(article)
    assert latest[1].heading_zh_hans == "草稿里加的一节"
    assert latest[0].body_zh_hans == "<p>第一节，改过。</p>"  # the rest of the draft is kept
    assert section_versions.live(article)[0].body_zh_hans == "<p>第一节。</p>"  # readers: none


def test_update_latest_overwrites_only_its_own_latest_revision(article, editor_user, admin_user):
    key = section_versions.latest(article)[1].key
    first = section_versions.update_latest(
        article.pk, key, lambda s: setattr(s, "note", "a"), user=editor_user
    )
    again = section_versions.update_latest(
        article.pk, key, lambda s: setattr(s, "note", "b"), user=editor_user, overwrite_own=first.pk
    )
    assert again.pk == first.pk
    other = section_versions.update_latest(
        article.pk, key, lambda s: setattr(s, "note", "c"), user=admin_user, overwrite_own=first.pk
    )
    assert other.pk != first.pk  # someone else's revision is never overwritten


def test_update_latest_of_a_removed_section_changes_nothing(article, editor_user):
    revisions = article.revisions.count()
    assert section_versions.update_latest(article.pk, uuid.uuid4(), print, user=editor_user) is None
    assert article.revisions.count() == revisions


def test_patch_saved_reaches_the_row_and_both_revisions_and_survives_publishing(
    article, editor_user
):
    key = section_versions.latest(article)[0].key
    patched = section_versions.patch_saved(
        article, key, {"source_at_translation": "Recorded", "source_confirmed_by": editor_user}
    )
    assert patched == 2
    row = ArticleSection.objects.get(key=key)
    assert (row.source_at_translation, row.source_confirmed_by) == ("Recorded", editor_user)
    article.refresh_from_db()
    article.get_latest_revision().publish()
    row.refresh_from_db()
    assert (row.source_at_translation, row.source_confirmed_by) == ("Recorded", editor_user)


# The review screen acts on sections that exist only in the draft.


def review_html(client, page) -> str:
    response = client.get(reverse("articles_review:review", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def offers_dismissal(html: str, evidence: str) -> bool:
    """Whether the screen still offers to dismiss the finding (its undo form names it too)."""
    soup = BeautifulSoup(html, "html.parser")
    return (
        soup.select_one(f'form:has(input[name="reason"]):has(input[value="{evidence}"])')
        is not None
    )


def test_findings_on_a_draft_only_section_can_be_dismissed(client, reviewer_user, article):
    client.force_login(reviewer_user)
    html = review_html(client, article)
    form = RenderedForm(html, 'form:has(input[name="evidence"][value="1998"])')
    assert str(section_versions.latest(article)[1].key) in form.action
    form.set("reason", "原文年份有误，已确认")
    response = client.post(form.action, form.data())
    assert response.status_code == 302 and response.url.endswith("#section-2")

    dismissal = CheckDismissal.objects.get()
    assert dismissal.evidence == "1998" and dismissal.reason == "原文年份有误，已确认"
    html = review_html(client, article)
    assert not offers_dismissal(html, "1998") and "原文年份有误，已确认" in html

    # Publishing gives the section a row; the dismissal still applies to it.
    article.get_latest_revision().publish()
    html = review_html(client, ArticlePage.objects.get(pk=article.pk))
    assert not offers_dismissal(html, "1998") and "原文年份有误，已确认" in html


def test_a_draft_only_section_can_be_rechecked_against_changed_english(
    client, editor_user, article
):
    key = section_versions.latest(article)[1].key
    section_versions.update_latest(
        article.pk,
        key,
        lambda s: setattr(s, "source_at_translation", "Added in a draft\nAn older English."),
        user=editor_user,
    )
    article.refresh_from_db()
    client.force_login(editor_user)
    html = review_html(client, article)
    recheck = reverse("articles_review:recheck", args=(article.pk, key))
    form = RenderedForm(html, f'form[action="{recheck}"]')
    response = client.post(form.action, form.data())
    assert response.status_code == 302 and response.url.endswith("#section-2")

    article.refresh_from_db()
    added = section_versions.latest(article)[1]
    assert added.source_confirmed_by == editor_user
    assert DRAFT_EN in added.source_at_translation
    assert recheck not in review_html(client, article)  # no longer stale


def test_review_actions_on_an_unknown_section_change_nothing(client, editor_user, article):
    client.force_login(editor_user)
    for name in ("articles_review:recheck", "articles_review:dismiss"):
        url = reverse(name, args=(article.pk, uuid.uuid4()))
        data = {"code": "missing_number", "evidence": "1998", "reason": "x"}
        assert client.post(url, data).status_code == 404
    assert not CheckDismissal.objects.exists()
