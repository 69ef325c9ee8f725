"""Bytes to text: known encodings decode exactly, the rest is refused, never garbled."""

import codecs
import time

import pytest

from articles.importing.engine import ImportInputError, Limits, decode, normalise_text


@pytest.fixture(autouse=True)
def english_messages(settings):
    """These tests read the messages in English (the default language is Chinese)."""
    settings.LANGUAGE_CODE = "en"


ARTICLE_ZH = "深度学习先驱谈超级对齐：我们必须在 2027 年之前解决对齐问题。"
ARTICLE_EN = "Superalignment, naïvely put: café-grade résumés cost €5."


@pytest.mark.parametrize("prefix", [b"", codecs.BOM_UTF8])
def test_utf8_with_or_without_bom(prefix):
    assert decode(prefix + ARTICLE_ZH.encode("utf-8")) == ARTICLE_ZH


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec):
    data = ARTICLE_ZH.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert decode(data) == ARTICLE_ZH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_for_latin_text(codec):
    assert decode(ARTICLE_EN.encode(codec)) == ARTICLE_EN


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "gb2312"])
def test_chinese_legacy_encodings_are_detected(codec):
    assert decode(ARTICLE_ZH.encode(codec)) == ARTICLE_ZH


def test_declared_charset_of_a_saved_page_is_honoured():
    page = f'<html><head><meta charset="windows-1252"></head><p>{ARTICLE_EN}</p></html>'
    assert ARTICLE_EN in decode(page.encode("cp1252"))


def test_explicit_encoding_wins():
    assert decode(ARTICLE_EN.encode("cp1252"), encoding="cp1252") == ARTICLE_EN


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(ARTICLE_EN.encode("cp1252"), id="cp1252"),
        pytest.param(
            "日本語のテキストです。東京で会議があります。".encode("shift_jis"), id="shift-jis"
        ),
        pytest.param(b"valid start \xff\xfe\xfd broken \x80 middle", id="invalid-utf8"),
    ],
)
def test_undecodable_text_is_refused_not_guessed(data):
    with pytest.raises(ImportInputError, match="UTF-8"):
        decode(data)


def test_binary_file_is_refused():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    with pytest.raises(ImportInputError, match="binary"):
        decode(png)


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_file_is_refused(data):
    with pytest.raises(ImportInputError, match="empty"):
        decode(data)


def test_unknown_encoding_name_is_refused():
    with pytest.raises(ImportInputError, match="not one this site knows"):
        decode(b"text", encoding="no-such-codec")


def test_size_is_checked_before_any_work():
    data = b"a" * (50 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(ImportInputError, match="too large"):
        decode(data)
    assert time.perf_counter() - started < 0.5


def test_size_limit_is_a_parameter():
    decode(b"0123456789", limits=Limits(max_bytes=10))
    with pytest.raises(ImportInputError, match="too large"):
        decode(b"0123456789!", limits=Limits(max_bytes=10))


def test_normalisation_removes_controls_and_invisible_marks():
    raw = "a\x00b\x07c\x85d\u200be\ufefff\u2060g\x9bh\tI"
    assert normalise_text(raw) == "abc\nd" + "efgh\tI"


def test_normalisation_unifies_line_breaks():
    assert normalise_text("1\r\n2\r3\u20284\u20295") == "1\n2\n3\n4\n\n5"


def test_normalisation_composes_nfc_and_keeps_meaningful_joiners():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    rtl = "\u202eabc\u202c"
    assert normalise_text("e\u0301 " + family + rtl) == "\u00e9 " + family + rtl


def test_normalisation_replaces_lone_surrogates():
    assert normalise_text("a\ud800b") == "a\ufffdb"
