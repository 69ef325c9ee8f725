"""Readers see exactly what an abridged section cut: the English sentences left out, marked
in the list of cuts and in the bilingual view (paired paragraph by paragraph), and a marker
in the Chinese where the cut is. None of the English when the licence keeps it back."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from articles.content.cut_sentences import coverage_record
from articles.editorial.coverage_check import accept, propose
from articles.importing.engine.coverage import section_coverage
from articles.models import ArticlePage, ArticleSection
from tests.articles.test_coverage_recheck import DROPPED, EN_CUT, ZH_CUT
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

PATH = "/articles/cuts/"
ENGLISH = [DROPPED, "OpenAI was founded in 2015", "Mr. Smith and his 3 dogs"]
MARKER = "［删节］"


def make_article(*, show_original: bool, store: bool = True) -> ArticlePage:
    page = ArticlePageFactory(
        parent=ArticleIndexPageFactory(slug="articles"),
        slug="cuts",
        licence="permission" if show_original else "excerpt",
        show_original=show_original,
    )
    coverage = coverage_record(section_coverage(EN_CUT, ZH_CUT), EN_CUT, ZH_CUT)
    ArticleSectionFactory(
        page=page,
        heading_en="Beginnings",
        heading_zh_hans="起步",
        body_en=EN_CUT,
        body_zh_hans=ZH_CUT,
        status="abridged",
        note="删去了搬家的细节。",
        coverage=coverage if store else None,
    )
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_chinese_marks_where_the_cut_is(client, home_page):
    make_article(show_original=True)
    soup = BeautifulSoup(html_of(client, PATH), "html.parser")
    section = soup.select_one("#section-1 .zh")
    markers = section.select(".cut-marker")
    assert len(markers) == 1
    assert markers[0].get_text() == MARKER and markers[0]["aria-label"]
    # In the paragraph whose English lost a sentence, at the sentence boundary where its
    # translation would have stood: after the first sentence, before the second.
    paragraph = section.select("p")[0]
    assert markers[0].find_parent("p") is paragraph
    before, after = paragraph.decode_contents().split(str(markers[0]))
    assert BeautifulSoup(before, "html.parser").get_text().endswith("等人创立。")
    assert BeautifulSoup(after, "html.parser").get_text().startswith("它在 2019 年")


def test_coverage_stored_without_places_marks_the_end_of_the_paragraph(client, home_page):
    page = make_article(show_original=True)
    section = ArticleSection.objects.get(page=page)
    for pair in section.coverage["paragraphs"]:
        pair.pop("places", None)
    ArticleSection.objects.filter(pk=section.pk).update(coverage=section.coverage)
    page.save_revision().publish()
    soup = BeautifulSoup(html_of(client, PATH), "html.parser")
    paragraph = soup.select_one("#section-1 .zh p")
    marker = paragraph.select_one(".cut-marker")
    assert marker is not None and marker is paragraph.contents[-1]


def test_the_list_of_cuts_names_the_english_left_out(client, home_page):
    make_article(show_original=True)
    soup = BeautifulSoup(html_of(client, PATH), "html.parser")
    cuts = soup.select_one("#abridgments")
    assert [m.get_text() for m in cuts.select(".cut-list mark.cut-sentence")] == [DROPPED]
    # And marked in the English original under it.
    assert [m.get_text() for m in cuts.select("details mark.cut-sentence")] == [DROPPED]


def test_the_bilingual_view_pairs_paragraphs_and_marks_the_cut(client, home_page):
    make_article(show_original=True)
    soup = BeautifulSoup(html_of(client, PATH + "?view=bilingual"), "html.parser")
    rows = soup.select("#section-1 .pair--paragraph")
    assert len(rows) == 2
    first, second = rows
    assert [m.get_text() for m in first.select(".en mark.cut-sentence")] == [DROPPED]
    assert first.select(".zh .cut-marker")
    assert "2015" in first.select_one(".zh").get_text()
    assert "Mr. Smith" in second.select_one(".en").get_text()
    assert "史密斯" in second.select_one(".zh").get_text()
    assert not second.select("mark, .cut-marker")


@pytest.mark.parametrize("query", ["", "?view=bilingual"])
def test_a_hidden_original_shows_the_marker_but_no_english(client, home_page, query):
    make_article(show_original=False)
    html = html_of(client, PATH + query)
    for phrase in ENGLISH:
        assert phrase not in html, phrase
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("#section-1 .zh .cut-marker")
    assert not soup.select("mark.cut-sentence, .pair--paragraph, .cut-list")


def test_a_stale_coverage_shows_nothing(client, home_page):
    page = make_article(show_original=True)
    ArticleSection.objects.filter(page=page).update(
        body_zh_hans=ZH_CUT.replace("狗", "猫"), body_en=EN_CUT
    )
    page.save_revision().publish()
    html = html_of(client, PATH + "?view=bilingual")
    assert "cut-marker" not in html and "cut-sentence" not in html


def test_accepting_a_recheck_and_publishing_reaches_a_cached_page(client, home_page, editor_user):
    page = make_article(show_original=True, store=False)
    ArticleSection.objects.filter(page=page).update(status="full", note="")
    page.save_revision().publish()
    assert "cut-marker" not in html_of(client, PATH)  # now in the fragment cache

    page = ArticlePage.objects.get(pk=page.pk)
    check = propose(page)
    revision = accept(
        page,
        [p.key for p in check.changes],
        user=editor_user,
        loaded_revision_id=check.revision_id,
    )
    page = ArticlePage.objects.get(pk=page.pk)
    draft = revision.as_object()
    draft.sections.get_object_list()[0].note = "删去了搬家的细节。"
    draft.save_revision(user=editor_user).publish()
    html = html_of(client, PATH)
    assert MARKER in html and DROPPED in html
