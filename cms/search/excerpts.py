"""Excerpts of search results around the first match, matches marked; no models.

Everything is escaped first and only then are matches wrapped in ``<mark>``, so text from
the database never becomes markup. The window is measured in display width (a Han character
counts as two), so Chinese and English excerpts come out about the same size on screen.
"""

import re
import unicodedata
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cms.search import segment

EXCERPT_WIDTH = 180  # display columns: about 90 Han characters or 180 Latin ones
LEAD_WIDTH = 50  # of which before the first match
ELLIPSIS = "…"
NAME_JOINERS = re.compile("[·・•\\-]")


def highlight_terms(query: str) -> list[str]:
    """What to mark for ``query``: each term as typed (when it is a name or word, such as
    杰弗里·辛顿) and the words it was cut into, longest first. Single characters cut out of a
    longer term (的, a) are not marked."""
    terms: list[str] = []
    for term in query.split():
        words = segment.query_words(term)
        if segment.WORD.fullmatch(NAME_JOINERS.sub("", term)):
            terms.append(term)
        terms += [word for word in words if len(word) > 1 or word == term]
    return sorted({term.casefold(): term for term in terms}.values(), key=len, reverse=True)


def pattern_for(terms: Iterable[str]) -> re.Pattern | None:
    """One pattern matching any of ``terms`` (longest first), ignoring case."""
    alternatives = [re.escape(term) for term in terms if term]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _window(text: str, position: int) -> tuple[int, int]:
    """Start and end of the excerpt around ``position``: up to ``LEAD_WIDTH`` before it and
    ``EXCERPT_WIDTH`` in all, not cutting a Latin word in two."""
    start, used = position, 0
    while start > 0 and used + _width(text[start - 1]) <= LEAD_WIDTH:
        start -= 1
        used += _width(text[start])
    end = start
    used = 0
    while end < len(text) and used + _width(text[end]) <= EXCERPT_WIDTH:
        used += _width(text[end])
        end += 1
    if start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        space = text.find(" ", start, position)
        start = space + 1 if space != -1 else start
    if end < len(text) and text[end].isascii() and text[end].isalnum():
        space = text.rfind(" ", max(position, start), end)
        end = space if space > position else end
    return start, end


def mark(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` escaped, each match of ``pattern`` in ``<mark>``."""
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece was escaped above


def excerpt(texts: Iterable[str], pattern: re.Pattern | None) -> SafeString | None:
    """The first of ``texts`` that mentions a term (matches ``pattern``), cut around the first
    mention, with every mention marked; None when none does."""
    if pattern is None:
        return None
    for text in texts:
        flat = " ".join((text or "").split())
        found = pattern.search(flat)
        if found is None:
            continue
        start, end = _window(flat, found.start())
        lead = ELLIPSIS if start > 0 else ""
        tail = ELLIPSIS if end < len(flat) else ""
        return mark_safe(f"{lead}{mark(flat[start:end], pattern)}{tail}")  # noqa: S308
    return None
