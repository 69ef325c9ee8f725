"""The coverage re-check's status changes are in the page history and can be undone from the
same screen: the sections get their earlier status, note and coverage back in a new revision,
refused once the article was saved since and for anyone but the article's editors. Forms are
read from the rendered HTML."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from articles.content.cut_sentences import stored_coverage
from articles.editorial.coverage_check import APPLIED_ACTION
from articles.editorial.coverage_undo import UNDONE_ACTION
from articles.models import ArticlePage, section_versions
from tests.admin_refusal import refused
from tests.articles.test_coverage_recheck import DROPPED, EN_CUT, EN_FULL, ZH_CUT, ZH_FULL
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

ACCEPT = "form#coverage-accept"
UNDO = "form#coverage-undo"


@pytest.fixture
def article(home_page) -> ArticlePage:
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        heading_zh_hans="历史",
        body_en=EN_CUT,
        body_zh_hans=ZH_CUT,
        status="full",
        note="译者的备注。",
    )
    ArticleSectionFactory(page=page, body_en=EN_FULL, body_zh_hans=ZH_FULL, status="full")
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def editor(editor_user) -> Client:
    profile = UserProfile.get_for_user(editor_user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(editor_user)
    return client


def coverage_url(page) -> str:
    return reverse("articles_coverage", args=(page.pk,))


def screen(client, page) -> str:
    response = client.get(coverage_url(page))
    assert response.status_code == 200
    return response.content.decode()


def apply_proposals(client, page) -> str:
    """Accept the screen's proposals as rendered; the screen shown after."""
    form = RenderedForm(screen(client, page), ACCEPT)
    response = client.post(form.action, form.data(), follow=True)
    assert response.redirect_chain[-1][0] == coverage_url(page)
    return response.content.decode()


def latest_sections(page):
    return section_versions.latest(ArticlePage.objects.get(pk=page.pk))


def revisions(page) -> int:
    return Revision.objects.filter(object_id=str(page.pk)).count()


def messages_of(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_applied_changes_are_listed_logged_and_undone_from_the_screen(editor, article):
    after = apply_proposals(editor, article)
    applied = BeautifulSoup(after, "html.parser").select_one("#coverage-applied")
    assert applied is not None
    assert "§1 历史: Translated in full → Abridged" in applied.get_text(" ", strip=True)
    assert "§2" not in applied.get_text()  # its status did not change
    cut, full = latest_sections(article)
    assert cut.status == "abridged"
    assert stored_coverage(cut.coverage, cut.body_en, cut.body_zh_hans).missing == [DROPPED]

    entry = PageLogEntry.objects.get(page=article, action=APPLIED_ACTION)
    first = entry.data["sections"][0]
    assert first["previous"] == {"status": "full", "note": "译者的备注。", "coverage": None}
    assert first["status"] == "abridged"
    history = editor.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    text = BeautifulSoup(history.content, "html.parser").get_text(" ", strip=True)
    assert "Coverage re-check applied" in text
    assert "Coverage re-check: §1 历史: status Translated in full → Abridged" in text

    saved = revisions(article)
    undo = RenderedForm(after, UNDO)
    response = editor.post(undo.action, undo.data(), follow=True)
    assert messages_of(response)[0][0] == "success"
    assert revisions(article) == saved + 1
    cut, full = latest_sections(article)
    assert (cut.status, cut.note, cut.coverage) == ("full", "译者的备注。", None)
    assert (full.status, full.coverage) == ("full", None)
    # Still a draft: readers see the published sections as they were.
    assert [s.status for s in section_versions.live(article)] == ["full", "full"]
    undone = PageLogEntry.objects.get(page=article, action=UNDONE_ACTION)
    assert undone.data["applied_entry"] == entry.pk
    history = editor.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    assert "Coverage re-check undone: §1 历史: status Abridged → Translated in full" in (
        BeautifulSoup(history.content, "html.parser").get_text(" ", strip=True)
    )

    # The screen offers the proposal again and no undo; the same undo again changes nothing.
    html = response.content.decode()
    assert BeautifulSoup(html, "html.parser").select_one(UNDO) is None
    assert RenderedForm(html, ACCEPT).data()["section"] == [str(cut.key)]
    again = editor.post(undo.action, undo.data(), follow=True)
    assert [level for level, _message in messages_of(again)] == ["error"]
    current = RenderedForm(html, ACCEPT)  # sent again from an up-to-date screen
    undo.set("loaded_revision_id", current.get("loaded_revision_id"))
    undo.set("loaded_revision_created_at", current.get("loaded_revision_created_at"))
    again = editor.post(undo.action, undo.data(), follow=True)
    assert messages_of(again) == [("error", "These status changes were undone already.")]
    assert revisions(article) == saved + 1


def test_undo_is_refused_once_the_article_was_saved_since(editor, article, editor_user):
    undo = RenderedForm(apply_proposals(editor, article), UNDO)
    ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().save_revision(
        user=editor_user
    )
    saved = revisions(article)

    response = editor.post(undo.action, undo.data(), follow=True)
    ((level, message),) = messages_of(response)
    assert level == "error" and "Someone else saved this article" in message
    assert revisions(article) == saved
    assert latest_sections(article)[0].status == "abridged"
    # Reloaded, the screen no longer offers the undo ...
    html = screen(editor, article)
    assert BeautifulSoup(html, "html.parser").select_one(UNDO) is None
    # ... and one sent from it, naming the latest revision, is refused all the same.
    current = RenderedForm(html, ACCEPT)
    undo.set("loaded_revision_id", current.get("loaded_revision_id"))
    undo.set("loaded_revision_created_at", current.get("loaded_revision_created_at"))
    response = editor.post(undo.action, undo.data(), follow=True)
    assert messages_of(response) == [
        (
            "error",
            "The article was saved after these status changes; nothing was restored. "
            "The earlier statuses are in the page history.",
        )
    ]
    assert revisions(article) == saved
    assert latest_sections(article)[0].status == "abridged"


def test_an_undo_naming_no_batch_of_this_article_is_refused(editor, article, home_page):
    other = ArticlePageFactory()
    ArticleSectionFactory(page=other, body_en=EN_CUT, body_zh_hans=ZH_CUT, status="full")
    other.save_revision().publish()
    apply_proposals(editor, other)
    undo = RenderedForm(apply_proposals(editor, article), UNDO)
    other_batch = PageLogEntry.objects.get(page=other, action=APPLIED_ACTION)
    saved = revisions(article)
    for batch in (str(other_batch.pk), "not a number"):
        undo.set("batch", batch)
        response = editor.post(undo.action, undo.data(), follow=True)
        assert [level for level, _message in messages_of(response)] == ["error"]
    assert revisions(article) == saved
    assert latest_sections(article)[0].status == "abridged"
    assert latest_sections(other)[0].status == "abridged"


@pytest.mark.parametrize("role", ["translator_user", "reviewer_user"])
def test_only_the_articles_editors_undo(editor, article, role, request):
    undo = RenderedForm(apply_proposals(editor, article), UNDO)
    saved = revisions(article)
    client = Client()
    client.force_login(request.getfixturevalue(role))
    assert refused(client.post(undo.action, undo.data()))
    assert revisions(article) == saved
    assert latest_sections(article)[0].status == "abridged"
    assert not PageLogEntry.objects.filter(action=UNDONE_ACTION).exists()


def test_nothing_to_undo_when_no_status_changed(editor, article):
    form = RenderedForm(screen(editor, article), ACCEPT)
    data = form.data()
    data.pop("section")  # coverage stored, every status kept
    html = editor.post(form.action, data, follow=True).content.decode()
    assert BeautifulSoup(html, "html.parser").select_one(UNDO) is None
    entry = PageLogEntry.objects.get(page=article, action=APPLIED_ACTION)
    assert all(item["status"] == "full" for item in entry.data["sections"])
    history = editor.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    text = BeautifulSoup(history.content, "html.parser").get_text(" ", strip=True)
    assert "Coverage re-check: coverage stored, no status changed" in text


def test_a_chinese_editor_reads_the_applied_changes_and_their_history_in_chinese(
    client, article, editor_user
):
    """Passes once /tmp/po/adminux2.po is merged into the catalogue."""
    profile = UserProfile.get_for_user(editor_user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(editor_user)
    applied = BeautifulSoup(apply_proposals(client, article), "html.parser")
    panel = applied.select_one("#coverage-applied").get_text(" ", strip=True)
    assert "已做的状态更改" in panel and "§1 历史: 全文翻译 → 已删节" in panel
    assert applied.select_one(f"{UNDO} button").get_text(strip=True) == "撤销这些状态更改"
    history = client.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    text = BeautifulSoup(history.content, "html.parser").get_text(" ", strip=True)
    assert "已采用覆盖情况核对结果" in text
    assert "覆盖情况核对：§1 历史：状态 全文翻译 → 已删节" in text
