"""How much each kind of consistency-check finding matters, set by editors under Settings.

``hint``: listed on the review screen. ``warn``: listed and marked as a warning.
``block``: the article cannot be submitted for review while such a finding is neither fixed
nor dismissed with a reason (``articles.review.checking.blocking_findings``). Registered under
Settings in ``articles/wagtail_hooks.py``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting

# The check codes (``articles.review.engine.CODES``), one field each.
CODES = (
    "missing_number",
    "missing_url",
    "missing_name",
    "glossary_missing",
    "glossary_forbidden",
    "misspelt_name",
    "short_translation",
)


class Severity(models.TextChoices):
    HINT = "hint", _("Hint")
    WARN = "warn", _("Warning")
    BLOCK = "block", _("Blocks submission")


def _severity(label, default: str = Severity.HINT) -> models.CharField:
    return models.CharField(label, max_length=10, choices=Severity.choices, default=default)


class CheckPolicy(BaseGenericSetting):
    """One severity per check kind; each field is named by the check's code."""

    missing_number = _severity(_("Numbers missing"))
    missing_url = _severity(_("Links missing"))
    missing_name = _severity(_("Names missing"))
    glossary_missing = _severity(_("Glossary term not used"))
    glossary_forbidden = _severity(_("Forbidden glossary rendering"), Severity.WARN)
    misspelt_name = _severity(_("Misspelt names"), Severity.WARN)
    short_translation = _severity(_("Unusually short translation"))

    panels = [FieldPanel(code) for code in CODES]

    class Meta:
        verbose_name = _("check severities")
        verbose_name_plural = _("check severities")

    def severity(self, code: str) -> str:
        return getattr(self, code, Severity.HINT) if code in CODES else Severity.HINT

    def blocking(self, code: str) -> bool:
        return self.severity(code) == Severity.BLOCK
