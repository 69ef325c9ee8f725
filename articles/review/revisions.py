"""Compare two revisions of an article section by section.

Sections are matched by their ``key``, a UUID every section gets when created, which survives
reordering and exists before a section is published; revisions older than keys are matched
by row id. Rich text is compared as plain text, so markup changes alone do not show as edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Revision

from articles.models import ArticlePage, ArticleSection, section_versions
from articles.review.engine.diffs import (
    SectionDiff,
    SectionSnapshot,
    diff_sections,
    render_side_by_side,
)
from articles.richtext import html_to_lines

FIELD_LABELS = {
    "heading_en": _("Heading (English)"),
    "heading_zh": _("Heading (Chinese)"),
    "body_en": _("English"),
    "body_zh": _("Chinese"),
    "status": _("Status"),
    "note": _("Note"),
}


@dataclass
class FieldChange:
    name: str
    label: str
    old: SafeString
    new: SafeString


@dataclass
class SectionChange:
    diff: SectionDiff
    heading: str
    fields: list[FieldChange]

    @property
    def kind(self) -> str:
        return self.diff.kind

    @property
    def old_position(self) -> int | None:
        return None if self.diff.old_index is None else self.diff.old_index + 1

    @property
    def new_position(self) -> int | None:
        return None if self.diff.new_index is None else self.diff.new_index + 1


def snapshots(sections: list[ArticleSection], by: str = "key") -> list[SectionSnapshot]:
    """The sections of one revision as the diff engine takes them, keyed by ``by`` ("key"
    or "pk"); a section without one is keyed by its place."""
    return [
        SectionSnapshot(
            key=str(getattr(section, by) or f"place-{section.position}"),
            heading_en=section.heading_en or "",
            heading_zh=section.heading_zh_hans or "",
            body_en=html_to_lines(section.body_en or ""),
            body_zh=html_to_lines(section.body_zh_hans or ""),
            status=section.status or "",
            note=section.note or "",
        )
        for section in sections
    ]


def _match_by(*revisions: Revision) -> str:
    """Match by the section ``key`` when both revisions store one on every section
    (revisions saved before keys existed lack it, and would be given new random keys when
    read), else by row id."""
    entries = [entry for r in revisions for entry in r.content.get("sections") or []]
    return "key" if all(entry.get("key") for entry in entries) else "pk"


def compare_revisions(page: ArticlePage, old: Revision, new: Revision) -> list[SectionChange]:
    by = _match_by(old, new)
    old_sections = snapshots(section_versions.in_revision(page, old), by)
    new_sections = snapshots(section_versions.in_revision(page, new), by)
    by_key = {s.key: s for s in old_sections} | {s.key: s for s in new_sections}
    changes = []
    for diff in diff_sections(old_sections, new_sections):
        section = by_key[diff.key]
        fields = []
        for field in diff.fields:
            before, after = render_side_by_side(field.ops)
            # Both sides are escaped by render_side_by_side; only <ins>/<del> are markup.
            fields.append(
                FieldChange(
                    field.name,
                    FIELD_LABELS.get(field.name, field.name),
                    mark_safe(before),  # noqa: S308
                    mark_safe(after),  # noqa: S308
                )
            )
        changes.append(SectionChange(diff, section.heading_zh or section.heading_en, fields))
    return changes
