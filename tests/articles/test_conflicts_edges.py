"""The merge of a save from a stale editor form, over plain values
(``articles.editorial.conflicts``): each unit changed on one side only is taken from that
side, a unit changed differently on both sides waits for a person's choice, and nothing is
dropped without one. The conflict screen's own tests (``test_edit_conflicts``) drive it
through the editor; these pin the edges of the merge that the screen reaches rarely."""

import pytest

from articles.editorial.conflicts import (
    ChoicesMissing,
    FieldChange,
    Side,
    Value,
    Version,
    compare,
    decide,
    keep_mine,
    merged_section_order,
    section_key_of,
)
from articles.review.engine.diffs import DiffOp


def plain(text: str) -> Value:
    return Value(text, text)


def version(fields: dict | None = None, sections: tuple = ()) -> Version:
    """``sections`` as ``(key, {name: text})`` pairs, or bare keys for a section whose
    only field is its heading, equal to its key."""
    pairs = []
    for section in sections:
        key, values = (section, {"heading": section}) if isinstance(section, str) else section
        pairs.append((key, {name: plain(text) for name, text in values.items()}))
    return Version({name: plain(text) for name, text in (fields or {}).items()}, pairs)


def by_unit(changes) -> dict:
    return {change.unit: change for change in changes}


# -- what changed, and on which side ----------------------------------------------------


def test_a_unit_changed_on_one_side_is_taken_from_that_side_without_asking():
    base = version({"title": "Winter", "intro": "Cold"}, ["a", "b"])
    mine = version({"title": "Winter night", "intro": "Cold"}, ["a", "b"])
    theirs = version({"title": "Winter", "intro": "Very cold"}, ["a", "b"])

    changes = by_unit(compare(base, mine, theirs))

    assert list(changes) == ["field:title", "field:intro"]  # sections unchanged: not listed
    title, intro = changes["field:title"], changes["field:intro"]
    assert (title.mine_changed, title.theirs_changed) == (True, False)
    assert (intro.mine_changed, intro.theirs_changed) == (False, True)
    assert not title.conflicting and not intro.conflicting
    assert title.automatic is Side.MINE
    assert intro.automatic is Side.THEIRS
    assert decide(list(changes.values()), {}) == {
        "field:title": Side.MINE,
        "field:intro": Side.THEIRS,
    }


def test_a_unit_changed_alike_on_both_sides_needs_no_choice():
    base = version({"title": "Winter"})
    both = version({"title": "Winter night"})

    (change,) = compare(base, both, both)

    assert change.mine_changed and change.theirs_changed
    assert not change.conflicting
    assert change.automatic is Side.THEIRS
    assert decide([change], {}) == {"field:title": Side.THEIRS}


def test_a_unit_changed_differently_on_both_sides_waits_for_a_person():
    base = version({"title": "Winter"})
    mine = version({"title": "Winter night"})
    theirs = version({"title": "The winter"})

    (change,) = compare(base, mine, theirs)

    assert change.conflicting
    assert change.automatic is None
    assert (change.base, change.mine, change.theirs) == (
        {"title": plain("Winter")},
        {"title": plain("Winter night")},
        {"title": plain("The winter")},
    )


def test_every_open_conflict_is_named_and_nothing_is_decided_until_all_are_chosen():
    base = version({"title": "T", "intro": "I"}, ["a", "b"])
    mine = version(
        {"title": "T mine", "intro": "I mine"},
        [("a", {"heading": "a mine"}), ("b", {"heading": "b mine"})],
    )
    theirs = version(
        {"title": "T theirs", "intro": "I"},
        [("a", {"heading": "a theirs"}), ("b", {"heading": "b theirs"})],
    )
    changes = compare(base, mine, theirs)

    with pytest.raises(ChoicesMissing) as missing:
        decide(changes, {"section:a": "mine", "section:b": "both", "field:title": ""})
    assert missing.value.units == ["field:title", "section:b"]

    decided = decide(changes, {"field:title": "theirs", "section:a": "mine", "section:b": "theirs"})
    assert decided == {
        "field:title": Side.THEIRS,
        "field:intro": Side.MINE,
        "section:a": Side.MINE,
        "section:b": Side.THEIRS,
    }
    assert all(type(side) is Side for side in decided.values())


def test_keeping_mine_takes_every_changed_unit_from_the_editor():
    base = version({"title": "T", "intro": "I"}, ["a"])
    mine = version({"title": "T mine", "intro": "I"}, ["a"])
    theirs = version({"title": "T theirs", "intro": "I theirs"}, [])

    assert keep_mine(compare(base, mine, theirs)) == {
        "field:title": Side.MINE,
        "field:intro": Side.MINE,
        "section:a": Side.MINE,
    }


def test_only_what_is_compared_counts_as_a_change_not_how_it_is_shown():
    base = Version({"body": Value("<p>Text</p>", "Text")}, [])
    mine = Version({"body": Value("<p>Text</p>", "Text, as the editor shows it")}, [])

    assert compare(base, mine, base) == []


def test_a_field_missing_from_one_side_is_the_same_as_an_empty_one():
    base = version(sections=[("a", {"heading": "A", "note": ""})])
    mine = version(sections=[("a", {"heading": "A"})])

    assert compare(base, mine, base) == []
    assert compare(None, mine, base) == []


def test_a_field_only_one_side_has_filled_in_is_a_change():
    base = version(sections=[("a", {"heading": "A"})])
    theirs = version(sections=[("a", {"heading": "A", "note": "Cut for length."})])

    (change,) = compare(base, base, theirs)

    assert change.unit == "section:a"
    assert (change.mine_changed, change.theirs_changed) == (False, True)
    assert change.automatic is Side.THEIRS


def test_a_section_deleted_on_one_side_only_is_listed_once():
    base = version(sections=["a", "b", "c"])
    mine = version(sections=["a", "c"])  # deleted b
    theirs = version(sections=["a", "b"])  # deleted c

    changes = compare(base, mine, theirs)

    assert [change.unit for change in changes] == ["section:b", "section:c"]
    deleted_by_me, deleted_by_them = changes
    assert (deleted_by_me.mine, deleted_by_me.automatic) == (None, Side.MINE)
    assert (deleted_by_them.theirs, deleted_by_them.automatic) == (None, Side.THEIRS)


def test_units_are_listed_in_theirs_order_then_mines_additions_then_those_both_deleted():
    base = version({"title": "T"}, ["gone", "a", "b"])
    mine = version({"title": "T mine"}, ["b", "a", "new"])
    theirs = version({"title": "T"}, ["a", "b", ("c", {"heading": "c"})])

    changes = compare(base, mine, theirs)

    assert [change.unit for change in changes] == [
        "field:title",
        "section:c",
        "section:new",
        "section:gone",
    ]
    gone = by_unit(changes)["section:gone"]
    # Deleted on both sides: both changed it, alike, and it stays deleted.
    assert (gone.mine, gone.theirs) == (None, None)
    assert gone.mine_changed and gone.theirs_changed and not gone.conflicting
    added = by_unit(changes)["section:new"]
    assert (added.base, added.mine_changed, added.theirs_changed) == (None, True, False)
    assert added.automatic is Side.MINE


def test_without_a_base_every_difference_needs_a_choice():
    mine = version({"title": "Winter night", "intro": "Same"}, ["a", "mine only"])
    theirs = version({"title": "Winter", "intro": "Same"}, ["a", "theirs only"])

    changes = compare(None, mine, theirs)

    assert [change.unit for change in changes] == [
        "field:title",
        "section:theirs only",
        "section:mine only",
    ]
    for change in changes:
        assert change.base is None
        assert change.mine_changed and change.theirs_changed
        assert change.conflicting, change.unit
        assert change.automatic is None
    with pytest.raises(ChoicesMissing) as missing:
        decide(changes, {})
    assert missing.value.units == [change.unit for change in changes]


# -- what the screen shows for each field -------------------------------------------------


def test_each_changed_field_shows_both_sides_against_the_base():
    base = version(sections=[("a", {"heading": "Winter", "body": "Cold", "note": "N"})])
    mine = version(sections=[("a", {"heading": "Winter night", "body": "Cold", "note": "N"})])
    theirs = version(sections=[("a", {"heading": "Winter", "body": "Very cold", "note": "N"})])

    (change,) = compare(base, mine, theirs)

    assert change.fields == (
        FieldChange(
            "heading",
            theirs=(DiffOp("equal", "Winter"),),
            mine=(DiffOp("equal", "Winter"), DiffOp("insert", " night")),
        ),
        FieldChange(
            "body",
            theirs=(DiffOp("delete", "Cold"), DiffOp("insert", "Very cold")),
            mine=(DiffOp("equal", "Cold"),),
        ),
    )


def test_the_diff_shows_the_text_a_person_reads():
    base = Version({"body": Value("<p>Cold</p>", "Cold")}, [])
    mine = Version({"body": Value("<p>Very cold</p>", "Very cold")}, [])

    (change,) = compare(base, mine, base)

    (field,) = change.fields
    assert field.mine == (DiffOp("delete", "Cold"), DiffOp("insert", "Very cold"))
    assert field.theirs == (DiffOp("equal", "Cold"),)


def test_without_a_base_the_diff_runs_from_theirs_to_mine():
    mine = version({"title": "Winter night"})
    theirs = version({"title": "Winter"})

    (change,) = compare(None, mine, theirs)

    assert change.fields == (
        FieldChange(
            "title",
            theirs=(DiffOp("equal", "Winter"),),
            mine=(DiffOp("equal", "Winter"), DiffOp("insert", " night")),
        ),
    )


def test_a_section_added_or_deleted_shows_each_of_its_fields():
    base = version(sections=["a"])
    mine = version(sections=[("a", {"heading": "a"}), ("new", {"heading": "New", "body": "B"})])
    theirs = version(sections=[])

    changes = by_unit(compare(base, mine, theirs))

    assert changes["section:new"].fields == (
        FieldChange("heading", theirs=(), mine=(DiffOp("insert", "New"),)),
        FieldChange("body", theirs=(), mine=(DiffOp("insert", "B"),)),
    )
    assert changes["section:a"].fields == (
        FieldChange("heading", theirs=(DiffOp("delete", "a"),), mine=(DiffOp("equal", "a"),)),
    )


def test_field_names_are_listed_from_the_base_then_theirs_then_mine():
    base = version(sections=[("a", {"x": "1"})])
    mine = version(sections=[("a", {"x": "2", "m": "m"})])
    theirs = version(sections=[("a", {"x": "1", "t": "t"})])

    (change,) = compare(base, mine, theirs)

    assert [field.name for field in change.fields] == ["x", "t", "m"]


def test_section_units_name_their_key():
    (change,) = compare(
        version(sections=["a"]), version(sections=["a", "k:1"]), version(sections=["a"])
    )

    assert change.unit == "section:k:1"
    assert section_key_of(change.unit) == "k:1"
    assert section_key_of("field:title") is None


# -- the order of the merged sections -----------------------------------------------------


def test_the_merged_sections_follow_theirs_and_each_comes_from_its_winning_side():
    base = version(sections=["a", "b", "c"])
    mine = version(sections=["a", "b", "c"])
    theirs = version(sections=["a", "b", "c"])

    assert merged_section_order(base, mine, theirs, {"section:b": Side.MINE}) == [
        ("a", Side.THEIRS),
        ("b", Side.MINE),
        ("c", Side.THEIRS),
    ]


def test_a_section_deleted_on_its_winning_side_is_left_out_and_kept_otherwise():
    base = version(sections=["a", "b", "c"])
    mine = version(sections=["a", "c"])  # mine deleted b
    theirs = version(sections=["a", "b"])  # theirs deleted c

    assert merged_section_order(
        base, mine, theirs, {"section:b": Side.MINE, "section:c": Side.THEIRS}
    ) == [("a", Side.THEIRS)]
    assert merged_section_order(
        base, mine, theirs, {"section:b": Side.THEIRS, "section:c": Side.MINE}
    ) == [("a", Side.THEIRS), ("c", Side.MINE), ("b", Side.THEIRS)]


def test_a_section_added_on_one_side_follows_its_predecessor_there():
    base = version(sections=["a", "b"])
    mine = version(sections=["first", "a", "after a", "b"])
    theirs = version(sections=["a", "b", "last"])
    winners = {"section:first": Side.MINE, "section:after a": Side.MINE}

    assert [key for key, _side in merged_section_order(base, mine, theirs, winners)] == [
        "first",
        "a",
        "after a",
        "b",
        "last",
    ]


def test_only_mine_reordering_the_shared_sections_takes_mines_order():
    base = version(sections=["a", "b", "c"])
    mine = version(sections=["c", "a", "b"])
    theirs = version(sections=["a", "b", "t", "c"])
    winners = {"section:t": Side.THEIRS}

    assert [key for key, _side in merged_section_order(base, mine, theirs, winners)] == [
        "c",
        "a",
        "b",
        "t",
    ]


def test_when_both_reorder_or_there_is_no_base_theirs_order_stands():
    base = version(sections=["a", "b", "c"])
    mine = version(sections=["c", "a", "b"])
    theirs = version(sections=["b", "a", "c"])

    assert [key for key, _side in merged_section_order(base, mine, theirs, {})] == [
        "b",
        "a",
        "c",
    ]
    assert [key for key, _side in merged_section_order(None, mine, base, {})] == ["a", "b", "c"]


def test_mines_order_is_judged_on_the_sections_it_shares_with_the_base():
    # Mine added a section and deleted one, without reordering what it kept.
    base = version(sections=["a", "b", "c"])
    mine = version(sections=["new", "a", "c"])
    theirs = version(sections=["a", "c", "b"])  # theirs moved b to the end
    winners = {"section:new": Side.MINE, "section:b": Side.THEIRS}

    assert [key for key, _side in merged_section_order(base, mine, theirs, winners)] == [
        "new",
        "a",
        "c",
        "b",
    ]
