"""Hostile or broken input ends quickly in ImportInputError, never in a crash or a hang."""

import contextlib
import time

import pytest

from articles.importing.engine import (
    ImportInputError,
    Limits,
    parse_document,
    require_language,
    split_sections,
)


@pytest.fixture(autouse=True)
def english_messages(settings):
    """These tests read the messages in English (the default language is Chinese)."""
    settings.LANGUAGE_CODE = "en"


def refused_quickly(source, seconds: float = 2.0, **kwargs) -> ImportInputError:
    started = time.perf_counter()
    with pytest.raises(ImportInputError) as caught:
        parse_document(source, **kwargs)
    assert time.perf_counter() - started < seconds
    assert caught.value.message
    return caught.value


@pytest.mark.parametrize("source", [b"", "", "   \n\n  ", b"\xef\xbb\xbf"])
def test_empty_input(source):
    refused_quickly(source)


def test_page_with_nothing_but_furniture():
    error = refused_quickly("<html><body><nav>首页 关于</nav><p>关注我们</p></body></html>")
    assert "No article text" in error.message


def test_binary_upload():
    refused_quickly(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 10)


@pytest.mark.parametrize("as_text", [False, True])
def test_fifty_megabytes(as_text):
    data = "长" * (50 * 1024 * 1024 // 3)
    error = refused_quickly(data if as_text else data.encode("utf-8"), seconds=1.0)
    assert "too large" in error.message


def test_one_enormous_line():
    refused_quickly("x" * 1_000_000, format="text")


def test_too_many_paragraphs():
    error = refused_quickly("p\n\n" * 200_000, limits=Limits(max_bytes=10**7))
    assert "paragraphs" in error.message


def test_ten_thousand_deep_nesting():
    page = "<div>" * 10_000 + "deep text" + "</div>" * 10_000
    assert "nested" in refused_quickly(page, format="html").message


def test_deep_but_plausible_nesting_parses():
    page = "<div>" * 500 + "<p>deep text</p>" + "</div>" * 500
    assert parse_document(page, format="html").blocks[0].text == "deep text"


@pytest.mark.parametrize("piece", ["<a", "<a href='x'>"])
def test_hundred_thousand_unclosed_anchors(piece):
    started = time.perf_counter()
    try:
        parse_document(piece * 100_000 + "<p>text</p>", format="html")
    except ImportInputError as error:
        assert error.message
    assert time.perf_counter() - started < 2.0


def test_broken_entities_and_unclosed_tags_are_tolerated():
    page = "<p>AT&T &hellip &#xZZ; &#99999999; &amp <b>bold <i>both</p><p>next"
    texts = [b.text for b in parse_document(page, format="html").blocks]
    assert texts == ["AT&T &hellip &#xZZ; \ufffd & bold both", "next"]


def test_markdown_pathological_brackets_are_fast():
    started = time.perf_counter()
    text = "[" * 50_000 + "](" * 50_000
    with contextlib.suppress(ImportInputError):
        parse_document(text, format="markdown", limits=Limits(max_line_chars=10**6))
    assert time.perf_counter() - started < 2.0


def test_both_sides_english():
    english = parse_document("An English paragraph.\n\nAnother English paragraph.")
    require_language(english, "en")
    with pytest.raises(ImportInputError, match="almost no Chinese"):
        require_language(english, "zh")


def test_sides_swapped():
    chinese = parse_document("这是中文的原文吗？不是，这是译文。")
    require_language(chinese, "zh")
    with pytest.raises(ImportInputError, match="swapped"):
        require_language(chinese, "en")


def test_sectioning_a_document_without_text_is_empty():
    document = parse_document("<p>only</p>", format="html")
    document.blocks.clear()
    assert split_sections(document) == []


@pytest.mark.parametrize("declared", ["base64", "rot13", "zlib", "hex"])
def test_a_declared_charset_that_is_not_a_text_encoding(declared):
    """A saved page that is not UTF-8 and declares a codec Python knows but that does not
    turn bytes into text is refused with a message, not a crash."""
    page = f'<html><head><meta charset="{declared}"></head><body><p>caf\xe9</p></body></html>'
    error = refused_quickly(page.encode("latin-1"))
    assert declared in error.message
