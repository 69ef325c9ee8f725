"""Re-checking coverage on an existing article: what the Chinese of each section leaves out.

``propose`` aligns every section of the latest revision that has English with its Chinese
(``articles.importing.engine.coverage``) and proposes a status: above all ``full`` ->
``abridged`` where the translation silently dropped sentences, with those sentences. Only
sections already called a translation (full, abridged, omitted) get a proposal; pending and
added sections keep their status.

``accept`` writes the editor's choice as one new revision of the latest revision (not
published), refused when the article changed since the proposal was shown (``ensure_latest``).
Every section with English gets its coverage stored; the chosen sections get the proposed
status. No reader-facing note is written: an abridged section without one stays unsubmittable
until the editor says what was cut and why.

Each accepted batch is in the page history (``APPLIED_ACTION``) with the revision it saved
and, for every section it changed, the status, note and coverage it had before, so that the
batch can be undone (``articles.editorial.coverage_undo``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.log_actions import log
from wagtail.models import Revision

from articles.content.cut_sentences import coverage_record, stored_coverage
from articles.editorial.section_rules import SectionStatus, numbered
from articles.editorial.stale_writes import ensure_latest
from articles.importing.adapter.plan import load_anchors, load_people
from articles.importing.engine.coverage import Coverage, paragraphs_of, section_coverage
from articles.models import ArticlePage, ArticleSection, section_versions

logger = logging.getLogger(__name__)

#: Page log action of an accepted batch of proposals.
APPLIED_ACTION = "articles.coverage_applied"
#: What a batch writes into a section, and so what undoing it puts back.
BATCH_FIELDS = ("status", "note", "coverage")

#: Statuses that claim to translate the English, and so can be re-checked.
RECHECKED = frozenset({SectionStatus.FULL, SectionStatus.ABRIDGED, SectionStatus.OMITTED})

Anchors = Sequence[tuple[str, str]]


def load_coverage_anchors() -> list[tuple[str, str]]:
    """People's names and glossary terms, as (English, Chinese) pairs for the aligner."""
    return load_anchors(load_people())


def coverage_of(section: ArticleSection, anchors: Anchors) -> Coverage:
    """The section's coverage: as stored when still current, else worked out now."""
    found = stored_coverage(section.coverage, section.body_en, section.body_zh_hans)
    if found is not None:
        return found
    return section_coverage(section.body_en or "", section.body_zh_hans or "", glossary=anchors)


def has_english(section: ArticleSection) -> bool:
    return bool(paragraphs_of(section.body_en or ""))


@dataclass
class CoverageProposal:
    key: uuid.UUID
    position: int
    heading: str
    body_en: str
    current: str
    proposed: str
    coverage: Coverage

    @property
    def changes(self) -> bool:
        return self.proposed != self.current

    @property
    def missing(self) -> list[str]:
        return self.coverage.missing

    @property
    def silently_abridged(self) -> bool:
        """A section called complete whose Chinese leaves English out."""
        return self.current == SectionStatus.FULL and self.proposed != SectionStatus.FULL

    def as_json(self) -> dict:
        return {
            "key": str(self.key),
            "position": self.position,
            "heading": self.heading,
            "status": self.current,
            "proposed": self.proposed,
            "missing": list(self.missing),
        }


@dataclass
class CoverageCheck:
    page_id: int
    proposals: list[CoverageProposal]
    revision_id: int | None
    revision_created_at: datetime | None

    @property
    def changes(self) -> list[CoverageProposal]:
        # Full -> abridged first: what a translation cut without saying so.
        found = [p for p in self.proposals if p.changes]
        return sorted(found, key=lambda p: (not p.silently_abridged, p.position))

    def as_json(self) -> dict:
        return {
            "page_id": self.page_id,
            "revision_id": self.revision_id,
            "sections": [p.as_json() for p in self.proposals],
        }


def _proposed(section: ArticleSection, coverage: Coverage) -> str:
    return coverage.status if section.status in RECHECKED else section.status


def propose(page: ArticlePage, *, anchors: Anchors | None = None) -> CoverageCheck:
    """Align every section of ``page``'s latest revision that has English. Saves nothing."""
    if anchors is None:
        anchors = load_coverage_anchors()
    revision = page.get_latest_revision()
    proposals = []
    for section in section_versions.latest(page):
        if not has_english(section):
            continue
        coverage = section_coverage(section.body_en, section.body_zh_hans or "", glossary=anchors)
        proposals.append(
            CoverageProposal(
                key=section.key,
                position=section.position,
                heading=section.heading_zh_hans or section.heading_en or "",
                body_en=section.body_en,
                current=section.status,
                proposed=_proposed(section, coverage),
                coverage=coverage,
            )
        )
    return CoverageCheck(
        page.pk,
        proposals,
        revision.pk if revision else None,
        revision.created_at if revision else None,
    )


def accept(
    page: ArticlePage,
    keys: Iterable[uuid.UUID],
    *,
    user,
    loaded_revision_id,
    loaded_created_at: str | None = None,
    anchors: Anchors | None = None,
) -> Revision:
    """Store every section's coverage and give the sections in ``keys`` their proposed
    status, as one new revision. Raises ``StaleWrite`` when the latest revision is not
    ``loaded_revision_id``."""
    chosen = set(keys)
    if anchors is None:
        anchors = load_coverage_anchors()
    with transaction.atomic():
        ensure_latest(page, loaded_revision_id, loaded_created_at)
        draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        changed = []
        for section in _in_order(draft.sections.get_object_list()):
            if not has_english(section):
                continue
            before = batch_values(section)
            body_zh = section.body_zh_hans or ""
            coverage = section_coverage(section.body_en, body_zh, glossary=anchors)
            section.coverage = coverage_record(coverage, section.body_en, body_zh)
            if section.key in chosen:
                section.status = _proposed(section, coverage)
            if batch_values(section) != before:
                changed.append(_change(section, before))
        revision = save_draft(draft, user)
        log(
            instance=draft,
            action=APPLIED_ACTION,
            user=user,
            data={
                "revision": revision.pk,
                "revision_created_at": revision.created_at.isoformat(),
                "sections": changed,
            },
        )
        return revision


def batch_values(section: ArticleSection) -> dict:
    """The fields a batch writes, as the page log stores them (JSON)."""
    return {name: getattr(section, name) for name in BATCH_FIELDS}


def section_label(section: ArticleSection) -> str:
    """A section as the page history names it: "§3 heading"."""
    heading = section.heading_zh_hans or section.heading_en or ""
    return f"§{getattr(section, 'position', '?')} {heading}".strip()


def _in_order(sections) -> list[ArticleSection]:
    """A revision's sections as the editor orders them, numbered."""
    return numbered(sorted(sections, key=lambda s: -1 if s.sort_order is None else s.sort_order))


def _change(section: ArticleSection, before: dict) -> dict:
    return {
        "key": str(section.key),
        "section": section_label(section),
        "previous": before,
        "status": section.status,
    }


def save_draft(draft: ArticlePage, user) -> Revision:
    """With the page's validation, or without it when the draft fails it (an abridged
    section still waiting for its note): the editor sees the problem in the editor."""
    try:
        return draft.save_revision(user=user, log_action=True)
    except ValidationError as exc:
        logger.warning("Saving a revision of page %s without validation: %s", draft.pk, exc)
        return draft.save_revision(user=user, log_action=True, clean=False)
