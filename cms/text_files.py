"""Uploaded bytes to text, and the one normal form for text every database stores.

Both apps read uploads with it: the article import (``articles.importing.engine.decode``)
and the glossary import (``people.glossary_import``); posted fields and rich text are
normalised the same way (``cms.middleware``, ``articles.rich_text_input``). Plain Python, no
Django, so the import engine may use it.

Decoding accepts UTF-8, UTF-16/32 with a byte-order mark, GB18030/GBK, or what a page
declares. Anything else is refused rather than guessed: a wrong guess turns an article into
mojibake that nobody notices until it is published. Callers check size and emptiness first,
with their own limits and words.

Normalising: PostgreSQL refuses NUL; control characters and invisible marks break search and
diffs; a pasted page mixes line-ending styles. Bidirectional controls and joiners are kept:
they can carry meaning (emoji sequences, right-to-left names), and the admin shows them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_SURROGATES = re.compile(r"[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028]")
# NUL and the other C0 controls except tab and newline, DEL, C1 controls, and invisible marks
# that pasting leaves behind: zero-width space, word joiner, BOM, Mongolian vowel separator,
# soft hyphen.
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u180e\u00ad]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_SAVE_AS_UTF8 = gettext_lazy(
    "Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and import it again."
)


class UnreadableText(ValueError):
    """Bytes that cannot be read as text; ``message`` is plain words an editor can act on."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BinaryData(UnreadableText):
    """Bytes of a binary file (a document, a PDF, an image), not of text in any encoding."""


def normalise_text(text: str) -> str:
    """NFC text with ``\\n`` line ends and without control or zero-width characters."""
    text = _SURROGATES.sub("\ufffd", text)
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _DROPPED.sub("", text)
    return unicodedata.normalize("NFC", text)


def decode_text(data: bytes, *, encoding: str | None = None) -> str:
    """Decode and normalise uploaded bytes; ``encoding`` overrides detection."""
    text = _decode_as(data, encoding) if encoding else _detect(data)
    return normalise_text(text)


def _detect(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_as(data, utf16)
    if b"\x00" in data:
        raise BinaryData(
            _(
                "The file looks like a binary file (such as a Word document, a PDF or an "
                "image), not text."
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data[:4096])
    if declared:
        return _decode_as(data, declared)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_chinese(text):
        return text
    raise UnreadableText(
        _(
            "The file is not UTF-8 and does not read as Chinese GB18030/GBK text either, so "
            "its characters cannot be read reliably."
        )
        + " "
        + str(_SAVE_AS_UTF8)
    )


def _decode_as(data: bytes, name: str) -> str:
    try:
        codec = codecs.lookup(name)
        # Python also knows byte-to-byte codecs (base64, zlib, rot13...): not text encodings.
        if not getattr(codec, "_is_text_encoding", True):
            raise LookupError(name)
    except LookupError:
        raise UnreadableText(
            _("The encoding “%(name)s” is not one this site knows.") % {"name": name}
        ) from None
    try:
        return data.decode(codec.name)
    except UnicodeDecodeError:
        raise UnreadableText(
            _("The file is not valid %(encoding)s text: some bytes do not form characters.")
            % {"encoding": codec.name}
            + " "
            + str(_SAVE_AS_UTF8)
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly ASCII or Latin text shows a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _declared_encoding(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    # A page saved from a browser may still claim its original encoding after being re-saved
    # as UTF-8; that case was tried first, so a UTF-8 claim here is simply wrong.
    return None if name.replace("-", "").replace("_", "") == "utf8" else name


def _looks_chinese(text: str) -> bool:
    """Real Chinese uses mostly the 3,755 common characters (GB2312 level 1); Japanese or
    Western bytes read as GB18030 give rare characters instead."""
    hanzi = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(hanzi) < 2:
        return False
    common = 0
    for ch in hanzi:
        try:
            encoded = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 0xB0 <= encoded[0] <= 0xD7
    return common / len(hanzi) >= 0.6
