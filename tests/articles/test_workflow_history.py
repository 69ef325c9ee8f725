"""The page history as an editor reads it: every section whose status a save set or changed,
and every sign-off it cleared, has its own entry, however many sections one save touched
(an article created with its cuts already marked, an import, one edit of several sections)."""

from django.urls import reverse

import pytest

from articles.editorial.workflow import assign_translation_workflow
from articles.models import ArticlePage
from tests.articles.test_import_admin import rendered_preview
from tests.articles.test_signoff_rules import (
    history_rows,
    label_of,
    sections_of,
    send_back_and_edit,
    submit_and_pass_translation_review,
)
from tests.articles.workflow_helpers import create_and_submit
from tests.factories import ArticleIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]


@pytest.fixture
def index(home_page):
    index = ArticleIndexPageFactory(slug="articles")
    assign_translation_workflow(index)
    return index


def rows_starting(rows: list[str], start: str) -> int:
    return sum(row.lower().startswith(start.lower()) for row in rows)


def test_an_article_created_with_its_cuts_marked_lists_each_sections_status(
    client, index, translator_user, editor_user
):
    """Created in the admin with §2 abridged and §3 omitted on its first save: the history
    lists the three sections' statuses, each with its note."""
    client.force_login(translator_user)
    assert create_and_submit(client, index).status_code == 302
    page = ArticlePage.objects.get(slug="perceptron")
    full, abridged, omitted = sections_of(page)

    client.force_login(editor_user)
    rows = history_rows(client, page)

    assert rows_starting(rows, f"{label_of(full)}: status new → translated in full") == 1
    assert (
        rows_starting(
            rows,
            f"{label_of(abridged)}: status new → abridged comment: 删去了作者的个人回忆。",
        )
        == 1
    )
    assert (
        rows_starting(rows, f"{label_of(omitted)}: status new → omitted comment: 论文清单未译出。")
        == 1
    )


def test_an_imported_article_lists_each_cut_in_its_history(client, editor_user):
    """Imported through the admin screen, the editor marking the opening abridged beside the
    section the aligner found abridged: both cuts are in the history."""
    index = ArticleIndexPageFactory()
    client.force_login(editor_user)
    preview = rendered_preview(client, index)
    assert [preview["status-0"], preview["status-1"]] == ["full", "abridged"]
    preview.update({"status-0": "abridged", "note-0": "Shortened the opening."})

    assert client.post(reverse("articles_import"), preview).status_code == 302
    rows = history_rows(client, ArticlePage.objects.get())

    # The opening has no heading of its own.
    assert rows_starting(rows, "section 1 “untitled”: status new → abridged") == 1
    assert rows_starting(rows, "section 2 “余波”: status new → abridged") == 1


def test_one_save_that_changes_several_sections_lists_each_of_them(
    client, index, translator_user, reviewer_user, editor_user
):
    """Both cuts signed off, then one save marks §1 abridged and rewrites both cuts' notes:
    the history has §1's new status and a cleared sign-off for each cut."""
    page = submit_and_pass_translation_review(client, index, translator_user, reviewer_user)

    def cut_and_reword(rows):
        rows[0].update(status="abridged", note="删去了一段旧闻。")
        rows[1]["note"] = "删去了作者的个人回忆和天气描写。"
        rows[2]["note"] = "延伸阅读的论文清单未译出。"

    send_back_and_edit(client, page, reviewer_user, translator_user, cut_and_reword)

    client.force_login(editor_user)
    first, abridged, omitted = sections_of(page)
    rows = history_rows(client, page)
    changed = f"{label_of(first)}: status translated in full → abridged comment: 删去了一段旧闻。"
    assert rows_starting(rows, changed) == 1
    cleared = ": edited after sign-off; the sign-off no longer applies"
    assert rows_starting(rows, f"{label_of(abridged)}{cleared}") == 1
    assert rows_starting(rows, f"{label_of(omitted)}{cleared}") == 1
    # §1 changed too, but had no sign-off to clear.
    assert rows_starting(rows, f"{label_of(first)}{cleared}") == 0
