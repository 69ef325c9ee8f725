"""Review diffs: word-level English, character-level Chinese, escaped HTML, section moves."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.review.engine.diffs import (
    DiffOp,
    SectionSnapshot,
    diff_sections,
    diff_text,
    render_inline,
    render_side_by_side,
    similarity,
    tokenize,
)

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '" onmouseover="alert(1)',
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{7*7}}",
]
_DIFF_TAGS = re.compile(r"</?(?:ins|del)>")


def old_text(ops):
    return "".join(op.text for op in ops if op.op != "insert")


def new_text(ops):
    return "".join(op.text for op in ops if op.op != "delete")


def test_tokens_are_latin_words_cjk_characters_whitespace_and_punctuation():
    assert tokenize("Don't use GPT-4，用模型。") == [
        "Don't",
        " ",
        "use",
        " ",
        "GPT",
        "-",
        "4",
        "，",
        "用",
        "模",
        "型",
        "。",
    ]


def test_a_pair_diffed_again_gives_the_same_diff_as_a_list_of_its_own():
    first = diff_text("辛顿离开了谷歌。", "辛顿在 2023 年离开谷歌。")
    first.append(DiffOp("insert", "调用方自己加的"))
    again = diff_text("辛顿离开了谷歌。", "辛顿在 2023 年离开谷歌。")

    assert new_text(again) == "辛顿在 2023 年离开谷歌。"
    assert again[-1] != DiffOp("insert", "调用方自己加的")


def test_identical_texts_are_one_equal_run():
    assert diff_text("同一段文字 same text", "同一段文字 same text") == [
        DiffOp("equal", "同一段文字 same text")
    ]
    assert diff_text("", "") == []


def test_an_english_insertion_is_a_whole_word():
    assert diff_text("The model is fast.", "The new model is fast.") == [
        DiffOp("equal", "The "),
        DiffOp("insert", "new "),
        DiffOp("equal", "model is fast."),
    ]


def test_an_english_substitution_replaces_the_whole_word_not_letters():
    assert diff_text("The cat sat down.", "The cot sat down.") == [
        DiffOp("equal", "The "),
        DiffOp("delete", "cat"),
        DiffOp("insert", "cot"),
        DiffOp("equal", " sat down."),
    ]


def test_an_english_deletion_is_whole_words():
    assert diff_text("It was a very large network.", "It was a large network.") == [
        DiffOp("equal", "It was a "),
        DiffOp("delete", "very "),
        DiffOp("equal", "large network."),
    ]


def test_chinese_is_compared_character_by_character():
    assert diff_text("我们今天去公园散步。", "我们明天去公园散步。") == [
        DiffOp("equal", "我们"),
        DiffOp("delete", "今"),
        DiffOp("insert", "明"),
        DiffOp("equal", "天去公园散步。"),
    ]


def test_a_chinese_insertion_and_deletion():
    ops = diff_text("辛顿离开了谷歌。", "辛顿在 2023 年离开谷歌。")
    assert ops == [
        DiffOp("equal", "辛顿"),
        DiffOp("insert", "在 2023 年"),
        DiffOp("equal", "离开"),
        DiffOp("delete", "了"),
        DiffOp("equal", "谷歌。"),
    ]


def test_in_mixed_text_a_latin_word_is_one_unit():
    assert diff_text("使用 GPT-4 模型", "使用 GPT-4o 模型") == [
        DiffOp("equal", "使用 GPT-"),
        DiffOp("delete", "4"),
        DiffOp("insert", "4o"),
        DiffOp("equal", " 模型"),
    ]


def test_a_moved_sentence_is_deleted_in_one_place_and_inserted_in_another():
    old = "Scale matters. Data matters more. Compute is cheap."
    new = "Data matters more. Scale matters. Compute is cheap."
    assert diff_text(old, new) == [
        DiffOp("delete", "Scale matters. "),
        DiffOp("equal", "Data matters more"),
        DiffOp("insert", ". Scale matters"),
        DiffOp("equal", ". Compute is cheap."),
    ]


words = st.sampled_from(["the", "model", "模型", "数据", "GPT-4", "AlexNet", "，", ". ", " ", "\n"])
texts = st.lists(words, max_size=30).map("".join)


@given(texts, texts)
def test_ops_rebuild_both_texts_and_never_split_a_token(old, new):
    ops = diff_text(old, new)
    assert (old_text(ops), new_text(ops)) == (old, new)
    assert all(op.text for op in ops)
    for side, text in ((old_text, old), (new_text, new)):
        bounds = {0}
        for token in tokenize(text):
            bounds.add(max(bounds) + len(token))
        position = 0
        for op in ops:
            if op.op != ("insert" if side is old_text else "delete"):
                position += len(op.text)
                assert position in bounds


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_inline_diff_wraps_escaped_text(payload):
    old, new = f"安全的文本 {payload} end", f"新的文本 {payload}{payload} fin"
    rendered = render_inline(diff_text(old, new))
    markup_free = _DIFF_TAGS.sub("", rendered)
    assert "<" not in markup_free and ">" not in markup_free and '"' not in markup_free
    assert "<ins>" in rendered and "<del>" in rendered


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_side_by_side_sides_are_escaped_and_one_sided(payload):
    old, new = f"before {payload}", f"{payload} after"
    left, right = render_side_by_side(diff_text(old, new))
    assert "<ins>" not in left and "<del>" not in right
    for rendered, text in ((left, old), (right, new)):
        markup_free = _DIFF_TAGS.sub("", rendered)
        assert "<" not in markup_free
        assert html.unescape(markup_free) == text


def test_script_payload_comes_out_as_text():
    rendered = render_inline(diff_text("hello", "<script>alert(1)</script>"))
    assert rendered == "<del>hello</del><ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"


def test_similarity():
    assert similarity("abc", "abc") == 1.0
    assert similarity("", "") == 1.0
    assert similarity("abc", "xyz") == 0.0
    assert similarity("我们今天去公园", "我们明天去公园") == pytest.approx(6 / 7)


def section(key, **fields):
    return SectionSnapshot(key=key, **fields)


def kinds(diffs):
    return [(d.key, d.kind) for d in diffs]


def test_unchanged_revision():
    sections = [section(1, body_en="One."), section(2, body_en="Two.")]
    assert kinds(diff_sections(sections, sections)) == [(1, "unchanged"), (2, "unchanged")]


def test_added_and_removed_sections_keep_their_places():
    old = [section("a", body_en="A"), section("b", body_en="B"), section("c", body_en="C")]
    new = [section("a", body_en="A"), section("n", body_zh="新"), section("c", body_en="C")]
    result = diff_sections(old, new)
    assert kinds(result) == [
        ("a", "unchanged"),
        ("b", "removed"),
        ("n", "added"),
        ("c", "unchanged"),
    ]
    removed, added = result[1], result[2]
    assert (added.old_index, added.new_index) == (None, 1)
    assert [(f.name, f.ops) for f in added.fields] == [("body_zh", (DiffOp("insert", "新"),))]
    assert (removed.old_index, removed.new_index) == (1, None)
    assert [(f.name, f.ops) for f in removed.fields] == [("body_en", (DiffOp("delete", "B"),))]


def test_a_section_removed_first_comes_first():
    old = [section("x"), section("a")]
    assert kinds(diff_sections(old, [section("a")])) == [("x", "removed"), ("a", "unchanged")]


def test_inserting_a_section_does_not_move_the_others():
    old = [section(k) for k in "abc"]
    new = [section("n"), *old]
    assert kinds(diff_sections(old, new)) == [
        ("n", "added"),
        ("a", "unchanged"),
        ("b", "unchanged"),
        ("c", "unchanged"),
    ]


def test_only_the_section_taken_out_of_order_is_moved():
    old = [section(k) for k in "abcde"]
    new = [section(k) for k in "bcdae"]
    result = diff_sections(old, new)
    assert kinds(result) == [
        ("b", "unchanged"),
        ("c", "unchanged"),
        ("d", "unchanged"),
        ("a", "moved"),
        ("e", "unchanged"),
    ]
    assert (result[3].old_index, result[3].new_index, result[3].moved) == (0, 3, True)


def test_a_changed_section_carries_per_field_diffs_and_may_also_be_moved():
    old = [section(1, body_zh="辛顿离开了谷歌。", status="pending"), section(2, heading_en="End")]
    new = [section(2, heading_en="End"), section(1, body_zh="辛顿离开谷歌。", status="full")]
    result = diff_sections(old, new)
    changed = next(d for d in result if d.key == 1)
    assert (changed.kind, changed.moved) == ("changed", True)
    fields = {f.name: f.ops for f in changed.fields}
    assert set(fields) == {"body_zh", "status"}
    assert fields["body_zh"] == (
        DiffOp("equal", "辛顿离开"),
        DiffOp("delete", "了"),
        DiffOp("equal", "谷歌。"),
    )


def test_duplicate_keys_are_refused():
    with pytest.raises(ValueError, match="unique"):
        diff_sections([section(1), section(1)], [])
