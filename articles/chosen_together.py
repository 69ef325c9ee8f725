"""The article editor's choosers read what they show together, in one query per field.

Wagtail's chooser widget asks the database for the object it shows, by the id it is given:
the editor asked once for each section that shows a quote, so a long article's editor cost
more queries the more quotes it had. Here the choosers of one field across a formset (every
section's quote) read all their objects with one query, the first time one of them renders;
a form that is saved without being shown again asks nothing.
"""

from __future__ import annotations

from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.widgets.chooser import BaseChooser

NOT_READ = object()  # a value no form of the formset holds: the widget reads it as Wagtail does


class ChosenTogether:
    """The objects the choosers of ``name`` show across ``formset``'s forms, by posted or
    initial id, read in one query when first asked for."""

    def __init__(self, formset: forms.BaseFormSet, name: str, model: type[models.Model]):
        self.formset = formset
        self.name = name
        self.model = model
        self._found: dict[str, models.Model | None] | None = None

    def find(self, value) -> models.Model | None | object:
        if self._found is None:
            self._found = self._read()
        return self._found.get(str(value), NOT_READ)

    def _read(self) -> dict[str, models.Model | None]:
        ids = {}
        for form in self.formset.forms:
            value = form[self.name].value()
            if value in (None, ""):
                continue
            try:
                ids[str(value)] = self.model._meta.pk.to_python(value)
            except ValidationError:
                # Posted, and no id at all: the form says so; Wagtail's chooser raised (a 500).
                ids[str(value)] = None
        # The manager Wagtail's chooser reads through; a missing row shows as no choice.
        rows = self.model.objects.in_bulk({pk for pk in ids.values() if pk is not None})
        return {posted: rows.get(pk) for posted, pk in ids.items()}


class ChosenTogetherMixin:
    chosen_together: ChosenTogether

    def get_instance(self, value):
        if value is not None and not isinstance(value, self.model_class):
            found = self.chosen_together.find(value)
            if found is not NOT_READ:
                return found
        return super().get_instance(value)


@cache
def _chosen_together(widget_class: type) -> type:
    return type("ChosenTogether" + widget_class.__name__, (ChosenTogetherMixin, widget_class), {})


def choose_together(formset: forms.BaseFormSet) -> None:
    """Make the chooser fields of ``formset``'s forms read what they show together."""
    if not formset.forms:
        return
    for name, field in formset.forms[0].fields.items():
        if not isinstance(field.widget, BaseChooser):
            continue
        together = ChosenTogether(formset, name, field.widget.model_class)
        for form in formset.forms:
            widget = form.fields[name].widget
            # The same widget, configured as Wagtail built it; only where it reads from changes.
            widget.__class__ = _chosen_together(type(widget))
            widget.chosen_together = together
