"""What a reader is told before reading: how long an article takes and which language a run
of text is in (plain values in and out, no models).

Chinese is read at about 400 characters a minute and English at about 230 words; an article
with fewer headed sections than ``TOC_MIN_SECTIONS`` is short enough to need no contents."""

import math
import re
from collections.abc import Iterable

from django.utils.translation import get_language

from articles.cjk import han_count, has_han
from articles.richtext import html_to_text

HAN_PER_MINUTE = 400
WORDS_PER_MINUTE = 230
TOC_MIN_SECTIONS = 4
LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")


def reading_minutes(bodies: Iterable[str]) -> int:
    """Minutes to read the rich-text ``bodies`` (at least 1): ideographs and Latin words
    each at their own pace, so an English name inside Chinese counts as one word."""
    han = words = 0
    for body in bodies:
        text = html_to_text(body or "")
        han += han_count(text)
        words += len(LATIN_WORD.findall(text))
    return max(1, math.ceil(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE))


def text_lang(text: str) -> str:
    """The ``lang`` of a stored run whose language is not recorded (a person's note, a
    credit): Chinese if it has any ideograph, else English."""
    return "zh-Hans" if has_han(text) else "en"


def join_sentences(*sentences: str) -> str:
    """Sentences one after another in the active language: Chinese writes no space after its
    full stop (。), English one after its period."""
    separator = "" if (get_language() or "").startswith("zh") else " "
    return separator.join(sentence for sentence in sentences if sentence)
