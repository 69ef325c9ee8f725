"""The translation workflow's name and its steps' names, shown in the user's language.

They are rows a migration created (``Workflow.name``, ``Task.name``) and Wagtail reads them as
plain attributes everywhere: templates, action menus ("Submit to …"), messages, e-mails.
Storing a translation would show it to users of the other language. Instead, reading ``name``
gives a string that shows itself in the language active when it is shown, while the database,
comparisons and JSON keep the English name; a shown translation written back (a task's edit
form) is stored as the English name again.
"""

from __future__ import annotations

from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext, gettext_noop

from wagtail.models import Task, Workflow

#: The names the translation workflow's migration gave (articles/migrations/0007).
NAMES = frozenset(
    {
        gettext_noop("Translation review"),
        gettext_noop("Abridgment review"),
        gettext_noop("Editor approval"),
    }
)


class ShownName(str):
    """A stored name that reads as its translation wherever it is turned into text."""

    def __str__(self) -> str:
        return gettext(str.__str__(self))


def shown(value: str | None) -> str | None:
    return ShownName(value) if isinstance(value, str) and value in NAMES else value


def stored(value: str | None) -> str | None:
    """The English name for a name as shown in the active language."""
    if not isinstance(value, str):
        return value
    value = str.__str__(value)
    return next((name for name in NAMES if gettext(name) == value), value)


class ShownNameAttribute(DeferredAttribute):
    """``name`` of a workflow or task: read as shown, written as stored."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        return value if instance is None else shown(value)

    def __set__(self, instance, value) -> None:
        instance.__dict__[self.field.attname] = stored(value)


def install() -> None:
    """Put the attribute on Wagtail's models (their subclasses inherit it)."""
    for model in (Workflow, Task):
        model.name = ShownNameAttribute(model._meta.get_field("name"))


#: Wagtail's log actions whose messages name the workflow and its steps from the names the
#: log entry stored when it was written (always the English names).
WORKFLOW_LOG_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


def _shown_titles(data):
    """A log entry's data with every stored workflow or step title as shown."""
    if isinstance(data, dict):
        return {
            key: shown(value) if key == "title" else _shown_titles(value)
            for key, value in data.items()
        }
    return data


class ShownNamesFormatter:
    """Wagtail's formatter of a workflow log entry, reading the names as shown."""

    def __init__(self, formatter) -> None:
        self.formatter = formatter
        self.label = formatter.label

    def format_message(self, log_entry) -> str:
        stored_data = log_entry.data
        log_entry.data = _shown_titles(stored_data)
        try:
            return self.formatter.format_message(log_entry)
        finally:
            log_entry.data = stored_data

    def format_comment(self, log_entry) -> str:
        return self.formatter.format_comment(log_entry)


def show_names_in_workflow_log(actions) -> None:
    """``register_log_actions`` hook, run after Wagtail's own (a higher ``order``)."""
    for action in WORKFLOW_LOG_ACTIONS:
        formatter = actions.formatters.get(action)
        if formatter is not None and not isinstance(formatter, ShownNamesFormatter):
            actions.formatters[action] = ShownNamesFormatter(formatter)
