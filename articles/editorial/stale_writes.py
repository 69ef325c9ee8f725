"""The stale-write guard every writer of an article's sections calls.

A write made from a screen loaded before someone else's save would silently replace that
save. Each writer passes the revision its screen was loaded from; ``ensure_latest`` locks the
page row and refuses the write unless that revision is still the page's latest. The lock is
held until the caller's transaction ends, so the check and the write are one step on
PostgreSQL (on SQLite writes are serialised anyway).

Writers: the page editor (``articles.editorial.conflict_screen``), accepting an AI draft
(``articles.drafting.storing``) and undoing its replacement (``articles.drafting.replacing``),
attaching an imported original to an existing article (``articles.importing.adapter.attach``),
and the coverage re-check's status changes and their undo (``articles.editorial.coverage_check``,
``coverage_undo``). A new writer calls it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext as _

from wagtail.models import Page, Revision


class StaleWrite(Exception):
    """The screen was loaded from a revision that is no longer the page's latest."""

    def __init__(self, page_id: int, loaded_revision_id, latest: Revision | None):
        self.page_id = page_id
        self.loaded_revision_id = loaded_revision_id
        self.latest = latest
        super().__init__(
            _(
                "Someone else saved this article after you opened this screen; nothing was "
                "changed. Reload to see the latest version."
            )
        )


@dataclass(frozen=True)
class Latest:
    """The page's latest revision as seen under the lock (None before the first one)."""

    revision: Revision | None

    @property
    def id(self) -> int | None:
        return self.revision.pk if self.revision else None

    @property
    def created_at(self) -> str:
        return self.revision.created_at.isoformat() if self.revision else ""

    def is_loaded(self, loaded_revision_id, loaded_created_at: str | None = None) -> bool:
        """True when a screen loaded from ``loaded_revision_id`` (and, when given, created at
        ``loaded_created_at``: a revision overwritten in place since is a newer version)
        shows this revision."""
        if self.revision is None:
            return loaded_revision_id in (None, "")
        if str(loaded_revision_id) != str(self.revision.pk):
            return False
        return loaded_created_at is None or loaded_created_at == self.created_at


def lock_latest(page_id: int) -> Latest:
    """Lock the page row for the rest of the caller's transaction and read its latest
    revision. Must run inside ``transaction.atomic``: a lock outside one ends at once."""
    if not connection.in_atomic_block:
        raise RuntimeError("lock_latest() must be called inside transaction.atomic()")
    latest_id = (
        Page.objects.select_for_update()
        .filter(pk=page_id)
        .values_list("latest_revision_id", flat=True)
        .first()
    )
    return Latest(Revision.objects.filter(pk=latest_id).first() if latest_id else None)


def ensure_latest(page: Page, loaded_revision_id, loaded_created_at: str | None = None) -> Latest:
    """Lock ``page`` and raise ``StaleWrite`` unless ``loaded_revision_id`` is its latest
    revision. Call inside the transaction that then writes."""
    latest = lock_latest(page.pk)
    if not latest.is_loaded(loaded_revision_id, loaded_created_at):
        raise StaleWrite(page.pk, loaded_revision_id, latest.revision)
    return latest
