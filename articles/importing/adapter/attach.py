"""Attaching the English original to an existing article, later: the proposal and its
acceptance.

``plan_attach`` reads the English (pasted, uploaded or saved from a social platform, whose
furniture goes: ``articles.importing.engine.furniture``) and aligns it, paragraph by
paragraph, with the Chinese of the article's latest revision. Each Chinese section gets the
English paired with it and a proposed status: ``full``; ``abridged`` when English paragraphs
of its section have no Chinese counterpart (named, paragraph by paragraph) or its Chinese is
much shorter; an English section with no Chinese at all becomes a new ``omitted`` section in
its place. The editors' own sections (``added``) are never paired. Nothing is saved.

``accept_attach`` writes the editor's choices as one new revision of the article (not
published), refused when the article changed since the preview (``ensure_latest``). The
Chinese is never touched; the article's original address, title, author and date are set
from the English when it gives them.
"""

from __future__ import annotations

import datetime
import logging
import statistics
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from wagtail.models import Page

from articles.content.cut_sentences import coverage_record
from articles.editorial.section_rules import (
    CUT_STATUSES,
    SectionStatus,
    SectionText,
    section_errors,
)
from articles.editorial.stale_writes import ensure_latest
from articles.importing.adapter.create import paragraphs_html
from articles.importing.adapter.machine_notes import (
    MachineNote,
    Phrase,
    is_machine_note,
    keep_for_editors,
    log_position,
)
from articles.importing.adapter.plan import is_web_address, load_anchors, load_people
from articles.importing.adapter.values import STATUSES, PlanParagraph, Source, as_source
from articles.importing.engine import (
    DEFAULT_LIMITS,
    HEADING,
    IMAGE,
    PARAGRAPH,
    Block,
    ImportInputError,
    Limits,
    Metadata,
    Section,
    parse_document,
    require_language,
    split_sections,
)
from articles.importing.engine.addresses import normalise_address
from articles.importing.engine.alignment import ABRIDGED, OMITTED, align
from articles.importing.engine.coverage import section_coverage
from articles.importing.engine.furniture import clean_blocks
from articles.importing.engine.proposal import (
    heading_indexes,
    keep_headings_with_sections,
    preface_apart,
)
from articles.models import ArticlePage, ArticleSection, section_versions
from articles.richtext import html_to_text

logger = logging.getLogger(__name__)

FULL = SectionStatus.FULL.value
ADDED = SectionStatus.ADDED.value
PENDING = SectionStatus.PENDING.value


@dataclass
class AttachSection:
    """One section of the article as it would be after attaching: an existing section
    (``key``) given its English, or a new omitted section (``key`` None)."""

    key: uuid.UUID | None
    heading_zh: str
    text_zh: str
    heading_en: str
    paragraphs_en: list[PlanParagraph]
    status: str
    # The status the section has now; "" for a new section.
    current_status: str
    # English paragraphs of this section's original with no counterpart in the Chinese, and
    # those whose Chinese is much shorter than expected.
    missing: list[str] = field(default_factory=list)
    shortened: list[str] = field(default_factory=list)
    confidence: float | None = None
    # The readers' note a person wrote (kept from the section), and the aligner's own words
    # for editors, put into words when shown.
    note: str = ""
    machine_note: MachineNote | None = None

    @property
    def is_new(self) -> bool:
        return self.key is None

    @property
    def body_en(self) -> str:
        return paragraphs_html(self.paragraphs_en, "en")


@dataclass
class AttachPlan:
    page_id: int
    sections: list[AttachSection]
    metadata: Metadata
    title_en: str
    warnings: list[str]

    @property
    def original_url(self) -> str:
        url = normalise_address(self.metadata.page_url or self.metadata.original_url or "")
        return url if is_web_address(url) else ""

    @property
    def published(self) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(self.metadata.published)
        except ValueError:
            return None

    def as_json(self) -> dict:
        """The shape ``import_article --into … --json`` prints."""
        return {
            "page_id": self.page_id,
            "original_url": self.original_url,
            "original_title": self.title_en,
            "original_author": self.metadata.original_author,
            "original_published": self.metadata.published,
            "sections": [
                {
                    "key": str(s.key) if s.key else None,
                    "heading_zh": s.heading_zh,
                    "heading_en": s.heading_en,
                    "status": s.status,
                    "was": s.current_status,
                    "missing": s.missing,
                    "confidence": s.confidence,
                }
                for s in self.sections
            ],
            "warnings": list(self.warnings),
        }


def article_for(page_id) -> ArticlePage:
    """The article with this id, or ImportInputError naming what is wrong."""
    try:
        page = Page.objects.get(pk=int(page_id))
    except (TypeError, ValueError, Page.DoesNotExist):
        raise ImportInputError(_("There is no page with id %(id)s.") % {"id": page_id}) from None
    specific = page.specific
    if not isinstance(specific, ArticlePage):
        raise ImportInputError(
            _(
                "Page %(id)s (“%(title)s”) is not an article; an original can only be "
                "attached to an article."
            )
            % {"id": page_id, "title": page.title}
        )
    return specific


def plan_attach(
    page: ArticlePage,
    original: Source | bytes | str,
    *,
    anchors: Sequence[tuple[str, str]] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> AttachPlan:
    """Propose the English of each section of ``page``'s latest revision from ``original``.

    Raises ImportInputError for unusable input (empty, binary, not English, no text)."""
    source = as_source(original)
    en_sections, metadata, title_en = _read_english(source, limits)
    current = section_versions.latest(page)
    if anchors is None:
        anchors = load_anchors(load_people())
    sections = _propose(current, en_sections, anchors)
    warnings: list[str] = []
    if page.original_attached and any(html_to_text(s.body_en).strip() for s in current):
        warnings.append(
            _("The article already holds English: accepting replaces it section by section.")
        )
    untouched = [s for s in sections if not s.is_new and not s.paragraphs_en]
    untouched = [s for s in untouched if s.status != ADDED]
    if untouched:
        warnings.append(
            _("No English was found for %(sections)s: check those sections against the original.")
            % {
                "sections": pgettext("list separator", ", ").join(
                    f"§{sections.index(s) + 1}" for s in untouched
                )
            }
        )
    return AttachPlan(page.pk, sections, metadata, title_en, warnings)


def _read_english(source: Source, limits: Limits) -> tuple[list[Section], Metadata, str]:
    try:
        document = parse_document(
            source.data,
            format=source.format or None,
            filename=source.filename,
            encoding=source.encoding or None,
            limits=limits,
        )
        require_language(document, "en")
    except ImportInputError as error:
        raise ImportInputError(
            _("%(side)s: %(problem)s") % {"side": _("English original"), "problem": error.message}
        ) from error
    metadata = document.metadata
    if document.format == "html":
        # A saved page's author card, reactions and "more by" lists, as pasted text loses.
        document.blocks, found = clean_blocks(document.blocks)
        metadata.merge(found)
    title = metadata.title
    if not title and document.blocks and document.blocks[0].kind == HEADING:
        title = document.blocks[0].text
    sections = split_sections(document)
    if not sections:
        raise ImportInputError(_("English original: no article text was found."))
    return sections, metadata, title


@dataclass
class _Ref:
    section: int
    block: Block


def _zh_section(section: ArticleSection) -> Section:
    paragraphs = [
        Block(PARAGRAPH, text)
        for text in html_to_text(section.body_zh_hans or "").split("\n\n")
        if text.strip()
    ]
    return Section(
        (section.heading_zh_hans or "").strip(),
        paragraphs,
        preface=section.status == ADDED,
    )


def _en_refs(sections: Sequence[Section]) -> list[_Ref]:
    refs = []
    for number, section in enumerate(sections):
        if section.heading:
            refs.append(_Ref(number, Block(HEADING, section.heading, level=section.level or 2)))
        refs += [_Ref(number, block) for block in section.paragraphs]
    return refs


def _text(block: Block) -> str:
    return block.alt if block.kind == IMAGE else block.text


def _propose(
    current: list[ArticleSection],
    en_sections: list[Section],
    anchors: Sequence[tuple[str, str]],
) -> list[AttachSection]:
    zh_sections = [_zh_section(s) for s in current]
    en_refs = _en_refs(en_sections)
    zh_refs = [(k, text) for k, s in enumerate(zh_sections) for text in s.texts()]
    alignment = align(
        [_text(r.block) for r in en_refs],
        [text for _k, text in zh_refs],
        anchors,
        en_headings=heading_indexes(en_sections),
        zh_headings=heading_indexes(zh_sections),
    )
    preface = {j for j, (k, _t) in enumerate(zh_refs) if zh_sections[k].preface}
    groups = preface_apart(alignment.groups, preface)
    groups = keep_headings_with_sections(groups, heading_indexes(en_sections))

    # Where each English paragraph goes: the Chinese section it was paired with.
    target: dict[int, int] = {}
    shortened: set[int] = set()
    scores: dict[int, list[float]] = {}
    for group in groups:
        if group.en and group.zh:
            k = zh_refs[group.zh[0]][0]
            for i in group.en:
                target[i] = k
            scores.setdefault(k, []).append(group.score)
            if group.kind == ABRIDGED:
                shortened.update(group.en)
    by_en_section: dict[int, list[int]] = {}
    for i, ref in enumerate(en_refs):
        by_en_section.setdefault(ref.section, []).append(i)
    # English sections with nothing paired become omitted sections of their own; a stray
    # unpaired paragraph joins the section its neighbours went to, and is named as missing.
    # A section counts as left out when none of its text was paired, even if its heading
    # was glued to a neighbouring pair (short headings weigh little in the alignment).
    lone_sections = {
        s
        for s, ids in by_en_section.items()
        if not any(i in target for i in ids if en_refs[i].block.kind != HEADING)
        and (len(ids) > 1 or ids[0] not in target)
    }
    for s in lone_sections:
        for i in by_en_section[s]:
            target.pop(i, None)
            shortened.discard(i)
    missing: set[int] = set()
    for s, ids in by_en_section.items():
        if s in lone_sections:
            continue
        for position, i in enumerate(ids):
            if i in target:
                continue
            before = [target[j] for j in ids[:position] if j in target]
            after = [target[j] for j in ids[position + 1 :] if j in target]
            target[i] = before[-1] if before else after[0]
            missing.add(i)

    out: list[AttachSection] = []
    emitted: set[int] = set()
    built: dict[int, AttachSection] = {}

    def emit_through(k: int) -> None:
        for m in range(len(current)):
            if m <= k and m not in emitted:
                emitted.add(m)
                section = _existing(current[m])
                built[m] = section
                out.append(section)

    placed_lone: set[int] = set()
    for group in groups:
        if group.zh:
            emit_through(max(zh_refs[j][0] for j in group.zh))
        for i in group.en:
            s = en_refs[i].section
            if s in lone_sections and s not in placed_lone:
                placed_lone.add(s)
                out.append(_omitted(en_sections[s], [en_refs[j] for j in by_en_section[s]]))
    emit_through(len(current) - 1)

    for k, section in built.items():
        ids = sorted(i for i, t in target.items() if t == k)
        _fill(section, [en_refs[i] for i in ids], missing, shortened, ids, scores.get(k, []))
    return out


def _existing(section: ArticleSection) -> AttachSection:
    return AttachSection(
        key=section.key,
        heading_zh=section.heading_zh_hans or "",
        text_zh=html_to_text(section.body_zh_hans or ""),
        heading_en="",
        paragraphs_en=[],
        status=section.status,
        current_status=section.status,
        note=section.note or "",
    )


def _omitted(section: Section, refs: list[_Ref]) -> AttachSection:
    paragraphs = [_paragraph(n, r.block) for n, r in enumerate(refs) if r.block.kind != HEADING]
    return AttachSection(
        key=None,
        heading_zh="",
        text_zh="",
        heading_en=section.heading,
        paragraphs_en=paragraphs,
        status=OMITTED,
        current_status="",
        missing=[_text(r.block) for r in refs],
        confidence=None,
        machine_note=MachineNote(
            (
                Phrase(
                    gettext_noop(
                        "this section of the original has no counterpart in the translation: "
                        "marked as omitted"
                    )
                ),
            )
        ),
    )


def _paragraph(index: int, block: Block) -> PlanParagraph:
    return PlanParagraph(index, block.kind, _text(block), block.level, block.src, block.ordered)


def _fill(
    section: AttachSection,
    refs: list[_Ref],
    missing: set[int],
    shortened: set[int],
    ids: list[int],
    scores: list[float],
) -> None:
    if section.current_status == ADDED:
        # The editors' own words: never given English, never called a translation.
        return
    if not refs:
        return
    blocks = [r.block for r in refs]
    if blocks[0].kind == HEADING:
        section.heading_en = blocks[0].text
        blocks = blocks[1:]
    section.paragraphs_en = [_paragraph(n, b) for n, b in enumerate(blocks)]
    section.missing = [_text(r.block) for i, r in zip(ids, refs, strict=True) if i in missing]
    section.shortened = [_text(r.block) for i, r in zip(ids, refs, strict=True) if i in shortened]
    section.confidence = round(statistics.fmean(scores), 3) if scores else None
    if section.missing or section.shortened:
        section.status = ABRIDGED
        # A person's note already written stays on the section (``accept_attach``).
        section.note = ""
        section.machine_note = _abridged_note(section)
    else:
        section.status = FULL
        if section.current_status not in CUT_STATUSES:
            section.note = ""


def _abridged_note(section: AttachSection) -> MachineNote:
    parts = []
    if section.missing:
        count = len(section.missing)
        parts.append(
            Phrase(
                gettext_noop(
                    "%(count)d paragraph of the original has no counterpart in the translation"
                ),
                {"count": count},
                gettext_noop(
                    "%(count)d paragraphs of the original have no counterpart in the translation"
                ),
                count,
            )
        )
    if section.shortened:
        count = len(section.shortened)
        parts.append(
            Phrase(
                gettext_noop(
                    "the translation of %(count)d paragraph is much shorter than expected"
                ),
                {"count": count},
                gettext_noop(
                    "the translation of %(count)d paragraphs is much shorter than expected"
                ),
                count,
            )
        )
    return MachineNote(tuple(parts), separator="counts")


# --- Accepting -------------------------------------------------------------------------------


def accept_attach(
    page: ArticlePage,
    plan: AttachPlan,
    *,
    user,
    loaded_revision_id,
    loaded_created_at: str | None = None,
    statuses: Mapping[int, str] | None = None,
    notes: Mapping[int, str] | None = None,
):
    """Write ``plan`` with the editor's ``statuses`` and ``notes`` (by section index) as one
    new revision of ``page``, attributed to ``user``. Raises ``StaleWrite`` when the article
    changed since the preview was loaded from ``loaded_revision_id``, ImportInputError (with
    nothing saved) when a choice breaks a section rule. Returns the revision."""
    statuses, notes = dict(statuses or {}), dict(notes or {})
    anchors = load_anchors(load_people())
    chosen = []
    problems = []
    machine_notes: dict[int, MachineNote | str] = {}
    for index, section in enumerate(plan.sections):
        status = statuses.get(index, section.status)
        if status not in STATUSES:
            raise ImportInputError(_("“%(status)s” is not a section status.") % {"status": status})
        note = notes[index].strip() if index in notes else section.note
        if status in CUT_STATUSES and not note:
            note = section.note
        if is_machine_note(note):
            # The aligner's words (pasted, or stored by an earlier import) are for editors;
            # readers' note is left for a person.
            machine_notes[index] = section.machine_note or note
            note = ""
        elif not note and section.machine_note and (index not in notes or status in CUT_STATUSES):
            machine_notes[index] = section.machine_note
        chosen.append((status, note))
        rule = SectionText(status, note, section.body_en, section.text_zh)
        errors = section_errors(rule)
        errors.pop("note", None)  # A cut's note is required at submission, not here.
        for message in errors.values():
            label = section.heading_zh or section.heading_en or "—"
            problems.append(
                _("§%(number)s (%(label)s): %(problem)s")
                % {"number": index + 1, "label": label, "problem": message}
            )
    if problems:
        raise ImportInputError(" ".join(problems))

    with transaction.atomic():
        ensure_latest(page, loaded_revision_id, loaded_created_at)
        fresh = ArticlePage.objects.get(pk=page.pk)
        draft = fresh.get_latest_revision_as_object()
        existing = {s.key: s for s in draft.sections.get_object_list()}
        planned = {s.key for s in plan.sections if s.key is not None}
        if planned != set(existing):
            # Not the sections the preview was made from (cannot happen past the guard).
            raise ImportInputError(_("The article's sections changed; preview again."))
        rows = []
        for position, (section, (status, note)) in enumerate(
            zip(plan.sections, chosen, strict=True)
        ):
            row = existing[section.key] if section.key else ArticleSection(key=uuid.uuid4())
            if section.key is None or section.paragraphs_en or section.heading_en:
                row.heading_en = section.heading_en[:300]
                row.body_en = section.body_en
            if row.body_en:
                body_zh = row.body_zh_hans or ""
                found = section_coverage(row.body_en, body_zh, glossary=anchors)
                row.coverage = coverage_record(found, row.body_en, body_zh)
            if status in CUT_STATUSES and not note and not is_machine_note(row.note or ""):
                note = row.note or ""  # A person's note already written stays.
            row.status = status
            row.note = note
            row.sort_order = position
            rows.append(row)
        draft.sections = rows
        draft.original_attached = True
        _set_metadata(draft, plan)
        since = log_position()
        revision = _save(draft, user)
        keep_for_editors(
            fresh, {str(rows[index].key): note for index, note in machine_notes.items()}, since
        )
        return revision


def _set_metadata(draft: ArticlePage, plan: AttachPlan) -> None:
    if plan.original_url:
        draft.original_url = plan.original_url[:500]
    if plan.title_en.strip():
        draft.original_title = plan.title_en.strip()[:300]
    author = plan.metadata.original_author.strip()
    if author:
        draft.original_author_name = author[:200]
    if plan.published is not None:
        draft.original_published = plan.published


def _save(draft: ArticlePage, user):
    """As ``section_versions`` saves: with the page's validation, or without it when the
    editor's unfinished draft fails it for reasons of its own, rather than lose the write."""
    try:
        return draft.save_revision(user=user, log_action=True)
    except ValidationError as exc:
        logger.warning("Saving a revision of page %s without validation: %s", draft.pk, exc)
        return draft.save_revision(user=user, log_action=True, clean=False)
