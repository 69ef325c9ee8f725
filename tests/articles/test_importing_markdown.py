"""Markdown: structure kept as blocks, every inline mark-up reduced to plain text."""

from articles.importing.engine import (
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    parse_document,
)

SOURCE = """---
title: Superalignment, explained
author: Jane Doe
source: https://blog.example.com/superalignment
---

Superalignment
==============

Lead with **bold**, _emphasis_, `inline_code` and a [link](https://example.com/a_(b)).

Part one
--------

- first item
* second item
1. numbered item

> quoted line
> continues here

![Diagram of the idea](https://example.com/d.png "title")

```python
def f():
    return "# not a heading"
```

## Part two ##

Text with <span style="color:red">raw HTML</span> and <script>alert(1)</script>done.
"""


def blocks(text: str):
    return [(b.kind, b.text) for b in parse_document(text, format="markdown").blocks]


def test_block_structure():
    assert blocks(SOURCE) == [
        (HEADING, "Superalignment"),
        (PARAGRAPH, "Lead with bold, emphasis, inline_code and a link."),
        (HEADING, "Part one"),
        (LIST_ITEM, "first item"),
        (LIST_ITEM, "second item"),
        (LIST_ITEM, "numbered item"),
        (QUOTE, "quoted line\ncontinues here"),
        (IMAGE, ""),
        (CODE, 'def f():\n    return "# not a heading"'),
        (HEADING, "Part two"),
        (PARAGRAPH, "Text with raw HTML and done."),
    ]


def test_front_matter_and_images():
    document = parse_document(SOURCE, format="markdown")
    assert document.metadata.title == "Superalignment, explained"
    assert document.metadata.original_author == "Jane Doe"
    assert document.metadata.original_url == "https://blog.example.com/superalignment"
    image = next(b for b in document.blocks if b.kind == IMAGE)
    assert (image.alt, image.src) == ("Diagram of the idea", "https://example.com/d.png")


def test_javascript_links_and_raw_html_never_survive():
    text = "\n".join(
        t
        for _, t in blocks(
            "[click](javascript:alert(1)) [two](JaVaScRiPt:alert(1)) "
            '<img src=x onerror=alert(1)> <a href="javascript:x">a</a> '
            "![x](data:text/html,boom)\n\n<div onclick='evil()'>div text</div>"
        )
    )
    assert "click two a" in text
    assert "div text" in text
    for unsafe in ("javascript", "onerror", "onclick", "<", "data:"):
        assert unsafe not in text.lower()


def test_heading_levels():
    document = parse_document("# One\n\n### Three\n\nSetext\n---\n\ntext", format="markdown")
    assert [(b.text, b.level) for b in document.blocks if b.kind == HEADING] == [
        ("One", 1),
        ("Three", 3),
        ("Setext", 2),
    ]


def test_chinese_footer_lines_become_metadata():
    document = parse_document(
        "# 标题\n\n正文第一段，有足够的内容。\n\n原文链接：https://example.com/post\n\n"
        "作者 | Jane Doe\n\n扫码关注我们\n\n版权所有，转载请注明出处。\n\n推荐阅读\n\n- 别的文章\n",
        format="markdown",
    )
    assert [b.text for b in document.blocks] == ["标题", "正文第一段，有足够的内容。"]
    assert document.metadata.original_url == "https://example.com/post"
    assert document.metadata.original_author == "Jane Doe"
    assert document.metadata.copyright_line == "版权所有，转载请注明出处。"


def test_hard_wrapped_chinese_lines_join_without_spaces():
    assert blocks("第一行中文\n第二行中文\n\nEnglish line\nwraps here") == [
        (PARAGRAPH, "第一行中文第二行中文"),
        (PARAGRAPH, "English line\nwraps here"),
    ]
