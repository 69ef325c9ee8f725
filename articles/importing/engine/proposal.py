"""What the importer proposes to the editor: a status for every section, and who is mentioned.

Sections are paired through the paragraph alignment of the whole article (headings included),
so a section whose heading was translated freely still finds its counterpart. A section with
no counterpart is ``omitted`` (English) or ``added`` (Chinese, such as an editor's lead); a
paired section that lost paragraphs, or whose paragraphs are much shorter than this article's
usual ratio predicts, is ``abridged``. The editor accepts or corrects each proposal.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from articles.importing.engine.alignment import (
    ABRIDGED,
    ABRIDGED_SHARE,
    ADDED,
    FULL,
    OMITTED,
    Alignment,
    Group,
    align,
)
from articles.importing.engine.anchors import CJK, measure
from articles.importing.engine.sections import Section
from articles.review.engine.checks.names import STOPWORDS, name_candidates
from articles.review.engine.checks.values import PersonNames

# Below this many English letters a section's overall length says little.
MIN_SECTION_LETTERS = 200
# A translated section waiting for its original (the value of SectionStatus.PENDING).
PENDING = "pending"
# What a Chinese section is: the translation, or the re-publisher's own preface.
TRANSLATION = "translation"
PREFACE = "preface"


@dataclass(frozen=True)
class ParagraphRef:
    """A paragraph of one side: ``index`` counts in ``Section.texts()`` (heading first)."""

    section: int
    index: int
    text: str


@dataclass
class SectionEvidence:
    omitted: list[ParagraphRef] = field(default_factory=list)
    abridged: list[ParagraphRef] = field(default_factory=list)
    added: list[ParagraphRef] = field(default_factory=list)
    # Chinese length over the length expected from the English; 1.0 is this article's usual.
    length_ratio: float | None = None


@dataclass
class SectionProposal:
    """Usually one English and one Chinese section; either list is empty when unpaired."""

    en_sections: list[int]
    zh_sections: list[int]
    status: str
    confidence: float
    evidence: SectionEvidence
    # TRANSLATION, or PREFACE for the re-publisher's own words (always ``added``).
    role: str = TRANSLATION


@dataclass
class Proposal:
    sections: list[SectionProposal]
    # The paragraph alignment the sections were paired from (before heading corrections).
    alignment: Alignment
    # False when no English was given: translated sections then wait, ``pending``, for it.
    original_attached: bool = True


def propose(
    en: Sequence[Section], zh: Sequence[Section], anchors: Sequence[tuple[str, str]] = ()
) -> Proposal:
    """Pair the sections of an original and its translation and propose their statuses.

    ``anchors`` are (English, Chinese) pairs such as glossary terms and people's names.
    A leading preface section (``Section.preface``) is never paired: it is ``added``. Without
    an original, translated sections are ``pending`` (not ``added``: the editors did not
    write them) and the proposal says the original is not attached.
    """
    proposal = _pair(en, zh, anchors)
    if not en and zh:
        proposal.original_attached = False
        for section in proposal.sections:
            if section.role != PREFACE:
                section.status = PENDING
    return proposal


def preface_apart(groups: list[Group], preface: set[int]) -> list[Group]:
    """``groups`` with the preface paragraphs (Chinese indexes) taken out of any pairing and
    put together in one ``added`` group, where the first of them stood.

    The preface is aligned with the rest, so the aligner sees the text as the reader does;
    whatever it paired a preface paragraph with is unpaired again here.
    """
    if not preface:
        return groups
    out: list[Group] = []
    placed = False
    for group in groups:
        zh = [j for j in group.zh if j not in preface]
        if len(zh) == len(group.zh):
            out.append(group)
            continue
        if not placed:
            out.append(Group([], sorted(preface), ADDED, 1.0))
            placed = True
        if zh:
            out.append(Group(group.en, zh, group.kind, group.score, group.length_ratio))
        elif group.en:
            out.append(Group(group.en, [], OMITTED, group.score))
    return out


def _pair(
    en: Sequence[Section], zh: Sequence[Section], anchors: Sequence[tuple[str, str]]
) -> Proposal:
    en_refs = _refs(en)
    zh_refs = _refs(zh)
    alignment = align(
        [r.text for r in en_refs],
        [r.text for r in zh_refs],
        anchors,
        en_headings=heading_indexes(en),
        zh_headings=heading_indexes(zh),
    )
    preface = {k for k, ref in enumerate(zh_refs) if zh[ref.section].preface}
    alignment.groups = preface_apart(alignment.groups, preface)
    groups = keep_headings_with_sections(alignment.groups, heading_indexes(en))
    parent = {("en", k): ("en", k) for k in range(len(en))}
    parent |= {("zh", k): ("zh", k) for k in range(len(zh))}

    def root(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for group in groups:
        nodes = [("en", en_refs[i].section) for i in group.en]
        nodes += [("zh", zh_refs[j].section) for j in group.zh]
        for node in nodes[1:]:
            parent[root(node)] = root(nodes[0])
    # Components come out in reading order, because the alignment is monotone.
    order: dict[tuple[str, int], list] = {}
    for group in groups:
        first = (
            ("en", en_refs[group.en[0]].section)
            if group.en
            else ("zh", zh_refs[group.zh[0]].section)
        )
        order.setdefault(root(first), []).append(group)
    proposals = [
        _section_proposal(groups, en_refs, zh_refs, alignment.ratio) for groups in order.values()
    ]
    for proposal in proposals:
        if proposal.zh_sections and all(zh[k].preface for k in proposal.zh_sections):
            proposal.role = PREFACE
    return Proposal(proposals, alignment)


def _refs(sections: Sequence[Section]) -> list[ParagraphRef]:
    return [
        ParagraphRef(s, i, text)
        for s, section in enumerate(sections)
        for i, text in enumerate(section.texts())
    ]


def keep_headings_with_sections(groups: list[Group], en_headings: set[int]) -> list[Group]:
    """A Chinese heading paired with an English heading whose whole section was left out
    belongs to the next English heading in that run, the one whose section it translates.

    Length alone cannot tell two short headings apart; the sections they open can.
    """
    groups = list(groups)
    for k, group in enumerate(groups):
        if not (len(group.en) == 1 and group.zh and group.en[0] in en_headings):
            continue
        end = k + 1
        while end < len(groups) and groups[end].kind == OMITTED:
            end += 1
        later = [m for m in range(k + 1, end) if groups[m].en[0] in en_headings]
        if later and end < len(groups) and groups[end].en and groups[end].zh:
            m = later[-1]
            groups[k] = Group(group.en, [], OMITTED, groups[m].score)
            groups[m] = Group(groups[m].en, group.zh, FULL, group.score, group.length_ratio)
    return groups


def heading_indexes(sections: Sequence[Section]) -> set[int]:
    indexes, position = set(), 0
    for section in sections:
        if section.heading:
            indexes.add(position)
        position += len(section.texts())
    return indexes


def _section_proposal(groups, en_refs, zh_refs, ratio: float) -> SectionProposal:
    evidence = SectionEvidence()
    for group in groups:
        if group.kind == OMITTED:
            evidence.omitted += [en_refs[i] for i in group.en]
        elif group.kind == ABRIDGED:
            evidence.abridged += [en_refs[i] for i in group.en]
        elif group.kind == ADDED:
            evidence.added += [zh_refs[j] for j in group.zh]
    en_ids = [i for g in groups for i in g.en]
    zh_ids = [j for g in groups for j in g.zh]
    en_sections = sorted({en_refs[i].section for i in en_ids})
    zh_sections = sorted({zh_refs[j].section for j in zh_ids})
    letters = sum(measure(en_refs[i].text).letters for i in en_ids)
    sizes = [measure(zh_refs[j].text) for j in zh_ids]
    if letters and zh_ids:
        evidence.length_ratio = round(sum(s.cjk / ratio + s.latin for s in sizes) / letters, 3)

    if not zh_sections:
        status = OMITTED
    elif not en_sections:
        status = ADDED
    elif (
        evidence.omitted
        or evidence.abridged
        or letters >= MIN_SECTION_LETTERS
        and (evidence.length_ratio or 0) < ABRIDGED_SHARE
    ):
        status = ABRIDGED
    else:
        status = FULL
    # Confidence rests on the groups that decided the status.
    deciding = [g for g in groups if g.kind == status] or groups
    if status == ABRIDGED:
        deciding = [g for g in groups if g.kind in (OMITTED, ABRIDGED)] or groups
    confidence = round(statistics.fmean(g.score for g in deciding), 3)
    return SectionProposal(en_sections, zh_sections, status, confidence, evidence)


# --- People and quotations -------------------------------------------------------------------

_QUOTED = re.compile(
    r"“([^“”]{1,2000})”|「([^「」]{1,2000})」|『([^『』]{1,2000})』|\"([^\"\n]{1,2000})\""
)
_INTRO = re.compile(r"(说|表示|指出|写道|称|says|said|wrote|writes)\s*[:：]\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)\s|\n")
MIN_QUOTE_CHARS = 10
SPEAKER_WINDOW = 30


@dataclass(frozen=True)
class Mention:
    person_id: int | str
    matched: str
    start: int
    end: int
    misspelling: bool = False


@dataclass(frozen=True)
class QuoteCandidate:
    text: str
    start: int
    end: int
    # The person mentioned just before the quotation, when one is.
    speaker_id: int | str | None = None


@dataclass
class Mentions:
    people: list[Mention]
    # Latin-script names that look like people or organisations but match no record.
    candidates: list[str]
    quotes: list[QuoteCandidate]

    @property
    def person_ids(self) -> list[int | str]:
        return list(dict.fromkeys(m.person_id for m in self.people))


def find_mentions(text: str, people: Sequence[PersonNames] = ()) -> Mentions:
    """Known people named in ``text`` (names, aliases or recorded misspellings), unknown
    Latin-script names, and quotations worth offering as Quote snippets."""
    mentions = _people_in(text, people)
    known = {w.casefold() for m in mentions for w in m.matched.split()}
    for person in people:
        known |= {w.casefold() for name in person.names_en for w in name.split()}
    runs = _latin_runs_in_chinese(text) if CJK.search(text) else name_candidates(text)
    candidates = [" ".join(run) for run in runs if not all(w.casefold() in known for w in run)]
    return Mentions(mentions, list(dict.fromkeys(candidates)), _quotes(text, mentions))


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*[A-Za-z0-9](?: [A-Z][\w'’.-]*[A-Za-z0-9]){0,3}")


def _latin_runs_in_chinese(text: str) -> list[tuple[str, ...]]:
    """In Chinese text a capitalised Latin word is a name wherever it stands."""
    runs = []
    for match in _CAPITALISED_RUN.finditer(text):
        words = tuple(w for w in match.group().split() if w not in STOPWORDS)
        if words:
            runs.append(words)
    return runs


def _people_in(text: str, people: Sequence[PersonNames]) -> list[Mention]:
    forms: list[tuple[str, int | str, bool]] = []
    for person in people:
        names = [*person.names_en, *person.names_zh]
        # "辛顿" alone stands for "杰弗里·辛顿".
        names += [p for zh in person.names_zh for p in re.split(r"[·•・‧.\s]+", zh) if len(p) > 1]
        forms += [(n.strip(), person.id, False) for n in names if n.strip()]
        forms += [(m.strip(), person.id, True) for m in person.misspellings if m.strip()]
    taken = [False] * len(text)
    found: list[Mention] = []
    # Longest first, so "Ilya Sutskever" is one mention, not also "Ilya".
    for form, person_id, misspelt in sorted(forms, key=lambda f: -len(f[0])):
        if CJK.search(form):
            pattern = re.compile(re.escape(form))
        else:
            # Case matters for misspellings: "IIya" (capital i) is not "Ilya".
            flags = 0 if misspelt else re.IGNORECASE
            pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", flags)
        for match in pattern.finditer(text):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                found.append(Mention(person_id, match.group(), *match.span(), misspelt))
    return sorted(found, key=lambda m: m.start)


def _quotes(text: str, mentions: list[Mention]) -> list[QuoteCandidate]:
    spans: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        spans.append(match.span(group))
    for match in _INTRO.finditer(text):
        start = match.end()
        if start < len(text) and text[start] in '“「『"':
            continue
        end_match = _SENTENCE_END.search(text, start)
        spans.append((start, end_match.start() if end_match else len(text)))
    quotes = []
    for start, end in sorted(set(spans)):
        words = text[start:end].strip()
        if len(words) < MIN_QUOTE_CHARS:
            continue
        speaker = next(
            (
                m.person_id
                for m in reversed(mentions)
                if m.end <= start and start - m.end <= SPEAKER_WINDOW
            ),
            None,
        )
        quotes.append(QuoteCandidate(words, start, end, speaker))
    return quotes
