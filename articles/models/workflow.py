"""Editorial workflow models: the desk-scoped approval tasks, reviewers' sign-offs, and an index
of the sections in each article's latest revision for the editorial queue and report.

A sign-off holds for the content it approved (``section_hash``): ``signoff_states`` reads each
cut section's standing, and the abridgment task offers "Approve" only when none is unsigned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Page, PageLogEntry

from articles.editorial.permissions import Action, allows, role_allows, visible_q
from articles.editorial.section_rules import CUT_STATUSES, STATUS_ACTION, section_hash
from articles.models import section_versions

if TYPE_CHECKING:
    from articles.models.pages import ArticlePage
    from articles.models.sections import ArticleSection


class PageScopedApproval:
    """Mixin for group approval tasks: a member of the step's groups moderates the step only
    on pages the permission table lets them take ``step_action`` on.

    Wagtail's group approval asks only for membership of the step's groups, so with groups
    narrowed to one desk a reviewer of desk A could approve a desk B article from Wagtail's
    own workflow action URL. Wagtail's action view also never checks that the task state it
    acts on belongs to the page in the URL, so ``on_action`` checks the task state's page.
    """

    step_action: Action = Action.APPROVE_STEP

    def on_page(self, obj, user) -> bool:
        """Whether the table lets ``user`` take this step's action on ``obj``."""
        return isinstance(obj, Page) and allows(user, self.step_action, obj)

    def may_moderate(self, obj, user) -> bool:
        return (user.is_superuser or self._user_in_groups(user)) and self.on_page(obj, user)

    def require_moderator(self, task_state, user) -> None:
        if not self.may_moderate(task_state.workflow_state.content_object, user):
            raise PermissionDenied

    def locked_for_user(self, obj, user) -> bool:
        return not self.may_moderate(obj, user)

    def user_can_lock(self, obj, user) -> bool:
        return super().user_can_lock(obj, user) and self.on_page(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if not role_allows(user, self.step_action):
            return states.none()
        # Workflow states name their object by a text id.
        visible = (
            Page.objects.filter(visible_q(user))
            .annotate(key=Cast("pk", output_field=models.CharField()))
            .values("key")
        )
        return states.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=visible,
        )


class DeskApprovalTask(PageScopedApproval, AbstractGroupApprovalTask):
    """Wagtail's group approval, limited to the pages the user's page permissions reach:
    the translation workflow's "Translation review" and "Editor approval" steps."""

    def user_can_access_editor(self, obj, user) -> bool:
        return self.may_moderate(obj, user)

    def get_actions(self, obj, user) -> list[tuple[str, str, bool]]:
        if not self.may_moderate(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        self.require_moderator(task_state, user)
        super().on_action(task_state, user, action_name, **kwargs)
        # Wagtail then opens the editor, which a reviewer may no longer open once the
        # step has moved on: their next tasks are on the dashboard.
        page = Page.objects.get(pk=task_state.workflow_state.object_id).specific
        if not page.permissions_for_user(user).can_edit():
            return reverse("wagtailadmin_home")
        return None

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve this step, on the pages their page "
            "permissions reach."
        )

    class Meta:
        verbose_name = _("desk approval task")
        verbose_name_plural = _("desk approval tasks")


class AbridgmentReviewTask(PageScopedApproval, AbstractGroupApprovalTask):
    """A workflow step whose reviewers sign off every abridged or omitted section, one by
    one, on their own screen. It cannot be approved while a cut section is unsigned.
    Signing off lives in ``articles.editorial.workflow``; the screen in
    ``articles.editorial.abridgment_screen``."""

    step_action = Action.APPROVE_CUT_STEP

    def get_actions(self, obj, user):
        """ "Approve" is offered only once every cut section under review is signed off, and
        only to members of the step's groups who may approve it on this page."""
        if not self.may_moderate(obj, user):
            return []
        actions = [
            ("review", gettext("Review abridgments"), False),
            ("reject", gettext("Request changes"), True),
        ]
        task_state = obj.current_workflow_task_state
        if task_state is not None and not approval_blockers(task_state):
            actions.append(("approve", gettext("Approve"), False))
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        """Approval is refused until every cut is signed: the reviewer is sent to the review
        screen, which names the sections still waiting."""
        self.require_moderator(task_state, user)
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

    def user_can_access_editor(self, obj, user):
        # Reviewers judge the cuts on the review screen; they do not edit the text.
        return False

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups sign off each abridged or omitted section. "
            "The step cannot be approved while any of them is unsigned."
        )

    class Meta:
        verbose_name = _("abridgment review task")
        verbose_name_plural = _("abridgment review tasks")


class SignoffDecision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Changes requested")


class SectionSignoffQuerySet(models.QuerySet):
    """The one way to find the latest sign-off on exactly this content: a decision counts
    for the section's content it was made on (its hash), and the newest such decision wins."""

    def newest_first(self) -> SectionSignoffQuerySet:
        return self.order_by("-created_at", "-pk")

    def latest_by_content(self, page, keys=None) -> dict[tuple, SectionSignoff]:
        """(section key, content hash) -> the latest sign-off, for these sections of
        ``page`` (all of them when ``keys`` is None), in one query."""
        latest: dict[tuple, SectionSignoff] = {}
        signoffs = self.filter(page=page)
        if keys is not None:
            signoffs = signoffs.filter(section_key__in=keys)
        signoffs = signoffs.newest_first()
        for signoff in signoffs.select_related("user"):
            latest.setdefault((signoff.section_key, signoff.content_hash), signoff)
        return latest

    def latest_decisions(self) -> dict[tuple, str]:
        """(section key, content hash) -> the latest decision, for every section in this
        queryset (an article's ``signoffs``), in one query."""
        decisions: dict[tuple, str] = {}
        for key, content_hash, decision in self.newest_first().values_list(
            "section_key", "content_hash", "decision"
        ):
            decisions.setdefault((key, content_hash), decision)
        return decisions

    def latest_on_row(self) -> SectionSignoffQuerySet:
        """For a subquery beside ``LatestSection`` rows: the sign-offs on exactly the row's
        content, newest first (take ``[:1]``)."""
        return self.filter(
            section_key=models.OuterRef("section_key"),
            content_hash=models.OuterRef("content_hash"),
        ).newest_first()


class SectionSignoff(models.Model):
    """A reviewer's decision on one cut section as it stood (``content_hash``). Editing the
    section's source, translation, status or note changes its hash, so an old decision no
    longer applies: that is how an edit clears a sign-off without anyone resetting it."""

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="signoffs"
    )
    section_key = models.UUIDField(_("section"), db_index=True)
    content_hash = models.CharField(max_length=64)
    decision = models.CharField(_("decision"), max_length=10, choices=SignoffDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True, db_index=True)

    objects = SectionSignoffQuerySet.as_manager()

    class Meta:
        verbose_name = _("section sign-off")
        verbose_name_plural = _("section sign-offs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["section_key", "content_hash"])]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} {self.section_key}"


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


@dataclass(frozen=True)
class SignoffRecords:
    """A page's sign-offs and who marked its sections cut, read in two queries: the standing
    of any of its sections, in whatever content it has now, is then worked out from them."""

    latest: dict[tuple, SectionSignoff]
    markers: dict[str, int | None]

    @classmethod
    def read(cls, page: ArticlePage, keys=None) -> SignoffRecords:
        """For these section keys of ``page``, or for all of its sections when None."""
        return cls(SectionSignoff.objects.latest_by_content(page, keys), markers_for(page, keys))

    def state_of(self, section: ArticleSection) -> SignoffState:
        return SignoffState(
            section=section,
            signoff=self.latest.get((section.key, section_hash(section))),
            marked_by_id=self.markers.get(str(section.key)),
        )


def signoff_states(page: ArticlePage, sections: list[ArticleSection]) -> list[SignoffState]:
    """The sign-off standing for each cut section in ``sections``: the latest decision made
    on exactly this content, or none. Two queries whatever the number of sections."""
    cut = [section for section in sections if section.status in CUT_STATUSES]
    records = SignoffRecords.read(page, [section.key for section in cut])
    return [records.state_of(section) for section in cut]


def markers_for(page: ArticlePage, keys=None) -> dict[str, int | None]:
    """Who last marked each section abridged or omitted, from the status log (for these
    section keys, or for every section when ``keys`` is None)."""
    wanted = None if keys is None else {str(key) for key in keys}
    markers: dict[str, int | None] = {}
    entries = PageLogEntry.objects.filter(page=page, action=STATUS_ACTION).order_by(
        "-timestamp", "-pk"
    )
    for entry in entries.only("data", "user_id"):
        key = entry.data.get("section_key")
        if wanted is not None and key not in wanted:
            continue
        if key not in markers and entry.data.get("new") in CUT_STATUSES:
            markers[key] = entry.user_id
    return markers


def unsigned_sections(page: ArticlePage, sections: list[ArticleSection]) -> list[ArticleSection]:
    return [state.section for state in signoff_states(page, sections) if not state.approved]


def sections_under_review(task_state) -> tuple[ArticlePage, list[ArticleSection]]:
    """The article and its numbered sections as submitted for this task."""
    page = task_state.workflow_state.content_object.specific
    revision = task_state.revision or page.get_latest_revision()
    if revision is None:
        return page, section_versions.live(page)
    return page, section_versions.in_revision(page, revision)


def approval_blockers(task_state) -> list[ArticleSection]:
    """The cut sections under review that still lack an approving sign-off."""
    page, sections = sections_under_review(task_state)
    return unsigned_sections(page, sections)


def abridgment_review_url(page: ArticlePage) -> str:
    return reverse("articles_abridgment_review", args=(page.pk,))


class DraftState(models.TextChoices):
    """Where a section's AI drafting job stands (``LatestSection.ai_draft_state``)."""

    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Drafting")
    DONE = "done", _("Drafted")
    FAILED = "failed", _("Failed")


class LatestSectionQuerySet(models.QuerySet):
    def locked_in_id_order(self) -> LatestSectionQuerySet:
        """These rows, locked for the caller's transaction in id order as they are read.

        Every transaction that writes several of an article's rows locks them so first.
        Writers that took them in different orders (the sections' order, a table scan's)
        each held a row another waited for, and PostgreSQL broke the circle by failing one
        (a 500 when translators started drafting one article at once). SQLite writes one
        transaction at a time and ignores the lock."""
        return self.select_for_update().order_by("pk")

    def lock_in_id_order(self) -> None:
        """Lock these rows (``locked_in_id_order``) without reading them."""
        list(self.locked_in_id_order().values_list("pk", flat=True))


class LatestSection(models.Model):
    """One section of an article's latest revision, kept as a row so that editorial queues
    ("every abridged section awaiting review") are plain queries. Rebuilt whenever a revision
    of the article is saved; the public site never reads it."""

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="latest_sections"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    section_key = models.UUIDField(db_index=True)
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, db_index=True)
    note = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64)
    status_since = models.DateTimeField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The AI drafting job of this section (``articles.drafting``): kept here, per section
    # of the latest revision, so a section added in an unpublished draft can be drafted.
    # The index rebuild keeps these fields.
    ai_draft_state = models.CharField(
        _("AI draft state"), max_length=10, choices=DraftState.choices, blank=True, default=""
    )
    ai_draft_error = models.TextField(_("AI draft error"), blank=True)
    # The values of the error's placeholders; ``articles.drafting.errors`` shows the two
    # together in each reader's language.
    ai_draft_error_params = models.JSONField(_("AI draft error details"), default=dict, blank=True)

    objects = LatestSectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("section in review")
        verbose_name_plural = _("sections in review")
        ordering = ["page", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page", "section_key"], name="unique_latest_section")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} §{self.position} {self.status}"
