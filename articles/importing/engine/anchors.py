"""What survives translation, for telling which paragraphs belong together.

Text sizes count CJK ideographs apart from Latin letters and digits, because a Chinese
translation keeps code, names and numbers as written: only the rest is "translated length".
Anchors are the tokens both sides can share: numbers (also small Chinese numerals in
"第十六章"-style contexts), URLs, Latin-script words kept in the translation, and caller-supplied
(English, Chinese) pairs such as glossary terms and people's names.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from articles.cjk import HAN_CHAR

CJK = HAN_CHAR
_ALNUM = re.compile(r"[^\W_]")
_URL = re.compile(r"https?://[^\s<>\"'，。、；）)\]]+", re.IGNORECASE)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[.\-+#'][A-Za-z0-9_]+)*[+#]*")
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_NUMBER = re.compile(
    rf"第([{_CN_DIGITS}]+)|([{_CN_DIGITS}]+)(?=[章节讲篇部步卷年月日号%％])|百分之([{_CN_DIGITS}]+)"
    rf"|(?<![{_CN_DIGITS}])([二两三四五六七八九十][{_CN_DIGITS}]*)(?=[个种次步条项位名件类层棵])"
)
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_VALUES |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# Ordinals, and cardinals above one ("one" is mostly "a"), match 第N and "N 个" in Chinese.
_EN_NUMBERS = {"first": 1, "second": 2, "two": 2, "twice": 2, "third": 3, "three": 3}
_EN_NUMBERS |= {"fourth": 4, "four": 4, "fifth": 5, "five": 5, "sixth": 6, "six": 6}
_EN_NUMBERS |= {"seventh": 7, "seven": 7, "eighth": 8, "eight": 8, "ninth": 9, "nine": 9}
_EN_NUMBERS |= {"tenth": 10, "ten": 10, "eleven": 11, "twelve": 12}
# Frequent English words that a Chinese paragraph may keep by accident (quoted English).
_STOPWORD_TEXT = """
    a an and are as at be been but by can do does for from had has have he her his how i if
    in into is it its let's may more no not of on one or our she so than that the their them
    then there these they this those to was we were what when where which who will with
    would you your
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


HEADING_ANCHOR = "§heading"
MAX_WEIGHT = 3.0
# Extra tokens (such as lexicon words, "w:mode") weigh this much whatever their rarity: a
# dictionary rendering found in a sentence is weaker evidence than a number or a name kept,
# and rarity over the few sentences of one paragraph says little.
EXTRA_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class TextSize:
    """Countable characters of a paragraph: CJK ideographs and other letters or digits."""

    cjk: int
    latin: int

    @property
    def letters(self) -> int:
        return self.cjk + self.latin


def measure(text: str) -> TextSize:
    cjk = len(CJK.findall(text))
    return TextSize(cjk, len(_ALNUM.findall(text)) - cjk)


def chinese_share(texts: Sequence[str]) -> float:
    """Share of CJK ideographs among all letters and digits of the texts (0 when none)."""
    sizes = [measure(t) for t in texts]
    letters = sum(s.letters for s in sizes)
    return sum(s.cjk for s in sizes) / letters if letters else 0.0


def tokens(text: str) -> Counter[str]:
    """Anchor candidates of one paragraph: "#16", "u:example.com/x", "git"."""
    found: Counter[str] = Counter()
    for url in _URL.findall(text):
        found["u:" + url.lower().split("://", 1)[1].rstrip("/.")] += 1
    text = _URL.sub(" ", text)
    for number in _NUMBER.findall(_THOUSANDS.sub("", text)):
        found["#" + number] += 1
    for match in _CN_NUMBER.finditer(text):
        value = _chinese_number(next(g for g in match.groups() if g))
        if value is not None:
            found[f"#{value}"] += 1
    for word in _WORD.findall(text):
        word = word.lower()
        if word in _EN_NUMBERS:
            found[f"#{_EN_NUMBERS[word]}"] += 1
        elif len(word) > 1 and word not in _STOPWORDS:
            found[word] += 1
    return found


def _chinese_number(numeral: str) -> int | None:
    if not any(ch in _CN_UNITS for ch in numeral):
        # Digit by digit, as in years: 二〇二四.
        return int("".join(str(_CN_VALUES[ch]) for ch in numeral))
    total = current = 0
    for ch in numeral:
        if ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            current = _CN_VALUES[ch]
    return total + current


class AnchorIndex:
    """Anchors of both sides, weighted by rarity, for scoring candidate paragraph groups.

    Only tokens found on both sides count: the others cannot tell pairs apart. A token shared
    by a group counts min(English count, Chinese count) times, so splitting or merging groups
    neither creates nor destroys matches by itself.
    """

    def __init__(
        self,
        en: Sequence[str],
        zh: Sequence[str],
        pairs: Sequence[tuple[str, str]] = (),
        headings: tuple[Collection[int], Collection[int]] = ((), ()),
        extra: tuple[Sequence[Counter[str]], Sequence[Counter[str]]] | None = None,
    ):
        en_tokens = [tokens(p) for p in en]
        zh_tokens = [tokens(p) for p in zh]
        extra_names: set[str] = set()
        if extra is not None:
            for counters, more in zip((en_tokens, zh_tokens), extra, strict=True):
                for counter, added in zip(counters, more, strict=True):
                    counter.update(added)
                    extra_names.update(added)
        # Headings share a structural token: a heading is likely to pair with a heading.
        for counter, marked in zip((en_tokens, zh_tokens), headings, strict=True):
            for i in marked:
                counter[i][HEADING_ANCHOR] += 1
        # Most terms are in none of the paragraphs: one search of a side's paragraphs joined by
        # line breaks rules a term out before each is searched (a line break, like the edge of
        # a paragraph, is no letter or digit, so nothing found alone is missed joined).
        en_whole, zh_whole = "\n".join(en), "\n".join(zh)
        for k, (en_term, zh_term) in enumerate(p for p in pairs if p[0].strip() and p[1].strip()):
            en_pattern, zh_pattern = _term_pattern(en_term), _term_pattern(zh_term)
            for counter, texts, whole, pattern in (
                (en_tokens, en, en_whole, en_pattern),
                (zh_tokens, zh, zh_whole, zh_pattern),
            ):
                if not pattern.search(whole):
                    continue
                for i, text in enumerate(texts):
                    hits = len(pattern.findall(text))
                    if hits:
                        counter[i][f"@{k}"] += hits
        shared = set().union(*en_tokens) & set().union(*zh_tokens) if en and zh else set()
        frequency: Counter[str] = Counter()
        for counter in (*en_tokens, *zh_tokens):
            frequency.update(t for t in counter if t in shared)
        total = len(en) + len(zh)
        self.weight = {t: min(MAX_WEIGHT, math.log(1 + total / frequency[t])) for t in shared}
        if HEADING_ANCHOR in self.weight:
            self.weight[HEADING_ANCHOR] = MAX_WEIGHT
        for name in extra_names & shared:
            self.weight[name] = EXTRA_WEIGHT
        self.en = [{t: c for t, c in ct.items() if t in shared} for ct in en_tokens]
        self.zh = [{t: c for t, c in ct.items() if t in shared} for ct in zh_tokens]
        self._en_pairs: dict[tuple[int, int], dict[str, int]] = {}
        self._zh_pairs: dict[tuple[int, int], dict[str, int]] = {}

    def shared(self, e0: int, e1: int, z0: int, z1: int) -> float:
        """Weight of the anchors English paragraphs [e0, e1) share with Chinese [z0, z1)."""
        en = self._span(self.en, self._en_pairs, e0, e1)
        if not en:
            return 0.0
        zh = self._span(self.zh, self._zh_pairs, z0, z1)
        if not zh:
            return 0.0
        if len(zh) < len(en):
            en, zh = zh, en
        weight = self.weight
        return sum(weight[t] * min(c, zh[t]) for t, c in en.items() if t in zh)

    def unaccounted(self, e0: int, e1: int, z0: int, z1: int) -> float:
        """Weight of the anchors one side of the group holds and the other does not (counted
        occurrence by occurrence): a pair that claims to translate English [e0, e1) as
        Chinese [z0, z1) should carry the same numbers, names and words on both sides."""
        en = self._span(self.en, self._en_pairs, e0, e1)
        zh = self._span(self.zh, self._zh_pairs, z0, z1)
        weight = self.weight
        total = sum(weight[t] * max(0, c - zh.get(t, 0)) for t, c in en.items())
        return total + sum(weight[t] * max(0, c - en.get(t, 0)) for t, c in zh.items())

    @staticmethod
    def _span(singles, pairs, start: int, stop: int) -> dict[str, int]:
        if stop - start == 1:
            return singles[start]
        # Keyed by both ends: the sentence aligner asks for spans of two and of three.
        key = (start, stop)
        if key not in pairs:
            merged = Counter(singles[start])
            for k in range(start + 1, stop):
                merged.update(singles[k])
            pairs[key] = dict(merged)
        return pairs[key]


@lru_cache(maxsize=4096)  # the same glossary and people's names, section after section
def _term_pattern(term: str) -> re.Pattern[str]:
    escaped = re.escape(term.strip())
    if CJK.search(term):
        return re.compile(escaped)
    return re.compile(rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])", re.IGNORECASE)
