"""The aligner's own notes ("自动对齐：整节无对应译文。") are for editors, never for readers.

An import leaves the reader-facing note of an abridged or omitted section empty, so the rule
that a cut needs a note (``articles.editorial.section_rules``) holds the article back until a
person writes one; the aligner's words go into the page's history instead, as the comment of
the section's status entry, where editors read them."""

from __future__ import annotations

from collections.abc import Mapping

from wagtail.models import PageLogEntry

from articles.editorial.section_rules import STATUS_ACTION, is_machine_note

__all__ = ["is_machine_note", "keep_for_editors", "log_position"]


def log_position() -> int:
    """Where the audit log stands now: entries written later have a greater id."""
    last = PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return last or 0


def keep_for_editors(page, notes: Mapping[str, str], since: int) -> None:
    """Put each section's machine note (by section key) on the status-log entry the save
    since ``since`` wrote for it (none is written when the status did not change)."""
    if not notes:
        return
    entries = PageLogEntry.objects.filter(page=page, action=STATUS_ACTION, pk__gt=since).order_by(
        "-pk"
    )
    done: set[str] = set()
    for entry in entries:
        key = entry.data.get("section_key")
        if key in notes and key not in done:
            entry.data = {**entry.data, "comment": notes[key]}
            entry.save(update_fields=["data"])
            done.add(key)
