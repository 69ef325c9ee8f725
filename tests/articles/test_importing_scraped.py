"""Scraped Chinese re-publications: furniture by shape, title, address, the blogger's preface,
structure, and translation-only statuses.

The fixture page (fixtures/scraped_zh_page.txt) is written with wording unlike the
development set's, so these tests check shapes, not strings.
"""

from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils import translation

import pytest

from articles.importing.adapter import create_article, paragraphs_html, plan_import
from articles.importing.engine import (
    HEADING,
    LIST_ITEM,
    ImportInputError,
    detect_format,
    parse_document,
    split_sections,
)
from articles.importing.engine.boilerplate import source_link_in
from articles.importing.engine.furniture import (
    ACTIONS,
    CONTACT,
    COUNTER,
    IMAGE,
    ORNAMENT,
    PROMO,
    READ_ORIGINAL,
    REPRINT,
    STAFF,
    TEMPLATE,
    line_shape,
)
from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory


@pytest.fixture(autouse=True)
def english_messages(settings):
    """These tests read the messages in English (the default language is Chinese)."""
    settings.LANGUAGE_CODE = "en"


PAGE = Path(__file__).parent / "fixtures" / "scraped_zh_page.txt"
URL = "https://blog.example.org/posts/eval-pitfalls"
PREFACE = [
    "前几天群里有人问起模型评测，我一时没答上来，后来刚好读到一篇讲这个话题的英文博客。",
    "我花了两个晚上把它翻成了中文，水平有限，欢迎指正。",
]
JUNK = [
    "戳上方名片，设为星标",
    "AI 前线速递",
    "👆 长按关注，每天一篇干货",
    "以下为译文，原文地址见文末。",
    "[图片]",
    "▲ 图源：Unsplash",
    "—— 完 ——",
    "喜欢就点个赞吧",
    "转发 | 评论 | 收藏",
    "readCount",
    "ad@aifrontier.example",
    "转载请后台留言获取授权",
    "aiqx_helper",
    "责任编辑",
]


def page_text() -> str:
    return PAGE.read_text(encoding="utf-8")


def all_texts(document) -> str:
    return "\n".join(t for s in split_sections(document) for t in s.texts())


# --- Furniture, line by line ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("图片", IMAGE),
        ("【配图】", IMAGE),
        ("(image)", IMAGE),
        ("▲ 图片来源：视觉中国", IMAGE),
        ("图源：Pixabay", IMAGE),
        ("{{ viewCount }}", TEMPLATE),
        ("点赞 {%likes%}", TEMPLATE),
        ("阅读 3.2万", COUNTER),
        ("1024", COUNTER),
        ("赞  在看  转发", ACTIONS),
        ("Like · Share · Comment", ACTIONS),
        ("广告合作联系：biz@example.cn", CONTACT),
        ("商务咨询 vx：abc_20xx", CONTACT),
        ("投稿热线 010-12345678", CONTACT),
        ("本文转自网络，侵删。", REPRINT),
        ("阅读原文 ↓", READ_ORIGINAL),
        ("戳左下角查看原文", READ_ORIGINAL),
        ("排版：阿明", STAFF),
        ("本文作者 | 老王", STAFF),
        ("- THE END -", ORNAMENT),
        ("（全文完）", ORNAMENT),
        ("* * *", ORNAMENT),
        ("扫码进群，和 3000 位同行交流", PROMO),
        ("设为星标，不错过每一篇", PROMO),
    ],
)
def test_each_furniture_shape(line, shape):
    assert line_shape(line) == shape


@pytest.mark.parametrize(
    "line",
    [
        "不过在看到 async 的实际工作方式之前，我们需要先讨论并行和并发的区别。",
        "图 17-1：一个并发工作流，在任务 A 和任务 B 之间切换",
        "使用 {{ name }} 语法可以在模板里插入变量，这是模板引擎最基本的用法之一。",
        "他在推文下点赞的做法引发了争议，这件事本身就说明了社交平台上的表态有多敏感。",
        "误区二：忽视成本",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert line_shape(line) is None


def test_page_furniture_goes_and_every_sentence_of_the_translation_stays():
    document = parse_document(page_text())
    text = all_texts(document)
    assert [junk for junk in JUNK if junk in text] == []
    source = page_text()
    body_start = source.index("误区一")
    body_end = source.index("Source:")
    for paragraph in source[body_start:body_end].split("\n\n"):
        for line in paragraph.strip().split("\n"):
            line = line.strip().lstrip("-0123456789. ")
            if line and line not in ("[图片]", "▲ 图源：Unsplash"):
                assert line in text, line


def test_unsure_lines_are_kept_and_reported():
    text = (
        "短文标题\n\n"
        "这是正文的第一段，讲的是一件很长很长的事情，长到足以被看作一段正文，而不是页面上的装饰。\n\n"
        "这是正文的第二段，同样足够长，也以句号结尾，读者会把它读完。\n\n"
        "感谢耐心读到这里\n"
    )
    document = parse_document(text)
    assert "感谢耐心读到这里" in all_texts(document)
    assert document.doubtful == ["感谢耐心读到这里"]


# --- Title, address, preface ------------------------------------------------------------------


def test_title_is_the_pages_title_line_not_the_accounts_tagline():
    assert parse_document(page_text()).metadata.title == "【译】大模型评测的三个误区"


def test_without_a_title_line_the_first_heading_is_the_title():
    text = (
        "一、背景\n\n"
        + "这一部分讲背景，写得足够长，好让上面那一行被看作标题而不是正文的一部分。" * 2
    )
    assert parse_document(text).metadata.title == "一、背景"


@pytest.mark.parametrize(
    "line",
    [
        f"原文链接：{URL}",
        f"原文地址：{URL}",
        f"这里借助 AI 做了编译，有兴趣的读者可以去看原文（{URL}）：",
        f"本文编译自 {URL}，以下为正文。",
        f"Source: {URL}",
        f"via {URL}",
        f"(via: {URL})",
    ],
)
def test_address_forms(line):
    assert source_link_in(line) == URL


def test_source_in_a_long_english_paragraph_is_not_the_original():
    prose = "The data is available via https://data.example.org/set for anyone. " * 4
    assert source_link_in(prose) == ""


def test_address_at_the_foot_of_the_page_is_found_and_normalised():
    # The page ends with "Source: …?utm_source=wechat&utm_medium=social".
    result = plan_import(None, page_text(), people=[], anchors=[])
    assert result.original_url == URL


@pytest.mark.parametrize(
    "marker",
    [
        "以下为正文。",
        "译文如下：",
        f"原文链接：{URL}",
        f"本文编译自：{URL}，以下为正文。",
        f"这里借助 AI 做了编译，部分地方略有删减，建议读者去看原文（{URL}）：",
        "下面是全文翻译。",
    ],
)
def test_preface_boundary_markers(marker):
    preface = "今天分享一篇我很喜欢的文章，它讲清楚了一个大家常常搞混的问题。"
    body = "正文的第一段在这里，它是译文的开头，讲述了问题的来龙去脉，篇幅比较长。"
    text = f"某个标题\n\n{preface}\n\n{marker}\n\n小节标题\n\n{body}\n\n{body}"
    document = parse_document(text)
    sections = split_sections(document)
    assert sections[0].preface
    assert [b.text for b in sections[0].paragraphs] == [preface]
    assert not any(s.preface for s in sections[1:])
    assert marker not in all_texts(document)
    assert sections[1].heading == "小节标题"
    if "http" in marker:
        assert document.metadata.original_url == URL


def test_no_handover_line_means_no_preface():
    text = "标题\n\n第一段正文，写得足够长，用来说明这里并没有转载者的前言。\n\n第二段正文。"
    assert not any(s.preface for s in split_sections(parse_document(text)))


# --- Structure --------------------------------------------------------------------------------


def test_standalone_headings_and_lists_are_kept():
    sections = split_sections(parse_document(page_text()))
    assert [s.heading for s in sections] == [
        "",
        "误区一：只看排行榜",
        "误区二：忽视成本",
        "写在最后",
    ]
    items = [b for b in sections[1].paragraphs if b.kind == LIST_ITEM]
    assert len(items) == 3 and not any(b.ordered for b in items)
    numbered = [b for b in sections[2].paragraphs if b.kind == LIST_ITEM]
    assert len(numbered) == 2 and all(b.ordered for b in numbered)


def test_lists_become_rich_text_lists():
    result = plan_import(None, page_text(), people=[], anchors=[])
    bodies = [paragraphs_html(s.paragraphs_zh, "zh") for s in result.sections]
    assert "<ul><li>测试集可能已经泄露到训练数据中</li>" in bodies[1]
    assert (
        "<ol><li>先估算每次调用的平均成本</li><li>再估算高峰时段每天的调用量</li></ol>" in bodies[2]
    )


def test_parts_announced_by_an_outline_become_headings():
    long = "这一部分的正文写得足够长，足以和标题区分开来，读者会一口气读完它。"
    text = (
        "标题\n\n下面将分成 3 部分：1. 背景 2. 方法 3. 结论。\n\n"
        f"1. 背景\n\n{long}\n\n2. 方法\n\n短短一句。\n\n3. 结论\n\n{long}"
    )
    document = parse_document(text)
    headings = [b.text for b in document.blocks if b.kind == HEADING]
    assert headings == ["标题", "1. 背景", "2. 方法", "3. 结论"]


def test_auto_detect_takes_plain_text_with_lists_for_plain_text():
    text = page_text()
    assert detect_format(text) == "text"
    assert len(split_sections(parse_document(text))) == 4
    assert detect_format("# 标题\n\n- 一\n- 二") == "markdown"


# --- Translation-only statuses ----------------------------------------------------------------


def test_translation_only_proposes_pending_translation_and_an_added_preface():
    result = plan_import(None, page_text(), people=[], anchors=[])
    assert [(s.role, s.status) for s in result.sections] == [
        ("preface", "added"),
        ("translation", "pending"),
        ("translation", "pending"),
        ("translation", "pending"),
    ]
    assert [p.text for p in result.sections[0].paragraphs_zh] == PREFACE
    assert not result.original_attached
    assert not any(s.original_attached for s in result.sections[1:])
    with translation.override("zh-hans"):
        assert "原文尚未附上" in str(result.sections[1].evidence)
    assert result.title_zh == "【译】大模型评测的三个误区"


def test_preface_stays_added_when_the_original_is_given():
    original = "# Three pitfalls\n\n## Leaderboards\n\n" + "Teams open the leaderboard. " * 8
    translation = (
        "# 三个误区\n\n今天分享一篇短文，讲的是模型评测里常见的问题，供大家参考。\n\n"
        f"原文链接：{URL}\n\n## 排行榜\n\n" + "很多团队会先打开排行榜。" * 8
    )
    result = plan_import(original, translation, people=[], anchors=[])
    assert [(s.role, s.status) for s in result.sections] == [
        ("preface", "added"),
        ("translation", "full"),
    ]


# --- Through the command ----------------------------------------------------------------------


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory(slug="articles")


def command(*args: str) -> str:
    out = StringIO()
    call_command("import_article", *args, stdout=out)
    return out.getvalue()


def test_command_imports_the_page_as_a_draft(index):
    command("--translation", str(PAGE))
    page = ArticlePage.objects.get()
    assert page.title == "【译】大模型评测的三个误区"
    assert page.original_url == URL
    sections = list(page.sections.order_by("sort_order"))
    assert [s.status for s in sections] == ["added", "pending", "pending", "pending"]
    assert "<ol>" in sections[2].body_zh_hans
    html = "".join(s.body_zh_hans for s in sections)
    assert not any(junk in html for junk in JUNK)


def test_title_option_overrides_the_proposal(index):
    command("--translation", str(PAGE), "--title", "模型评测的三个误区")
    assert ArticlePage.objects.get().title == "模型评测的三个误区"


def test_a_page_without_any_title_asks_for_one(index, tmp_path):
    untitled = tmp_path / "untitled.txt"
    body = "这是一段没有标题的正文，它很长，并且以句号结尾，所以不会被当作标题。"
    untitled.write_text(f"{body}\n\n{body}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no title"):
        command("--translation", str(untitled), "--original-url", URL)
    assert not ArticlePage.objects.exists()
    command("--translation", str(untitled), "--original-url", URL, "--title", "补上的标题")
    assert ArticlePage.objects.get().title == "补上的标题"


def test_plan_warns_about_a_missing_title():
    body = "这是一段没有标题的正文，它很长，并且以句号结尾，所以不会被当作标题。"
    result = plan_import(None, f"{body}\n\n{body}", people=[], anchors=[])
    assert any("No title" in w for w in result.warnings)


# --- Bad input is refused as before -----------------------------------------------------------


def test_a_page_of_nothing_but_furniture_is_refused():
    furniture = "点击上方蓝字关注我们\n分享 收藏 点赞 在看\n{{likeNum}}\n扫码加入读者群\n"
    with pytest.raises(ImportInputError, match="No article text"):
        parse_document(furniture)


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04\x14\x00" + bytes(range(256)) * 8])
def test_bad_files_create_nothing(index, tmp_path, data):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    with pytest.raises(CommandError):
        command("--translation", str(bad))
    assert not ArticlePage.objects.exists()
    with pytest.raises(ImportInputError):
        create_article(
            plan_import(None, page_text(), people=[], anchors=[]), index.get_parent(), None
        )
    assert not ArticlePage.objects.exists()
