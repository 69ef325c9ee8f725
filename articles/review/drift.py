"""Source drift, recorded: re-checking a translation against the current English.

Re-checking writes the current English to the live row and to the page's latest and live
revisions, because publishing a revision rewrites the live rows from the revision's JSON;
patching the revision keeps the confirmation through the next publish. What counts as stale
is decided in ``articles.review.engine.drift``.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from wagtail.models import Revision

from articles.models import ArticleSection


@transaction.atomic
def confirm_source(page, section_pk: int, english: str, user, now: datetime | None = None) -> int:
    """Record that ``user`` re-checked the translation against ``english``.

    Updates the live row and the section's entry in the latest and live revisions; returns
    how many revisions were patched.
    """
    now = now or timezone.now()
    ArticleSection.objects.filter(pk=section_pk, page=page).update(
        source_at_translation=english, source_confirmed_by=user, source_confirmed_at=now
    )
    revision_ids = {page.latest_revision_id, page.live_revision_id} - {None}
    patched = 0
    for revision in Revision.objects.filter(pk__in=revision_ids).select_for_update():
        for entry in revision.content.get("sections", []):
            if entry.get("pk") == section_pk:
                entry["source_at_translation"] = english
                entry["source_confirmed_by"] = user.pk
                entry["source_confirmed_at"] = now  # the field's encoder writes ISO 8601
                revision.save(update_fields=["content"])
                patched += 1
                break
    return patched
