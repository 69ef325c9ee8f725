"""Limits on imported text, checked before the work they protect."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from articles.importing.engine.errors import ImportInputError

MAX_INPUT_BYTES = 2 * 1024 * 1024
MAX_BLOCKS = 5_000
MAX_LINE_CHARS = 20_000
MAX_BLOCK_CHARS = 50_000
# Real pages nest a few dozen elements deep; HTML tree builders slow down quadratically with
# depth, so a deeper page is refused before it is parsed.
MAX_HTML_DEPTH = 1_000
MAX_HTML_ELEMENTS = 60_000


@dataclass(frozen=True)
class Limits:
    max_bytes: int = MAX_INPUT_BYTES
    max_blocks: int = MAX_BLOCKS
    max_line_chars: int = MAX_LINE_CHARS
    max_block_chars: int = MAX_BLOCK_CHARS
    max_html_depth: int = MAX_HTML_DEPTH
    max_html_elements: int = MAX_HTML_ELEMENTS

    def check_size(self, size: int) -> None:
        if size > self.max_bytes:
            raise ImportInputError(
                _(
                    "The file is too large to import (%(size)s); the limit is %(limit)s. "
                    "Import the article in parts."
                )
                % {"size": _megabytes(size), "limit": _megabytes(self.max_bytes)}
            )

    def check_blocks(self, count: int) -> None:
        if count > self.max_blocks:
            raise ImportInputError(
                _(
                    "The text has more than %(limit)s paragraphs, which is more than one "
                    "article. Import it in parts."
                )
                % {"limit": f"{self.max_blocks:,}"}
            )

    def check_block(self, text: str) -> None:
        if len(text) > self.max_block_chars:
            raise ImportInputError(
                _(
                    "One paragraph is longer than %(limit)s characters. Check that the file "
                    "is an article and not data."
                )
                % {"limit": f"{self.max_block_chars:,}"}
            )

    def check_lines(self, text: str) -> None:
        longest = max((len(line) for line in text.split("\n")), default=0)
        if longest > self.max_line_chars:
            raise ImportInputError(
                _(
                    "One line is longer than %(limit)s characters. Check that the file is an "
                    "article and not data."
                )
                % {"limit": f"{self.max_line_chars:,}"}
            )


DEFAULT_LIMITS = Limits()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
