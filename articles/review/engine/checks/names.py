"""Latin-script names: missing from the translation, or written as a known misspelling.

A name is a capitalised word, or a run of them, that is not just capitalised by position:
the first word of a sentence or of a Title Case heading counts only when it looks like a name
anyway ("AlexNet", "GPT-4", "NASA") or appears capitalised mid-sentence elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.review.engine.checks.renderings import COMMON_RENDERINGS
from articles.review.engine.checks.values import (
    MISSING_NAME,
    MISSPELT_NAME,
    Finding,
    GlossaryTerm,
    PersonNames,
    nfkc,
    squash,
)

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_WORD = re.compile(rf"[{_LATIN}0-9]+(?:[-'’.][{_LATIN}0-9]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM_PLURAL = re.compile(r"^([A-Z]{2,})s$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…。！？：\n])[\s\"“‘'(\[{「《*•\-–—]*")
_CHINESE_NAME_SEPARATORS = re.compile(r"[·•・‧.\s]+")

# Capitalised mid-sentence without being names.
_STOPWORD_LINES = """
    I I'm I've I'd I'll OK Mr Mrs Ms Dr Prof Sir St Jr Sr Inc Corp Ltd Co The A An
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Figure Fig Table Section Chapter Part Step Appendix Note
"""
STOPWORDS = frozenset(_STOPWORD_LINES.split())
_RENDERINGS = {squash(name): renderings for name, renderings in COMMON_RENDERINGS.items()}


def check_names(
    source_en: str,
    translation_zh: str,
    *,
    people: Sequence[PersonNames] = (),
    glossary: Sequence[GlossaryTerm] = (),
) -> list[Finding]:
    """Latin-script names in the source found neither as written nor in Chinese.

    A name is found when the translation has it as written, a Chinese name or recorded
    misspelling of the person it names (misspellings have their own check), or its common
    Chinese rendering. A run of names ("Google DeepMind") is found when each word is.
    Glossary terms are left to the glossary check.
    """
    translation = squash(nfkc(translation_zh))
    terms = {squash(t.english) for t in glossary}
    people_found = _people_found(people, translation)

    def found(name: str) -> bool:
        key = squash(name)
        # "Transformers" is found as "Transformer".
        keys = {key, key[:-1]} if key.endswith("s") and len(key) > 3 else {key}
        if any(k in terms or k in translation for k in keys):
            return True
        renderings = (zh for k in keys for zh in _RENDERINGS.get(k, ()))
        if any(squash(zh) in translation for zh in renderings):
            return True
        return people_found.get(tuple(name.casefold().split()), False)

    def checkable(words: tuple[str, ...]) -> bool:
        """Whether we know how this name should appear in Chinese: kept in Latin script
        (AlexNet, GPT-4, MNIST), a person on record, or a known common rendering. Other
        names (a town, a person with no record) are transliterated in ways no list can
        predict, so judging them would flag every clean translation."""
        if any(_distinctive(word) for word in words):
            return True
        keys = [squash(" ".join(words)), *(squash(word) for word in words)]
        if any(key in _RENDERINGS for key in keys):
            return True
        return tuple(" ".join(words).casefold().split()) in people_found or any(
            (word.casefold(),) in people_found for word in words
        )

    findings = []
    for words in dict.fromkeys(name_candidates(nfkc(source_en))):
        name = " ".join(words)
        if not checkable(words):
            continue
        if not found(name) and not all(found(word) for word in words):
            message = f'Name "{name}" in the source is missing from the translation'
            findings.append(Finding(MISSING_NAME, message, name))
    return findings


def check_misspellings(
    source_en: str, translation_zh: str, people: Sequence[PersonNames]
) -> list[Finding]:
    """Known misspellings of a person's name in either text; case matters ("IIya")."""
    texts = {"source": nfkc(source_en), "translation": nfkc(translation_zh)}
    findings = []
    for person in people:
        # Blank the correct names first, so a misspelling inside one is not reported.
        names = (*person.names_en, *person.names_zh)
        correct = sorted((nfkc(n) for n in names if n), key=len, reverse=True)
        proper = names[0] if names else str(person.id)
        misspellings = sorted((nfkc(m) for m in person.misspellings if m), key=len, reverse=True)
        for index, misspelling in enumerate(misspellings):
            # Longer misspellings first, so "IIya Sutskever" is not reported again as "IIya".
            hidden = correct + misspellings[:index]
            pattern = re.compile(rf"(?<![A-Za-z]){re.escape(misspelling)}(?![A-Za-z])")
            places = [
                place
                for place, text in texts.items()
                if misspelling in text and pattern.search(_blank(text, hidden))
            ]
            if places:
                message = (
                    f'Name "{misspelling}" in the {" and the ".join(places)} '
                    f"looks like a misspelling of {proper}"
                )
                findings.append(Finding(MISSPELT_NAME, message, misspelling))
    return findings


def name_candidates(text: str) -> list[tuple[str, ...]]:
    """Runs of words in English text that look like names, in order of appearance."""
    sentence_starts = {m.end() for m in _SENTENCE_START.finditer(text)}
    headings = [m.span() for m in re.finditer(r"[^\n]+", text) if _is_heading(m.group())]
    tokens = []
    for m in _WORD.finditer(text):
        word = _ACRONYM_PLURAL.sub(r"\1", _POSSESSIVE.sub("", m.group()))
        positional = m.start() in sentence_starts or any(a <= m.start() < b for a, b in headings)
        tokens.append((word, m.start(), m.end(), positional, word != m.group()))
    confirmed = {w for w, _, _, positional, _ in tokens if not positional and w[0].isupper()}
    lowercase = {w for w, *_ in tokens if w.islower()}

    runs: list[tuple[str, ...]] = []
    previous_end, previous_possessive = -1, False
    for word, start, end, positional, possessive in tokens:
        if _is_name(word, positional, confirmed, lowercase):
            joined = text[previous_end:start] == " " and not previous_possessive
            if joined and runs:
                runs[-1] += (word,)
            else:
                runs.append((word,))
            previous_end, previous_possessive = end, possessive
        else:
            previous_end = -1
    return runs


def _is_name(word: str, positional: bool, confirmed: set[str], lowercase: set[str]) -> bool:
    if len(word) < 2 or word[0].isdigit() or word in STOPWORDS:
        return False
    inner_capital = any(ch.isupper() for ch in word[1:])
    if not (word[0].isupper() or inner_capital):
        return False
    if _distinctive(word):
        return True
    # "Deep Learning" next to "deep learning" is emphasis, not a name.
    return word.lower() not in lowercase and (not positional or word in confirmed)


def _distinctive(word: str) -> bool:
    """Kept in Latin script in Chinese text: inner capitals, digits or an acronym."""
    return any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word)


def _is_heading(line: str) -> bool:
    """A short Title Case line without closing punctuation."""
    line = line.strip()
    words = [w for w in _WORD.findall(line) if w[0].isalpha()]
    long_words = [w for w in words if len(w) > 3]
    return (
        2 <= len(words) <= 12
        and not line.endswith((".", "!", "?", "。", ":", ";", ","))
        and all(w[0].isupper() for w in long_words)
    )


def _blank(text: str, names: Sequence[str]) -> str:
    for name in names:
        text = text.replace(name, "\0")
    return text


def _people_found(
    people: Sequence[PersonNames], squashed_translation: str
) -> dict[tuple[str, ...], bool]:
    """For each run of words of a person's English name ("Hinton", "Geoffrey Hinton"), whether
    a person it may stand for is named in the translation."""
    found: dict[tuple[str, ...], bool] = {}
    for person in people:
        present = _person_in(person, squashed_translation)
        for full in person.names_en:
            parts = tuple(full.casefold().split())
            for start in range(len(parts)):
                for end in range(start + 1, len(parts) + 1):
                    run = parts[start:end]
                    found[run] = found.get(run, False) or present
    return found


def _person_in(person: PersonNames, squashed_translation: str) -> bool:
    forms = [*person.names_en, *person.misspellings]
    for zh in person.names_zh:
        # "辛顿" alone stands for "杰弗里·辛顿".
        forms += [zh, *(part for part in _CHINESE_NAME_SEPARATORS.split(zh) if len(part) > 1)]
    return any(squash(form) in squashed_translation for form in forms if form.strip())
