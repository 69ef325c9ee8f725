"""Quotations worth offering as Quote snippets: speech that the text attributes to someone
it names next to the quotation.

"马斯克说：“……”", "“……”，马斯克说", "用吴恩达的话说，……", "X 说：……" and the English
`X said, "…"`, `"…," X said`, `"…," said X`. A quoted title (《…》 is never a quotation; a
quoted paper title has no speech verb beside it) and quoted words with no named speaker
("他说", a bare "“…”") are not offered. The speaker is the person named beside the quotation,
never one mentioned earlier in the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from articles.names import (
    SPEECH_VERBS_ZH,
    NameMatch,
    chinese_name_at_end,
    looks_like_person_name,
    name_end_before_verb,
)

MIN_QUOTE_CHARS = 10

_QUOTED = re.compile(
    r"“([^“”]{1,2000})”|「([^「」]{1,2000})」|『([^『』]{1,2000})』|\"([^\"\n]{1,2000})\""
)
_VERBS_EN = r"(?:said|says|wrote|writes|added|adds|explained|argued|noted|recalled|asked|replied)"
_ADVERBS_EN = r"(?:(?:also|later|once|then|famously|simply|recently)\s+)?"
_ZH_VERB_AT_END = re.compile(rf"(?:{SPEECH_VERBS_ZH})道?\s*[：:，,]?\s*$")
_EN_VERB_AT_END = re.compile(rf"\s+{_ADVERBS_EN}{_VERBS_EN}\s*[,:]?\s*$")
_ZH_AFTER = re.compile(rf"^\s*[，,]?\s*([^，。！？；“”「」\n]{{1,30}}?)(?:{SPEECH_VERBS_ZH})")
_EN_AFTER_NAME_FIRST = re.compile(
    rf"^\s*,?\s*((?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)\s+{_ADVERBS_EN}{_VERBS_EN}\b"
)
_EN_AFTER_VERB_FIRST = re.compile(
    rf"^\s*,?\s*{_VERBS_EN}\s+((?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)"
)
_IN_WORDS_OF = re.compile(r"用\s*([^\s，。“”「」]{1,20}?)\s*的话(?:来)?说\s*[，,：:]\s*")
_COLON_INTRO_ZH = re.compile(rf"(?:{SPEECH_VERBS_ZH})道?\s*[：:]\s*")
_COLON_INTRO_EN = re.compile(rf"\s+{_ADVERBS_EN}{_VERBS_EN}\s*:\s*")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)\s|\n")
_LATIN_NAME_AT_END = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*$")
_PRONOUNS_EN = frozenset({"He", "She", "They", "It", "We", "I", "You", "This", "That"})


@dataclass(frozen=True)
class QuoteCandidate:
    text: str
    start: int
    end: int
    # The known person named beside the quotation, when the name is a known person's.
    speaker_id: Hashable | None = None
    # The speaker as the text names them.
    speaker: str = ""


def attributed_quotes(text: str, mentions: Sequence[NameMatch]) -> list[QuoteCandidate]:
    """Quotations in ``text`` with a named speaker beside them, in reading order."""
    quotes: dict[tuple[int, int], QuoteCandidate] = {}

    def offer(start: int, end: int, speaker: tuple[str, Hashable | None] | None) -> None:
        while start < end and text[start].isspace():
            start += 1
        words = text[start:end].strip()
        if speaker and len(words) >= MIN_QUOTE_CHARS and (start, end) not in quotes:
            quotes[start, end] = QuoteCandidate(
                words, start, start + len(words), speaker[1], speaker[0]
            )

    for match in _QUOTED.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        start, end = match.span(group)
        speaker = _speaker_before(text, match.start(), mentions) or _speaker_after(
            text, match.end(), mentions
        )
        offer(start, end, speaker)
    for match in _IN_WORDS_OF.finditer(text):
        name = match.group(1)
        speaker = _known(mentions, match.start(1), match.end(1)) or (
            (chinese_name_at_end(name), None) if chinese_name_at_end(name) else None
        )
        rest = match.end()
        if rest < len(text) and text[rest] in '“「『"':
            continue  # The quotation marks give the span; handled above.
        offer(rest, _sentence_end(text, rest), speaker)
    for pattern in (_COLON_INTRO_ZH, _COLON_INTRO_EN):
        for match in pattern.finditer(text):
            rest = match.end()
            if rest >= len(text) or text[rest] in '“「『"':
                continue
            offer(rest, _sentence_end(text, rest), _speaker_ending(text, match.start(), mentions))
    return [quotes[key] for key in sorted(quotes)]


def _speaker_before(
    text: str, quote_start: int, mentions: Sequence[NameMatch]
) -> tuple[str, Hashable | None] | None:
    before = text[:quote_start]
    verb = _ZH_VERB_AT_END.search(before)
    if verb:
        return _speaker_ending(text, verb.start(), mentions)
    verb = _EN_VERB_AT_END.search(before)
    if verb:
        return _speaker_ending(text, verb.start(), mentions)
    return None


def _speaker_after(
    text: str, quote_end: int, mentions: Sequence[NameMatch]
) -> tuple[str, Hashable | None] | None:
    after = text[quote_end:]
    for pattern in (_EN_AFTER_NAME_FIRST, _EN_AFTER_VERB_FIRST):
        match = pattern.match(after)
        if match:
            start, end = quote_end + match.start(1), quote_end + match.end(1)
            return _known(mentions, start, end) or _latin_speaker(text[start:end])
    match = _ZH_AFTER.match(after)
    if match:
        start = quote_end + match.start(1)
        end = start + name_end_before_verb(match.group(1))
        known = _known(mentions, start, end)
        if known:
            return known
        name = chinese_name_at_end(text[start:end])
        # The name must be all that stands there: "“…”，他后来说" names nobody.
        return (name, None) if name and name == text[start:end].strip() else None
    return None


def _speaker_ending(
    text: str, verb_start: int, mentions: Sequence[NameMatch]
) -> tuple[str, Hashable | None] | None:
    """The speaker named just before a speech verb: a known person whose name ends there,
    else a string with a name's shape."""
    before = text[:verb_start]
    end = name_end_before_verb(before)
    while end > 0 and before[end - 1] == " ":
        end -= 1
    for mention in reversed(mentions):
        if mention.end == end:
            return mention.text, mention.person_id
    name = chinese_name_at_end(before[:end])
    if name:
        return name, None
    latin = _LATIN_NAME_AT_END.search(before[:end])
    return _latin_speaker(latin.group(1)) if latin else None


def _known(mentions: Sequence[NameMatch], start: int, end: int) -> tuple[str, Hashable] | None:
    for mention in mentions:
        if start <= mention.start and mention.end <= end + 1 and mention.end >= end - 1:
            return mention.text, mention.person_id
    return None


def _latin_speaker(name: str) -> tuple[str, None] | None:
    words = tuple(name.split())
    if words and words[0] in _PRONOUNS_EN:
        return None
    return (name, None) if looks_like_person_name(words) else None


def _sentence_end(text: str, start: int) -> int:
    match = _SENTENCE_END.search(text, start)
    return match.start() if match else len(text)
