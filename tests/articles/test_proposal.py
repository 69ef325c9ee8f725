"""Section status proposals and people/quote mentions offered to the editor."""

from articles.importing.engine import parse_document, split_sections
from articles.importing.engine.proposal import find_mentions, propose
from articles.review.engine.checks.values import PersonNames

from .test_alignment import EN, ZH

ILYA = PersonNames(
    id=7,
    names_en=("Ilya Sutskever", "Ilya"),
    names_zh=("伊利亚·苏茨克维",),
    misspellings=("IIya",),
)
LEIKE = PersonNames(id=8, names_en=("Jan Leike",), names_zh=("扬·莱克",))


def sections(paragraphs: list[str], headings: dict[int, str], fmt: str = "markdown"):
    lines = []
    for index, paragraph in enumerate(paragraphs):
        if index in headings:
            lines.append(f"## {headings[index]}")
        lines.append(paragraph)
    return split_sections(parse_document("\n\n".join(lines), format=fmt))


EN_HEADINGS = {3: "The plan", 5: "Aftermath"}
ZH_HEADINGS = {3: "计划", 5: "余波"}


def statuses(proposal):
    return [(p.en_sections, p.zh_sections, p.status) for p in proposal.sections]


def test_faithful_translation_is_full_everywhere():
    proposal = propose(sections(EN, EN_HEADINGS), sections(ZH, ZH_HEADINGS))
    assert statuses(proposal) == [([0], [0], "full"), ([1], [1], "full"), ([2], [2], "full")]
    assert all(0.0 < p.confidence <= 1.0 for p in proposal.sections)
    assert all(0.7 < p.evidence.length_ratio < 1.4 for p in proposal.sections)


def test_added_lead_omitted_section_and_abridged_section():
    lead = (
        "编者按：本周多位前 OpenAI 员工发表公开信，超级对齐再次成为热议话题。"
        "以下是一篇回顾文章的编译。"
    )
    zh = [lead, *ZH[:3], ZH[5], "这段经历至今仍在影响这场讨论。", ZH[7]]
    zh_sections = sections(zh, {1: "超级对齐为何重要", 4: "余波"})
    en_sections = sections(EN, {0: "Why", 3: "The plan", 5: "Aftermath"})
    proposal = propose(en_sections, zh_sections)
    assert statuses(proposal) == [
        ([], [0], "added"),
        ([0], [1], "full"),
        ([1], [], "omitted"),
        ([2], [2], "abridged"),
    ]
    aftermath = proposal.sections[3].evidence
    assert [ref.text for ref in aftermath.abridged] == [EN[6]]
    assert aftermath.length_ratio < 0.8
    assert [ref.text for ref in proposal.sections[2].evidence.omitted] == ["The plan", *EN[3:5]]


def test_people_found_by_name_alias_chinese_part_and_misspelling():
    text = (
        "伊利亚·苏茨克维说，对齐很难。后来 IIya 又补充了一句；"
        "Ilya Sutskever 和 Jan Leike 都离开了，苏茨克维没有回应。"
    )
    found = find_mentions(text, [ILYA, LEIKE])
    assert [(m.person_id, m.matched, m.misspelling) for m in found.people] == [
        (7, "伊利亚·苏茨克维", False),
        (7, "IIya", True),
        (7, "Ilya Sutskever", False),
        (8, "Jan Leike", False),
        (7, "苏茨克维", False),
    ]
    assert found.person_ids == [7, 8]
    assert found.candidates == []


def test_case_of_a_misspelling_matters():
    found = find_mentions("iiya and ILYA", [ILYA])
    assert [(m.matched, m.misspelling) for m in found.people] == [("ILYA", False)]


def test_unknown_names_are_candidates_and_products_are_not():
    found = find_mentions("OpenAI 的 Sam Altman 和 Ilya 谈到了 GPT-5。", [ILYA])
    assert found.candidates == ["Sam Altman"]
    english = find_mentions("Yesterday Sam Altman met Ilya in San Francisco.", [ILYA])
    assert "Sam Altman" in english.candidates and "Ilya" not in english.candidates


def test_quotations_are_offered_with_their_speaker():
    text = (
        "伊利亚·苏茨克维说：“我们必须在 2027 年之前解决对齐问题。”"
        "他把这称为“树”。Jan Leike said: safety culture has taken a back seat to shiny products.\n"
        "「对齐不是产品功能，而是一门科学」"
    )
    quotes = find_mentions(text, [ILYA, LEIKE]).quotes
    # The last quotation names no speaker: it is not offered.
    assert [(q.text, q.speaker_id) for q in quotes] == [
        ("我们必须在 2027 年之前解决对齐问题。", 7),
        ("safety culture has taken a back seat to shiny products.", 8),
    ]
    assert text[quotes[0].start : quotes[0].end] == quotes[0].text
