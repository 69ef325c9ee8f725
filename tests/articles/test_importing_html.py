"""Saved web pages: article text kept as plain blocks, site furniture dropped, footer facts kept."""

from pathlib import Path

import pytest

from articles.importing.engine import (
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    parse_document,
)

FIXTURE = Path(__file__).parent / "fixtures" / "scraped_zh_article.html"


@pytest.fixture(scope="module")
def page():
    return parse_document(FIXTURE.read_bytes(), filename=FIXTURE.name)


def all_text(document) -> str:
    return "\n".join(f"{b.text} {b.alt} {b.src}" for b in document.blocks)


def test_article_blocks_survive_in_order(page):
    # The line handing over to the translation ("本文借助 AI … 原文链接：阅读原文") is
    # neither the editor's note before it nor the translation after it.
    expected = [
        (PARAGRAPH, "编者按：本周，O"),
        (HEADING, "一、为什么是现在"),
        (PARAGRAPH, "他说：“我们必须"),
        (PARAGRAPH, "根据他的估计，目"),
        (HEADING, "二、接下来怎么做"),
        (LIST_ITEM, "建立独立的评估团"),
        (LIST_ITEM, "公开发布安全基准"),
        (QUOTE, "“对齐不是一个产"),
        (PARAGRAPH, "二维码和广告并不"),
    ]
    blocks = [b for b in page.blocks if b.kind != IMAGE]
    assert [b.kind for b in blocks] == [kind for kind, _ in expected]
    assert all(b.text.startswith(start) for b, (_, start) in zip(blocks, expected, strict=True))
    assert [b.preface for b in blocks[:2]] == [True, False]


@pytest.mark.parametrize(
    "furniture",
    [
        "首页",
        "芯片",
        "分享到",
        "扫码",
        "限时优惠",
        "开发者大会",
        "点击报名",
        "关注我们",
        "长按识别",
        "点击阅读原文",
        "推荐阅读",
        "英伟达",
        "热门文章",
        "十大",
        "订阅",
        "alert",
        "display",
    ],
)
def test_site_furniture_is_gone(page, furniture):
    assert furniture not in all_text(page)


def test_long_paragraph_about_qr_codes_is_article_text(page):
    assert any(b.text.startswith("二维码和广告并不是本文的话题") for b in page.blocks)


def test_images_are_placeholders_with_real_source(page):
    images = [b for b in page.blocks if b.kind == IMAGE]
    assert [(b.alt, b.src) for b in images] == [
        ("Ilya Sutskever 在演讲现场", "https://img.example.cn/2026/03/talk.jpg")
    ]


def test_footer_and_byline_become_metadata(page):
    meta = page.metadata
    assert meta.title == "深度学习先驱谈超级对齐：我们还有多少时间？"
    assert meta.original_url == "https://www.linkedin.com/pulse/superalignment-jane-doe"
    assert meta.original_author == "Jane Doe"
    assert meta.publisher_credit == "科技前沿 AI 编译组"
    assert meta.copyright_line.startswith("版权声明：本文为科技前沿编译")
    assert meta.page_url == "https://tech.example.cn/articles/2026/superalignment.html"


def test_english_original_page():
    page = parse_document(
        b"""<!doctype html><html><head><link rel="canonical" href="https://blog.example.com/p/1">
        <title>Why superalignment</title></head><body><article>
        <h1>Why superalignment</h1><p class="byline">By Jane Doe</p>
        <p>First paragraph &amp; more.</p><pre><code>print("hi")\n  x = 1</code></pre>
        <table><tr><td>a</td><td>b</td></tr></table></article></body></html>"""
    )
    assert [(b.kind, b.text) for b in page.blocks] == [
        (HEADING, "Why superalignment"),
        (PARAGRAPH, "First paragraph & more."),
        (CODE, 'print("hi")\n  x = 1'),
        (PARAGRAPH, "a b"),
    ]
    assert page.metadata.original_author == "Jane Doe"
    assert page.metadata.page_url == "https://blog.example.com/p/1"


XSS = """<html><body><p>Safe <script>alert(1)</script>text</p>
<img src=x onerror=alert(1) alt="pic"><svg onload=alert(1)><text>svg</text></svg>
<p><a href="javascript:alert(1)">js link</a> <a href="JaVaScRiPt:alert(1)">two</a>
<a href="jav&#x09;ascript:alert(1)">three</a> <img src="data:text/html,<script>x</script>"></p>
<p onmouseover="alert(1)">hover {{7*7}} &lt;/textarea&gt;</p>
<p>&bogus; &#99999999; &amp</p></body></html>"""


def test_markup_never_survives_only_text_does():
    page = parse_document(XSS, format="html")
    text = all_text(page)
    for unsafe in ("<script", "onerror", "onload", "javascript", "alert", "data:text", "<svg"):
        assert unsafe not in text.lower()
    assert "Safe text" in text
    assert "hover {{7*7}} </textarea>" in text
    assert all(b.src in ("", "x") for b in page.blocks if b.kind == IMAGE)


def test_bold_short_paragraph_is_a_heading():
    page = parse_document(
        "<p><strong>三、结论</strong></p><p>正文内容在这里，比标题长得多。</p>", format="html"
    )
    assert [b.kind for b in page.blocks] == [HEADING, PARAGRAPH]
