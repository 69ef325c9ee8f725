"""Translation errors reported by readers, one row per report, for editors to resolve.

A report names the section by its stable key (the section's place and heading can change
after the report) and keeps the heading and place it had when the reader wrote, so the
listing still says what was meant once the section moves or goes. Nothing identifies the
reader unless they left a contact; their address is only counted by the rate limit, never
stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Limits of what a reader may send (the form and the database agree).
TEXT_MAX_LENGTH = 2000
CONTACT_MAX_LENGTH = 200


class ErrorReport(models.Model):
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="error_reports",
    )
    section_key = models.UUIDField(_("section"), db_index=True)
    section_heading = models.CharField(_("section heading"), max_length=300, blank=True)
    #: The section's number on the page when reported (``#section-N``), from 1.
    section_position = models.PositiveIntegerField(_("section number"))
    text = models.TextField(_("what is wrong"), max_length=TEXT_MAX_LENGTH)
    contact = models.CharField(_("reader's contact"), max_length=CONTACT_MAX_LENGTH, blank=True)
    #: The interface language the reader wrote in ("zh-hans" or "en").
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    resolved = models.BooleanField(_("resolved"), default=False, db_index=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("translation error report")
        verbose_name_plural = _("translation error reports")

    def __str__(self) -> str:
        return f"{self.page_id} §{self.section_position}: {self.text[:40]}"

    def mark(self, resolved: bool, user) -> None:
        """Resolve (by ``user``, now) or reopen the report, and save it."""
        self.resolved = resolved
        self.resolved_by = user if resolved else None
        self.resolved_at = timezone.now() if resolved else None
        self.save(update_fields=["resolved", "resolved_by", "resolved_at"])
