"""Sentences of an English or Chinese paragraph, as spans that cover the text in order.

``split_sentences(text)`` returns ``Sentence(start, end, text)`` spans: in order, not
overlapping, and together holding every non-space character of ``text`` (only whitespace
between spans is left out). One splitter serves both languages, because each is often found
inside the other (quoted English in a Chinese paragraph, a Chinese name in an English one).

Where a sentence ends:
* after 。！？；… (…… counts once), and ``.!?`` followed by white space and something
  that can start a sentence (a capital, a digit, a quote or bracket, a Chinese character) or
  directly by a Chinese character; closing quotes and brackets (”’"'」』）)》】) after the
  mark stay with the sentence they close;
* not after abbreviations (e.g., i.e., Dr., U.S., etc. before a lower-case word, initials
  such as "J."), inside numbers and versions (3.14, v1.2.3) or addresses
  (example.com/a.html), nor after a list marker ("1. ", "a) ");
* every line that is a list item ("- ", "* ", "• ", "1. ", "(a) ", "一、") starts a sentence,
  and a line that looks like code is one sentence of its own, whatever it holds.
Line breaks inside ordinary prose are soft: the sentence runs on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.cjk import HAN_CHAR


@dataclass(frozen=True, slots=True)
class Sentence:
    """``text[start:end]`` of the paragraph, stripped of surrounding white space."""

    start: int
    end: int
    text: str


_CLOSERS = "\"'”’」』）)》】〉]»"
_OPENERS = "\"'“‘「『（(《【〈[«"
_CJK_END = "。！？；!?"
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”「」，。；）]+", re.IGNORECASE)
# Lower-cased abbreviations after which a full stop does not end a sentence.
_ABBREVIATION_TEXT = """
    e.g i.e cf vs viz al approx appx ca dept est fig figs eq eqs no nos vol vols pp p
    ch chap sec sect mr mrs ms dr prof st jr sr rev gen col lt sgt capt gov sen rep
    inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri
    sat sun a.m p.m u.s u.k u.n e.u ph.d b.a m.a b.sc m.sc
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())
# Abbreviations that often end a sentence too: they end one before a capital.
_SOFT_ABBREVIATIONS = frozenset({"etc", "al", "inc", "ltd", "co", "corp", "jr", "sr"})
_LIST_ITEM = re.compile(
    r"^\s*(?:[-*+•·▪◦–—]\s+|\(?\d{1,3}[.)]\s+|\(?[a-zA-Z][.)]\s+(?=\S)|\([ivxIVX]{1,4}\)\s+"
    r"|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}[、．])"
)
_CODE_LINE = re.compile(
    r"^\s*(?:\$ |>>> |# |//|/\*|\{|\}|(?:def|class|fn|let|const|var|import|from|return|if|for|"
    r"while|pub|use|impl|struct|function|package|func|#include)\b.*[:;{})\]]\s*$)"
    r"|[;{}]\s*$|^\s*[\w.\[\]]+\s*(?:=|\+=|-=|=>|->|::)\s*\S+[^.!?。！？]$"
    r"|^(?: {4,}|\t)(?!.*[.!?]\s+[A-Z])\S"
)
_WORD_BEFORE = re.compile(r"((?:[A-Za-z]+\.)*[A-Za-z]+)$")
_DOTTED = re.compile(r"^(?:[a-z]{1,2}\.)+[a-z]{1,2}$")
# Abbreviations that stand before a number: "No. 5", "Fig. 3", "p. 12".
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "p", "pp", "fig", "figs", "eq", "eqs", "vol"})


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of one paragraph, in order (see the module docstring)."""
    sentences: list[Sentence] = []
    chunk_start: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        starts_unit = bool(_LIST_ITEM.match(body)) or looks_like_code(body)
        if starts_unit and chunk_start is not None:
            sentences += _split_prose(text, chunk_start, offset)
            chunk_start = None
        if looks_like_code(body):
            sentences += _span(text, offset, offset + len(body))
        elif chunk_start is None:
            chunk_start = offset
        offset += len(line)
    if chunk_start is not None:
        sentences += _split_prose(text, chunk_start, len(text))
    return sentences


def looks_like_code(line: str) -> bool:
    """A line of source code or a shell command, which is one unit however it is punctuated."""
    if not line.strip() or _has_cjk(line):
        return False
    return bool(_CODE_LINE.search(line))


def _has_cjk(text: str) -> bool:
    return bool(HAN_CHAR.search(text))


def _span(text: str, start: int, end: int) -> list[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Sentence(start, end, text[start:end])] if end > start else []


def _split_prose(text: str, start: int, end: int) -> list[Sentence]:
    out: list[Sentence] = []
    protected = _protected(text, start, end)
    first = start
    while first < end and text[first].isspace():
        first += 1
    marker = _LIST_ITEM.match(text[first:end])
    k = first + marker.end() if marker else first
    begin = start
    while k < end:
        if k in protected:
            k = protected[k]
            continue
        stop = _boundary(text, k, end, begin)
        if stop is None:
            k += 1
            continue
        out += _span(text, begin, stop)
        begin = k = stop
    out += _span(text, begin, end)
    return out


def _protected(text: str, start: int, end: int) -> dict[int, int]:
    """Start -> end of the addresses in [start, end): nothing inside them ends a sentence."""
    spans = {}
    for match in _URL.finditer(text, start, end):
        # A full stop or comma right after an address is the sentence's, not the address's.
        spans[match.start()] = match.start() + len(match.group().rstrip(".,;:!?"))
    return spans


def _boundary(text: str, k: int, end: int, begin: int) -> int | None:
    """If a sentence ends at the mark ``text[k]``, where the next one starts; else None."""
    ch = text[k]
    if ch in "。！？；":
        stop = _skip_marks(text, k + 1, end, "。！？；!?…")
        return _skip(text, stop, end, _CLOSERS)
    if ch == "…":
        stop = _skip_marks(text, k + 1, end, "…。！？!?.")
        stop = _skip(text, stop, end, _CLOSERS)
        nxt = _next_visible(text, stop, end)
        # "……" ends a Chinese sentence; "…" inside English prose ends one before a capital.
        if nxt is None or _has_cjk(text[k - 1 : k] or "") or _starts_sentence(nxt):
            return stop
        return None
    if ch not in ".!?":
        return None
    stop = _skip_marks(text, k + 1, end, ".!?")
    stop = _skip(text, stop, end, _CLOSERS)
    if stop >= end:
        return stop
    following = text[stop]
    if _has_cjk(following):
        # Half-width marks in Chinese prose; "3." or "v2." before Chinese is not a sentence.
        previous = text[k - 1] if k > begin else ""
        return stop if ch != "." or not previous.isalnum() or _has_cjk(previous) else None
    if not following.isspace():
        return None
    nxt = _next_visible(text, stop, end)
    if nxt is None:
        return stop
    if ch == "." and stop == k + 1:
        window = max(begin, k - 24)
        word = _WORD_BEFORE.search(text[window:k])
        token = word.group(1).lower() if word else ""
        if token in _NUMBER_ABBREVIATIONS and nxt.isdigit():
            return None
        if token in _ABBREVIATIONS and token not in _SOFT_ABBREVIATIONS:
            return None
        if token in _SOFT_ABBREVIATIONS and not nxt.isupper():
            return None
        if word and len(token) == 1 and word.group(1).isupper():
            return None  # An initial: "J. Smith".
        if _DOTTED.match(token):
            return None  # "U.S.", "a.m." and the like.
    return stop if _starts_sentence(nxt) else None


def _skip_marks(text: str, k: int, end: int, marks: str) -> int:
    while k < end and text[k] in marks:
        k += 1
    return k


def _skip(text: str, k: int, end: int, chars: str) -> int:
    while k < end and text[k] in chars:
        k += 1
    return k


def _next_visible(text: str, k: int, end: int) -> str | None:
    while k < end and text[k].isspace():
        k += 1
    return text[k] if k < end else None


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENERS or bool(_has_cjk(ch)) or ch in "-*•#"
