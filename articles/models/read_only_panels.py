"""Read-only editor panels that read in the editor's language."""

from django.utils.translation import gettext

from wagtail.admin.panels import FieldPanel


class YesNoFieldPanel(FieldPanel):
    """A boolean shown as 是/否 (Yes/No): Wagtail prints the Python value, "True"."""

    def format_value_for_display(self, value):
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        return super().format_value_for_display(value)
