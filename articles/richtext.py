"""Rich text (the editor's HTML) as plain text, the one way every engine reads it: checks,
diffs, effort, sign-off hashes, drift and AI prompts.

The last bodies read are kept in the process: the review screen, the checks and the sign-off
hashes read every section of an article again on every view, and Django's ``strip_tags``
parses the HTML in Python.
"""

import html
import re
from functools import lru_cache

from django.utils.html import strip_tags

_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|blockquote|div|ul|ol)\s*>", re.IGNORECASE)
_ITEM_END = re.compile(r"</li\s*>", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Bodies whose plain text a process keeps (each a few kB).
TEXTS_KEPT = 2048


def html_to_text(rich_text: str) -> str:
    """Plain text of a rich-text body: paragraphs apart by a blank line, list items by a
    line break, entities decoded, runs of spaces folded."""
    return _plain_text(rich_text or "")


@lru_cache(maxsize=TEXTS_KEPT)
def _plain_text(rich_text: str) -> str:
    text = _LINE_BREAK.sub("\n", rich_text)
    text = _ITEM_END.sub("\n", _BLOCK_END.sub("\n\n", text))
    text = html.unescape(strip_tags(text)).replace("\xa0", " ")
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = [" ".join(line.split()) for line in block.splitlines()]
        if any(lines):
            paragraphs.append("\n".join(line for line in lines if line))
    return "\n\n".join(paragraphs)


def html_to_lines(rich_text: str) -> str:
    """Plain text with one line per paragraph or list item and no blank lines: what checks,
    diffs and the drift record compare."""
    return "\n".join(line for line in html_to_text(rich_text).splitlines() if line)


def words_of(rich_text: str) -> str:
    """The words only, on one line: for comparing content regardless of layout."""
    return " ".join(html_to_text(rich_text).split())
