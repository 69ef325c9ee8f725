"""What AI drafting has been asked to do: one row per section sent to the service.

The rows are the quota ledger (sections per user and per day, counted in the database so
every worker and web process sees the same figures) and the run's clock: ``expires_at``
is when a section still queued or drafting counts as failed, ``retry_at`` when a section
the service asked us to wait for will be tried again.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DraftingUsage(models.Model):
    # Local date (TIME_ZONE) the section was sent, and its place in that day's sequence.
    # The sequence is unique per day, so two requests that counted the same usage cannot
    # both be inserted: the later one fails, counts again and sees the other's rows.
    day = models.DateField(_("day"))
    number = models.PositiveIntegerField(_("number in the day"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The section by its stable key (a section added in a draft has no row). Kept when the
    # section or the article is removed: what was used that day stays used.
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    section_key = models.UUIDField(_("section"), null=True, blank=True, db_index=True)
    requested_at = models.DateTimeField(_("requested at"))
    expires_at = models.DateTimeField(_("counts as failed after"))
    retry_at = models.DateTimeField(_("retry after"), null=True, blank=True)
    reschedules = models.PositiveSmallIntegerField(_("times rescheduled"), default=0)

    class Meta:
        verbose_name = _("AI drafting usage")
        verbose_name_plural = _("AI drafting usage")
        constraints = [
            models.UniqueConstraint(fields=["day", "number"], name="drafting_usage_day_number")
        ]
        indexes = [models.Index(fields=["day", "user"], name="drafting_usage_day_user")]

    def __str__(self) -> str:
        return f"{self.day} #{self.number}"
