"""Glossary CSV parsing (``people.glossary_import``): encodings, columns, values, limits and
bad input, and the round trip through the Term listing's CSV export."""

import codecs
import time

from django.urls import reverse

import pytest

from people.glossary_admin import apply_glossary, plan_glossary
from people.glossary_import import (
    MAX_BYTES,
    MAX_ROWS,
    GlossaryImportError,
    parse_glossary,
)
from people.models import Term
from tests.factories import TermFactory

HEADER = "english,chinese,notes,case_sensitive,forbidden\n"


def errors_of(data: bytes) -> str:
    with pytest.raises(GlossaryImportError) as caught:
        parse_glossary(data)
    return "\n".join(caught.value.errors)


def test_a_full_row_is_read():
    data = (HEADER + "Transformer,变换器,the architecture,true,变形金刚|变压器\n").encode()
    (row,) = parse_glossary(data)
    assert (row.row, row.english, row.chinese, row.notes) == (
        2,
        "Transformer",
        "变换器",
        "the architecture",
    )
    assert row.case_sensitive is True
    assert row.forbidden == ("变形金刚", "变压器")


def test_optional_columns_left_out_are_none_and_blank_rows_are_skipped():
    rows = parse_glossary(b"Chinese,English\n\xe5\x8f\x98\xe6\x8d\xa2\xe5\x99\xa8,Transformer\n,\n")
    assert [(r.english, r.chinese, r.notes, r.case_sensitive, r.forbidden) for r in rows] == [
        ("Transformer", "变换器", None, None, None)
    ]


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
    ],
)
def test_encodings(encoding, prefix):
    text = (
        HEADER
        + "attention,注意力机制,“注意”不够准确,否,关注|留意\nlarge language model,大语言模型,,,\n"
    )
    rows = parse_glossary(prefix + text.encode(encoding))
    assert [r.english for r in rows] == ["attention", "large language model"]
    assert rows[0].chinese == "注意力机制"
    assert rows[0].notes == "“注意”不够准确"
    assert rows[0].forbidden == ("关注", "留意")
    assert rows[1].case_sensitive is False
    # The BOM does not stick to the first column's name.
    assert rows[0].row == 2


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_separated_files(delimiter):
    data = f"english{delimiter}chinese\nagent{delimiter}智能体\n".encode()
    assert parse_glossary(data)[0].chinese == "智能体"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("yes", True),
        ("是", True),
        ("false", False),
        ("False", False),
        ("0", False),
        ("no", False),
        ("否", False),
        ("", False),
    ],
)
def test_case_sensitive_words(word, expected):
    (row,) = parse_glossary(f"english,chinese,case_sensitive\nGPU,图形处理器,{word}\n".encode())
    assert row.case_sensitive is expected


def test_an_unknown_case_sensitive_word_is_reported_with_its_row():
    message = errors_of("english,chinese,case_sensitive\nGPU,图形处理器,maybe\n".encode())
    assert "Row 2" in message and "maybe" in message


def test_quoted_cells_keep_commas_quotes_and_line_breaks():
    data = (
        HEADER + '"reinforcement learning, deep","深度强化学习","line one\nline ""two""",no,\n'
    ).encode()
    (row,) = parse_glossary(data)
    assert row.english == "reinforcement learning, deep"
    assert row.notes == 'line one\nline "two"'
    assert row.forbidden == ()


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "empty"),
        (b"  \r\n\n", "empty"),
        (HEADER.encode(), "no terms"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "spreadsheet"),
    ],
)
def test_empty_and_binary_files(data, expected):
    assert expected in errors_of(data)


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("cp1252", "english,chinese\ncafé,Café au lait\n"),
        ("shift_jis", "english,chinese\nterm,用語です\n"),
    ],
)
def test_other_encodings_are_refused_not_garbled(encoding, text):
    assert "UTF-8" in errors_of(text.encode(encoding))


@pytest.mark.parametrize(
    "header, expected",
    [
        ("english,notes\n", "missing: chinese"),
        ("term,translation\n", "missing: english, chinese"),
        ("english,chinese,forbiden\n", "Unknown column(s): “forbiden”"),
        ("english,chinese,notes,notes\n", "Repeated column(s): notes"),
    ],
)
def test_wrong_columns(header, expected):
    assert expected in errors_of((header + "a,b,c,d\n").encode())


def test_row_problems_are_all_listed_with_row_numbers():
    data = (
        HEADER
        + ",空的英文,,,\n"
        + "empty chinese,,,,\n"
        + f"{'x' * 201},太长,,,\n"
        + "contradiction,矛盾,,,矛盾|别的\n"
    ).encode()
    message = errors_of(data)
    assert "Row 2: the English term is empty." in message
    assert "Row 3: the Chinese term is empty." in message
    assert "Row 4: the English term is longer than 200 characters." in message
    assert "Row 5: “矛盾” is both the approved and a forbidden rendering." in message


def test_duplicate_english_terms_are_reported_ignoring_case():
    data = (HEADER + "Transformer,变换器,,,\ntoken,词元,,,\nTRANSFORMER,转换器,,,\n").encode()
    message = errors_of(data)
    assert "Row 4: “TRANSFORMER” is already on row 2" in message


def test_a_file_over_the_size_limit_is_refused_quickly():
    data = HEADER.encode() + b"a" * MAX_BYTES
    started = time.perf_counter()
    assert "the limit is 1 MB" in errors_of(data)
    assert time.perf_counter() - started < 2


def test_a_file_at_the_limit_is_read():
    rows = "".join(f"term {n},术语{n},,,\n" for n in range(MAX_ROWS))
    data = (HEADER + rows).encode()
    assert len(data) < MAX_BYTES
    assert len(parse_glossary(data)) == MAX_ROWS


def test_too_many_rows_are_refused():
    rows = "".join(f"t{n},术{n}\n" for n in range(MAX_ROWS + 1))
    assert "more than 5,000 terms" in errors_of(("english,chinese\n" + rows).encode())


def test_control_characters_are_dropped_and_text_is_nfc():
    data = "english,chinese\ncafe\u0301\u200b,咖啡\x07馆\n".encode()
    (row,) = parse_glossary(data)
    assert (row.english, row.chinese) == ("café", "咖啡馆")


def test_a_long_error_list_is_summed_up():
    data = ("english,chinese\n" + ",\u7a7a\n" * 100).encode()
    with pytest.raises(GlossaryImportError) as caught:
        parse_glossary(data)
    assert len(caught.value.errors) == 31
    assert caught.value.errors[-1] == "…and 70 more problem(s)."


@pytest.mark.django_db
def test_export_then_import_changes_nothing(client, editor_user):
    """The listing's "Download CSV" reads back as the same glossary: a round trip."""
    TermFactory(
        term_en="Transformer",
        term_zh_hans="Transformer 模型",
        case_sensitive=True,
        forbidden="变形金刚\n变压器",
        notes="指模型架构，不指电力设备。\r\n第二行，带“引号”, and a comma.",
    )
    TermFactory(term_en="attention", term_zh_hans="注意力", forbidden="", notes="")
    TermFactory(term_en='say "hi", then =1+1', term_zh_hans="你好，＝一加一", notes="  ")
    before = list(Term.objects.values().order_by("pk"))

    client.force_login(editor_user)
    response = client.get(reverse("wagtailsnippets_people_term:list"), {"export": "csv"})
    assert response.status_code == 200
    exported = b"".join(response.streaming_content)
    # A byte-order mark first, for Excel; the import reads past it.
    text = exported.decode("utf-8-sig")
    assert text.splitlines()[0] == "english,chinese,notes,case_sensitive,forbidden"
    assert "变形金刚|变压器" in text

    rows = parse_glossary(exported)
    assert len(rows) == 3
    assert plan_glossary(rows).counts == {"create": 0, "update": 0, "unchanged": 3}
    assert apply_glossary(rows, editor_user)["unchanged"] == 3
    assert list(Term.objects.values().order_by("pk")) == before
