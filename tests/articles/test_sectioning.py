"""Sections: a heading and what follows it; text before the first heading is the lead."""

from articles.importing.engine import (
    HEADING,
    PARAGRAPH,
    Block,
    Document,
    Metadata,
    parse_document,
    split_sections,
)


def test_lead_then_headings_in_both_languages():
    document = parse_document(
        "编者按：本周的新闻。\n\n一、背景\n\n背景的正文，比标题长很多很多。\n\n"
        "Part 2\n\nEnglish body text that is long enough to be a paragraph.",
        format="text",
    )
    sections = split_sections(document)
    assert [(s.heading, [b.text for b in s.paragraphs]) for s in sections] == [
        ("", ["编者按：本周的新闻。"]),
        ("一、背景", ["背景的正文，比标题长很多很多。"]),
        ("Part 2", ["English body text that is long enough to be a paragraph."]),
    ]


def test_title_heading_is_not_a_section():
    document = parse_document("# Title\n\nLead.\n\n## One\n\nBody.\n\n## Two\n", format="markdown")
    sections = split_sections(document)
    assert [(s.heading, s.level, len(s.paragraphs)) for s in sections] == [
        ("", 0, 1),
        ("One", 2, 1),
        ("Two", 2, 0),
    ]
    assert sections[1].texts() == ["One", "Body."]


def test_several_top_level_headings_are_all_sections():
    document = Document(
        [Block(HEADING, "A", 1), Block(PARAGRAPH, "a"), Block(HEADING, "B", 1)], Metadata()
    )
    assert [s.heading for s in split_sections(document)] == ["A", "B"]


def test_no_heading_at_all():
    document = Document([Block(PARAGRAPH, "a"), Block(PARAGRAPH, "b")])
    [section] = split_sections(document)
    assert section.heading == "" and section.texts() == ["a", "b"]
