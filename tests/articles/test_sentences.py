"""Sentence splitting (articles.importing.engine.sentences): hard cases and any input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.importing.engine.sentences import split_sentences


def texts(paragraph: str) -> list[str]:
    return [s.text for s in split_sentences(paragraph)]


def test_abbreviations_do_not_end_sentences():
    assert texts(
        "Use a tool, e.g. a linter, i.e. one that runs on save. Dr. Smith of the U.S. Army "
        "agreed. We sell milk, bread, etc. and eggs. We sell milk, etc. Then we close."
    ) == [
        "Use a tool, e.g. a linter, i.e. one that runs on save.",
        "Dr. Smith of the U.S. Army agreed.",
        "We sell milk, bread, etc. and eggs.",
        "We sell milk, etc.",
        "Then we close.",
    ]


def test_decimals_versions_initials_and_numbered_references():
    assert texts("It costs 3.14 dollars in v1.2.3 now. See No. 5 by J. Smith. Done.") == [
        "It costs 3.14 dollars in v1.2.3 now.",
        "See No. 5 by J. Smith.",
        "Done.",
    ]


def test_addresses_keep_their_dots_but_a_full_stop_after_one_ends_the_sentence():
    assert texts("See https://example.com/a.b/c.html. Then www.example.org/x. End.") == [
        "See https://example.com/a.b/c.html.",
        "Then www.example.org/x.",
        "End.",
    ]


def test_quotes_close_the_sentence_they_end():
    assert texts('He said "Stop." Then he left. "Why?" she asked.') == [
        'He said "Stop."',
        "Then he left.",
        '"Why?" she asked.',
    ]


def test_chinese_punctuation_with_closing_quotes():
    assert texts("他说：“好的。”然后走了。真的吗？是的；还有……「你好！」（完。）最后一句") == [
        "他说：“好的。”",
        "然后走了。",
        "真的吗？",
        "是的；",
        "还有……",
        "「你好！」",
        "（完。）",
        "最后一句",
    ]


def test_mixed_chinese_and_english():
    assert texts("中文句子。English sentence here. 另一个中文句子！") == [
        "中文句子。",
        "English sentence here.",
        "另一个中文句子！",
    ]


def test_list_items_each_start_a_sentence_and_their_markers_are_not_sentences():
    assert texts("- first item. Still first.\n- second item\n1. Third one. Yes.\n2) fourth") == [
        "- first item.",
        "Still first.",
        "- second item",
        "1. Third one.",
        "Yes.",
        "2) fourth",
    ]


def test_a_line_of_code_is_one_unit():
    assert texts('Run this:\n$ git commit -m "fix. Done."\nThen push. Done.') == [
        "Run this:",
        '$ git commit -m "fix. Done."',
        "Then push.",
        "Done.",
    ]
    assert texts('fn main() { println!("Hi. There."); }') == [
        'fn main() { println!("Hi. There."); }'
    ]
    assert texts("let total = items.len();") == ["let total = items.len();"]


def test_soft_line_breaks_inside_prose_run_on():
    assert texts("A sentence that is\nwrapped over lines. Next.") == [
        "A sentence that is\nwrapped over lines.",
        "Next.",
    ]


def test_empty_and_blank():
    assert split_sentences("") == [] and split_sentences(" \n\t ") == []


ALPHABET = st.sampled_from(
    list("abcXYZ 019.,!?;:\"'()-*\n\t")
    + list("。！？；…“”「」『』（）中文字")
    + ["e.g.", "U.S.", "http://a.b/c. "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_any_text_is_covered_once_in_order(text):
    sentences = split_sentences(text)
    position = 0
    for sentence in sentences:
        assert sentence.start >= position and sentence.end > sentence.start
        assert text[position : sentence.start].strip() == ""
        assert sentence.text == text[sentence.start : sentence.end] == sentence.text.strip()
        position = sentence.end
    assert text[position:].strip() == ""
