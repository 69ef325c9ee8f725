"""Furniture of a page pasted as plain text, recognised line by line from its shape.

A Chinese re-publication copied from a WeChat account or an aggregator wraps the article in
lines that belong to the site: promotions above the title and below the last paragraph,
image placeholders ("图片", "[图片]", "▲ 图片来源：网络"), counters left as template code
(``{{likeNum}}``), share/like rows, QR-code and "join the group" blocks, business contacts,
reprint notices and "click to read the original" links without an address.

Each line is judged by shape (length, position, template braces, digits, e-mail addresses,
phone numbers, ornaments) and a few words generic to Chinese web pages (点赞, 在看, 二维码,
公众号…), never by a site's own wording. Where a line is only probably furniture it is kept
and reported, so no sentence of the translation is lost silently. Plain Python, no models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.cjk import han_only
from articles.importing.engine.boilerplate import metadata_from_line
from articles.importing.engine.document import Metadata

# Lines up to this many characters can be furniture by shape; a paragraph is never judged.
SHORT_LINE = 40
# A line this long, or ending like a sentence, is part of the article's text.
BODY_LINE = 40

_IMAGE_WORDS = r"图片|圖片|图|圖|配图|插图|图示|照片|image|img|photo|picture|pic"
# A line that only says an image was here: "图片", "[图片]", "【配图】", "(image)".
_IMAGE_PLACEHOLDER = re.compile(
    rf"^[\s▲△▼▽↑↓►▶◆●•·*]*[\[【(（<]?\s*(?:{_IMAGE_WORDS})\s*[\]】)）>]?\s*$", re.I
)
# Who an image comes from: "▲ 图片来源：网络", "图源：Unsplash", "Image: Getty".
_IMAGE_CREDIT = re.compile(
    rf"^[\s▲△▼▽↑↓►▶◆●•·*]*[\[【(（]?\s*(?:(?:{_IMAGE_WORDS})\s*(?:来源|来自|出处|版权|source|credit|via)"
    r"|图源|图片源|image\s*[:：]|photo\s*[:：])",
    re.I,
)
# A caption marker: the triangle WeChat editors put under a picture.
_CAPTION_MARK = re.compile(r"^\s*[▲△]")
_TEMPLATE = re.compile(r"\{\{.{0,80}?\}\}|\{%.{0,80}?%\}|\$\{[^{}\n]{1,80}\}|<%.{0,80}?%>")
_COUNTER = re.compile(
    r"^\s*(?:阅读|阅读量|浏览|浏览量|点赞|在看|赞|评论|留言|转发|分享|收藏|喜欢|"
    r"reads?|views?|likes?|comments?|shares?)?\s*[:：]?\s*[\d.,]+\s*[万千kKwW]?\+?\s*"
    r"(?:次|人|条|阅读|浏览|赞|在看|评论|reads?|views?|likes?|comments?)?\s*$",
    re.I,
)
# Words of a share/like row: several of them on one short line make the row.
_ACTIONS = frozenset(
    [
        "分享",
        "收藏",
        "点赞",
        "在看",
        "转发",
        "评论",
        "留言",
        "喜欢",
        "赞",
        "打赏",
        "赞赏",
        "关注",
        "推荐",
        "转载",
        "一键三连",
        "like",
        "likes",
        "share",
        "comment",
        "comments",
        "repost",
        "save",
        "follow",
        "send",
    ]
)
_ACTION_SPLIT = re.compile(r"[\s|丨｜/·•、,，]+")
# Generic words of Chinese web-page promotion; each alone on a short line is furniture.
_PROMO = re.compile(
    r"公众号|小程序|星标|置顶|蓝字|不迷路|关注我们|点击关注|关注.{0,6}(?:获取|我们|账号|订阅)|"
    r"扫码|扫一扫|二维码|长按|识别.{0,4}码|阅读体验|获取推送|第一时间获取|点.{0,2}在看|^在看|点赞|"
    r"一键三连|加群|进群|入群|交流群|读者群|粉丝群|社群|微信群|群聊|加入.{0,8}群|"
    r"阅读原文|往期(?:推荐|回顾|精选)|推荐阅读|精彩推荐|更多精彩|欢迎转发|欢迎分享|"
    r"follow us|subscribe|scan the qr|qr code|join (?:our|the) (?:group|community)",
    re.I,
)
# Weaker signs of a promotion, trusted only at the top or bottom of the page: audience
# counts ("10万+"), community taglines, arrows and pointing hands.
_PROMO_WEAK = re.compile(
    r"\d+\s*[万千wW]\s*\+|\d+\s*\+\s*(?:人|位|名)|社区|同行|读者|粉丝|订阅|下载|\bAPP\b|福利|"
    r"欢迎|精选|出品|[↑↓👆👇👉➡⬆⬇]|！$"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\+\d{1,3}[\s-]?\d{6,12})(?!\d)")
_WECHAT_ID = re.compile(r"(?:微信号?|wechat|vx|wx|v信)\s*[:：]?\s*[A-Za-z][\w-]{4,19}", re.I)
_CONTACT_WORDS = re.compile(
    r"商务|合作|投稿|联系|咨询|广告|邮箱|邮件|电话|热线|微信|contact|e-?mail|business", re.I
)
_REPRINT = re.compile(
    r"版权|著作权|侵权|侵删|转载|授权|来源于网络|仅供(?:学习|参考|交流)|©|copyright|"
    r"all rights reserved",
    re.I,
)
_READ_ORIGINAL = re.compile(r"原文|阅读全文|read (?:the )?original|original (?:article|post)", re.I)
_POINTER = re.compile(r"点击|戳|前往|查看|阅读|跳转|下方|左下角|[>＞→»👉]|click|tap|here", re.I)
_URL = re.compile(r"https?://|www\.", re.I)
# Who wrote, edited or laid out the re-publication: "文章作者：…", "责编 | …", "排版：…".
_STAFF_LINE = re.compile(
    r"^.{0,6}?(?:作者|编辑|责编|排版|校对|审核|审校|美编|策划|监制|图文|撰文|文字|"
    r"editor|author)\s*[:：|丨｜]\s*\S",
    re.I,
)
# An ornament: "—— END ——", "- 完 -", "（全文完）", "· · ·", "======".
_ORNAMENT_WORDS = frozenset({"", "end", "theend", "完", "全文完", "本文完", "完结", "over"})
_ORNAMENT_STRIP = re.compile(r"[\s\-—–_=*·•~#.。…()（）【】\[\]<>《》|/\\+]+")
# Closing brackets are left out: "标题（中文编译）" is a title line, not a sentence.
_SENTENCE_END = re.compile(r"[。？！?；;：:…」』”.]$")
_CLOSING_EXCLAMATION = re.compile(r"[!！]$")
# A sentence with a clause in it ("他在推文下点赞的做法引发了争议，…。") is prose, whatever
# words it uses; a prompt is a phrase or two.
_PROSE = re.compile(r"^.{8,}[，,].{8,}[。？?]$")

IMAGE = "image"
TEMPLATE = "template"
COUNTER = "counter"
ACTIONS = "actions"
PROMO = "promotion"
CONTACT = "contact"
REPRINT = "reprint"
READ_ORIGINAL = "read-original"
STAFF = "staff"
ORNAMENT = "ornament"
FACT = "fact"


def line_shape(line: str) -> str | None:
    """The furniture shape a line has wherever it stands, or None when it has none."""
    text = " ".join(line.split())
    if not text:
        return None
    if _IMAGE_PLACEHOLDER.match(text) or (len(text) <= SHORT_LINE and _IMAGE_CREDIT.match(text)):
        return IMAGE
    if _TEMPLATE.search(text) and len(_TEMPLATE.sub("", text).strip()) <= 8:
        return TEMPLATE
    if _COUNTER.match(text):
        return COUNTER
    if _ORNAMENT_STRIP.sub("", text).casefold() in _ORNAMENT_WORDS:
        return ORNAMENT
    if len(text) > SHORT_LINE * 2:
        return None
    words = [w for w in _ACTION_SPLIT.split(text.casefold()) if w]
    if len(words) >= 2 and sum(w in _ACTIONS for w in words) >= 2:
        return ACTIONS
    if (_EMAIL.search(text) or _PHONE.search(text) or _WECHAT_ID.search(text)) and (
        _CONTACT_WORDS.search(text)
    ):
        return CONTACT
    if _REPRINT.search(text) and not _URL.search(text):
        return REPRINT
    if len(text) > SHORT_LINE or _PROSE.match(text):
        return None
    if _READ_ORIGINAL.search(text) and _POINTER.search(text) and not _URL.search(text):
        return READ_ORIGINAL
    if _STAFF_LINE.match(text) and not _SENTENCE_END.search(text):
        return STAFF
    if _PROMO.search(text):
        return PROMO
    return None


def looks_like_promotion(line: str) -> bool:
    """A weak sign of promotion: trusted only among other furniture or at the page's edge."""
    text = " ".join(line.split())
    return len(text) <= SHORT_LINE and bool(_PROMO_WEAK.search(text))


def is_body_line(line: str) -> bool:
    """A line of the article's text: long, or ending like a sentence, and not furniture."""
    text = " ".join(line.split())
    if not text or line_shape(text):
        return False
    if len(text) >= BODY_LINE:
        return True
    return bool(_SENTENCE_END.search(text)) and not _CLOSING_EXCLAMATION.search(text)


@dataclass
class CleanPage:
    """The page's lines with furniture blanked out, and what was found on the way."""

    lines: list[str]
    # Index (in ``lines``) of the page's title line, when the top of the page shows one.
    title_line: int | None = None
    removed: list[str] = field(default_factory=list)
    # Lines kept although they may be furniture: the editor is told about each.
    doubtful: list[str] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)


def clean_page(text: str) -> CleanPage:
    """Blank out the furniture lines of a pasted page and pick its title line.

    Furniture lines become empty lines, so the lines around them stand apart. Lines above the
    first line of text and below the last one are judged more strictly: there a short line
    among other furniture is furniture too (promotion blocks run together).
    """
    lines = text.split("\n")
    page = CleanPage(list(lines))
    body = [k for k, line in enumerate(lines) if is_body_line(line)]
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else -1
    verdicts: dict[int, str] = {}
    for k, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        found = metadata_from_line(stripped)
        if found is not None and found.copyright_line:
            # Copyright and reprint notices: a fact about the page, not its text. (A line
            # giving the original's address is left to the preface and block stages.)
            page.metadata.merge(found)
            verdicts[k] = FACT
            continue
        shape = line_shape(stripped)
        if shape:
            verdicts[k] = shape
    edges = [range(0, first_body), range(last_body + 1, len(lines))]
    title = _title_line(lines, edges[0], verdicts, lines[first_body : last_body + 1])
    page.title_line = title
    for edge in edges:
        for block in _runs(lines, edge):
            block = [k for k in block if k != title]
            marked = any(k in verdicts for k in block) or any(
                looks_like_promotion(lines[k]) for k in block
            )
            for k in block:
                if k in verdicts:
                    continue
                if looks_like_promotion(lines[k]) or (marked and len(block) > 1):
                    verdicts[k] = PROMO
                elif edge is edges[1] and len(lines[k].strip()) <= SHORT_LINE:
                    # Below the last paragraph, yet without any sign of the site.
                    page.doubtful.append(lines[k].strip())
    for k, line in enumerate(lines):
        if k in verdicts:
            if verdicts[k] != FACT:
                page.removed.append(line.strip())
            page.lines[k] = ""
        elif first_body <= k <= last_body and _CAPTION_MARK.match(line):
            page.doubtful.append(line.strip())
    return page


def _runs(lines: list[str], span: range) -> list[list[int]]:
    """Consecutive non-empty lines within ``span``."""
    runs: list[list[int]] = []
    current: list[int] = []
    for k in span:
        if lines[k].strip():
            current.append(k)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


_TITLE_MARKS = re.compile(
    r"[：:｜|]|（[^）]{0,8}(?:译|编译)[^）]{0,4}）|【[^】]{0,6}译】|一文|翻译|编译"
)


def _title_line(
    lines: list[str], top: range, verdicts: dict[int, str], rest: list[str]
) -> int | None:
    """The page's title among the short lines above the text: not furniture, and the one that
    shares most words with the article (a site's tagline shares few)."""
    candidates = [
        k
        for k in top
        if lines[k].strip()
        and k not in verdicts
        and not looks_like_promotion(lines[k])
        and len(lines[k].strip()) <= SHORT_LINE * 2
    ]
    if not candidates:
        return None
    following = "".join(rest)[:20_000]

    def score(k: int) -> float:
        text = " ".join(lines[k].split())
        grams = _grams(text)
        shared = sum(1 for g in grams if g in following) / len(grams) if grams else 0.0
        return shared + (0.5 if _TITLE_MARKS.search(text) else 0.0)

    return max(candidates, key=lambda k: (score(k), -k))


def _grams(text: str) -> list[str]:
    """Chinese character pairs and Latin words: what two texts on one subject share."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9'-]+", text)
    cjk = han_only(text)
    return words + [cjk[i : i + 2] for i in range(len(cjk) - 1)]
