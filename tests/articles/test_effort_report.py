"""The "Post-editing effort" report: figures on known inputs (the review view's figures),
filters, sorting, export, permissions, caching, and a query count that does not grow."""

import csv
import datetime
import io
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

import pytest
from openpyxl import load_workbook

from articles.models import ArticlePage
from articles.review.effort_report import EffortReportView
from articles.review.rows import build_review
from tests.admin_refusal import refused
from tests.factories import ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/post-editing/"
LIST_EXPORT = ["page_id", "title", "sections", "effort_export", "models_label", "last_drafted"]
WHEN = timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0))


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def drafted(page, draft, final, model="qwen2.5-72b", when=WHEN, **kwargs):
    return ArticleSectionFactory(
        page=page,
        ai_draft=draft,
        body_zh_hans=f"<p>{final}</p>" if final else "",
        ai_draft_model=model,
        ai_drafted_at=when,
        **kwargs,
    )


def publish(page) -> ArticlePage:
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def listed(html: str) -> list[tuple[int, str]]:
    """(page id, effort cell) per row, in order."""
    return [
        (int(pk), effort)
        for pk, effort in re.findall(
            r'data-effort-row="(\d+)">.*?<td data-effort>([^<]*)</td>', html, re.S
        )
    ]


@pytest.fixture
def articles(home_page):
    """Three articles: 25% changed, untouched, and one with a draft but no translation."""
    changed = ArticlePageFactory(headline_zh_hans="改了四分之一")
    drafted(changed, "甲乙丙丁", "甲乙丙戊")
    untouched = ArticlePageFactory(headline_zh_hans="原样采用")
    drafted(untouched, "深度学习改变了世界", "深度学习改变了世界", model="gpt-4o")
    untranslated = ArticlePageFactory(headline_zh_hans="尚未翻译")
    drafted(untranslated, "还没有人动过", "")
    ArticleSectionFactory(page=ArticlePageFactory(headline_zh_hans="没有初稿"))
    return [publish(page) for page in (changed, untouched, untranslated)]


def test_known_inputs_give_known_figures(client, editor_user, articles):
    changed, untouched, untranslated = articles
    client.force_login(editor_user)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    # Sorted by effort, most changed first; no figure last; articles without drafts absent.
    assert listed(html) == [(changed.pk, "25%"), (untouched.pk, "0%"), (untranslated.pk, "—")]
    assert "没有初稿" not in html
    row = response.context["object_list"][0]
    assert (row.sections, row.models, row.last_drafted) == (1, ["qwen2.5-72b"], WHEN)
    assert f'href="/admin/articles/{changed.pk}/review/"' in html
    assert f'href="/admin/pages/{changed.pk}/edit/"' in html
    # The effort column says it is the sort order, and its link flips it.
    assert f'<th aria-sort="descending"><a href="{REPORT}?ordering=effort">' in html


def test_article_figure_is_weighted_by_draft_length_like_the_review_view(
    client, editor_user, home_page
):
    page = ArticlePageFactory()
    drafted(page, "甲乙丙丁", "甲乙丙戊")
    drafted(page, "深度学习改变了世界的面貌", "深度学习改变了世界的面貌")
    drafted(page, "第一段。\n\n  第二段。", "第一段。</p><p>第二段。")  # paragraphs: unchanged
    page = publish(page)
    client.force_login(editor_user)
    (row,) = client.get(REPORT).context["object_list"]
    # 0.25 × 4 / (4 + 12 + 9)
    assert row.effort == pytest.approx(0.04)
    assert row.effort == pytest.approx(build_review(page).effort)


def test_the_latest_revision_is_what_counts(client, editor_user, home_page):
    """The translator's last saved text, as in the review view, not only what is live."""
    page = publish(ArticlePageFactory())
    section = drafted(page, "甲乙丙丁", "甲乙丙丁")
    page = publish(page)
    client.force_login(editor_user)
    assert listed(client.get(REPORT).content.decode()) == [(page.pk, "0%")]

    draft = page.get_latest_revision_as_object()
    (editing,) = [s for s in draft.sections.get_object_list() if s.pk == section.pk]
    editing.body_zh_hans = "<p>甲乙戊己</p>"
    draft.save_revision()
    assert listed(client.get(REPORT).content.decode()) == [(page.pk, "50%")]
    assert build_review(ArticlePage.objects.get(pk=page.pk)).effort == pytest.approx(0.5)


def test_filter_by_model_narrows_the_sections_counted(client, editor_user, home_page):
    page = ArticlePageFactory()
    drafted(page, "甲乙丙丁", "甲乙丙丁", model="model-a")
    drafted(page, "甲乙丙丁", "戊己庚辛", model="model-b")
    other = ArticlePageFactory()
    drafted(other, "甲乙丙丁", "甲乙丙戊", model="model-a")
    page, other = publish(page), publish(other)
    client.force_login(editor_user)

    assert listed(client.get(REPORT).content.decode()) == [(page.pk, "50%"), (other.pk, "25%")]
    assert listed(client.get(REPORT, {"model": "model-a"}).content.decode()) == [
        (other.pk, "25%"),
        (page.pk, "0%"),
    ]
    by_b = client.get(REPORT, {"model": "model-b"})
    assert listed(by_b.content.decode()) == [(page.pk, "100%")]
    assert by_b.context["object_list"][0].sections == 1


def test_filter_by_drafting_date(client, editor_user, home_page):
    early, late = ArticlePageFactory(), ArticlePageFactory()
    drafted(early, "甲乙丙丁", "甲乙丙戊", when=WHEN)
    drafted(late, "甲乙丙丁", "甲乙丙丁", when=WHEN + datetime.timedelta(days=30))
    early, late = publish(early), publish(late)
    client.force_login(editor_user)
    march = client.get(REPORT, {"drafted_from": "2025-03-01", "drafted_to": "2025-03-31"})
    assert listed(march.content.decode()) == [(early.pk, "25%")]
    april = client.get(REPORT, {"drafted_from": "2025-04-01"})
    assert listed(april.content.decode()) == [(late.pk, "0%")]


@pytest.mark.parametrize(
    "ordering, expected",
    [
        ("effort", ["原样采用", "改了四分之一", "尚未翻译"]),
        ("-effort", ["改了四分之一", "原样采用", "尚未翻译"]),
        ("title", ["原样采用", "尚未翻译", "改了四分之一"]),
    ],
)
def test_sorting(client, editor_user, articles, ordering, expected):
    client.force_login(editor_user)
    rows = client.get(REPORT, {"ordering": ordering}).context["object_list"]
    if ordering == "title":
        expected = sorted(expected, key=str.casefold)
    assert [row.title for row in rows] == expected


def test_csv_and_xlsx_exports_have_the_rows(client, editor_user, articles):
    changed, untouched, untranslated = articles
    client.force_login(editor_user)
    response = client.get(REPORT, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    with translation.override("zh-hans"):  # the admin's language in tests
        assert rows[0] == [str(EffortReportView.export_headings[f]) for f in LIST_EXPORT]
    assert [row[:5] for row in rows[1:]] == [
        [str(changed.pk), "改了四分之一", "1", "25.0", "qwen2.5-72b"],
        [str(untouched.pk), "原样采用", "1", "0.0", "gpt-4o"],
        [str(untranslated.pk), "尚未翻译", "1", "", "qwen2.5-72b"],
    ]

    response = client.get(REPORT, {"export": "xlsx", "model": "gpt-4o"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[2]][:4] == [untouched.pk, "原样采用", 1, 0.0]
    assert sheet.max_row == 2


def test_translators_and_outsiders_are_refused(
    client, translator_user, articles, django_user_model
):
    client.force_login(translator_user)
    response = client.get(REPORT)
    assert refused(response)
    assert "改了四分之一" not in response.content.decode()
    assert refused(client.get(REPORT, {"export": "csv"}))

    outsider = django_user_model.objects.create_user("outsider", password="x", is_staff=True)
    client.force_login(outsider)
    assert client.get(REPORT).status_code in (302, 403)

    client.logout()
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_reviewers_and_superusers_see_it_and_its_menu_item(
    client, reviewer_user, articles, admin_user
):
    for user in (reviewer_user, admin_user):
        client.force_login(user)
        assert client.get(REPORT).status_code == 200
        assert REPORT in client.get("/admin/").content.decode()


def test_titles_are_escaped(client, editor_user, home_page):
    page = ArticlePageFactory(headline_zh_hans="<script>alert(1)</script>")
    drafted(page, "甲乙丙丁", "甲乙丙戊")
    publish(page)
    client.force_login(editor_user)
    html = client.get(REPORT).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def make_articles(count: int):
    for n in range(count):
        page = ArticlePageFactory()
        for m in range(3):
            drafted(page, "甲乙丙丁", "甲乙丙戊" if m else "甲乙丙丁", model=f"model-{n % 2}")
        publish(page)


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(REPORT)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_articles(client, editor_user, home_page):
    client.force_login(editor_user)
    make_articles(3)
    cache.clear()
    few = count_queries(client)
    make_articles(9)  # four times as many: any per-article query shows
    cache.clear()
    many = count_queries(client)
    assert many == few
    # With every figure cached, the texts and revisions are not read at all.
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT).status_code == 200
    read = "\n".join(query["sql"] for query in queries)
    assert '"articles_articlesection"."body_zh_hans"' not in read
    assert '"wagtailcore_revision"."content"' not in read
    assert len(client.get(REPORT).context["object_list"]) == 12


def test_a_cached_figure_follows_new_drafts(client, editor_user, home_page):
    page = ArticlePageFactory()
    section = drafted(page, "甲乙丙丁", "甲乙丙丁")
    page = publish(page)
    client.force_login(editor_user)
    assert listed(client.get(REPORT).content.decode()) == [(page.pk, "0%")]
    # A new draft as the drafting job writes it: the row and a new revision.
    section.ai_draft, section.ai_drafted_at = "甲乙戊己", WHEN + datetime.timedelta(hours=1)
    section.save()
    page.get_latest_revision_as_object().save_revision()
    assert listed(client.get(REPORT).content.decode()) == [(page.pk, "50%")]
