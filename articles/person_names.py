"""People's names as the engines take them (Latin and Chinese apart), from the one loader
``people.names.person_names``."""

from __future__ import annotations

from collections.abc import Iterable

from articles.names import by_script
from articles.review.engine.checks.values import PersonNames
from people.names import PersonRecord, person_names


def as_person_names(records: Iterable[PersonRecord]) -> list[PersonNames]:
    people = []
    for record in records:
        names_en, names_zh = by_script(record.names)
        people.append(PersonNames(record.pk, names_en, names_zh, record.misspellings))
    return people


def load_person_names() -> list[PersonNames]:
    """Every person on record, names split by script, for matching and checks."""
    return as_person_names(person_names())
