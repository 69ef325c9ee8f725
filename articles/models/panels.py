"""Editor panels: each section shows its sign-off standing and a reviewer's comments."""

from wagtail.admin.panels import Panel

from articles.editorial.section_rules import CUT_STATUSES
from articles.models.workflow import SignoffRecords


class SignoffStatusPanel(Panel):
    """Read-only: the latest reviewer decision on this section's current content."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/signoff_status_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.status in CUT_STATUSES)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            section = self.instance
            shown = section.page_id and self.is_shown()
            context["state"] = self.records().state_of(section) if shown else None
            return context

        def records(self) -> SignoffRecords:
            """The article's sign-off records, read once per request: every cut section of the
            editor shows this panel, and each would otherwise ask the database twice."""
            page = self.instance.page
            if self.request is None:
                return SignoffRecords.read(page)
            kept = self.request.__dict__.setdefault("_signoff_records", {})
            if page.pk not in kept:
                kept[page.pk] = SignoffRecords.read(page)
            return kept[page.pk]
