"""Which parser a text needs: HTML, Markdown or plain text."""

from __future__ import annotations

import re

HTML, MARKDOWN, TEXT = "html", "markdown", "text"
FORMATS = (HTML, MARKDOWN, TEXT)

_EXTENSIONS = {".html": HTML, ".htm": HTML, ".xhtml": HTML, ".md": MARKDOWN}
_EXTENSIONS |= {".markdown": MARKDOWN, ".txt": TEXT, ".text": TEXT}
_PAGE_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"<(p|div|br|h[1-6]|li|section|article|body|span|img|table)\b", re.I)
# Syntax only Markdown has: headings, fences, quotes, underlines, links and images.
_MARKDOWN = re.compile(
    r"^(#{1,6}\s|>\s|```|~~~|=+\s*$|-{3,}\s*$)|!?\[[^\]\n]+\]\(",
    re.MULTILINE,
)
# Bullets and numbered lines: plain text has them too, so they only add to other syntax.
_LIST_LINE = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}\.)\s", re.MULTILINE)
_SNIFF = 200_000


def detect_format(text: str, filename: str = "") -> str:
    """The format a file name says, else what the text looks like: plain text unless it has
    Markdown's own syntax (a list alone does not make Markdown)."""
    name = filename.lower()
    for extension, fmt in _EXTENSIONS.items():
        if name.endswith(extension):
            return fmt
    head = text[:_SNIFF]
    if _PAGE_START.match(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return HTML
    syntax = len(_MARKDOWN.findall(head))
    if syntax >= 2 or (syntax and _LIST_LINE.search(head)):
        return MARKDOWN
    return TEXT
