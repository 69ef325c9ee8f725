"""Loading a revision checks that what it points to still exists, as modelcluster does, but
asks the database once per kind of target instead of once per reference.

modelcluster checks each foreign key of the page and of every child with a query of its own:
opening the editor of a 17-section article cost a query for each section's parental key and
quote, and the count grew with the article. Here every reference is gathered first, each target
model is asked once for the values that exist, and a dangling reference is then dealt with as
modelcluster deals with it: kept (DO_NOTHING), cleared (SET_NULL, or CASCADE on the page
itself), or the child dropped (CASCADE on a child).

One difference: a PROTECT reference to a row deleted since is cleared too. PROTECT guards only
rows in the database, so a quote named by nothing but a draft can be deleted; modelcluster then
raised, and that article's editor and review screen answered 500."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import ForeignObjectRel

from modelcluster.models import get_all_child_relations

Target = tuple[type[models.Model], str]


class ReferencesCheckedTogether:
    """For a ClusterableModel (a page with inline children): revisions load with one existence
    query per model referred to, whatever the number of children."""

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        if check_fks:
            data = without_dangling_references(cls, data, strict_fks)
            if data is None:
                return None
        return super().from_serializable_data(data, check_fks=False, strict_fks=strict_fks)


def without_dangling_references(
    model: type[models.Model], data: dict[str, Any], strict: bool
) -> dict[str, Any] | None:
    """A copy of ``data`` (a revision's content) with each reference to a missing row dealt
    with as modelcluster does; None when ``strict`` and the object itself would cascade."""
    wanted: dict[Target, set] = defaultdict(set)
    for _name, _field, target, value in _every_reference(model, data):
        wanted[target].add(value)
    existing = {
        (target_model, field_name): set(
            target_model._default_manager.filter(**{f"{field_name}__in": values}).values_list(
                field_name, flat=True
            )
        )
        for (target_model, field_name), values in wanted.items()
    }
    return _checked(model, data, strict, existing)


def _every_reference(model, data) -> Iterator[tuple[str, models.Field, Target, Any]]:
    yield from _references(model, data)
    for _accessor, related_model, children in _children(model, data):
        for child in children:
            yield from _every_reference(related_model, child)


def _checked(model, data, strict: bool, existing: dict[Target, set]) -> dict[str, Any] | None:
    checked = dict(data)
    for name, field, target, value in _references(model, data):
        if value in existing[target]:
            continue
        on_delete = field.remote_field.on_delete
        if on_delete == models.DO_NOTHING:
            continue
        if on_delete == models.CASCADE and strict:
            return None
        checked[name] = None
    for accessor, related_model, children in _children(model, data):
        kept = (_checked(related_model, child, True, existing) for child in children)
        checked[accessor] = [child for child in kept if child is not None]
    return checked


def _references(model, data) -> Iterator[tuple[str, models.Field, Target, Any]]:
    """The foreign keys ``data`` gives a value, as modelcluster reads them."""
    for name, value in data.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ForeignObjectRel) or value is None:
            continue
        remote = field.remote_field
        if remote is None or not isinstance(remote, models.ManyToOneRel):
            continue
        target_field = remote.model._meta.get_field(remote.field_name)
        yield name, field, (remote.model, remote.field_name), target_field.to_python(value)


def _children(model, data) -> Iterator[tuple[str, type[models.Model], list[dict[str, Any]]]]:
    """Each child relation's accessor, model and children in ``data``: only a clusterable
    model's, as modelcluster reads them."""
    if not hasattr(model, "from_serializable_data"):
        return
    for relation in get_all_child_relations(model):
        accessor = relation.get_accessor_name()
        if data.get(accessor) is not None:
            yield accessor, relation.related_model, data[accessor]
