"""The reader's "report a translation error" form: which section, what is wrong, an optional
contact, and a honeypot field that people never see and spam robots fill in."""

from __future__ import annotations

import re
from uuid import UUID

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models.error_reports import CONTACT_MAX_LENGTH, TEXT_MAX_LENGTH

#: The honeypot's name: one a form-filling robot is tempted to fill.
HONEYPOT = "website"
TEXT_MIN_LENGTH = 2
# Something that reads as a markup tag or comment: readers write plain text, and a report
# full of tags is almost always a link-spam robot.
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>")


class ErrorReportForm(forms.Form):
    section = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Say which section the error is in."),
            "invalid": _("This section is not part of the article any more."),
        },
    )
    text = forms.CharField(
        label=_("What is wrong in this section?"),
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Write what is wrong before sending the report."),
            "min_length": _("Write a little more: what is wrong, and what it should say."),
            "max_length": _(
                "The report is too long: at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )
    contact = forms.CharField(
        label=_("Your contact (optional)"),
        required=False,
        max_length=CONTACT_MAX_LENGTH,
        error_messages={
            "max_length": _("The contact is too long: at most %(limit_value)d characters."),
        },
    )
    website = forms.CharField(required=False)

    def __init__(self, *args, section_keys: set[UUID], **kwargs):
        super().__init__(*args, **kwargs)
        self.section_keys = section_keys

    @property
    def is_spam(self) -> bool:
        """A robot filled in the field people cannot see."""
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_section(self) -> UUID:
        key = self.cleaned_data["section"]
        if key not in self.section_keys:
            raise forms.ValidationError(self.fields["section"].error_messages["invalid"])
        return key

    def clean_text(self) -> str:
        return _plain(self.cleaned_data["text"])

    def clean_contact(self) -> str:
        return _plain(self.cleaned_data["contact"])


def _plain(value: str) -> str:
    if _MARKUP.search(value):
        raise forms.ValidationError(_("Please write plain text, without HTML tags."), code="markup")
    return value
