import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from articles.content.api_fields import OriginalField
from articles.content.licence import public_original_text
from articles.editorial.section_rules import (
    CUT_STATUSES,
    SectionStatus,
    SectionText,
    section_errors,
    section_hash,
)
from articles.models.panels import SignoffStatusPanel
from articles.richtext import html_to_text

SECTION_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "blockquote", "image"]


class ArticleSection(Orderable):
    """One section of an article: the English original beside its Chinese translation.

    Sections are rows (not JSON inside the page) so that "every abridged section awaiting
    review" is a query. They are edited inline on the article and saved in its revisions.
    """

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="sections")
    # Stable identity across revisions (a new section has no primary key until published):
    # sign-offs, status history and revision diffs follow the section by this key.
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    body = RichTextField(_("text"), blank=True, features=SECTION_FEATURES)
    ai_draft = models.TextField(
        _("AI draft"),
        blank=True,
        help_text=_(
            "The machine draft of the Chinese, kept apart so the translator's text is never "
            "overwritten and their edits can be measured."
        ),
    )
    status = models.CharField(
        _("translation status"),
        max_length=10,
        choices=SectionStatus.choices,
        default=SectionStatus.PENDING,
        db_index=True,
        help_text=_(
            "Abridged and omitted sections need a note and a reviewer's sign-off. "
            "'Added' is Chinese with no English source, such as an editor's lead."
        ),
    )
    note = models.TextField(
        _("abridgment note"),
        blank=True,
        help_text=_("For abridged or omitted sections: what was cut and why. Readers see it."),
    )
    quote = models.ForeignKey(
        "people.Quote",
        verbose_name=_("quote"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sections",
        help_text=_("A quote shown set apart after this section's text, chosen from Quotes."),
    )

    # AI draft bookkeeping: which backend and model wrote ``ai_draft``, when and at what
    # cost. The drafting job's state (queued, failed and why) is kept per section of the
    # latest revision, on ``LatestSection``: a section added in a draft has no row.
    ai_draft_backend = models.CharField(_("AI backend"), max_length=50, blank=True)
    ai_draft_model = models.CharField(_("AI model"), max_length=100, blank=True)
    ai_drafted_at = models.DateTimeField(_("AI draft time"), null=True, blank=True)
    ai_prompt_tokens = models.PositiveIntegerField(_("prompt tokens"), null=True, blank=True)
    ai_completion_tokens = models.PositiveIntegerField(
        _("completion tokens"), null=True, blank=True
    )

    # Source drift: the English as it stood when the translation was last confirmed.
    source_at_translation = models.TextField(_("English when translated"), blank=True)
    source_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("re-checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_confirmed_at = models.DateTimeField(_("re-checked at"), null=True, blank=True)

    # How much of the English the Chinese covers, paragraph by paragraph, with the English
    # sentences left untranslated (``articles.importing.engine.coverage``), and a digest of
    # the texts it was worked out on: stale once either text changes (``articles.coverage``).
    coverage = models.JSONField(
        _("coverage"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Which English sentences have no Chinese counterpart, as found when the section "
            "was imported, given its original or re-checked."
        ),
    )

    # Post-editing effort of the AI draft and a digest of the texts it was worked out on,
    # stored on save so that reading the disclosure diffs nothing
    # (``articles.content.disclosure_facts``).
    draft_effort = models.JSONField(_("post-editing effort"), null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("heading_en"), FieldPanel("heading_zh_hans")]),
        FieldRowPanel([FieldPanel("body_en"), FieldPanel("body_zh_hans")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("note")]), FieldPanel("quote")],
            heading=_("Status"),
        ),
        FieldPanel("ai_draft", read_only=True),
        SignoffStatusPanel(),
    ]

    api_fields = [
        # The original's English is null when its licence keeps it from readers.
        APIField("heading_en", serializer=OriginalField()),
        APIField("heading_zh_hans"),
        APIField("body_en", serializer=OriginalField()),
        APIField("body_zh_hans"),
        APIField("status"),
        APIField("note"),
        APIField("quote_id"),
        APIField("signoff_state"),
    ]

    class Meta(Orderable.Meta):
        # The primary key breaks ties, so the order never depends on the database.
        ordering = ["sort_order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.heading_zh_hans or self.heading_en or f"§{(self.sort_order or 0) + 1}"

    @property
    def is_cut(self) -> bool:
        return self.status in CUT_STATUSES

    @property
    def signoff_state(self) -> str | None:
        """For cut sections: "approved", "rejected" or "unsigned"; None for the rest.
        Reviewers' names stay out of it: this is read by the public API."""
        if not self.is_cut:
            return None
        decision = self.page.signoff_decisions.get((self.key, section_hash(self)))
        return decision or "unsigned"

    @property
    def text_en(self) -> str:
        return html_to_text(self.body_en)

    @property
    def text_zh(self) -> str:
        return html_to_text(self.body_zh_hans)

    @property
    def public_text_en(self) -> str:
        """The English the public search index holds: none when the original is hidden."""
        return public_original_text(self)

    def rule_input(self) -> SectionText:
        return SectionText(
            status=self.status,
            note=self.note or "",
            body_en=self.body_en or "",
            body_zh=self.body_zh_hans or "",
        )

    def clean(self) -> None:
        super().clean()
        errors = section_errors(self.rule_input())
        if errors:
            raise ValidationError(errors)


class CheckDismissal(models.Model):
    """A reviewer's decision that one consistency-check finding on a section is not a
    problem, with the reason. Keyed by the section's stable key (so a section added in an
    unpublished draft can have findings dismissed) and the finding's code and evidence."""

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="check_dismissals"
    )
    section_key = models.UUIDField(_("section"), db_index=True)
    code = models.CharField(_("check"), max_length=50)
    evidence = models.CharField(_("evidence"), max_length=300, blank=True)
    reason = models.TextField(_("reason"))
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(_("dismissed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed check")
        verbose_name_plural = _("dismissed checks")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "section_key", "code", "evidence"],
                name="unique_section_check_dismissal",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.evidence}"
