"""Numbers, years, percentages and links of the source that the translation lacks.

Numbers are compared by value, so "1,000" matches "1000" and "一千", "2012" matches
"2012 年", "30 million" matches "3000 万", and "175B" matches "175B" or "1750 亿".
"the 1980s" matches "20 世纪 80 年代" or "八十年代", "30%" matches "百分之三十", and
full-width digits count as digits. English number words ("three") are not looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from articles.review.engine.checks.values import (
    MISSING_NUMBER,
    MISSING_URL,
    Finding,
    message,
    nfkc,
    unique,
)

_URL = re.compile(r"(?:https?://|www\.)[!-~]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\""
# Not after a letter or a dot, so "H100", "x86" and the "2" of "3.1.2" are not numbers.
_DIGITS = r"(?<![A-Za-z0-9.])(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?![0-9])"
_EN_SCALE = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "b": 10**9,
    "bn": 10**9,
}
_EN_NUMBER = re.compile(
    _DIGITS
    + r"(?:(?P<pct>\s?%|\s?per\s?cent\b)|\s?(?P<word>thousand|million|billion|trillion)\b"
    + r"|(?P<suffix>k|K|M|B|bn|mn)\b|(?P<decade>s)\b)?"
)
NUMBER, YEAR, PERCENTAGE = "number", "year", "percentage"
_MESSAGES = {
    NUMBER: _("Number “%(number)s” in the source is missing from the translation"),
    YEAR: _("Year “%(number)s” in the source is missing from the translation"),
    PERCENTAGE: _("Percentage “%(number)s” in the source is missing from the translation"),
}
_ZH_NUMBER = re.compile(_DIGITS + r"\s*(?P<scale>[十百千万亿]+)?")
_ZH_DIGIT = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?")


@dataclass(frozen=True)
class NumberMention:
    """A number as written in the source, and the values a translation may show for it."""

    text: str
    kind: str  # NUMBER, YEAR or PERCENTAGE: which message the finding gets
    values: frozenset[Decimal]


def check_numbers(source_en: str, translation_zh: str) -> list[Finding]:
    """Numbers, years and percentages in the source that the translation lacks."""
    source, translation = _strip_urls(nfkc(source_en)), _strip_urls(nfkc(translation_zh))
    present = number_values(translation)
    missing = (m for m in number_mentions(source) if not m.values & present)
    return unique(
        Finding(MISSING_NUMBER, message(_MESSAGES[m.kind], number=m.text), m.text) for m in missing
    )


def check_urls(source_en: str, translation_zh: str) -> list[Finding]:
    """Links in the source that the translation does not carry (scheme and "www." aside)."""
    translation = nfkc(translation_zh).casefold()
    findings = []
    for url in urls(nfkc(source_en)):
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip("/")
        if bare not in translation:
            text = message(
                _("Link “%(url)s” in the source is missing from the translation"), url=url
            )
            findings.append(Finding(MISSING_URL, text, url))
    return unique(findings)


def urls(text: str) -> list[str]:
    # ASCII only, so a link runs up to the Chinese text that follows it.
    return [m.group().rstrip(_URL_TRAILING) for m in _URL.finditer(text)]


def number_mentions(text: str) -> list[NumberMention]:
    """Numbers in English text, with the values an accurate translation would contain."""
    mentions = []
    for m in _EN_NUMBER.finditer(text):
        value = _value(m)
        values = {value}
        scale = _EN_SCALE.get((m["word"] or m["suffix"] or "").lower())
        if scale:
            values.add(value * scale)
        if m["decade"] and value % 10 == 0:
            values.add(value % 100)  # "1990s" is often "90 年代"
            if value % 100 == 0:
                values.add(value // 100 + 1)  # "the 1900s" may be "20 世纪"
        kind = PERCENTAGE if m["pct"] else YEAR if _is_year(m) else NUMBER
        mentions.append(NumberMention(m.group().strip(), kind, frozenset(values)))
    return mentions


def number_values(text: str) -> set[Decimal]:
    """Every value written in Chinese text, in Arabic digits or Chinese numerals."""
    values = set()
    for m in _ZH_NUMBER.finditer(text):
        value = _value(m)
        values.add(value)
        scale = m["scale"] or ""
        if scale:
            values.add(value * _scale(scale))
    values.update(
        value
        for m in _ZH_NUMERAL.finditer(text)
        if (value := chinese_numeral(m.group())) is not None
    )
    return values


def chinese_numeral(numeral: str) -> Decimal | None:
    """Value of a Chinese numeral: "十二" 12, "一百零五" 105, "二〇一二" 2012, "十五点三" 15.3."""
    whole, _, fraction = numeral.partition("点")
    if not whole or whole[0] in "万亿":
        return None
    if not any(ch in _ZH_UNIT for ch in whole):
        value = int("".join(str(_ZH_DIGIT[ch]) for ch in whole))  # read digit by digit
    else:
        value = _chinese_with_units(whole)
    if fraction:
        return Decimal(f"{value}.{''.join(str(_ZH_DIGIT[ch]) for ch in fraction)}")
    return Decimal(value)


def _chinese_with_units(numeral: str) -> int:
    # 亿 closes everything before it, 万 closes what came since the last 亿.
    total = group = section = digit = 0
    for ch in numeral:
        if ch in _ZH_DIGIT:
            digit = _ZH_DIGIT[ch]
        elif ch == "亿":
            total = (total + group + section + digit) * 10**8
            group = section = digit = 0
        elif ch == "万":
            group = (group + section + digit) * 10**4
            section = digit = 0
        else:
            section += (digit or 1) * _ZH_UNIT[ch]
            digit = 0
    return total + group + section + digit


def _value(m: re.Match[str]) -> Decimal:
    return Decimal(m["int"].replace(",", "") + (m["frac"] or ""))


def _scale(scale: str) -> int:
    product = 1
    for ch in scale:  # "百万" is a million, "万亿" a trillion
        product *= _ZH_UNIT[ch]
    return product


def _is_year(m: re.Match[str]) -> bool:
    plain = not (m["frac"] or m["pct"] or m["word"] or m["suffix"])
    return plain and m["int"].isdigit() and 1000 <= int(m["int"]) <= 2199


def _strip_urls(text: str) -> str:
    # Digits inside links are checked as part of the link, not as numbers.
    return _URL.sub(" ", text)
