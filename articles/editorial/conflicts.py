"""Three-way merge of an article edited from a stale form, over plain values.

Three versions of one article meet when an editor saves a form loaded before someone else's
save: *base* (the revision the form was loaded from), *theirs* (the latest revision) and
*mine* (what the editor submitted). The article is cut into units — each page-level field,
and each section matched by its stable key — and each unit is judged on its own: changed on
one side only, it is taken from that side; changed on both sides to different values, a
person chooses. Without a base (it was overwritten in place since, as autosave and AI
drafting do), every difference needs a choice: nothing is taken on a guess.

Plain values in, plain values out; no models. ``articles.editorial.conflict_screen`` feeds it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from articles.review.engine.diffs import DiffOp, diff_text


class Side(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Value:
    """One field's value: ``compared`` decides equality (markup noise removed by the
    caller), ``shown`` is the text a person reads in the diff."""

    compared: str
    shown: str


Values = Mapping[str, Value]


@dataclass(frozen=True)
class Version:
    """One version of an article: page fields by name, and sections in order by key."""

    fields: Mapping[str, Value]
    sections: Sequence[tuple[str, Values]]

    def units(self) -> dict[str, Values]:
        units: dict[str, Values] = {field_unit(name): {name: v} for name, v in self.fields.items()}
        units.update((section_unit(key), values) for key, values in self.sections)
        return units


def field_unit(name: str) -> str:
    return f"field:{name}"


def section_unit(key: str) -> str:
    return f"section:{key}"


def section_key_of(unit: str) -> str | None:
    return unit.removeprefix("section:") if unit.startswith("section:") else None


@dataclass(frozen=True)
class FieldChange:
    """How one field of a unit moved: from the base to theirs, and from the base to mine
    (without a base, from theirs to mine)."""

    name: str
    theirs: tuple[DiffOp, ...]
    mine: tuple[DiffOp, ...]


@dataclass(frozen=True)
class UnitChange:
    unit: str
    base: Values | None
    mine: Values | None
    theirs: Values | None
    mine_changed: bool
    theirs_changed: bool
    fields: tuple[FieldChange, ...] = field(default=())

    @property
    def conflicting(self) -> bool:
        """Both sides changed it, differently: only a person may choose."""
        return self.mine_changed and self.theirs_changed and not _same(self.mine, self.theirs)

    @property
    def automatic(self) -> Side | None:
        """The side taken without asking, when only one side changed the unit."""
        if self.conflicting:
            return None
        if self.mine_changed and not self.theirs_changed:
            return Side.MINE
        return Side.THEIRS


class ChoicesMissing(ValueError):
    """A conflicting unit has no choice; ``units`` names them."""

    def __init__(self, units: list[str]):
        super().__init__(", ".join(units))
        self.units = units


def compare(base: Version | None, mine: Version, theirs: Version) -> list[UnitChange]:
    """Every unit that differs on either side, in theirs' order then mine's additions."""
    base_units = base.units() if base is not None else None
    mine_units, theirs_units = mine.units(), theirs.units()
    order = list(theirs_units) + [u for u in mine_units if u not in theirs_units]
    if base_units is not None:
        order += [u for u in base_units if u not in theirs_units and u not in mine_units]
    changes = []
    for unit in order:
        m, t = mine_units.get(unit), theirs_units.get(unit)
        if base_units is None:
            b = None
            mine_changed = theirs_changed = not _same(m, t)
        else:
            b = base_units.get(unit)
            mine_changed, theirs_changed = not _same(b, m), not _same(b, t)
        if mine_changed or theirs_changed:
            reference = b if base_units is not None else t
            changes.append(
                UnitChange(
                    unit, b, m, t, mine_changed, theirs_changed, _field_changes(reference, m, t)
                )
            )
    return changes


def decide(changes: Sequence[UnitChange], choices: Mapping[str, str]) -> dict[str, Side]:
    """The winning side of every changed unit: automatic where one side changed it, the
    person's choice where both did. Raises ``ChoicesMissing`` for a conflict left open."""
    decided: dict[str, Side] = {}
    missing = []
    for change in changes:
        if change.conflicting:
            choice = choices.get(change.unit)
            if choice not in (Side.MINE, Side.THEIRS):
                missing.append(change.unit)
                continue
            decided[change.unit] = Side(choice)
        else:
            decided[change.unit] = change.automatic or Side.THEIRS
    if missing:
        raise ChoicesMissing(missing)
    return decided


def keep_mine(changes: Sequence[UnitChange]) -> dict[str, Side]:
    """Every changed unit as the editor submitted it: their explicit "keep my version"."""
    return {change.unit: Side.MINE for change in changes}


def merged_section_order(
    base: Version | None, mine: Version, theirs: Version, winners: Mapping[str, Side]
) -> list[tuple[str, Side]]:
    """The sections of the merged article in order, each with the side it comes from.

    A section present on its winning side is kept; one absent there (deleted on that side)
    is left out. The order is theirs unless only mine reordered the shared sections; a
    section known to one side only follows its predecessor on that side.
    """
    mine_keys = [key for key, _values in mine.sections]
    theirs_keys = [key for key, _values in theirs.sections]

    def source(key: str) -> Side:
        return winners.get(section_unit(key), Side.THEIRS)

    def present(key: str) -> bool:
        return key in (mine_keys if source(key) is Side.MINE else theirs_keys)

    backbone, other = theirs_keys, mine_keys
    if base is not None:
        base_keys = [key for key, _values in base.sections]
        if _shared_order(mine_keys, base_keys) != _shared_order(
            base_keys, mine_keys
        ) and _shared_order(theirs_keys, base_keys) == _shared_order(base_keys, theirs_keys):
            backbone, other = mine_keys, theirs_keys
    result = [key for key in backbone if present(key)]
    for position, key in enumerate(other):
        if key in result or not present(key):
            continue
        before = next((k for k in reversed(other[:position]) if k in result), None)
        result.insert(result.index(before) + 1 if before is not None else 0, key)
    return [(key, source(key)) for key in result]


def _shared_order(keys: Sequence[str], others: Sequence[str]) -> list[str]:
    wanted = set(others)
    return [key for key in keys if key in wanted]


def _same(a: Values | None, b: Values | None) -> bool:
    if a is None or b is None:
        return a is b
    names = set(a) | set(b)
    return all(_compared(a, n) == _compared(b, n) for n in names)


def _compared(values: Values, name: str) -> str:
    value = values.get(name)
    return value.compared if value is not None else ""


def _shown(values: Values | None, name: str) -> str:
    value = values.get(name) if values is not None else None
    return value.shown if value is not None else ""


def _field_changes(
    reference: Values | None, mine: Values | None, theirs: Values | None
) -> tuple[FieldChange, ...]:
    names: list[str] = []
    for values in (reference, theirs, mine):
        names += [n for n in (values or {}) if n not in names]
    changes = []
    for name in names:
        before = _shown(reference, name)
        after_theirs, after_mine = _shown(theirs, name), _shown(mine, name)
        differs = any(
            (reference is None) != (other is None)
            or (other is not None and _compared(reference or {}, name) != _compared(other, name))
            for other in (theirs, mine)
        )
        if differs:
            changes.append(
                FieldChange(
                    name,
                    tuple(diff_text(before, after_theirs)),
                    tuple(diff_text(before, after_mine)),
                )
            )
    return tuple(changes)
