"""Editor panels: each section shows its sign-off standing and a reviewer's comments."""

from wagtail.admin.panels import Panel

from articles.editorial.section_rules import CUT_STATUSES
from articles.models.workflow import signoff_states


class SignoffStatusPanel(Panel):
    """Read-only: the latest reviewer decision on this section's current content."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/signoff_status_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.status in CUT_STATUSES)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            section = self.instance
            states = signoff_states(section.page, [section]) if section.page_id else []
            context["state"] = states[0] if states else None
            return context
