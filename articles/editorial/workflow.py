"""How an article moves through editorial review: who may sign off which cut section, what
is logged, and the editorial index of each article's latest revision. Views, hooks, commands
and tests all call these functions. Reading the sign-off standing, and the abridgment task's
own steps, live with the sign-off model (``articles.models.workflow``)."""

import uuid

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Revision, Workflow, WorkflowPage

from articles.editorial.permissions import Action, allows
from articles.editorial.section_rules import (
    CUT_STATUSES,
    SIGNOFF_ACTION,
    SIGNOFF_CLEARED_ACTION,
    SIGNOFF_REJECT_ACTION,
    STATUS_ACTION,
    numbered,
    section_hash,
)
from articles.models import ArticlePage, ArticleSection, LatestSection, SectionSignoff
from articles.models.workflow import SignoffDecision, markers_for, signoff_states


def section_label(section: ArticleSection) -> str:
    heading = section.heading_zh_hans or section.heading_en or _("untitled")
    return _("section %(position)s “%(heading)s”") % {
        "position": getattr(section, "position", "?"),
        "heading": heading,
    }


def record_signoff(
    page: ArticlePage,
    section: ArticleSection,
    user: AbstractBaseUser,
    decision: str,
    comment: str = "",
) -> SectionSignoff:
    """A reviewer approves a cut section, or asks for changes with a comment."""
    if not allows(user, Action.SIGN_OFF, page):
        raise PermissionDenied(_("Only reviewers and editors of this article sign off its cuts."))
    if section.status not in CUT_STATUSES:
        raise ValidationError(_("Only abridged or omitted sections need a sign-off."))
    if decision not in SignoffDecision.values:
        raise ValidationError(_("Choose approve or request changes."))
    if decision == SignoffDecision.REJECTED and not comment.strip():
        raise ValidationError(_("Say what should change when you send a section back."))
    marker = markers_for(page, [section.key]).get(str(section.key))
    if marker is not None and marker == user.pk:
        raise PermissionDenied(
            _("You marked this section yourself; another reviewer must sign it off.")
        )
    with transaction.atomic():
        signoff = SectionSignoff.objects.create(
            page=page,
            section_key=section.key,
            content_hash=section_hash(section),
            decision=decision,
            comment=comment.strip(),
            user=user,
        )
        log(
            instance=page,
            action=SIGNOFF_ACTION
            if decision == SignoffDecision.APPROVED
            else SIGNOFF_REJECT_ACTION,
            user=user,
            data={
                "section_key": str(section.key),
                "section": section_label(section),
                "status": section.status,
                "comment": signoff.comment,
            },
        )
    return signoff


def log_section_changes(user, page: ArticlePage, before: list, after: list) -> None:
    """Log each section whose status changed, and each sign-off the edit invalidated."""
    # Wagtail's page history shows one entry per action and request (entries logged in a
    # request share its uuid, and only the latest is listed): each section's entry gets a
    # uuid of its own, so a save that changes several sections shows every one of them.
    old = {section.key: section for section in before}
    states = {state.section.key: state for state in signoff_states(page, before) if state.signoff}
    for section in numbered(after):
        previous = old.get(section.key)
        old_status = previous.status if previous else None
        if old_status != section.status:
            log(
                instance=page,
                action=STATUS_ACTION,
                user=user,
                uuid=uuid.uuid4(),
                data={
                    "section_key": str(section.key),
                    "section": section_label(section),
                    "old": old_status,
                    "new": section.status,
                    "note": section.note,
                },
            )
        state = states.get(section.key)
        if state and section_hash(section) != section_hash(previous):
            log(
                instance=page,
                action=SIGNOFF_CLEARED_ACTION,
                user=user,
                uuid=uuid.uuid4(),
                data={"section_key": str(section.key), "section": section_label(section)},
            )


# What the index copies from the latest revision; the drafting job's fields
# (``ai_draft_state``, ``ai_draft_error``) are the index's own and survive a rebuild.
_INDEXED_FIELDS = (
    "revision",
    "position",
    "heading",
    "status",
    "note",
    "content_hash",
    "status_since",
    "marked_by",
)


def _copied(row: LatestSection) -> tuple:
    """What the row copies from its section (its indexed values but the revision)."""
    return tuple(
        getattr(row, LatestSection._meta.get_field(name).attname)
        for name in _INDEXED_FIELDS
        if name != "revision"
    )


def sync_latest_sections(
    page: ArticlePage,
    revision: Revision | None = None,
    sections: list[ArticleSection] | None = None,
) -> None:
    """Bring the editorial index of ``page``'s latest revision up to date (one row per
    section), in place by section key: new keys get a row, removed keys lose theirs, the
    rest are updated without touching their drafting job. ``sections`` are the revision's,
    numbered, when the caller has read them already (``section_versions.in_revision``)."""
    revision = revision or page.get_latest_revision()
    if sections is None:
        sections = numbered((revision.as_object() if revision else page).sections.all())
    now = timezone.now()
    markers = markers_for(page, [section.key for section in sections])
    with transaction.atomic():
        rows = LatestSection.objects.filter(page=page).locked_in_id_order()
        existing = {row.section_key: row for row in rows}
        changed, moved_on, added = [], [], []
        for section in sections:
            before = existing.get(section.key)
            unchanged = before is not None and before.status == section.status
            was = _copied(before) if before is not None else None
            row = before or LatestSection(page=page, section_key=section.key)
            row.revision = revision
            row.position = section.position
            row.heading = (section.heading_zh_hans or section.heading_en or "")[:300]
            row.status = section.status
            row.note = section.note or ""
            row.content_hash = section_hash(section)
            row.status_since = before.status_since if unchanged else now
            row.marked_by_id = markers.get(str(section.key))
            if before is None:
                added.append(row)
            elif _copied(row) == was:
                moved_on.append(row.pk)  # only the revision is new
            else:
                changed.append(row)
        kept = {section.key for section in sections}
        LatestSection.objects.filter(page=page).exclude(section_key__in=kept).delete()
        # Only the indexed fields are written: a claim made meanwhile stays claimed. Most
        # saves change a section or two; the rest only move on to the new revision, in one
        # statement (a bulk update of every row cost more than the rest of the save).
        LatestSection.objects.filter(pk__in=moved_on).update(revision=revision)
        LatestSection.objects.bulk_update(changed, _INDEXED_FIELDS)
        # Two saves of one page may index the same new key at once: the first row stands.
        LatestSection.objects.bulk_create(added, ignore_conflicts=True)


WORKFLOW_NAME = "Translation review"


def assign_translation_workflow(index) -> None:
    """Articles under ``index`` go through the translation workflow (created by migration)."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
