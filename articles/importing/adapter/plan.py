"""Planning an import: read both inputs, align them and propose sections, people and
quotes, as plain values for the editor to review. Nothing is saved here."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext, pgettext

from articles.importing.adapter.machine_notes import Listing, MachineNote, Phrase
from articles.importing.adapter.values import (
    LOW_CONFIDENCE,
    PENDING,
    ImportPlan,
    PlanGroup,
    PlanParagraph,
    PlanSection,
    QuoteOffer,
    Source,
    as_source,
)
from articles.importing.engine import (
    CODE,
    DEFAULT_LIMITS,
    HEADING,
    IMAGE,
    PARAGRAPH,
    Document,
    ImportInputError,
    Limits,
    Metadata,
    Section,
    parse_document,
    require_language,
    split_sections,
)
from articles.importing.engine.addresses import address_key, normalise_address
from articles.importing.engine.alignment import ADDED, FULL, OMITTED, omitted_sentences
from articles.importing.engine.anchors import CJK
from articles.importing.engine.furniture import clean_blocks
from articles.importing.engine.proposal import (
    PREFACE,
    SectionProposal,
    find_mentions,
    heading_indexes,
    keep_headings_with_sections,
    propose,
)
from articles.names import NameIndex, lowercase_words
from articles.person_names import load_person_names
from articles.review.engine.checks.values import PersonNames
from people.models import Term

# --- Planning ---------------------------------------------------------------------------------


@dataclass
class _Side:
    """A parsed input with its sections and where each section's texts sit in the document."""

    document: Document
    sections: list[Section]
    # Per section, the document index of every entry of ``Section.texts()``.
    positions: list[list[int]]
    # The document index of a leading title heading that sectioning set aside, if any.
    title_index: int | None
    # ``positions`` flattened: the document index of every paragraph the aligner saw.
    flat: list[int] = field(default_factory=list)

    @property
    def title(self) -> str:
        if self.document.metadata.title:
            return self.document.metadata.title
        if self.title_index is not None:
            return self.document.blocks[self.title_index].text
        return ""

    def block(self, index: int) -> PlanParagraph:
        b = self.document.blocks[index]
        text = b.alt if b.kind == IMAGE else b.text
        return PlanParagraph(index, b.kind, text, b.level, b.src, ordered=b.ordered)


def plan_import(
    original: Source | bytes | str | None = None,
    translation: Source | bytes | str | None = None,
    *,
    people: Sequence[PersonNames] | None = None,
    anchors: Sequence[tuple[str, str]] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportPlan:
    """Parse, section and align an English original and/or its Chinese translation.

    Either may be absent: without an original the translated sections are ``pending`` with
    the original not attached (a preface of the re-publisher's own is ``added``); without a
    translation every section is ``pending``. ``people`` and ``anchors`` default to the Person
    records and the glossary. Raises ImportInputError (naming the side) for unusable input.
    """
    original, translation = as_source(original), as_source(translation)
    if original is None and translation is None:
        raise ImportInputError(_("Give the English original, the Chinese translation or both."))
    en = _read(original, "en", limits) if original is not None else None
    zh = _read(translation, "zh", limits) if translation is not None else None
    if people is None:
        people = load_people()
    if anchors is None:
        anchors = load_anchors(people)

    proposal = propose(en.sections if en else [], zh.sections if zh else [], anchors)
    ratio = proposal.alignment.ratio if en and zh else None
    sections = [_plan_section(p, en, zh, ratio) for p in proposal.sections]
    warnings: list[str] = []
    if zh is None:
        for section in sections:
            section.status, section.confidence = PENDING, None
            section.evidence = None
        alignment: list[PlanGroup] = []
        warnings.append(_("No translation was given: every section is pending translation."))
    else:
        alignment = _title_groups(en, zh) + [
            _plan_group(g, en, zh) for g in _paired_groups(proposal, en.sections if en else [])
        ]
        if en is not None:
            _place_cut_sentences(sections, alignment, en)
            for section in sections:
                if section.cut_sentences:
                    section.evidence = describe_evidence(
                        section, has_original=True, has_translation=True
                    )
    if en is None:
        for section in sections:
            if section.role != PREFACE:
                section.confidence = None
        warnings.append(
            _(
                "No original was given: the translated sections are pending, with the "
                "original not attached, until the English is attached."
            )
        )
    if zh is not None and not zh.title:
        warnings.append(_("No title was found in the translation; give one."))
    for side in (en, zh):
        if side is not None and side.document.doubtful:
            warnings.append(
                _(
                    "Kept these lines although they may be page furniture; delete them if "
                    "they are not part of the article: %(lines)s"
                )
                % {"lines": " / ".join(side.document.doubtful)}
            )

    metadata = _metadata(en, zh)
    people_ids, candidates, quotes = _mentions(en, zh, alignment, people)
    low = [
        n
        for n, s in enumerate(sections, 1)
        if s.confidence is not None and s.confidence < LOW_CONFIDENCE
    ]
    if low:
        warnings.append(
            ngettext(
                "The proposal is uncertain for section %(sections)s: check its status "
                "against the texts.",
                "The proposal is uncertain for sections %(sections)s: check those statuses "
                "against the texts.",
                len(low),
            )
            % {"sections": pgettext("list separator", ", ").join(str(n) for n in low)}
        )
    if not metadata.original_url:
        warnings.append(
            _(
                "No address of the original was found (a saved page's canonical link, or "
                "the translation's 原文链接 line); it must be given before the article is "
                "created."
            )
        )
    elif en and zh and _differs(en.document.metadata.page_url, zh.document.metadata.original_url):
        warnings.append(
            _(
                "The translation links to a different original (%(linked)s) than the "
                "original's own address (%(own)s); check that the two files belong together."
            )
            % {
                "linked": zh.document.metadata.original_url,
                "own": en.document.metadata.page_url,
            }
        )
    return ImportPlan(
        sections=sections,
        alignment=alignment,
        people=people_ids,
        candidates=candidates,
        quotes=quotes,
        warnings=warnings,
        metadata=metadata,
        title_en=en.title if en else "",
        title_zh=zh.title if zh else "",
        has_original=en is not None,
        has_translation=zh is not None,
        ratio=round(ratio, 4) if ratio is not None else None,
    )


def _paired_groups(proposal, en_sections: list[Section]):
    """The alignment as the sections were paired: a Chinese heading moved to the English
    heading whose section it translates (``articles.importing.engine.proposal`` keeps the raw
    alignment)."""
    return keep_headings_with_sections(proposal.alignment.groups, heading_indexes(en_sections))


def _plan_group(group, en: _Side | None, zh: _Side) -> PlanGroup:
    en_indexes = [_position(en, i) for i in group.en] if en else []
    missing = list(group.missing)
    if group.kind == OMITTED and not missing and en:
        # A group made omitted after the alignment (a heading moved to its section).
        missing = omitted_sentences([en.block(k).text for k in en_indexes])
    return PlanGroup(
        en_indexes,
        [_position(zh, j) for j in group.zh],
        group.kind,
        round(group.score, 3),
        missing if group.kind != FULL else [],
    )


def _place_cut_sentences(sections: list[PlanSection], groups: list[PlanGroup], en: _Side):
    """Each missing sentence under the English paragraph (document index) that holds it."""
    owner = {p.index: s for s in sections for p in s.paragraphs_en}
    owner |= {s.heading_en_index: s for s in sections if s.heading_en_index is not None}
    for group in groups:
        for text in group.missing:
            index = next((k for k in group.en if text in en.block(k).text), None)
            if index is None or index not in owner:
                continue
            owner[index].cut_sentences.setdefault(index, []).append(text)


def _read(source: Source, language: str, limits: Limits) -> _Side:
    side = _("English original") if language == "en" else _("Chinese translation")
    try:
        document = parse_document(
            source.data,
            format=source.format or None,
            filename=source.filename,
            encoding=source.encoding or None,
            limits=limits,
        )
        require_language(document, language)
    except ImportInputError as error:
        raise ImportInputError(
            _("%(side)s: %(problem)s") % {"side": side, "problem": error.message}
        ) from error
    if language == "en" and document.format == "html":
        # A saved page's author card, reactions and "more by" lists, as pasted text loses.
        document.blocks, found = clean_blocks(document.blocks)
        document.metadata.merge(found)
    sections = split_sections(document)
    positions, title_index = _positions(document, sections)
    title = document.metadata.title or (
        document.blocks[title_index].text if title_index is not None else ""
    )
    if drop_repeated_title(sections, title):
        positions, title_index = _positions(document, sections)
    flat = [k for found in positions for k in found]
    return _Side(document, sections, positions, title_index, flat)


def drop_repeated_title(sections: list[Section], title: str) -> bool:
    """Leave out the first paragraph of the text when it only repeats the title line (pages
    often show the title above the text and again as its first line). True when dropped."""
    body = next((s for s in sections if not s.preface), None)
    if body is None or not body.paragraphs or body.heading:
        return False
    first = body.paragraphs[0]
    if first.kind not in (PARAGRAPH, HEADING) or not same_title(first.text, title):
        return False
    body.paragraphs.pop(0)
    if not body.paragraphs:
        sections.remove(body)
    return True


def same_title(line: str, title: str) -> bool:
    """The same title, whatever the spacing, punctuation or letter case."""
    key = _title_key(title)
    return bool(key) and _title_key(line) == key


def _title_key(text: str) -> str:
    return "".join(c for c in text.casefold() if unicodedata.category(c)[0] in "LN")


def _positions(document: Document, sections: list[Section]) -> tuple[list[list[int]], int | None]:
    """Map each section's texts back to document indexes (sectioning keeps the same blocks)."""
    blocks = document.blocks
    where = {id(b): k for k, b in enumerate(blocks)}
    positions: list[list[int]] = []
    cursor = 0
    for section in sections:
        found: list[int] = []
        if section.heading:
            start = cursor
            first = where[id(section.paragraphs[0])] if section.paragraphs else len(blocks)
            heading = next(
                (
                    k
                    for k in range(start, min(first, len(blocks)))
                    if blocks[k].kind == HEADING and blocks[k].text == section.heading
                ),
                None,
            )
            if heading is None:  # Not expected; keep counting rather than fail.
                heading = start
            found.append(heading)
            cursor = heading + 1
        for paragraph in section.paragraphs:
            cursor = where[id(paragraph)]
            found.append(cursor)
            cursor += 1
        positions.append(found)
    used = {k for found in positions for k in found}
    title_index = 0 if blocks and 0 not in used and blocks[0].kind == HEADING else None
    return positions, title_index


def _position(side: _Side, ref_index: int) -> int:
    return side.flat[ref_index]


def _title_groups(en: _Side | None, zh: _Side) -> list[PlanGroup]:
    """Titles set aside by sectioning still count as paragraphs of their input."""
    en_title = [en.title_index] if en and en.title_index is not None else []
    zh_title = [zh.title_index] if zh.title_index is not None else []
    if en_title and zh_title:
        return [PlanGroup(en_title, zh_title, FULL, 1.0)]
    if en_title:
        return [PlanGroup(en_title, [], OMITTED, 0.5)]
    if zh_title:
        return [PlanGroup([], zh_title, ADDED, 0.5 if en else 1.0)]
    return []


def _plan_section(
    proposal: SectionProposal, en: _Side | None, zh: _Side | None, ratio: float | None
) -> PlanSection:
    def body(side: _Side | None, numbers: list[int]):
        if side is None or not numbers:
            return "", None, []
        heading = side.sections[numbers[0]].heading
        heading_index = side.positions[numbers[0]][0] if heading else None
        paragraphs = [
            side.block(k)
            for n, s in enumerate(numbers)
            for k in side.positions[s][1 if n == 0 and heading else 0 :]
        ]
        return heading, heading_index, paragraphs

    heading_en, heading_en_index, paragraphs_en = body(en, proposal.en_sections)
    heading_zh, heading_zh_index, paragraphs_zh = body(zh, proposal.zh_sections)
    evidence = proposal.evidence

    def indexes(side, refs) -> list[int]:
        return [side.positions[r.section][r.index] for r in refs]

    omitted = indexes(en, evidence.omitted) if en else []
    abridged = indexes(en, evidence.abridged) if en else []
    added = indexes(zh, evidence.added) if zh else []
    section = PlanSection(
        heading_en=heading_en,
        heading_zh=heading_zh,
        paragraphs_en=paragraphs_en,
        paragraphs_zh=paragraphs_zh,
        status=proposal.status,
        confidence=proposal.confidence,
        evidence=None,
        omitted=omitted,
        abridged=abridged,
        added=added,
        length_ratio=evidence.length_ratio,
        heading_en_index=heading_en_index,
        heading_zh_index=heading_zh_index,
        role=proposal.role,
        original_attached=en is not None,
    )
    section.evidence = describe_evidence(section, has_original=bool(en), has_translation=bool(zh))
    return section


def describe_evidence(
    section: PlanSection, *, has_original: bool, has_translation: bool
) -> MachineNote | None:
    """The proposal in plain words, e.g. "Aligner: paragraphs 3, 4 of the original have no
    counterpart in the translation; …", put into words in the language it is shown in."""
    if section.role == PREFACE:
        return MachineNote(
            (
                Phrase(
                    gettext_noop(
                        "the re-publisher's own preface, not part of the translation: "
                        "marked as added"
                    )
                ),
            )
        )
    if not has_original:
        return MachineNote(
            (
                Phrase(
                    gettext_noop(
                        "the original is not attached yet: this section of the translation "
                        "will be aligned once it is"
                    )
                ),
            )
        )
    if not has_translation:
        return None
    en_numbers = _paragraph_numbers(section.heading_en_index, section.paragraphs_en)
    zh_numbers = _paragraph_numbers(section.heading_zh_index, section.paragraphs_zh)
    parts: list[Phrase] = []
    if section.status == OMITTED:
        parts.append(
            Phrase(gettext_noop("the whole section has no counterpart in the translation"))
        )
    elif section.status == ADDED:
        parts.append(
            Phrase(
                gettext_noop(
                    "the whole section has no counterpart in the original (such as an "
                    "editor's or translator's note)"
                )
            )
        )
    else:
        if section.omitted:
            cited, many = _cite(section.omitted, en_numbers)
            parts.append(
                Phrase(
                    gettext_noop(
                        "%(paragraphs)s of the original has no counterpart in the translation"
                    ),
                    {"paragraphs": cited},
                    gettext_noop(
                        "%(paragraphs)s of the original have no counterpart in the translation"
                    ),
                    many,
                )
            )
        shortened = [k for k in section.abridged if not section.cut_sentences.get(k)]
        cut = [k for k in section.abridged if section.cut_sentences.get(k)]
        if shortened:
            parts.append(
                Phrase(
                    gettext_noop(
                        "the translation of %(paragraphs)s of the original is much shorter "
                        "than expected"
                    ),
                    {"paragraphs": _cite(shortened, en_numbers)[0]},
                )
            )
        if cut:
            count = sum(len(section.cut_sentences[k]) for k in cut)
            parts.append(
                Phrase(
                    gettext_noop(
                        "%(count)d sentence in %(paragraphs)s of the original has no "
                        "counterpart in the translation"
                    ),
                    {"count": count, "paragraphs": _cite(cut, en_numbers)[0]},
                    gettext_noop(
                        "%(count)d sentences in %(paragraphs)s of the original have no "
                        "counterpart in the translation"
                    ),
                    count,
                )
            )
        if section.added:
            cited, many = _cite(section.added, zh_numbers)
            parts.append(
                Phrase(
                    gettext_noop(
                        "%(paragraphs)s of the translation has no counterpart in the original"
                    ),
                    {"paragraphs": cited},
                    gettext_noop(
                        "%(paragraphs)s of the translation have no counterpart in the original"
                    ),
                    many,
                )
            )
        if not parts:
            parts.append(Phrase(gettext_noop("every paragraph has its counterpart")))
    if section.length_ratio is not None and section.status != ADDED:
        parts.append(
            Phrase(
                gettext_noop("the translation is about %(percent)d%% of the expected length"),
                {"percent": round(section.length_ratio * 100)},
            )
        )
    return MachineNote(tuple(parts))


def _paragraph_numbers(
    heading_index: int | None, paragraphs: list[PlanParagraph]
) -> dict[int, Phrase | int]:
    """Document index → paragraph number within the section, or the heading it is."""
    labels: dict[int, Phrase | int] = (
        {} if heading_index is None else {heading_index: Phrase(gettext_noop("the heading"))}
    )
    number = 0
    for paragraph in paragraphs:
        if paragraph.kind == HEADING:
            labels[paragraph.index] = Phrase(
                gettext_noop("the subheading “%(text)s”"), {"text": paragraph.text[:20]}
            )
        else:
            number += 1
            labels[paragraph.index] = number
    return labels


def _cite(indexes: list[int], labels: dict[int, Phrase | int]) -> tuple[Phrase | Listing, int]:
    """The paragraphs at ``indexes`` ("paragraphs 3, 4", headings by name) and how many they
    are, for the verb that follows."""
    numbers = [labels.get(k) for k in indexes]
    digits = [n for n in numbers if isinstance(n, int)]
    words = [n for n in numbers if isinstance(n, Phrase)]
    parts: list[Phrase] = []
    if digits:
        parts.append(
            Phrase(
                gettext_noop("paragraph %(numbers)s"),
                {"numbers": Listing(tuple(digits))},
                gettext_noop("paragraphs %(numbers)s"),
                len(digits),
            )
        )
    parts += words
    if not parts:
        return Phrase(gettext_noop("some paragraphs")), 2
    cited = parts[0] if len(parts) == 1 else Listing(tuple(parts))
    return cited, len(digits) + len(words)


def _metadata(en: _Side | None, zh: _Side | None) -> Metadata:
    """The original's own address first; the translation's footer fills the rest."""
    merged = Metadata()
    if en:
        own = en.document.metadata
        merged.merge(
            Metadata(
                title=own.title,
                original_url=own.page_url or own.original_url,
                original_author=own.original_author,
                copyright_line=own.copyright_line,
            )
        )
    if zh:
        theirs = zh.document.metadata
        merged.merge(
            Metadata(
                title=theirs.title,
                page_url=theirs.page_url,
                original_url=theirs.original_url,
                original_author=theirs.original_author,
                translator=theirs.translator,
                publisher_credit=theirs.publisher_credit,
                copyright_line=theirs.copyright_line,
            )
        )
    merged.original_url = normalise_address(merged.original_url)
    if merged.original_url and not is_web_address(merged.original_url):
        merged.original_url = ""
    return merged


def _differs(first: str, second: str) -> bool:
    if not (first and second):
        return False
    return address_key(first) != address_key(second)


def is_web_address(url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True


def _mentions(
    en: _Side | None,
    zh: _Side | None,
    alignment: list[PlanGroup],
    people: Sequence[PersonNames],
) -> tuple[list[int], list[str], list[QuoteOffer]]:
    """People, name candidates and quotations, paragraph by paragraph on both sides.

    A quotation on each side of one alignment group, with no conflicting speakers, is offered
    as one bilingual quote.
    """
    person_ids: list = []
    candidates: list[str] = []
    found: dict[tuple[str, int], list] = {}
    names = NameIndex(people)
    for language, side in (("en", en), ("zh", zh)):
        if side is None:
            continue
        texts = {
            index: block.alt if block.kind == IMAGE else block.text
            for index, block in enumerate(side.document.blocks)
            if block.kind != CODE
        }
        # A word the document writes in lower case anywhere is nobody's name.
        common = lowercase_words(texts.values())
        for index, text in texts.items():
            if not text:
                continue
            mentions = find_mentions(text, names, common)
            person_ids += mentions.person_ids
            # Headings and captions are titles: people are linked, nothing else is offered.
            if side.document.blocks[index].kind in (HEADING, IMAGE):
                continue
            candidates += mentions.candidates
            if mentions.quotes:
                found[language, index] = mentions.quotes
    quotes: list[QuoteOffer] = []
    paired: set[tuple[str, int]] = set()
    for group in alignment:
        en_quotes = [(("en", i), q) for i in group.en for q in found.get(("en", i), [])]
        zh_quotes = [(("zh", j), q) for j in group.zh for q in found.get(("zh", j), [])]
        if len(en_quotes) != 1 or len(zh_quotes) != 1:
            continue
        (en_key, en_quote), (zh_key, zh_quote) = en_quotes[0], zh_quotes[0]
        speakers = {en_quote.speaker_id, zh_quote.speaker_id} - {None}
        if len(speakers) <= 1:
            quotes.append(QuoteOffer(en_quote.text, zh_quote.text, next(iter(speakers), None)))
            paired |= {en_key, zh_key}
    for key, side_quotes in found.items():
        if key in paired:
            continue
        for quote in side_quotes:
            if key[0] == "zh" or CJK.search(quote.text):
                quotes.append(QuoteOffer("", quote.text, quote.speaker_id))
            else:
                quotes.append(QuoteOffer(quote.text, "", quote.speaker_id))
    unique_candidates = list({c.casefold(): c for c in reversed(candidates)}.values())[::-1]
    return list(dict.fromkeys(person_ids)), unique_candidates, quotes


def load_people() -> list[PersonNames]:
    return load_person_names()


def load_anchors(people: Sequence[PersonNames] = ()) -> list[tuple[str, str]]:
    """Glossary terms and people's names, as (English, Chinese) pairs for the aligner."""
    anchors = [
        (term_en, term_zh)
        for term_en, term_zh in Term.objects.values_list("term_en", "term_zh_hans")
        if term_en and term_zh
    ]
    for person in people:
        anchors += [(e, z) for e in person.names_en for z in person.names_zh]
    return anchors
