"""The import service: crafted original/translation pairs planned, then created as drafts."""

from unittest import mock

from django.utils import translation

from wagtail.models import PageLogEntry

import pytest

from articles.importing.adapter import Source, create_article, existing_article, plan_import
from articles.importing.engine import ImportInputError
from articles.models import ArticlePage
from people.models import Quote
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, PersonFactory

from .test_alignment import EN, ZH


@pytest.fixture(autouse=True)
def english_messages(settings):
    """These tests read the importer's warnings and errors in English (the default language
    is Chinese)."""
    settings.LANGUAGE_CODE = "en"


URL = "https://example.com/superalignment"


def in_chinese(note) -> str:
    """The aligner's note as a Chinese-speaking editor reads it."""
    with translation.override("zh-hans"):
        return str(note)


def history_comment(entry) -> str:
    """A log entry's comment as the page history shows it to a Chinese-speaking editor."""
    with translation.override("zh-hans"):
        return entry.formatter.format_comment(entry)


LEAD = (
    "编者按：本周多位前 OpenAI 员工发表公开信，超级对齐再次成为热议话题。以下是一篇回顾文章的编译。"
)


def markdown(title: str, paragraphs: list[str], headings: dict[int, str]) -> str:
    lines = [f"# {title}"]
    for index, paragraph in enumerate(paragraphs):
        if index in headings:
            lines.append(f"## {headings[index]}")
        lines.append(paragraph)
    return "\n\n".join(lines)


def english(paragraphs=EN[1:], headings=None) -> Source:
    text = markdown("Superalignment, a year on", list(paragraphs), headings or {})
    return Source(text, format="markdown")


def chinese(paragraphs=ZH[1:], headings=None) -> Source:
    text = markdown("超级对齐一年后", list(paragraphs), headings or {})
    return Source(f"{text}\n\n原文链接：{URL}", format="markdown")


def plan(original, translation, **kwargs):
    kwargs.setdefault("people", [])
    kwargs.setdefault("anchors", [])
    return plan_import(original, translation, **kwargs)


def group_kinds(result):
    return [(g.en, g.zh, g.kind) for g in result.alignment]


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory()


def test_faithful_pair_is_full_and_covers_every_paragraph_once():
    result = plan(english(), chinese())
    assert [s.status for s in result.sections] == ["full"]
    assert result.title_en == "Superalignment, a year on"
    assert result.title_zh == "超级对齐一年后"
    en_seen = [i for g in result.alignment for i in g.en]
    zh_seen = [j for g in result.alignment for j in g.zh]
    assert en_seen == sorted(en_seen) and len(set(en_seen)) == len(en_seen)
    assert zh_seen == sorted(zh_seen) and len(set(zh_seen)) == len(zh_seen)
    # Title first, then the paragraphs in document order, counted from 0.
    assert group_kinds(result)[0] == ([0], [0], "full")
    assert all(kind == "full" for _, _, kind in group_kinds(result))


def test_omitted_paragraph_is_flagged_with_evidence():
    zh = ZH[1:4] + ZH[5:]  # EN[4] has no translation
    result = plan(english(), chinese(zh))
    assert ([4], [], "omitted") in group_kinds(result)
    (section,) = result.sections
    assert section.status == "abridged"
    assert section.omitted == [4]
    assert "原文第 4 段无对应译文" in in_chinese(section.evidence)
    assert "译文长度约为预期的" in in_chinese(section.evidence)


def test_shortened_paragraph_is_abridged():
    zh = list(ZH[1:])
    zh[4] = "不到一年后，两位负责人相继离开公司。"
    result = plan(english(), chinese(zh))
    assert ([5], [5], "abridged") in group_kinds(result)
    (section,) = result.sections
    assert section.status == "abridged"
    assert section.abridged == [5]
    assert "原文第 5 段的译文明显偏短" in in_chinese(section.evidence)


def test_editors_lead_is_an_added_section():
    original = english(EN, {0: "Why", 3: "The plan", 5: "Aftermath"})
    zh = [LEAD, *ZH[:3], ZH[5], "这段经历至今仍在影响这场讨论。", ZH[7]]
    result = plan(original, chinese(zh, {1: "超级对齐为何重要", 4: "余波"}))
    statuses = [s.status for s in result.sections]
    assert statuses == ["added", "full", "omitted", "abridged"]
    lead = result.sections[0]
    assert [p.text for p in lead.paragraphs_zh] == [LEAD]
    assert lead.paragraphs_en == []
    assert result.sections[2].heading_en == "The plan"
    assert in_chinese(result.sections[2].evidence).startswith("自动对齐：整节无对应译文")
    assert ([], [1], "added") in group_kinds(result)


def test_original_only_is_pending_with_no_alignment():
    result = plan(english(EN, {3: "The plan"}), None)
    assert [s.status for s in result.sections] == ["pending", "pending"]
    assert [s.heading_en for s in result.sections] == ["", "The plan"]
    assert result.alignment == []
    assert result.sections[0].paragraphs_zh == []
    assert any("No translation" in w for w in result.warnings)
    assert any("No address of the original" in w for w in result.warnings)


def test_translation_only_is_pending_with_the_original_not_attached():
    result = plan(None, chinese(ZH, {3: "计划"}))
    assert [s.status for s in result.sections] == ["pending", "pending"]
    assert [s.original_attached for s in result.sections] == [False, False]
    assert all(g.kind == "added" and not g.en for g in result.alignment)
    assert [j for g in result.alignment for j in g.zh] == list(range(len(ZH) + 2))
    assert any("No original" in w for w in result.warnings)
    # The translation's footer names the original.
    assert result.original_url == URL


def test_neither_side_is_an_error():
    with pytest.raises(ImportInputError, match="Give the English original"):
        plan(None, None)


@pytest.mark.parametrize(
    ("original", "translation", "words"),
    [
        ("", chinese(), "English original: The text is empty"),
        (english(), "An English text.\n\nAgain in English.", "Chinese translation:"),
        (chinese(), chinese(), "swapped"),
    ],
)
def test_bad_input_names_the_side(original, translation, words):
    with pytest.raises(ImportInputError) as caught:
        plan(original, translation)
    assert words in caught.value.message


@pytest.mark.django_db
def test_people_are_linked_and_unknown_names_listed():
    ilya = PersonFactory(name_en="Ilya Sutskever", name_zh_hans="伊利亚·苏茨克维", slug="ilya")
    zh = list(ZH[1:])
    zh[1] = zh[1].replace("Ilya Sutskever", "伊利亚·苏茨克维")
    result = plan_import(english(), chinese(zh))
    assert result.people == [ilya.pk]
    assert "Leike" in " ".join(result.candidates)
    assert "Ilya Sutskever" not in result.candidates


@pytest.mark.django_db
def test_quotations_are_offered_in_both_languages():
    leike = PersonFactory(name_en="Jan Leike", name_zh_hans="扬·莱克", slug="jan-leike")
    en = list(EN[1:]) + [
        'Jan Leike said: "Safety culture and processes have taken a back seat to shiny products."'
    ]
    zh = list(ZH[1:]) + ["扬·莱克说：“安全文化和流程已经让位于光鲜的产品。”"]
    result = plan_import(english(en), chinese(zh))
    offer = next(q for q in result.quotes if q.text_zh == "安全文化和流程已经让位于光鲜的产品。")
    assert offer.text_en == "Safety culture and processes have taken a back seat to shiny products."
    assert offer.speaker_id == leike.pk


def test_create_article_makes_a_draft_with_statuses_notes_and_people(index, editor_user):
    ilya = PersonFactory(name_en="Ilya Sutskever", name_zh_hans="伊利亚·苏茨克维", slug="ilya")
    zh = ZH[1:4] + ZH[5:]
    result = plan_import(english(), chinese(zh))
    page = create_article(result, index, editor_user)

    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_parent().pk == index.pk
    assert page.title == "超级对齐一年后"
    assert page.original_title == "Superalignment, a year on"
    assert page.original_url == URL
    assert page.slug == "superalignment-a-year-on"
    assert page.latest_revision is not None
    assert page.latest_revision.user == editor_user
    (section,) = page.sections.all()
    assert section.status == "abridged"
    # The aligner's note is for editors (the history); readers' note waits for a person.
    assert section.note == ""
    assert any(
        history_comment(entry).startswith("自动对齐：原文第 4 段无对应译文")
        for entry in PageLogEntry.objects.filter(page=page)
    )
    assert section.body_en.startswith("<p>In 2023, OpenAI")
    assert section.body_zh_hans.startswith("<p>2023 年")
    assert list(page.people_mentioned.all()) == [ilya]


def test_create_article_uses_the_editors_decisions(index, editor_user):
    original = english(EN, {0: "Why", 3: "The plan", 5: "Aftermath"})
    zh = [LEAD, *ZH[:3], ZH[5], "这段经历至今仍在影响这场讨论。", ZH[7]]
    result = plan(original, chinese(zh, {1: "超级对齐为何重要", 4: "余波"}))
    page = create_article(
        result,
        index,
        editor_user,
        accepted_statuses={3: "full"},
        overrides={"notes": {2: "Background the Chinese reader already knows."}},
    )
    sections = list(page.sections.all())
    assert [s.status for s in sections] == ["added", "full", "omitted", "full"]
    assert sections[2].note == "Background the Chinese reader already knows."
    assert sections[3].note == ""
    assert sections[0].heading_en == "" and sections[0].body_zh_hans == f"<p>{LEAD}</p>"


def test_section_rules_refuse_an_impossible_status_and_nothing_is_saved(index, editor_user):
    original = english(EN, {0: "Why", 3: "The plan", 5: "Aftermath"})
    zh = [*ZH[:3], ZH[5], ZH[6], ZH[7]]
    result = plan(original, chinese(zh, {0: "超级对齐为何重要", 3: "余波"}))
    omitted = next(n for n, s in enumerate(result.sections) if s.status == "omitted")
    with pytest.raises(ImportInputError, match=r"Section 2 \(The plan\)"):
        create_article(result, index, editor_user, accepted_statuses={omitted: "full"})
    assert not ArticlePage.objects.exists()


def test_translation_only_article_is_created_as_pending(index, editor_user):
    page = create_article(plan(None, chinese(ZH, {3: "计划"})), index, editor_user)
    assert {s.status for s in page.sections.all()} == {"pending"}
    assert page.original_url == URL


def test_escaped_text_only(index, editor_user):
    en = ["<script>alert(1)</script> is how the attack starts, in 2023 and today."]
    zh = ["<script>alert(1)</script> 是攻击在 2023 年以及今天开始的方式。"]
    result = plan(Source("\n\n".join(en), format="text"), Source("\n\n".join(zh), format="text"))
    with pytest.raises(ImportInputError, match="no title"):
        create_article(result, index, editor_user, overrides={"original_url": URL})
    overrides = {"original_url": URL, "title": "<b>标题</b>"}
    page = create_article(result, index, editor_user, overrides=overrides)
    section = page.sections.get()
    assert "<script>" not in section.body_en + section.body_zh_hans
    assert "&lt;script&gt;" in section.body_en


def test_double_import_names_the_existing_article(index, editor_user):
    first = create_article(plan(english(), chinese()), index, editor_user)
    with pytest.raises(ImportInputError) as caught:
        create_article(plan(english(), chinese()), index, editor_user)
    assert first.title in caught.value.message and str(first.pk) in caught.value.message
    assert ArticlePage.objects.count() == 1
    assert existing_article(index, URL + "/") == first
    # Another index may hold its own article on the same original.
    create_article(plan(english(), chinese()), ArticleIndexPageFactory(), editor_user)
    assert ArticlePage.objects.count() == 2


def test_existing_article_found_whatever_its_slug(index, editor_user):
    ArticlePageFactory(parent=index, original_url=URL, live=False)
    with pytest.raises(ImportInputError, match="already imported"):
        create_article(plan(english(), chinese()), index, editor_user)


def test_failure_midway_leaves_nothing(index, editor_user):
    result = plan(english(), chinese())
    with (
        mock.patch.object(ArticlePage, "save_revision", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        create_article(result, index, editor_user)
    assert not ArticlePage.objects.exists()
    assert index.get_children_count() == 0


def test_missing_original_address_is_asked_for(index, editor_user):
    result = plan(Source("\n\n".join(EN), format="text"), Source("\n\n".join(ZH), format="text"))
    assert any("No address of the original" in w for w in result.warnings)
    with pytest.raises(ImportInputError, match="address of the original is unknown"):
        create_article(result, index, editor_user)
    with pytest.raises(ImportInputError, match="not a web address"):
        create_article(result, index, editor_user, overrides={"original_url": "javascript:x"})
    assert not ArticlePage.objects.exists()


def test_chosen_quotes_become_snippets(index, editor_user):
    leike = PersonFactory(name_en="Jan Leike", name_zh_hans="扬·莱克", slug="jan-leike")
    en = list(EN[1:]) + [
        'Jan Leike said: "Safety culture and processes have taken a back seat to shiny products."'
    ]
    zh = list(ZH[1:]) + ["扬·莱克说：“安全文化和流程已经让位于光鲜的产品。”"]
    result = plan_import(english(en), chinese(zh))
    chosen = next(n for n, q in enumerate(result.quotes) if q.speaker_id == leike.pk)
    create_article(result, index, editor_user, overrides={"quotes": [chosen]})
    quote = Quote.objects.get()
    assert quote.speaker == leike
    assert quote.text_zh_hans == "安全文化和流程已经让位于光鲜的产品。"
    assert quote.source_url == URL


def test_plain_text_paragraph_indexes_count_blank_line_blocks():
    en = Source("\n\n".join(EN[1:]), format="text")
    zh = Source("\n\n".join(ZH[1:4] + ZH[5:]), format="text")
    result = plan(en, zh)
    assert ([3], [], "omitted") in group_kinds(result)
    assert [i for g in result.alignment for i in g.en] == list(range(len(EN) - 1))
