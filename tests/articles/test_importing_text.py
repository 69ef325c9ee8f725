"""Plain text: blank lines separate paragraphs; headings and bullets recognised by shape."""

import pytest

from articles.importing.engine import HEADING, LIST_ITEM, PARAGRAPH, detect_format, parse_document


def test_paragraphs_headings_and_bullets():
    text = (
        "Why Superalignment Matters\n\n"
        "The first paragraph explains the stakes in a full sentence, long enough.\n\n"
        "一、背景\n\n"
        "这是第一部分的正文，比标题长得多，说明了背景。\n\n"
        "- first point\n- second point\n\n"
        "A short line that ends a thought.\n\n"
    )
    document = parse_document(text, format="text")
    assert [(b.kind, b.text) for b in document.blocks] == [
        (HEADING, "Why Superalignment Matters"),
        (PARAGRAPH, "The first paragraph explains the stakes in a full sentence, long enough."),
        (HEADING, "一、背景"),
        (PARAGRAPH, "这是第一部分的正文，比标题长得多，说明了背景。"),
        (LIST_ITEM, "first point"),
        (LIST_ITEM, "second point"),
        (PARAGRAPH, "A short line that ends a thought."),
    ]
    assert document.metadata.title == "Why Superalignment Matters"


def test_text_that_looks_like_html_stays_text_when_said_to_be_text():
    document = parse_document("<script>alert(1)</script> is how the attack starts.", format="text")
    assert document.blocks[0].text == "<script>alert(1)</script> is how the attack starts."


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", "", "html"),
        ("<div><p>a</p><p>b</p><p>c</p><br><span>d</span></div>", "", "html"),
        ("# Title\n\n- item\n- item", "", "markdown"),
        ("Just text.\n\nMore text.", "", "text"),
        ("# anything", "notes.txt", "text"),
        ("plain", "page.HTM", "html"),
    ],
)
def test_format_detection(text, filename, expected):
    assert detect_format(text, filename) == expected
