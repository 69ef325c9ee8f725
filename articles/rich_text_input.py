"""Rich text that arrives unreadable is a form error, not a server error.

The editor posts Draftail's JSON, which Wagtail's widget turns into HTML while the form reads
its data, before any validation: a body posted as raw HTML, or JSON of the wrong shape, used to
end in a ``JSONDecodeError`` 500. Here the widget hands such a value on as
``UnreadableRichText`` and the field refuses it with a message, so nothing is saved and the
editor gets the form back with the text still in it.

The converted HTML is normalised like every other posted field (``normalise_text``): escaped
characters in the JSON (a lone surrogate, a control character) reach the database only after
decoding, past ``cms.middleware.CleanFormInputMiddleware``. A NUL stays, for Django's own
validator to refuse.
"""

from __future__ import annotations

import json
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.text_files import normalise_text

UNREADABLE_MESSAGE = _(
    "This text arrived in a form the editor cannot read (for example raw HTML instead of the "
    "editor's content), so nothing was saved. Check the text below and save again."
)


class UnreadableRichText:
    """What the widget read when the posted value was not Draftail's content."""

    def __init__(self, raw: str):
        self.raw = raw


class ReadableDraftailMixin:
    """Mixed into Wagtail's ``DraftailRichTextArea`` (see ``guard_rich_text``)."""

    def value_from_datadict(self, data, files, name):
        raw = forms.Textarea.value_from_datadict(self, data, files, name)
        if raw is None:
            return None
        try:
            # strict=False: a line separator the form layer turned into a newline is still text.
            return self.converter.exporter.render(json.loads(raw, strict=False))
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return UnreadableRichText(raw)

    def format_value(self, value):
        if isinstance(value, UnreadableRichText):
            # Shown again as the editor's content (read as HTML), so nothing typed is lost.
            value = value.raw
        return super().format_value(value)


class ReadableRichTextField(forms.CharField):
    def to_python(self, value):
        if isinstance(value, UnreadableRichText):
            raise ValidationError(UNREADABLE_MESSAGE, code="unreadable")
        text = super().to_python(value)
        return _normalised_keeping_nul(text)

    def has_changed(self, initial, data) -> bool:
        if isinstance(data, UnreadableRichText):
            return True
        return super().has_changed(initial, data)


def _normalised_keeping_nul(text: str) -> str:
    # Django's validator on the field refuses NUL with its own message; keep it for that.
    return "\x00".join(normalise_text(part) for part in text.split("\x00"))


def is_draftail(widget: forms.Widget) -> bool:
    # By shape, not by class: this module is imported while models load, before Wagtail's
    # rich-text package can be.
    converter = getattr(widget, "converter", None)
    return type(widget).__name__ == "DraftailRichTextArea" and hasattr(converter, "exporter")


@cache
def _readable(widget_class: type) -> type:
    return type("Readable" + widget_class.__name__, (ReadableDraftailMixin, widget_class), {})


def guard_rich_text(form: forms.BaseForm) -> None:
    """Make every Draftail field of ``form`` refuse unreadable input with a message."""
    for field in form.fields.values():
        # Exactly what Wagtail's RichTextField builds: a CharField with Draftail's widget.
        if type(field) is forms.CharField and is_draftail(field.widget):
            # The same objects, configured as Wagtail built them (features, validators,
            # labels); only the reading of posted data changes.
            field.__class__ = ReadableRichTextField
            field.widget.__class__ = _readable(type(field.widget))
