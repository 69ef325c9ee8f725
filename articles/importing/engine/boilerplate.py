"""Site furniture around an article, and the facts hidden in it.

A scraped page ends with share prompts, QR codes, "follow us", ads and "recommended reading";
its footer also says where the article came from and who owns it. Prompts are dropped; the
footer facts become metadata. Only short blocks are judged: an article may well discuss QR
codes or advertising in a real paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.importing.engine.document import HEADING, IMAGE, Block, Metadata

# A block this short (characters) is furniture when it contains one of the phrases.
SHORT_BLOCK = 80
_PROMPTS = re.compile(
    r"关注我们|关注公众号|关注.{0,12}公众号|扫码|扫一扫|二维码|长按识别|长按.{0,6}识别|点击阅读原文|"
    r"点击.{0,4}关注|点赞|点.{0,2}在看|^在看|在看[、，,\s]|分享到|转发到|一键三连|星标|置顶公众号|商务合作|投稿请|"
    r"follow us|share (this|on)|subscribe to|sign up for (our|the) newsletter|click here|"
    r"download (our|the) app|scan the qr",
    re.IGNORECASE,
)
# A block ending like a sentence and longer than this is prose even when it names a prompt.
PROMPT_SENTENCE = 30
_SENTENCE = re.compile(r"[。？?]$|[a-z]{2}\.$")
# Whole-block labels: "广告", "推荐阅读", "Advertisement".
_LABELS = re.compile(
    r"^[\s\W]*(广告|推广|赞助|推荐阅读|相关阅读|相关文章|延伸阅读|往期推荐|往期回顾|热门文章|精彩推荐|"
    r"advertisement|sponsored|related (articles|posts|stories)|recommended( reading| for you)?|"
    r"read (more|next)|more from .{1,40})[\s\W]*$",
    re.IGNORECASE,
)
_SEP = r"\s*[:：|丨｜]\s*"
_URL = re.compile(r"https?://[^\s<>\"'，。）)\]]+", re.IGNORECASE)
_FIELDS = (
    (
        "original_url",
        re.compile(
            rf"^(原文链接|原文地址|原文网址|原文出处|original (link|article|post|url)|source link)"
            rf"{_SEP}(?P<v>.*)$",
            re.I,
        ),
    ),
    (
        "original_author",
        re.compile(rf"^(原文作者|原作者|作者|author|written by){_SEP}(?P<v>.+)$", re.I),
    ),
    (
        "translator",
        re.compile(rf"^(译者|翻译|编译|translator|translated by){_SEP}(?P<v>.+)$", re.I),
    ),
    (
        "publisher_credit",
        re.compile(
            rf"^(出品|出品方|出品人|发布|来源|publisher|published by|source){_SEP}(?P<v>.+)$", re.I
        ),
    ),
)
_SOURCE_MENTION = re.compile(r"(原文链接|原文地址|original (link|article|post))\s*[:：]", re.I)
# Other ways a re-publication names its source, trusted only when the address follows close
# by: "原文（https://…）", "本文编译自 https://…", "Source: https://…", "via https://…".
_SOURCE_NEARBY = re.compile(
    r"原文\s*[（(:：]|原文(?:网址|出处)|(?:编译|翻译|译|转载|摘编|摘译|整理)自|"
    r"(?:^|[\s(（])(?:source|via)\b\s*[:：]?",
    re.I,
)
NEARBY_CHARS = 60
# "Source:"/"via" in a long paragraph is prose ("available via https://…"), not a credit.
CREDIT_LINE_CHARS = 160
_BYLINE_END = re.compile(r"\s+\d{4}[-/.年]|\s{2,}|[|丨｜,，;；]")
_BYLINE = re.compile(r"^(?:by|By|BY)\s+(?P<v>[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3})$")
_COPYRIGHT = re.compile(
    r"版权|著作权|©|\(c\)\s*\d{4}|copyright|all rights reserved|转载请|未经授权|禁止转载|不得转载",
    re.IGNORECASE,
)


def is_furniture(text: str) -> bool:
    """A prompt or label that belongs to the site, not the article."""
    text = text.strip()
    if not text:
        return True
    if _LABELS.match(text):
        return True
    if _SENTENCE.search(text) and len(text) > PROMPT_SENTENCE:
        # A full sentence that mentions liking or QR codes is the article's, not a prompt.
        return False
    return len(text) <= SHORT_BLOCK and bool(_PROMPTS.search(text))


def starts_furniture_run(text: str) -> bool:
    """A label after which a page lists other articles: everything to the next heading goes."""
    return bool(_LABELS.match(text.strip())) and not re.match(
        r"^[\s\W]*(广告|推广|赞助|advert|spons)", text.strip(), re.I
    )


def metadata_from_line(text: str, link: str = "") -> Metadata | None:
    """The metadata a footer or byline line states, or None when it states none."""
    line = " ".join(text.split())
    if not line or len(line) > 300:
        return None
    for name, pattern in _FIELDS:
        match = pattern.match(line)
        if match:
            value = match.group("v").strip()
            if name == "original_url" or (name == "publisher_credit" and _URL.match(value)):
                url = _URL.search(value)
                value = url.group() if url else link
                name = "original_url"
            if name in ("original_author", "translator"):
                # A byline often runs on into the date: "作者：Jane Doe 2026-03-02".
                value = _BYLINE_END.split(value)[0].strip()
            return Metadata(**{name: value}) if value else None
    byline = _BYLINE.match(line)
    if byline:
        return Metadata(original_author=byline.group("v"))
    if _COPYRIGHT.search(line) and len(line) <= 200:
        return Metadata(copyright_line=line)
    return None


def source_link_in(text: str, link: str = "") -> str:
    """The original's address when a sentence mentions it mid-paragraph ("…原文链接：…",
    "…请看原文（https://…）", "本文编译自 https://…", "Source: https://…")."""
    match = _SOURCE_MENTION.search(text)
    if match:
        url = _URL.search(text, match.end())
        return url.group() if url else link
    for match in _SOURCE_NEARBY.finditer(text):
        latin_label = match.group().strip(" \t(（:：").isascii()
        if latin_label and len(text) > CREDIT_LINE_CHARS:
            continue
        url = _URL.search(text, match.end())
        if url and url.start() - match.end() <= NEARBY_CHARS:
            return url.group()
    return ""


def strip_furniture(blocks: list[Block], metadata: Metadata) -> list[Block]:
    """Blocks without site furniture; facts found in dropped lines go into ``metadata``."""
    kept: list[Block] = []
    skipping_level = 0
    for block in blocks:
        text = block.alt if block.kind == IMAGE else block.text
        if block.kind == HEADING and skipping_level and block.level <= skipping_level:
            skipping_level = 0
        if skipping_level:
            continue
        if block.kind == IMAGE:
            if (
                not _PROMPTS.search(f"{block.alt} {block.src}")
                and "qrcode" not in block.src.lower()
            ):
                kept.append(block)
            continue
        found = metadata_from_line(text)
        if found is not None:
            metadata.merge(found)
            continue
        metadata.merge(Metadata(original_url=source_link_in(text)))
        if starts_furniture_run(text):
            skipping_level = block.level if block.kind == HEADING else 6
            continue
        if not is_furniture(text):
            kept.append(replace(block, text=text.strip()))
    return kept
