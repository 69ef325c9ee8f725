"""Glossary CSV: the columns, and parsing an uploaded file into checked rows.

The format is what the Term listing's "Download CSV" writes (``people/glossary_admin.py``
configures that export), so a downloaded glossary imports back unchanged:

    english,chinese,notes,case_sensitive,forbidden
    Transformer,Transformer 模型,the architecture,true,变形金刚|变压器

``english`` and ``chinese`` are required; the other columns may be left out, and a column
left out leaves that field of existing terms as it is. Forbidden renderings are separated by
``|``. Nothing here touches the database: ``parse_glossary`` returns rows or raises
``GlossaryImportError`` listing every problem in plain words, with spreadsheet row numbers
(the header is row 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from cms.spreadsheets import restore_cell
from cms.text_files import UnreadableText, decode_text, normalise_text

ENGLISH, CHINESE, NOTES, CASE_SENSITIVE, FORBIDDEN = (
    "english",
    "chinese",
    "notes",
    "case_sensitive",
    "forbidden",
)
COLUMNS = (ENGLISH, CHINESE, NOTES, CASE_SENSITIVE, FORBIDDEN)
REQUIRED_COLUMNS = (ENGLISH, CHINESE)
#: Term fields written to and read from each column (the Term listing exports these).
FIELDS = {
    ENGLISH: "term_en",
    CHINESE: "term_zh_hans",
    NOTES: "notes",
    CASE_SENSITIVE: "case_sensitive",
    FORBIDDEN: "forbidden",
}
FORBIDDEN_SEPARATOR = "|"
TRUE_WORDS = frozenset({"true", "1", "yes", "是"})
# A blank cell is the field's default.
FALSE_WORDS = frozenset({"false", "0", "no", "否", ""})

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5_000
MAX_TERM_CHARS = 200  # Term.term's max_length
MAX_NOTES_CHARS = 5_000
#: More problems than this are summed up: the editor fixes the file and tries again.
MAX_ERRORS = 30

_DELIMITERS = (",", "\t", ";")
# Signatures of files people upload by mistake instead of a CSV.
_SPREADSHEETS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_SAVE_AS_CSV = (
    "In Excel or Numbers choose Save As / Export, format “CSV UTF-8”, "
    "or use “Download CSV” on the glossary listing."
)


class GlossaryImportError(ValueError):
    """A file that cannot be imported; ``errors`` are plain sentences an editor can act on."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class GlossaryRow:
    """One term as the file gives it; ``None`` means the column is absent (keep the value)."""

    row: int
    english: str
    chinese: str
    notes: str | None = None
    case_sensitive: bool | None = None
    forbidden: tuple[str, ...] | None = None

    @property
    def key(self) -> str:
        return self.english.casefold()


def parse_glossary(data: bytes) -> list[GlossaryRow]:
    """Uploaded bytes to rows: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030."""
    return parse_glossary_text(decode_glossary(data))


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise GlossaryImportError(
            [f"The file is {size / 1024 / 1024:.1f} MB; the limit is 1 MB. Split it."]
        )


def decode_glossary(data: bytes) -> str:
    check_size(len(data))
    if not data.strip():
        raise GlossaryImportError(["The file is empty."])
    if data.startswith(_SPREADSHEETS):
        raise GlossaryImportError([f"This is a spreadsheet workbook, not CSV. {_SAVE_AS_CSV}"])
    try:
        return decode_text(data)
    except UnreadableText as error:
        if b"\x00" in data:
            raise GlossaryImportError(
                [f"The file is not text (it looks like a binary file). {_SAVE_AS_CSV}"]
            ) from None
        raise GlossaryImportError([error.message]) from None


def parse_glossary_text(text: str) -> list[GlossaryRow]:
    """Decoded CSV text to rows; also used on the text carried from preview to confirm."""
    # Characters, not bytes: GB18030 text grows by half in UTF-8 but is the same glossary.
    if len(text) > MAX_BYTES:
        raise GlossaryImportError(["The glossary is too long; the limit is 1 MB. Split it."])
    text = normalise_text(text).lstrip("\n")
    if not text.strip():
        raise GlossaryImportError(["The file is empty."])
    header_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = _columns(next(reader))
        records = []
        for record in reader:
            if len(records) >= MAX_ROWS:
                raise GlossaryImportError(
                    [f"The file has more than {MAX_ROWS:,} terms. Split it into smaller files."]
                )
            records.append(record)
    except csv.Error as error:
        raise GlossaryImportError(
            [f"Row {reader.line_num}: the CSV is malformed ({error}). {_SAVE_AS_CSV}"]
        ) from None

    errors: list[str] = []
    rows: list[GlossaryRow] = []
    first_row: dict[str, int] = {}
    for number, record in enumerate(records, start=2):
        if not any(cell.strip() for cell in record):
            continue
        row, problems = _row(number, record, columns)
        errors.extend(problems)
        if row is None:
            continue
        if row.key in first_row:
            errors.append(
                f"Row {number}: “{row.english}” is already on row {first_row[row.key]} "
                "(English terms are compared ignoring case). Keep one."
            )
            continue
        first_row[row.key] = number
        rows.append(row)
    if errors:
        raise GlossaryImportError(_capped(errors))
    if not rows:
        raise GlossaryImportError(["The file has a header but no terms."])
    return rows


def _columns(header: list[str]) -> dict[str, int]:
    names = [cell.strip().casefold() for cell in header]
    errors = []
    unknown = [name for name in names if name and name not in COLUMNS]
    if unknown:
        errors.append(
            "Unknown column(s): "
            + ", ".join(f"“{name}”" for name in unknown)
            + ". The columns are: "
            + ", ".join(COLUMNS)
            + "."
        )
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    if repeated:
        errors.append("Repeated column(s): " + ", ".join(repeated) + ".")
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        errors.append(
            "The first row must name the columns; missing: "
            + ", ".join(missing)
            + f". Expected: {','.join(COLUMNS)}."
        )
    if errors:
        raise GlossaryImportError(errors)
    return {name: index for index, name in enumerate(names) if name}


def _row(
    number: int, record: list[str], columns: dict[str, int]
) -> tuple[GlossaryRow | None, list[str]]:
    def cell(name: str) -> str | None:
        if name not in columns:
            return None
        index = columns[name]
        # A cell the export guarded against formulas (cms.spreadsheets) reads as it was.
        return restore_cell(record[index]).strip() if index < len(record) else ""

    errors = []
    english, chinese = cell(ENGLISH) or "", cell(CHINESE) or ""
    for label, value in (("English", english), ("Chinese", chinese)):
        if not value:
            errors.append(f"Row {number}: the {label} term is empty.")
        elif len(value) > MAX_TERM_CHARS:
            errors.append(
                f"Row {number}: the {label} term is longer than {MAX_TERM_CHARS} characters."
            )
        elif "\n" in value:
            errors.append(f"Row {number}: the {label} term spans several lines.")
    notes = cell(NOTES)
    if notes is not None and len(notes) > MAX_NOTES_CHARS:
        errors.append(f"Row {number}: the notes are longer than {MAX_NOTES_CHARS:,} characters.")
    case_sensitive = None
    raw_case = cell(CASE_SENSITIVE)
    if raw_case is not None:
        word = raw_case.casefold()
        if word in TRUE_WORDS:
            case_sensitive = True
        elif word in FALSE_WORDS:
            case_sensitive = False
        else:
            errors.append(
                f"Row {number}: case_sensitive is “{raw_case}”; "
                "write true or false (also 1/0, yes/no, 是/否)."
            )
    forbidden = None
    raw_forbidden = cell(FORBIDDEN)
    if raw_forbidden is not None:
        forbidden = _unique(
            part.strip()
            for line in raw_forbidden.split("\n")
            for part in line.split(FORBIDDEN_SEPARATOR)
        )
        if chinese and chinese in forbidden:
            errors.append(
                f"Row {number}: “{chinese}” is both the approved and a forbidden rendering."
            )
        if any(len(part) > MAX_TERM_CHARS for part in forbidden):
            errors.append(
                f"Row {number}: a forbidden rendering is longer than {MAX_TERM_CHARS} characters."
            )
    if errors:
        return None, errors
    row = GlossaryRow(number, english, chinese, notes, case_sensitive, forbidden)
    return row, []


def _unique(parts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part for part in parts if part))


def _capped(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_ERRORS:
        return errors
    more = len(errors) - MAX_ERRORS
    return [*errors[:MAX_ERRORS], f"…and {more} more problem(s)."]
