"""Latin-script names: missing from the translation, or misspelt.

A name is a capitalised word, or a run of them, that is not just capitalised by position:
the first word of a sentence or of a Title Case heading counts only when it looks like a name
anyway ("AlexNet", "GPT-4", "NASA") or appears capitalised mid-sentence elsewhere. A name is
present when the translation has it as written or rendered: a person's Chinese name, an
organisation's (``Organisation``), a glossary term's or a common one (``renderings.py``).

Misspellings are found by ``articles.names`` (the one matcher of people's names): recorded
misspellings and near misses of a person's name, in either text, every form that occurs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from articles.cjk import has_han
from articles.kept import Kept, digest
from articles.names import NameIndex, NameMatch, fold, near_word
from articles.review.engine.checks.renderings import COMMON_RENDERINGS
from articles.review.engine.checks.values import (
    MISSING_NAME,
    MISSPELT_NAME,
    Finding,
    GlossaryTerm,
    Organisation,
    PersonNames,
    message,
    nfkc,
    squash,
)

# What one people index keeps of what it found: the names in each text it was asked about,
# and the slips each capitalised word may be. An index lives as long as the same people are
# on record (``PeopleIndex.of``), so it keeps the texts of the articles read meanwhile.
TEXTS_KEPT = 1024
WORDS_KEPT = 4096
# Indexes a process keeps, each for one set of people's names.
INDEXES_KEPT = 2

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_WORD = re.compile(rf"[{_LATIN}0-9]+(?:[-'’.][{_LATIN}0-9]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM_PLURAL = re.compile(r"^([A-Z]{2,})s$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…。！？：\n])[\s\"“‘'(\[{「《*•\-–—]*")
_LOWER_SUFFIX = re.compile(r"(?:-[a-z]+)+$")
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


_MISSING = _("Name “%(name)s” in the source is missing from the translation")
_MISSPELT = {
    "source": ngettext_lazy(
        "“%(name)s” in the source looks like a misspelling of “%(person)s”",
        "“%(name)s” in the source (%(count)s times) looks like a misspelling of “%(person)s”",
        "count",
    ),
    "translation": ngettext_lazy(
        "“%(name)s” in the translation looks like a misspelling of “%(person)s”",
        "“%(name)s” in the translation (%(count)s times) looks like a misspelling of “%(person)s”",
        "count",
    ),
    "both": ngettext_lazy(
        "“%(name)s” in the source and the translation looks like a misspelling of “%(person)s”",
        "“%(name)s” in the source and the translation (%(count)s times) looks like a "
        "misspelling of “%(person)s”",
        "count",
    ),
}


class PeopleIndex:
    """People's names prepared once (``articles.names.NameIndex``) for checking many sections,
    with the name each misspelling is reported as a slip of."""

    def __init__(self, people: Sequence[PersonNames]):
        self.names = NameIndex(people)
        # The name, misspelling and stray-word checks each read the same section's texts,
        # and an article's sections repeat their words: both are looked at once.
        self._names_in: Kept[str, tuple[NameMatch, ...]] = Kept(TEXTS_KEPT)
        self._owners_of: Kept[str, frozenset[object]] = Kept(WORDS_KEPT)
        self.proper = {
            p.id: (next(iter(p.names_en), ""), next(iter(p.names_zh), "")) for p in people
        }

        # Single words of names, for slips in a name written alone ("IIya", "Bengiol"), which
        # the name matcher looks for only in whole names and unique surnames.
        self.words: dict[str, set[object]] = {}
        self.surnames: set[str] = set()
        for person in people:
            for name in person.names_en:
                words = _WORD.findall(name)
                for word in words:
                    self.words.setdefault(word, set()).add(person.id)
                if len(words) > 1:
                    self.surnames.add(words[-1])

    @classmethod
    def of(cls, people: Sequence[PersonNames]) -> PeopleIndex:
        """The index of ``people``, the same one while the same names are on record: the
        review screen and each submission check every section, and an article's texts and
        words were mostly looked up on an earlier view. A person's changed names are a new
        index."""
        return _indexes.get(digest(tuple(people)), lambda: cls(people))

    def find(self, text: str) -> list[NameMatch]:
        return list(self._names_in.get(text, lambda: self._names(text)))

    def _names(self, text: str) -> tuple[NameMatch, ...]:
        return tuple(self.names.find(text))

    def stray_words(self, text: str) -> list[tuple[str, object]]:
        """Words written alone that are a slip for one person's name word: a capital I for
        an l (or the reverse) in any name word, one letter off in a surname. A word that is
        someone's correct name word, or inside a name the matcher found, is no slip."""
        taken = [(m.start, m.end) for m in self.find(text)]
        found = []
        for match in _WORD.finditer(text):
            word = match.group()
            if word in self.words or any(a <= match.start() < b for a, b in taken):
                continue
            if not (word[:1].isupper() or (word[:1] == "l" and word[1:2].isupper())):
                continue
            owners = self._owners_of.get(word, lambda word=word: self._owners(word))
            if len(owners) == 1:
                found.append((word, next(iter(owners))))
        return found

    def _owners(self, word: str) -> frozenset[object]:
        """The people ``word`` may be a slip for one of the name words of."""
        return frozenset(
            person_id
            for recorded, ids in self.words.items()
            if _slip(word, recorded, recorded in self.surnames)
            for person_id in ids
        )


_indexes: Kept[bytes, PeopleIndex] = Kept(INDEXES_KEPT)


def _slip(written: str, recorded: str, surname: bool) -> bool:
    if len(recorded) < 3 or written.casefold() == recorded.casefold():
        return False
    if fold(written) == fold(recorded):
        return True
    return surname and near_word(written, recorded)


_LATIN_NAME = rf"(?<![{_LATIN}0-9]){{}}(?![{_LATIN}0-9])"


def check_names(
    source_en: str,
    translation_zh: str,
    *,
    people: Sequence[PersonNames] = (),
    glossary: Sequence[GlossaryTerm] = (),
    organisations: Sequence[Organisation] = (),
    index: PeopleIndex | None = None,
) -> list[Finding]:
    """Latin-script names in the source found neither as written nor in Chinese.

    An organisation on record ("New York University", "MIT") is judged as a whole: found when
    the translation has any of its names or renderings ("纽约大学"). Other names are found when
    the translation has them as written, a Chinese name or recorded misspelling of the person
    they name, or a common Chinese rendering. In a run of words ("Cornell Aeronautical
    Laboratory") only the words whose rendering can be predicted are judged: kept in Latin
    script, a person's, or with a known rendering ("Laboratory", 实验室); the rest are
    transliterated or translated in ways no list can predict. Glossary terms are left to the
    glossary check. ``index`` is ``PeopleIndex(people)`` prepared once, for many sections.
    """
    source = nfkc(source_en)
    translation = squash(nfkc(translation_zh))
    findings, source = _check_organisations(source, translation, organisations)
    terms = {squash(t.english) for t in glossary}
    named: set[object] = set()
    if people:
        # Anyone named in the translation, misspelt too: a misspelling is its own finding.
        index = index if index is not None else PeopleIndex(people)
        named = {match.person_id for match in index.find(nfkc(translation_zh))}
    people_found = _people_found(people, translation, named)

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

    def predictable(word: str) -> bool:
        """Whether we know how this word should appear in Chinese: kept in Latin script
        (AlexNet, GPT-4, MNIST), part of a person's name on record, or a known rendering."""
        if _distinctive(word):
            return True
        key = squash(word)
        keys = {key, key[:-1]} if key.endswith("s") and len(key) > 3 else {key}
        return any(k in _RENDERINGS for k in keys) or (word.casefold(),) in people_found

    def checkable(words: tuple[str, ...]) -> bool:
        """Names we cannot predict at all (a town, a person with no record) are not judged,
        since judging them would flag every clean translation."""
        if any(predictable(word) for word in words):
            return True
        return (
            squash(" ".join(words)) in _RENDERINGS
            or tuple(" ".join(words).casefold().split()) in people_found
        )

    for written in dict.fromkeys(name_candidates(source)):
        # "AI-powered" and "C4-like" name "AI" and "C4": the lower-case part is translated.
        words = tuple(_LOWER_SUFFIX.sub("", word) or word for word in written)
        name = " ".join(words)
        if not checkable(words) or found(name):
            continue
        judged = [word for word in words if predictable(word)] or list(words)
        if not all(found(word) for word in judged):
            findings.append(Finding(MISSING_NAME, message(_MISSING, name=name), name))
    return findings


def _check_organisations(
    source: str, squashed_translation: str, organisations: Sequence[Organisation]
) -> tuple[list[Finding], str]:
    """Findings for the organisations the source names, and the source with their names
    blanked, so that their words are not judged again one by one."""
    findings = []
    for organisation in organisations:
        pattern = _names_pattern(tuple(organisation.names_en))
        if pattern is None:
            continue
        written = [m.group() for m in pattern.finditer(source)]
        if not written:
            continue
        source = pattern.sub(lambda m: " " * len(m.group()), source)
        forms = [*organisation.names_en, *organisation.names_zh]
        if not any(squash(nfkc(form)) in squashed_translation for form in forms if form.strip()):
            findings.append(Finding(MISSING_NAME, message(_MISSING, name=written[0]), written[0]))
    return findings, source


@lru_cache(maxsize=1024)  # the organisations on record, section after section
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of ``names`` as whole words, longest first; an acronym ("MIT") only as written,
    other names in any case ("New York university" too)."""
    parts = []
    for name in sorted((nfkc(n).strip() for n in names if n.strip()), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in name.split())
        parts.append(_LATIN_NAME.format(body if name.isupper() else f"(?i:{body})"))
    return re.compile("|".join(parts)) if parts else None


def check_misspellings(
    source_en: str,
    translation_zh: str,
    people: Sequence[PersonNames],
    *,
    index: PeopleIndex | None = None,
) -> list[Finding]:
    """Every form of a person's name written wrong, in either text: recorded misspellings
    (case matters: "IIya") and near misses ("lIya", "Bengiol", one ideograph off in a long
    Chinese name). One finding per form, saying how often it occurs and where.

    ``index`` is ``PeopleIndex`` of everyone on record, prepared once for many sections; it
    defaults to ``people``'s.
    """
    index = index if index is not None else PeopleIndex(people)
    proper = index.proper
    places: dict[str, dict[str, int]] = {}
    persons: dict[str, object] = {}
    for place, text in (("source", nfkc(source_en)), ("translation", nfkc(translation_zh))):
        for match in index.find(text):
            if match.misspelt:
                places.setdefault(match.text, {}).setdefault(place, 0)
                places[match.text][place] += 1
                persons.setdefault(match.text, match.person_id)
    for place, text in (("source", nfkc(source_en)), ("translation", nfkc(translation_zh))):
        for written, person_id in index.stray_words(text):
            places.setdefault(written, {}).setdefault(place, 0)
            places[written][place] += 1
            persons.setdefault(written, person_id)
    findings = []
    for written, counts in places.items():
        where = "both" if len(counts) == 2 else next(iter(counts))
        names = proper.get(persons[written], ("", ""))
        person = (names[1] or names[0]) if has_han(written) else (names[0] or names[1])
        text = message(_MISSPELT[where], name=written, person=person, count=sum(counts.values()))
        findings.append(Finding(MISSPELT_NAME, text, written))
    return findings


def name_candidates(text: str) -> list[tuple[str, ...]]:
    """Runs of words in English text that look like names, in order of appearance."""
    return list(_name_candidates(text))


@lru_cache(maxsize=TEXTS_KEPT)  # a section's English, view after view of the review screen
def _name_candidates(text: str) -> tuple[tuple[str, ...], ...]:
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
    return tuple(runs)


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


def _people_found(
    people: Sequence[PersonNames], squashed_translation: str, named: set[object]
) -> dict[tuple[str, ...], bool]:
    """For each run of words of a person's English name ("Hinton", "Geoffrey Hinton"), whether
    a person it may stand for is named in the translation."""
    found: dict[tuple[str, ...], bool] = {}
    for person in people:
        present = person.id in named or _person_in(person, squashed_translation)
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
