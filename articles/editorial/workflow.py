"""How an article moves through editorial review: who may sign off which cut section, when
the abridgment step may be approved, what is logged, and the editorial index of each
article's latest revision. Views, hooks, commands and tests all call these functions."""

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Revision

from articles.editorial.permissions import Action, allows
from articles.editorial.section_rules import CUT_STATUSES
from articles.models import ArticlePage, ArticleSection, LatestSection, SectionSignoff
from articles.models.workflow import SignoffDecision
from articles.richtext import words_of

STATUS_ACTION = "duizhao.section_status"
SIGNOFF_ACTION = "duizhao.signoff"
SIGNOFF_REJECT_ACTION = "duizhao.signoff_reject"
SIGNOFF_CLEARED_ACTION = "duizhao.signoff_cleared"


def section_hash(section: ArticleSection) -> str:
    """What a sign-off approves: the section's words in both languages, status and note.
    Markup is ignored: the editor rewrites attributes on every save without a word changing."""
    parts = [
        section.status or "",
        " ".join((section.note or "").split()),
        words_of(section.heading_en),
        words_of(section.heading_zh_hans),
        words_of(section.body_en),
        words_of(section.body_zh_hans),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def section_label(section: ArticleSection) -> str:
    heading = section.heading_zh_hans or section.heading_en or _("untitled")
    return _("section %(position)s “%(heading)s”") % {
        "position": getattr(section, "position", "?"),
        "heading": heading,
    }


def numbered(sections) -> list[ArticleSection]:
    sections = list(sections)
    for position, section in enumerate(sections, start=1):
        section.position = position
    return sections


@dataclass
class SignoffState:
    section: ArticleSection
    signoff: SectionSignoff | None
    marked_by_id: int | None

    @property
    def decision(self) -> str | None:
        return self.signoff.decision if self.signoff else None

    @property
    def approved(self) -> bool:
        return self.decision == SignoffDecision.APPROVED


def signoff_states(page: ArticlePage, sections: list[ArticleSection]) -> list[SignoffState]:
    """The sign-off standing for each cut section in ``sections``: the latest decision made
    on exactly this content, or none. Two queries whatever the number of sections."""
    cut = [section for section in sections if section.status in CUT_STATUSES]
    keys = [section.key for section in cut]
    latest: dict[tuple, SectionSignoff] = {}
    for signoff in SectionSignoff.objects.filter(page=page, section_key__in=keys).select_related(
        "user"
    ):
        latest.setdefault((signoff.section_key, signoff.content_hash), signoff)
    markers = markers_for(page, keys)
    return [
        SignoffState(
            section=section,
            signoff=latest.get((section.key, section_hash(section))),
            marked_by_id=markers.get(str(section.key)),
        )
        for section in cut
    ]


def markers_for(page: ArticlePage, keys) -> dict[str, int | None]:
    """Who last marked each section abridged or omitted, from the status log."""
    wanted = {str(key) for key in keys}
    markers: dict[str, int | None] = {}
    entries = PageLogEntry.objects.filter(page=page, action=STATUS_ACTION).order_by(
        "-timestamp", "-pk"
    )
    for entry in entries.only("data", "user_id"):
        key = entry.data.get("section_key")
        if key in wanted and key not in markers and entry.data.get("new") in CUT_STATUSES:
            markers[key] = entry.user_id
    return markers


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


def unsigned_sections(page: ArticlePage, sections: list[ArticleSection]) -> list[ArticleSection]:
    return [state.section for state in signoff_states(page, sections) if not state.approved]


def sections_under_review(task_state) -> tuple[ArticlePage, list[ArticleSection]]:
    """The article and its numbered sections as submitted for this task."""
    page = task_state.workflow_state.content_object.specific
    revision = task_state.revision or page.get_latest_revision()
    submitted = revision.as_object() if revision else page
    return page, numbered(submitted.sections.all())


def abridgment_review_url(page: ArticlePage) -> str:
    return reverse("articles_abridgment_review", args=(page.pk,))


def abridgment_task_actions(task, obj, user) -> list[tuple[str, str, bool]]:
    """ "Approve" is offered only once every cut section under review is signed off, and
    only to members of the step's groups who may approve it on this page."""
    if not task.may_moderate(obj, user):
        return []
    actions = [
        ("review", _("Review abridgments"), False),
        ("reject", _("Request changes"), True),
    ]
    task_state = obj.current_workflow_task_state
    if task_state is not None:
        page, sections = sections_under_review(task_state)
        if not unsigned_sections(page, sections):
            actions.append(("approve", _("Approve"), False))
    return actions


def approval_blockers(task_state) -> list[ArticleSection]:
    page, sections = sections_under_review(task_state)
    return unsigned_sections(page, sections)


def on_abridgment_task_action(task, task_state, user, action_name, **kwargs):
    """Approval is refused until every cut is signed: the reviewer is sent to the review
    screen, which names the sections still waiting."""
    page = task_state.workflow_state.content_object.specific
    if action_name == "review":
        return abridgment_review_url(page)
    if action_name == "approve" and approval_blockers(task_state):
        return abridgment_review_url(page) + "?blocked=1"
    with transaction.atomic():
        if action_name == "approve":
            task_state.approve(user=user, **kwargs)
        elif action_name == "reject":
            task_state.reject(user=user, **kwargs)
    return None


def log_section_changes(user, page: ArticlePage, before: list, after: list) -> None:
    """Log each section whose status changed, and each sign-off the edit invalidated."""
    old = {section.key: section for section in before}
    states = {state.section.key: state for state in signoff_states(page, before) if state.signoff}
    for position, section in enumerate(after, start=1):
        section.position = position
        previous = old.get(section.key)
        old_status = previous.status if previous else None
        if old_status != section.status:
            log(
                instance=page,
                action=STATUS_ACTION,
                user=user,
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
                data={"section_key": str(section.key), "section": section_label(section)},
            )


def sync_latest_sections(page: ArticlePage, revision: Revision | None = None) -> None:
    """Rebuild the editorial index of ``page``'s latest revision (one row per section)."""
    revision = revision or page.get_latest_revision()
    sections = numbered((revision.as_object() if revision else page).sections.all())
    now = timezone.now()
    existing = {row.section_key: row for row in LatestSection.objects.filter(page=page)}
    markers = markers_for(page, [section.key for section in sections])
    rows = []
    for section in sections:
        before = existing.get(section.key)
        unchanged = before is not None and before.status == section.status
        rows.append(
            LatestSection(
                page=page,
                revision=revision,
                section_key=section.key,
                position=section.position,
                heading=(section.heading_zh_hans or section.heading_en or "")[:300],
                status=section.status,
                note=section.note or "",
                content_hash=section_hash(section),
                status_since=before.status_since if unchanged else now,
                marked_by_id=markers.get(str(section.key)),
            )
        )
    with transaction.atomic():
        LatestSection.objects.filter(page=page).delete()
        LatestSection.objects.bulk_create(rows)


WORKFLOW_NAME = "Translation review"


def assign_translation_workflow(index) -> None:
    """Articles under ``index`` go through the translation workflow (created by migration)."""
    from wagtail.models import Workflow, WorkflowPage

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
