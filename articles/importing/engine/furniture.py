"""Furniture of a page pasted as plain text, recognised line by line from its shape.

A Chinese re-publication copied from a WeChat account or an aggregator wraps the article in
lines that belong to the site: promotions above the title and below the last paragraph,
image placeholders ("图片", "[图片]", "▲ 图片来源：网络"), counters left as template code
(``{{likeNum}}``), share/like rows, QR-code and "join the group" blocks, business contacts,
reprint notices and "click to read the original" links without an address.

An English original copied from a social platform's article page (LinkedIn and the like)
carries furniture of its own: the author's name, headline and follower count above the text
with "Published <date>" and "+ Follow", reaction and comment counts and a row of actions
below it, "Report this article", then "More articles by <author>" and a list of other posts.
The author and the date are kept as metadata; everything from the "more by" line down goes.

Each line is judged by shape (length, position, template braces, digits, e-mail addresses,
phone numbers, ornaments) and a few words generic to web pages (点赞, 在看, 二维码, 公众号…;
follow, followers, repost…), never by a site's own wording. Where a line is only probably
furniture it is kept and reported, so no sentence of the translation is lost silently. Plain
Python, no models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from articles.cjk import han_only
from articles.importing.engine.boilerplate import metadata_from_line
from articles.importing.engine.document import IMAGE as IMAGE_BLOCK
from articles.importing.engine.document import Block, Metadata

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
    r"reads?|views?|likes?|comments?|shares?)?\s*[:：]?\s*[\d.,]+\s*[万千kKwWmM]?\+?\s*"
    r"(?:次|人|条|阅读|浏览|赞|在看|评论|reads?|views?|likes?|comments?|followers?|"
    r"reactions?|reposts?|shares?|connections?|subscribers?|min(?:ute)?s? read)?\s*$",
    re.I,
)
# "Jane Doe and 127 others" under the reactions.
_OTHERS = re.compile(r"^.{0,60}\band\s+[\d,.]+[kKmM]?\s+others?$", re.I)
# "+ Follow", "Following", "Connect": the author card's buttons.
_FOLLOW = re.compile(r"^[+＋]?\s*(?:follow|following|connect|message|subscribe)$", re.I)
# Single reaction words, trusted only at the page's edges ("Like", "Celebrate", "Send").
_REACTION_WORD = re.compile(
    r"^[+＋]?\s*(?:like|comment|repost|send|share|save|celebrate|support|love|insightful|"
    r"funny|curious|reply|report)$",
    re.I,
)
# "Published Mar 4, 2025", "Posted on 2025-03-04", "Published 4 March 2025 · 6 min read".
_DATELINE = re.compile(
    r"^(?:published|posted|updated|edited)\b(?:\s+on)?\s*[:：]?\s*(?P<d>.+)$", re.I
)
_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
# Where the article ends and the platform's lists begin: "More articles by Jane Doe",
# "Others also viewed", "Explore topics", "To view or add a comment, sign in".
_END_OF_ARTICLE = re.compile(
    r"^(?:more (?:articles|posts|stories) (?:by|from)\s+(?P<author>.{2,60})|"
    r"report this (?:article|post)|others also viewed|explore (?:topics|content categories)|"
    r"see all articles|to view or add a comment,? sign in.*|sign in to view more content)$",
    re.I,
)
# A person's name as a profile card gives it: two to four capitalised words.
_NAME = re.compile(r"^[A-Z][a-zA-Z'’.-]+(?: [A-Z][a-zA-Z'’.-]*){1,3}$")
# How far above the card's first fact its name may stand (non-empty lines).
PROFILE_REACH = 4
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
    r"follow us|subscribe|scan the qr|qr code|join (?:our|the) (?:group|community)|"
    r"^(?:skip to (?:main )?content|join now|sign in|log in|sign up)$",
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
PROFILE = "profile"
DATELINE = "dateline"
END_OF_ARTICLE = "end-of-article"


def line_shape(line: str) -> str | None:
    """The furniture shape a line has wherever it stands, or None when it has none."""
    text = " ".join(line.split())
    if not text:
        return None
    if _IMAGE_PLACEHOLDER.match(text) or (len(text) <= SHORT_LINE and _IMAGE_CREDIT.match(text)):
        return IMAGE
    if _TEMPLATE.search(text) and len(_TEMPLATE.sub("", text).strip()) <= 8:
        return TEMPLATE
    if _COUNTER.match(text) or _OTHERS.match(text):
        return COUNTER
    if len(text) <= SHORT_LINE * 2 and _END_OF_ARTICLE.match(text):
        return END_OF_ARTICLE
    if _FOLLOW.match(text):
        return ACTIONS
    if len(text) <= SHORT_LINE * 2 and dateline_date(text):
        return DATELINE
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
    return len(text) <= SHORT_LINE and bool(_PROMO_WEAK.search(text) or _REACTION_WORD.match(text))


def dateline_date(line: str) -> str:
    """The date a "Published …" line gives, as YYYY-MM-DD; "" when it is not one."""
    match = _DATELINE.match(" ".join(line.split()))
    return parse_date(match.group("d")) if match else ""


def parse_date(text: str) -> str:
    """The first date in ``text`` ("Mar 4, 2025", "4 March 2025", "2025-03-04") as
    YYYY-MM-DD, or "" when there is none or it is impossible."""
    found = _ISO_DATE.search(text)
    if found:
        year, month, day = (int(g) for g in found.groups())
    else:
        found = _MONTH_FIRST.search(text)
        if found:
            month_name, day, year = found.group(1), int(found.group(2)), int(found.group(3))
        else:
            found = _DAY_FIRST.search(text)
            if not found:
                return ""
            day, month_name, year = int(found.group(1)), found.group(2), int(found.group(3))
        month = _MONTHS.get(month_name.casefold(), 0)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def end_author(line: str) -> str:
    """The author a "More articles by …" line names, or ""."""
    match = _END_OF_ARTICLE.match(" ".join(line.split()))
    return (match.group("author") or "").strip() if match else ""


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
    verdicts: dict[int, str] = {}
    end = _end_of_article(lines, first_body)
    if end is not None:
        # The platform's own lists follow: nothing below belongs to the article.
        page.metadata.merge(Metadata(original_author=end_author(lines[end])))
        verdicts |= {k: END_OF_ARTICLE for k in range(end, len(lines)) if lines[k].strip()}
        body = [k for k in body if k < end]
    last_body = body[-1] if body else -1
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
        if k in verdicts:
            continue
        shape = line_shape(stripped)
        if shape == DATELINE:
            page.metadata.merge(Metadata(published=dateline_date(stripped)))
        if shape:
            verdicts[k] = shape
    _profile_card(lines, first_body, verdicts, page.metadata)
    body = [k for k in body if k not in verdicts]
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else -1
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


def _end_of_article(lines: list[str], first_body: int) -> int | None:
    """The line where a platform's lists begin, below some of the article's text."""
    for k in range(first_body + 1, len(lines)):
        text = " ".join(lines[k].split())
        if text and len(text) <= SHORT_LINE * 2 and _END_OF_ARTICLE.match(text):
            return k
    return None


_CARD_FACTS = frozenset({ACTIONS, DATELINE, COUNTER})


def _profile_card(
    lines: list[str], first_body: int, verdicts: dict[int, str], metadata: Metadata
) -> None:
    """Above the text, the author's card: a name (perhaps twice), a headline, then facts
    ("Published …", "+ Follow", a follower count). The name is kept as the author; the name
    and every line down to the last fact go. Without a fact above the text there is no card.
    """
    # A headline is often long enough to pass for text: look a little below the first.
    top = min(len(lines), first_body + PROFILE_REACH + 2)
    facts = [k for k in range(top) if verdicts.get(k) in _CARD_FACTS]
    if not facts:
        return
    above = [k for k in range(facts[0]) if lines[k].strip() and k not in verdicts]
    reach = above[-PROFILE_REACH:]
    folded = [" ".join(line.split()) for line in lines]

    def is_name(k: int) -> bool:
        # A name is repeated on such a page (the card, "… and 12 others", "More articles
        # by …"); a title that merely looks like a name is not.
        text = folded[k]
        return bool(_NAME.match(text)) and sum(text in other for other in folded) >= 2

    names = [k for k in reach if is_name(k)]
    if not names:
        return
    facts = [k for k in facts if k > names[-1]]
    # The name nearest the facts, and the copies of it just above (cards repeat it).
    start = names[-1]
    author = " ".join(lines[start].split())
    while True:
        earlier = [k for k in above if k < start]
        if earlier and " ".join(lines[earlier[-1]].split()) == " ".join(lines[start].split()):
            start = earlier[-1]
        else:
            break
    metadata.merge(Metadata(original_author=author))
    for k in range(start, facts[-1] + 1):
        if lines[k].strip() and k not in verdicts:
            verdicts[k] = PROFILE


def clean_blocks(blocks: list[Block]) -> tuple[list[Block], Metadata]:
    """The same judgement for the blocks of a parsed page (a saved HTML page, where each
    block is a line): the blocks that are not furniture, and the facts found in those that
    were. Images are left to the page parser."""
    texts = [" ".join(block.text.split()) for block in blocks]
    page = clean_page("\n\n".join(texts))
    kept = [
        block
        for k, block in enumerate(blocks)
        if block.kind == IMAGE_BLOCK or not texts[k] or page.lines[2 * k].strip()
    ]
    return kept, page.metadata


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
    # A line run together with furniture ("Skip to main content", "Articles", "Sign in") is
    # the site's menu: a title there only when nothing else offers itself.
    in_menus = {k for run in _runs(lines, top) if any(j in verdicts for j in run) for k in run}

    def score(k: int) -> float:
        text = " ".join(lines[k].split())
        grams = _grams(text)
        shared = sum(1 for g in grams if g in following) / len(grams) if grams else 0.0
        return shared + (0.5 if _TITLE_MARKS.search(text) else 0.0) - (k in in_menus)

    return max(candidates, key=lambda k: (score(k), -k))


def _grams(text: str) -> list[str]:
    """Chinese character pairs and Latin words: what two texts on one subject share."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9'-]+", text)
    cjk = han_only(text)
    return words + [cjk[i : i + 2] for i in range(len(cjk) - 1)]
