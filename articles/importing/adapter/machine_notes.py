"""The aligner's own notes ("Aligner: the whole section has no counterpart in the
translation.") are for editors, never for readers.

An import leaves the reader-facing note of an abridged or omitted section empty, so the rule
that a cut needs a note (``articles.editorial.section_rules``) holds the article back until a
person writes one; the aligner's words go into the page's history instead, on the section's
status entry, where editors read them.

A note is kept as its parts, message ids with their values, and put into words only when it
is shown, so each editor reads it in their own admin language: ``str(note)`` in the active
language. ``as_data``/``from_data`` carry it through JSON (a log entry's data)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

from django.utils.translation import gettext, pgettext_lazy

from wagtail.models import PageLogEntry

from articles.editorial.section_rules import MACHINE_NOTE_PREFIX, STATUS_ACTION, is_machine_note

__all__ = [
    "MachineNote",
    "Phrase",
    "Listing",
    "is_machine_note",
    "keep_for_editors",
    "log_position",
    "note_from_log",
]

# Where the data of a status log entry keeps the aligner's note.
LOG_KEY = "machine_note"

# How the parts of a note are joined, by name, in the language they are shown in.
SEPARATORS = {
    "clauses": pgettext_lazy("aligner note: between clauses", "; "),
    "counts": pgettext_lazy("aligner note: between counts", "; "),
    "items": pgettext_lazy("list separator", ", "),
}
_END = pgettext_lazy("aligner note: end of the note", ".")

Param = Union[str, int, "Phrase", "Listing"]


@dataclass(frozen=True)
class Phrase:
    """Words translated when shown: ``text`` (a message id marked with ``gettext_noop``), or
    ``text``/``plural`` chosen by ``count``, formatted with ``params`` (words the aligner
    quotes and numbers as they are, phrases translated in their turn)."""

    text: str
    params: Mapping[str, Param] = field(default_factory=dict)
    plural: str = ""
    count: int = 0

    def __str__(self) -> str:
        # Each form is its own message id (marked with gettext_noop, which makemessages reads),
        # chosen here by the English rule: Chinese has one form for every count.
        words = gettext(self.plural if self.plural and self.count != 1 else self.text)
        return words % {name: _value(value) for name, value in self.params.items()}


@dataclass(frozen=True)
class Listing:
    """Values shown one after another, joined as the language joins a list of that kind."""

    items: tuple[Param, ...]
    separator: str = "items"

    def __str__(self) -> str:
        return _joined(self.items, self.separator)


@dataclass(frozen=True)
class MachineNote:
    """The aligner's note: its prefix ("Aligner: "), then its clauses joined, ended as a
    sentence."""

    clauses: tuple[Param, ...]
    separator: str = "clauses"

    def __str__(self) -> str:
        return gettext(MACHINE_NOTE_PREFIX) + _joined(self.clauses, self.separator) + str(_END)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def as_data(self) -> dict[str, Any]:
        return {"clauses": [_data(c) for c in self.clauses], "separator": self.separator}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> MachineNote:
        return cls(
            tuple(_param(c) for c in data.get("clauses") or ()),
            str(data.get("separator") or "clauses"),
        )


def _value(value: Param) -> str | int:
    """A parameter as its template takes it: numbers stay numbers (for ``%(count)d``)."""
    return value if isinstance(value, int) else str(value)


def _joined(items: Sequence[Param], separator: str) -> str:
    joiner = str(SEPARATORS.get(separator, SEPARATORS["items"]))
    return joiner.join(str(item) for item in items)


def _data(value: Param) -> Any:
    if isinstance(value, Phrase):
        out: dict[str, Any] = {"text": value.text}
        if value.params:
            out["params"] = {name: _data(v) for name, v in value.params.items()}
        if value.plural:
            out |= {"plural": value.plural, "count": value.count}
        return out
    if isinstance(value, Listing):
        return {"items": [_data(v) for v in value.items], "separator": value.separator}
    return value


def _param(data: Any) -> Param:
    if isinstance(data, Mapping) and "items" in data:
        return Listing(tuple(_param(v) for v in data["items"]), str(data.get("separator", "")))
    if isinstance(data, Mapping):
        return Phrase(
            str(data.get("text", "")),
            {str(k): _param(v) for k, v in (data.get("params") or {}).items()},
            str(data.get("plural", "")),
            int(data.get("count", 0)),
        )
    return data if isinstance(data, int | str) else str(data)


def note_from_log(data: Mapping[str, Any]) -> str:
    """The aligner's note a status log entry carries, in the active language ("" if none,
    or if it cannot be read)."""
    stored = data.get(LOG_KEY)
    if not isinstance(stored, Mapping):
        return ""
    try:
        return str(MachineNote.from_data(stored))
    except (KeyError, TypeError, ValueError):
        return ""


def log_position() -> int:
    """Where the audit log stands now: entries written later have a greater id."""
    last = PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return last or 0


def keep_for_editors(page, notes: Mapping[str, MachineNote | str], since: int) -> None:
    """Put each section's machine note (by section key) on the status-log entry the save
    since ``since`` wrote for it (none is written when the status did not change). A note
    given as text (one stored by an earlier import) is kept as the entry's comment."""
    if not notes:
        return
    entries = PageLogEntry.objects.filter(page=page, action=STATUS_ACTION, pk__gt=since).order_by(
        "-pk"
    )
    done: set[str] = set()
    for entry in entries:
        key = entry.data.get("section_key")
        if key in notes and key not in done:
            note = notes[key]
            kept = {LOG_KEY: note.as_data()} if isinstance(note, MachineNote) else {"comment": note}
            entry.data = {**entry.data, **kept}
            entry.save(update_fields=["data"])
            done.add(key)
