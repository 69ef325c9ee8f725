"""Parts an article announces in its own text ("下面将分成 4 部分：1. 背景 2. 方法……").

A pasted page loses its heading markup, but an in-text outline still names the parts; a
later line that repeats one of those names, numbered or not, is that part's heading.
"""

from __future__ import annotations

import re

_ANNOUNCE = re.compile(
    r"(?:分成|分为|包括|包含|涉及|介绍|讲|谈|聊|看)\s*(?:以下|下面|如下)?\s*"
    r"(?:\d{1,2}|[一二三四五六七八九十两几])\s*个?\s*(?:部分|方面|章节|节|点|步|主题|话题|问题)|"
    r"(?:将|会)(?:介绍|讲|谈|讨论|涉及)(?:以下|下面|这些)?(?:内容|几点|几个方面)?\s*[：:]$|"
    r"\b(?:in|into) (?:\d+|two|three|four|five|six) (?:parts|sections)\b",
    re.IGNORECASE,
)
_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十])"
_INLINE_ITEM = re.compile(
    rf"(?:^|(?<=[\s：:；;，,。]))[（(]?{_NUMBER}\s*[.、)）]\s*([^；;。，,\n]{{1,30}}?)"
    rf"(?=\s*(?:[；;。，,]|[（(]?{_NUMBER}\s*[.、)）]|$))"
)
_PREFIX = re.compile(rf"^\s*(?:[-*•·●▪]|[（(]?{_NUMBER}\s*[.、)）]|第{_NUMBER}部分[：:]?)\s*")


def announces_parts(text: str) -> bool:
    """A paragraph that says the article comes in parts (its items may follow as a list)."""
    return bool(_ANNOUNCE.search(text))


def announced_parts(text: str) -> list[str]:
    """The parts an outline paragraph names inline, in order ("1. 背景 2. 方法" → 背景, 方法)."""
    if not announces_parts(text):
        return []
    return [m.group(1).strip() for m in _INLINE_ITEM.finditer(text) if m.group(1).strip()]


def part_name(line: str) -> str:
    """A line without its bullet or number, for comparing with announced parts."""
    return _PREFIX.sub("", line).strip()
