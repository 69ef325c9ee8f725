from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from articles.models import ArticlePage, ArticleSection
from tests.factories import ArticlePageFactory, ArticleSectionFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def test_translatable_fields_have_a_column_per_language():
    names = {field.name for field in ArticleSection._meta.get_fields()}
    assert {"heading_en", "heading_zh_hans", "body_en", "body_zh_hans"} <= names
    page_names = {field.name for field in ArticlePage._meta.get_fields()}
    assert {"headline_en", "headline_zh_hans", "summary_en", "summary_zh_hans"} <= page_names


def test_headline_reads_the_active_language_and_falls_back_to_chinese(home_page):
    page = ArticlePageFactory(headline_zh_hans="深度学习简史", headline_en="")
    with translation.override("zh-hans"):
        assert ArticlePage.objects.get(pk=page.pk).headline == "深度学习简史"
    with translation.override("en"):
        assert ArticlePage.objects.get(pk=page.pk).headline == "深度学习简史"
        page.headline_en = "A short history"
        page.save()
        assert ArticlePage.objects.get(pk=page.pk).headline == "A short history"


def test_sections_are_ordered_children_reached_as_page_sections(home_page):
    page = ArticlePageFactory()
    first = ArticleSectionFactory(page=page, sort_order=1, heading_en="Second")
    second = ArticleSectionFactory(page=page, sort_order=0, heading_en="First")
    assert list(page.sections.all()) == [second, first]


def test_sections_survive_a_revision_round_trip_in_both_languages(home_page):
    page = ArticlePageFactory()
    page.sections.add(
        ArticleSection(
            heading_en="Origins",
            heading_zh_hans="起源",
            body_en="<p>In 1958 Rosenblatt built the perceptron.</p>",
            body_zh_hans="<p>1958 年，罗森布拉特造出了感知机。</p>",
            ai_draft="1958 年，罗森布拉特建造了感知器。",
            status="full",
        )
    )
    with translation.override("en"):
        revision = page.save_revision()
    with translation.override("zh-hans"):
        restored = revision.as_object().sections.all()[0]
    assert restored.heading_en == "Origins"
    assert restored.heading_zh_hans == "起源"
    assert restored.body_zh_hans == "<p>1958 年，罗森布拉特造出了感知机。</p>"
    assert restored.ai_draft == "1958 年，罗森布拉特建造了感知器。"


@pytest.mark.parametrize(
    ("status", "note", "body_en", "body_zh", "field"),
    [
        ("abridged", "", "<p>Long text.</p>", "<p>短文。</p>", "note"),
        ("omitted", " ", "<p>Long text.</p>", "", "note"),
        ("full", "", "<p>Text.</p>", "", "body_zh_hans"),
        ("added", "", "", "<p></p>", "body_zh_hans"),
        ("full", "", "", "<p>中文。</p>", "body_en"),
    ],
)
def test_section_rules_reject_inconsistent_sections(status, note, body_en, body_zh, field):
    section = ArticleSection(status=status, note=note, body_en=body_en, body_zh_hans=body_zh)
    with pytest.raises(ValidationError) as excinfo:
        section.clean()
    assert field in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("status", "note", "body_en", "body_zh"),
    [
        ("pending", "", "<p>Text.</p>", ""),
        ("full", "", "<p>Text.</p>", "<p>文字。</p>"),
        ("abridged", "删去了一段旁白。", "<p>Text. More.</p>", "<p>文字。</p>"),
        ("omitted", "与主题无关。", "<p>Text.</p>", ""),
        ("added", "", "", "<p>编者按。</p>"),
    ],
)
def test_section_rules_accept_consistent_sections(status, note, body_en, body_zh):
    ArticleSection(status=status, note=note, body_en=body_en, body_zh_hans=body_zh).clean()


def test_quote_is_chosen_not_copied(home_page):
    quote = QuoteFactory(text_zh_hans="旧译文。")
    section = ArticleSectionFactory(quote=quote)
    quote.text_zh_hans = "新译文。"
    quote.save()
    section.refresh_from_db()
    assert section.quote.text_zh_hans == "新译文。"


def test_person_lists_aliases_and_misspellings_line_by_line():
    person = PersonFactory(aliases="Ilya\n  Ilya S. \n\n", misspellings="IIya Sutskever")
    assert person.alias_list == ["Ilya", "Ilya S."]
    assert person.misspelling_list == ["IIya Sutskever"]


def test_person_links_must_be_web_addresses():
    person = PersonFactory.build(links="https://example.com/a\njavascript:alert(1)")
    with pytest.raises(ValidationError):
        person.full_clean()
