"""People's names, loaded one way for every part of the product that matches them in text
(the importer, the review checks, AI drafting): plain records, no model instances."""

from __future__ import annotations

from dataclasses import dataclass

from people.models import Person, split_lines


@dataclass(frozen=True)
class PersonRecord:
    """A person's names as plain values: the recorded names, other correct spellings and
    renderings (``aliases``, Latin or Chinese) and known misspellings."""

    pk: int
    name_en: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every correct name, the recorded ones first, blanks dropped, each once."""
        names = (self.name_en, self.name_zh, *self.aliases)
        return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def person_names() -> list[PersonRecord]:
    """Every person's names, in the people list's order."""
    fields = ("pk", "name_en", "name_zh_hans", "aliases", "misspellings")
    return [
        PersonRecord(
            pk=person.pk,
            name_en=(person.name_en or "").strip(),
            name_zh=(person.name_zh_hans or "").strip(),
            aliases=tuple(split_lines(person.aliases)),
            misspellings=tuple(split_lines(person.misspellings)),
        )
        for person in Person.objects.only(*fields)
    ]
