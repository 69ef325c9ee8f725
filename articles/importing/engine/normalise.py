"""One normal form for imported text, so that every database stores the same characters.

PostgreSQL refuses NUL; control characters and invisible marks break search and diffs; a
pasted page mixes line-ending styles. Bidirectional controls and joiners are kept: they can
carry meaning (emoji sequences, right-to-left names), and the admin shows them.
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATES = re.compile(r"[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028]")
# NUL and the other C0 controls except tab and newline, DEL, C1 controls, and invisible marks
# that pasting leaves behind: zero-width space, word joiner, BOM, Mongolian vowel separator,
# soft hyphen.
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u180e\u00ad]")


def normalise_text(text: str) -> str:
    """NFC text with ``\\n`` line ends and without control or zero-width characters."""
    text = _SURROGATES.sub("\ufffd", text)
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _DROPPED.sub("", text)
    return unicodedata.normalize("NFC", text)
