"""The AI disclosure rests on how much of each AI draft the translator kept, measured when the
section is saved, not when a reader asks for the page: readers, the feed and the API still
say AI-assisted (with the drafting model) while a kept draft is published and human once the
Chinese is rewritten in the editor and published, and no reader's request diffs a draft.
Sections saved before the figure was stored are measured on read until their next save. The
review screen shows the same stored figure, and the effort report measures the same way."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import rich_text

import pytest

from articles.content.disclosure_facts import effort_record
from articles.models import ArticlePage, ArticleSection
from articles.review.engine import effort
from tests.admin_users import logged_in
from tests.articles.test_feed_ai_label import feed_labels
from tests.articles.test_sharing_metadata import assert_labels_agree
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

DRAFT = "1958 年，感知机学会了对卡片进行分类，这是神经网络的第一次成功。"
KEPT = "<p>1958 年，感知机学会了给卡片分类，这是神经网络的第一次成功。</p>"
REWRITTEN = "完全由译者重新撰写：那一年出现的机器自己学会了分拣，开启了一个新领域。"
EDIT_FORM = "form#page-edit-form"


class DiffCounter:
    """Counts the character diffs the disclosure's effort measure runs."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        original = effort.change_ratio

        def counted(a: str, b: str) -> float:
            self.calls += 1
            return original(a, b)

        monkeypatch.setattr(effort, "change_ratio", counted)


@pytest.fixture
def diffs(monkeypatch) -> DiffCounter:
    return DiffCounter(monkeypatch)


@pytest.fixture
def article(home_page) -> ArticlePage:
    index = ArticleIndexPageFactory(slug="articles")
    page = ArticlePageFactory(
        parent=index, slug="drafted", translation_method="human", ai_model="declared-1"
    )
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        body_zh_hans=KEPT,
        ai_draft=DRAFT,
        ai_draft_model="drafter-2",
        ai_drafted_at=timezone.now(),
    )
    ArticleSectionFactory(page=page, sort_order=1, body_zh_hans="<p>人工译文，没有草稿。</p>")
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def reader_facts(client, page: ArticlePage) -> dict:
    """What the page, its head, JSON-LD, the API and the feed say, checked to agree."""
    seen = assert_labels_agree(client, ArticlePage.objects.get(pk=page.pk))
    label = feed_labels(client, "/feeds/articles/")[f"articles/{page.slug}/"]
    assert {key: label[key] for key in seen} == seen, "feed"
    return {"ai_assisted": seen["ai_assisted"], "model": seen["model"]}


def publish_from_editor(client, page: ArticlePage, body_zh: str) -> None:
    """Open the rendered editor, replace the first section's Chinese, press Publish."""
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = RenderedForm(client.get(url).content, EDIT_FORM)
    form.set("sections-0-body_zh_hans", rich_text(body_zh))
    response = client.post(url, form.data(**{"action-publish": "action-publish"}))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_kept_draft_is_disclosed_with_its_model_and_no_reader_request_diffs(
    client, article, diffs
):
    assert reader_facts(client, article) == {"ai_assisted": True, "model": "drafter-2"}
    assert diffs.calls == 0


def test_rewriting_the_chinese_in_the_editor_and_publishing_changes_the_disclosure(
    article, editor_user, diffs
):
    editor = logged_in(editor_user)
    publish_from_editor(editor, article, REWRITTEN)
    assert diffs.calls == 1  # the edited section, once, when saved

    reader = editor.__class__()
    assert reader_facts(reader, article) == {"ai_assisted": False, "model": ""}

    # Back to the draft's wording: AI-assisted again, with the drafting model.
    publish_from_editor(editor, article, DRAFT)
    diffs.calls = 0
    assert reader_facts(reader, article) == {"ai_assisted": True, "model": "drafter-2"}
    assert diffs.calls == 0


def test_only_sections_whose_draft_or_chinese_changed_are_measured_on_save(article, diffs):
    for number in range(2, 5):
        ArticleSectionFactory(
            page=article,
            sort_order=number,
            body_zh_hans=f"<p>第 {number} 段译文保留了草稿。</p>",
            ai_draft=f"第 {number} 段译文保留草稿。",
            ai_drafted_at=timezone.now(),
        )
    page = ArticlePage.objects.get(pk=article.pk)
    page.save_revision().publish()
    assert diffs.calls == 3  # the three new sections

    diffs.calls = 0
    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    sections = list(page.sections.all())
    sections[2].body_zh_hans = "<p>改写后的第 2 段。</p>"
    page.sections.set(sections)
    revision = page.save_revision()
    assert diffs.calls == 1
    # The figure travels in the revision: publishing it measures nothing again.
    revision.publish()
    assert diffs.calls == 1
    assert ArticleSection.objects.get(pk=sections[2].pk).draft_effort["effort"] > 0


def test_sections_saved_before_the_figure_was_stored_are_measured_on_read(client, article, diffs):
    ArticleSection.objects.filter(page=article).update(draft_effort=None)
    assert reader_facts(client, article) == {"ai_assisted": True, "model": "drafter-2"}
    assert diffs.calls > 0

    # A figure stored for texts the section no longer has (a write that bypassed the page's
    # save) is not believed: the rewritten Chinese is measured and disclosed as human.
    section = ArticleSection.objects.get(page=article, sort_order=0)
    stale = effort_record(DRAFT, KEPT)
    ArticleSection.objects.filter(pk=section.pk).update(
        body_zh_hans=f"<p>{REWRITTEN}</p>", draft_effort=stale
    )
    assert reader_facts(client, article) == {"ai_assisted": False, "model": ""}

    # The next save stores the current figure, and reading diffs nothing again.
    ArticlePage.objects.get(pk=article.pk).save_revision().publish()
    cache.clear()
    diffs.calls = 0
    assert reader_facts(client, article) == {"ai_assisted": False, "model": ""}
    assert diffs.calls == 0


@pytest.mark.parametrize(
    "migration_name", ["0022_articlesection_draft_effort", "0023_draft_effort_measured_as_lines"]
)
def test_the_migration_stores_the_figure_on_existing_sections(
    client, article, diffs, migration_name
):
    ArticleSection.objects.filter(page=article).update(draft_effort=None)
    migration = importlib.import_module(f"articles.migrations.{migration_name}")
    migration.record_efforts(apps, None)

    drafted = ArticleSection.objects.get(page=article, sort_order=0)
    assert drafted.draft_effort == effort_record(DRAFT, KEPT)
    assert ArticleSection.objects.get(page=article, sort_order=1).draft_effort is None
    diffs.calls = 0
    assert reader_facts(client, article) == {"ai_assisted": True, "model": "drafter-2"}
    assert diffs.calls == 0


def test_the_review_screen_shows_the_figure_the_disclosure_rests_on(editor_user, home_page, diffs):
    """Paragraph breaks and indents in the draft are no edit, on every surface."""
    page = ArticlePageFactory(slug="paragraphs")
    ArticleSectionFactory(
        page=page,
        ai_draft="第一段，保留了草稿。\n\n  第二段，也保留了。",
        body_zh_hans="<p>第一段，保留了草稿。</p><p>第二段，也保留了。</p>",
        ai_drafted_at=timezone.now(),
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision().publish()
    stored = ArticleSection.objects.get(page=page).draft_effort["effort"]
    assert stored == 0.0

    editor = logged_in(editor_user)
    diffs.calls = 0
    review = editor.get(reverse("articles_review:review", args=(page.pk,))).context["review"]
    assert [row.effort for row in review.rows] == [stored]
    assert diffs.calls == 0  # read, not measured again
    report = editor.get("/admin/reports/post-editing/").context["object_list"]
    assert [row.effort for row in report if row.page_id == page.pk] == [stored]
