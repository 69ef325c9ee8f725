"""Editorial workflow models: the abridgment review task, reviewers' sign-offs, and an index
of the sections in each article's latest revision for the editorial queue and report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask


class AbridgmentReviewTask(AbstractGroupApprovalTask):
    """A workflow step whose reviewers sign off every abridged or omitted section, one by
    one, on their own screen. It cannot be approved while a cut section is unsigned.
    Behaviour lives in ``articles.workflow``; this class only connects it to Wagtail."""

    def get_actions(self, obj, user):
        from articles.workflow import abridgment_task_actions

        return abridgment_task_actions(self, obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        from articles.workflow import on_abridgment_task_action

        return on_abridgment_task_action(self, task_state, user, action_name, **kwargs)

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

    class Meta:
        verbose_name = _("section sign-off")
        verbose_name_plural = _("section sign-offs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["section_key", "content_hash"])]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} {self.section_key}"


class DraftSection(models.Model):
    """One section of an article's latest revision, kept as a row so that editorial queues
    ("every abridged section awaiting review") are plain queries. Rebuilt whenever a revision
    of the article is saved; the public site never reads it."""

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="draft_sections"
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

    class Meta:
        verbose_name = _("section in review")
        verbose_name_plural = _("sections in review")
        ordering = ["page", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page", "section_key"], name="unique_draft_section")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} §{self.position} {self.status}"
