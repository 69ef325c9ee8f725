"""Undoing a coverage re-check's batch of status changes.

An accepted batch (``coverage_check.accept``) is a page log entry naming the revision it saved
and each section's status, note and coverage before it. While that revision is still the
article's latest, the coverage screen offers to undo the batch: the sections get their earlier
values back in a new revision (a write like any other, refused from an out-of-date screen by
``articles.editorial.stale_writes``), and the undo is logged too. Once anyone has saved the
article since, the batch is no longer undone as a whole; its earlier values stay in the page
history.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Revision

from articles.editorial.coverage_check import APPLIED_ACTION, BATCH_FIELDS, save_draft
from articles.editorial.stale_writes import Latest, ensure_latest
from articles.models import ArticlePage, section_versions

UNDONE_ACTION = "articles.coverage_undone"


class UndoRefused(Exception):
    """The batch cannot be undone; the message says why, nothing was written."""


@dataclass(frozen=True)
class SectionChange:
    section: str
    previous_status: str
    status: str


@dataclass(frozen=True)
class AppliedBatch:
    """An accepted batch that can still be undone."""

    entry_id: int
    changes: list[SectionChange]

    @property
    def status_changes(self) -> list[SectionChange]:
        return [change for change in self.changes if change.previous_status != change.status]


def _batch(entry: PageLogEntry) -> AppliedBatch:
    changes = [
        SectionChange(
            section=item.get("section", ""),
            previous_status=(item.get("previous") or {}).get("status", ""),
            status=item.get("status", ""),
        )
        for item in entry.data.get("sections") or []
    ]
    return AppliedBatch(entry.pk, changes)


def _undone(page: ArticlePage, entry_id: int) -> bool:
    return PageLogEntry.objects.filter(
        page=page, action=UNDONE_ACTION, data__applied_entry=entry_id
    ).exists()


def _still_latest(entry: PageLogEntry, latest: Latest) -> bool:
    """Nobody saved the article since the batch: its revision is the latest, unchanged."""
    return latest.id == entry.data.get("revision") and latest.created_at == entry.data.get(
        "revision_created_at"
    )


def undoable(page: ArticlePage) -> AppliedBatch | None:
    """The article's latest accepted batch, when nothing was saved since and it was not
    undone."""
    entry = (
        PageLogEntry.objects.filter(page=page, action=APPLIED_ACTION)
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is None or _undone(page, entry.pk):
        return None
    revision = Revision.objects.filter(pk=page.latest_revision_id).first()
    if not _still_latest(entry, Latest(revision)):
        return None
    return _batch(entry)


def undo_batch(
    page: ArticlePage, entry_id, user, loaded_revision_id, loaded_created_at: str | None = None
) -> Revision:
    """Give the batch's sections their earlier status, note and coverage, as a new revision
    under ``user``'s name. Raises ``StaleWrite`` when the screen is out of date and
    ``UndoRefused`` when the batch is not this article's, was undone already or the article
    was saved since it."""
    with transaction.atomic():
        latest = ensure_latest(page, loaded_revision_id, loaded_created_at)
        entry = PageLogEntry.objects.filter(
            page=page, action=APPLIED_ACTION, pk=_as_int(entry_id)
        ).first()
        if entry is None:
            raise UndoRefused(
                _("These status changes are not this article's; nothing was changed.")
            )
        if _undone(page, entry.pk):
            raise UndoRefused(_("These status changes were undone already."))
        if not _still_latest(entry, latest):
            raise UndoRefused(
                _(
                    "The article was saved after these status changes; nothing was restored. "
                    "The earlier statuses are in the page history."
                )
            )
        previous = {
            section_versions.as_key(item.get("key")): item
            for item in entry.data.get("sections") or []
        }
        draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        restored = []
        for section in draft.sections.get_object_list():
            item = previous.get(section.key)
            if item is None:
                continue
            undone_status = section.status
            for name in BATCH_FIELDS:
                setattr(section, name, (item.get("previous") or {}).get(name))
            restored.append(
                {
                    "key": str(section.key),
                    "section": item.get("section", ""),
                    "from": undone_status,
                    "status": section.status,
                }
            )
        revision = save_draft(draft, user)
        log(
            instance=draft,
            action=UNDONE_ACTION,
            user=user,
            data={"applied_entry": entry.pk, "revision": revision.pk, "sections": restored},
        )
        return revision


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
