"""The Abridgments report lists each cut as the article's latest revision has it: every save
brings its rows up to date (a new cut, a changed note or heading, a cut no longer a cut, a
deleted section), and a cut's age counts from when its status was set, not from its last
edit."""

import datetime
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage, LatestSection
from tests.articles.test_import_admin import rendered_preview
from tests.articles.workflow_helpers import (
    SECTIONS,
    article_data,
    edit,
    existing_sections,
    loaded_from,
)
from tests.factories import ArticleIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]

REPORT = "/admin/reports/abridgments/"
# §2 leaves out one sentence of its English, which the report lists.
DROPPED = "The lab moved to San Francisco in 2016, after a long search for offices."
ABRIDGED = {
    **SECTIONS[1],
    "body_en": f"OpenAI was founded in 2015 by Sam Altman and others. {DROPPED} "
    "It trained GPT-2 in 2019 with 1.5 billion parameters.",
    "body_zh_hans": "OpenAI 于 2015 年由 Sam Altman 等人创立。"
    "它在 2019 年训练了拥有 15 亿参数的 GPT-2。",
}


@pytest.fixture
def draft(client, home_page, translator_user) -> ArticlePage:
    """The translator's draft (§1 in full, §2 abridged, §3 omitted), saved, not submitted."""
    index = ArticleIndexPageFactory(slug="articles")
    client.force_login(translator_user)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    sections = [SECTIONS[0], ABRIDGED, SECTIONS[2]]
    assert client.post(url, article_data(sections)).status_code == 302
    return ArticlePage.objects.get(slug="perceptron")


def report(client, editor) -> dict[str, dict[str, str]]:
    """The report's rows as an editor reads them, by their section cell ("§2 heading")."""
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    rows = {}
    for tr in BeautifulSoup(response.content.decode(), "html.parser").select("tbody tr"):
        cells = [" ".join(td.get_text(" ").split()) for td in tr.select("td")]
        note = tr.select("td")[3]
        missing = note.select_one("[data-missing]")
        rows[cells[1]] = {
            "status": cells[2],
            "note": cells[3]
            if missing is None
            else cells[3].removesuffix(" ".join(missing.get_text(" ").split())).strip(),
            "missing": "" if missing is None else " ".join(missing.get_text(" ").split()),
            "age": cells[6],
        }
    return rows


def save(client, user, page, change) -> None:
    client.force_login(user)
    sections = existing_sections(page)
    change(sections)
    assert edit(client, page, sections).status_code == 302


def marked_days_ago(page, days: int) -> None:
    """As if the article's cuts had been marked ``days`` ago."""
    then = timezone.now() - datetime.timedelta(days=days)
    LatestSection.objects.filter(page=page).update(status_since=then)


def test_each_cut_is_listed_with_its_heading_status_note_and_missing_sentences(
    client, draft, editor_user
):
    assert report(client, editor_user) == {
        "§2 格拉斯哥往事": {
            "status": "Abridged",
            "note": "删去了作者的个人回忆。",
            "missing": DROPPED,
            "age": "0 days",
        },
        "§3 延伸阅读": {
            "status": "Omitted",
            "note": "论文清单未译出。",
            "missing": "",
            "age": "0 days",
        },
    }


def test_every_save_brings_the_report_up_to_the_latest_revision(
    client, draft, translator_user, editor_user
):
    """The article is published; a draft of it cuts §1, rewords §2's note and restores §3
    in full; the next draft deletes §2. The report follows the drafts, not the live page."""
    client.force_login(editor_user)
    data = {**article_data(existing_sections(draft)), **loaded_from(draft), "action-publish": "1"}
    assert (
        client.post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), data).status_code == 302
    )
    draft.refresh_from_db()
    assert draft.live

    def cut_reword_restore(rows):
        rows[0].update(status="omitted", note="旧闻从略。")
        rows[1]["note"] = "删去了作者的个人回忆和天气描写。"
        rows[2].update(status="full", note="", body_zh_hans="值得一读的二十篇论文。")

    save(client, translator_user, draft, cut_reword_restore)
    assert report(client, editor_user) == {
        "§1 感知机": {"status": "Omitted", "note": "旧闻从略。", "missing": "", "age": "0 days"},
        "§2 格拉斯哥往事": {
            "status": "Abridged",
            "note": "删去了作者的个人回忆和天气描写。",
            "missing": DROPPED,
            "age": "0 days",
        },
    }

    save(client, translator_user, draft, lambda rows: rows[1].update(DELETE="on"))
    assert list(report(client, editor_user)) == ["§1 感知机"]


def test_a_cut_is_listed_under_its_chinese_heading_else_its_english_one_else_none(
    client, draft, translator_user, editor_user
):
    def headings(rows):
        rows[1]["heading_zh_hans"] = ""
        rows[2].update(heading_en="", heading_zh_hans="")

    save(client, translator_user, draft, headings)
    assert set(report(client, editor_user)) == {"§2 A memory of Glasgow", "§3"}


def test_an_imported_cut_waiting_for_its_note_is_listed_without_one(client, editor_user):
    """The import leaves the readers' note of the cut the aligner found for a person."""
    index = ArticleIndexPageFactory()
    client.force_login(editor_user)
    preview = rendered_preview(client, index)
    assert client.post(reverse("articles_import"), preview).status_code == 302

    rows = report(client, editor_user)
    assert list(rows) == ["§2 余波"]
    assert rows["§2 余波"]["status"] == "Abridged"
    assert rows["§2 余波"]["note"] == ""


def test_a_cut_keeps_its_age_until_its_status_changes(client, draft, translator_user, editor_user):
    marked_days_ago(draft, 10)

    save(client, translator_user, draft, lambda rows: rows[1].update(note="删去了个人回忆。"))
    ages = {section: row["age"] for section, row in report(client, editor_user).items()}
    assert ages == {"§2 格拉斯哥往事": "10 days", "§3 延伸阅读": "10 days"}

    save(client, translator_user, draft, lambda rows: rows[1].update(status="omitted"))
    ages = {section: row["age"] for section, row in report(client, editor_user).items()}
    assert ages == {"§2 格拉斯哥往事": "0 days", "§3 延伸阅读": "10 days"}


def test_rows_a_save_leaves_alone_move_on_to_its_revision(
    client, draft, translator_user, editor_user
):
    """A save that changes §1 alone: the cuts it left alone are read from the new revision
    too, so purging the older ones (``purge_revisions``) loses nothing from the report."""

    def reword_first(rows):
        rows[0]["body_zh_hans"] = "感知机是最早的神经网络之一。"

    save(client, translator_user, draft, reword_first)
    call_command("purge_revisions", days=0, stdout=io.StringIO())
    draft.refresh_from_db()
    assert Revision.objects.filter(object_id=str(draft.pk)).count() == 1

    assert set(LatestSection.objects.filter(page=draft).values_list("revision", flat=True)) == {
        draft.latest_revision_id
    }
    assert report(client, editor_user)["§2 格拉斯哥往事"]["missing"] == DROPPED
