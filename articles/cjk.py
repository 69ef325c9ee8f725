"""Chinese script, defined once: which characters are Han ideographs, which are the wider
East Asian script that is tokenised one character at a time, and which are the characters
between which Chinese writes no space (ideographs, CJK punctuation and full-width forms).

Engines, checks and diffs all read text through these classes, so "is this Chinese?" has
one answer across the product.
"""

import re

# Han ideographs: the unified block, extension A, compatibility forms and extensions B-H.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Script written without spaces between words, one token per character in diffs: Han,
# radicals, kana, bopomofo and Hangul syllables.
WIDE_SCRIPT = HAN + "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\uac00-\ud7af"
# Characters a space or line break between two of which is layout, not a word gap:
# Han, CJK punctuation and full-width forms.
UNSPACED = HAN + "\u3000-\u303f\uff00-\uffef"

HAN_CHAR = re.compile(f"[{HAN}]")
# Spaces or tabs between two unspaced characters (left by HTML layout or PDF copy).
GAP_BETWEEN = re.compile(rf"(?<=[{UNSPACED}])[ \t]+(?=[{UNSPACED}])")
# A single line break between two unspaced characters: a wrapped line, not a paragraph.
BREAK_BETWEEN = re.compile(rf"(?<=[{UNSPACED}])\n(?=[{UNSPACED}])")


def has_han(text: str) -> bool:
    return HAN_CHAR.search(text or "") is not None


def han_count(text: str) -> int:
    return len(HAN_CHAR.findall(text or ""))


def han_only(text: str) -> str:
    """The ideographs of ``text``, in order, nothing else."""
    return "".join(HAN_CHAR.findall(text or ""))
