"""The admin form every page type starts from: only users who may publish see and set the
publishing schedule (``go_live_at``, ``expire_at``).

Wagtail keeps these fields on every page form and lets anyone who may edit fill them in, so a
translator could schedule a page to go live or expire when an editor later publishes it.
Without the fields in the form, a crafted POST carrying them changes nothing, and the schedule
panel and its toggle in the status side panel disappear.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm

from articles.editorial.permissions import Action, allows

SCHEDULE_FIELDS = ("go_live_at", "expire_at")


class EditorialPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new page is scheduled under its parent's permissions; an existing one under its own.
        page = self.instance if self.instance.pk else self.parent_page
        if self.for_user is None or page is None:
            return
        if not allows(self.for_user, Action.SCHEDULE_PUBLISHING, page):
            for name in SCHEDULE_FIELDS:
                self.fields.pop(name, None)

    @property
    def show_schedule_publishing_toggle(self) -> bool:
        return "go_live_at" in self.fields
