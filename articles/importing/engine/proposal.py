"""What the importer proposes to the editor: a status for every section, and who is mentioned.

Sections are paired through the paragraph alignment of the whole article (headings included),
so a section whose heading was translated freely still finds its counterpart. A section with
no counterpart is ``omitted`` (English) or ``added`` (Chinese, such as an editor's lead); a
paired section that lost paragraphs, or whose paragraphs are much shorter than this article's
usual ratio predicts, is ``abridged``. The editor accepts or corrects each proposal.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Sequence
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
from articles.importing.engine.anchors import measure
from articles.importing.engine.quotes import QuoteCandidate, attributed_quotes
from articles.importing.engine.sections import Section
from articles.names import NameIndex, chinese_speaker_candidates, latin_name_candidates
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
            out.append(
                Group(group.en, zh, group.kind, group.score, group.length_ratio, group.missing)
            )
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


@dataclass(frozen=True)
class Mention:
    person_id: int | str
    matched: str
    start: int
    end: int
    # A recorded misspelling or a near miss ("IIya", "Bengiol") rather than a name as recorded.
    misspelling: bool = False


@dataclass
class Mentions:
    people: list[Mention]
    # Strings with the shape of a person's name that match no record.
    candidates: list[str]
    # Quotations with a named speaker beside them.
    quotes: list[QuoteCandidate]

    @property
    def person_ids(self) -> list[int | str]:
        return list(dict.fromkeys(m.person_id for m in self.people))


def find_mentions(
    text: str, people: Sequence[PersonNames] | NameIndex = (), common: Collection[str] = ()
) -> Mentions:
    """Known people named in ``text`` (names, aliases, Chinese renderings, recorded
    misspellings and near misses: ``articles.names``), unknown strings shaped like a
    person's name, and quotations attributed to a named speaker.

    ``common``: case-folded words the whole document writes in lower case, which therefore
    are no one's name. Pass a prepared ``NameIndex`` when matching many texts.
    """
    index = people if isinstance(people, NameIndex) else NameIndex(people)
    matches = index.find(text)
    mentions = [Mention(m.person_id, m.text, m.start, m.end, m.misspelt) for m in matches]
    # Known names are blanked, so "Ilya Sutskever" is not also an unknown "Ilya Sutskever".
    blanked = list(text)
    for match in matches:
        blanked[match.start : match.end] = " " * (match.end - match.start)
    rest = "".join(blanked)
    candidates = latin_name_candidates(rest, common) + chinese_speaker_candidates(rest)
    return Mentions(mentions, list(dict.fromkeys(candidates)), attributed_quotes(text, matches))
