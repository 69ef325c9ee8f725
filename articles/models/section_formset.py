"""The article editor's sections, saved with one query for the rows their forms name.

Django gives each form of a model formset a hidden id field that looks its row up on its own
when the form is cleaned: saving a 50-section article asked the database 50 times for its
sections one by one. Here the formset reads every row its forms name in one query, the first
time a form asks, and each form takes its row from there; an id that names no row (or is not
an id at all, which modelcluster let through to a 500) gets Django's own "not one of the
available choices" error."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import ModelChoiceField

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel


class RowIdField(ModelChoiceField):
    """A form's hidden row id, looked up among the rows its formset has read."""

    def __init__(self, *args, rows: Callable[[], dict[str, models.Model]], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        row = self.rows().get(value)
        return row if row is not None else super().to_python(value)


class RowsReadTogetherFormSet(BaseChildFormSet):
    _rows: dict[str, models.Model] | None = None
    _row_queryset: models.QuerySet | None = None

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        name = self._pk_field.name
        field = form.fields.get(name)
        if type(field) is ModelChoiceField:
            self._row_queryset = field.queryset
            form.fields[name] = RowIdField(
                field.queryset,
                initial=field.initial,
                required=False,
                widget=field.widget,
                rows=self.named_rows,
            )

    def _get_to_python(self, field):
        """modelcluster reads each posted id with this before building its form, and a value
        that is no id at all raised there (a 500): such a form gets a new row instead, which
        its id field then refuses with the form's own error."""
        to_python = super()._get_to_python(field)

        def read(value):
            try:
                return to_python(value)
            except ValidationError:
                return None

        return read

    def named_rows(self) -> dict[str, models.Model]:
        """The rows the bound forms name, by their id as posted."""
        if self._rows is None:
            named = {}
            for index in range(self.total_form_count()):
                posted = self.data.get(f"{self.add_prefix(index)}-{self._pk_field.name}")
                try:
                    named[posted] = self._pk_field.to_python(posted)
                except ValidationError:
                    continue  # not an id: its form reports it
            ids = [pk for pk in named.values() if pk is not None]
            found = {row.pk: row for row in self._row_queryset.filter(pk__in=ids)}
            self._rows = {posted: found[pk] for posted, pk in named.items() if pk in found}
        return self._rows


class SectionsPanel(InlinePanel):
    """An inline panel whose formset reads the rows its forms name in one query."""

    def get_form_options(self) -> dict:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = RowsReadTogetherFormSet
        return options
