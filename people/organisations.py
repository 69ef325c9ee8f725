"""Organisations' names, loaded one way for the review checks: plain records."""

from __future__ import annotations

from dataclasses import dataclass

from people.models import Organisation, split_lines


@dataclass(frozen=True)
class OrganisationRecord:
    """Every correct name of an organisation, English and Chinese, the recorded ones first."""

    pk: int
    names: tuple[str, ...]


def organisation_names() -> list[OrganisationRecord]:
    fields = ("pk", "name_en", "name_zh_hans", "aliases")
    records = []
    for organisation in Organisation.objects.only(*fields):
        names = (
            organisation.name_en,
            organisation.name_zh_hans,
            *split_lines(organisation.aliases),
        )
        unique = tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))
        records.append(OrganisationRecord(organisation.pk, unique))
    return records
