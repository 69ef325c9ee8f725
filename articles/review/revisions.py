"""Compare two revisions of an article section by section.

Sections are matched by their ``key``, a UUID every section gets when created, which survives
reordering and exists before a section is published; revisions older than keys are matched
by row id. Rich text is compared as plain text, so markup changes alone do not show as edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.review.engine.diffs import (
    SectionDiff,
    SectionSnapshot,
    diff_sections,
    render_side_by_side,
)
from articles.review.engine.drift import text_of

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


def snapshots(content: dict, by: str = "key") -> list[SectionSnapshot]:
    """The sections of one revision's content JSON, as the diff engine takes them, keyed by
    ``by`` ("key" or "pk"); an entry without one is keyed by its place."""
    result = []
    for index, entry in enumerate(content.get("sections") or []):
        result.append(
            SectionSnapshot(
                key=entry.get(by) or f"place-{index + 1}",
                heading_en=entry.get("heading_en") or "",
                heading_zh=entry.get("heading_zh_hans") or "",
                body_en=text_of(entry.get("body_en") or ""),
                body_zh=text_of(entry.get("body_zh_hans") or ""),
                status=entry.get("status") or "",
                note=entry.get("note") or "",
            )
        )
    return result


def _match_by(*contents: dict) -> str:
    """Match by the section ``key`` when both revisions have one on every section (revisions
    saved before keys existed lack it), else by row id."""
    entries = [entry for content in contents for entry in content.get("sections") or []]
    return "key" if all(entry.get("key") for entry in entries) else "pk"


def compare_revisions(old_content: dict, new_content: dict) -> list[SectionChange]:
    by = _match_by(old_content, new_content)
    old, new = snapshots(old_content, by), snapshots(new_content, by)
    by_key = {s.key: s for s in old} | {s.key: s for s in new}
    changes = []
    for diff in diff_sections(old, new):
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
