"""Bytes to text for the importer: its size limit and its error around
``cms.text_files.decode_text``, which reads the encodings (and the glossary upload too)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from articles.importing.engine.errors import ImportInputError
from articles.importing.engine.limits import DEFAULT_LIMITS, Limits
from cms.text_files import BinaryData, UnreadableText, decode_text


def decode(data: bytes, *, encoding: str | None = None, limits: Limits = DEFAULT_LIMITS) -> str:
    """Decode and normalise uploaded bytes; ``encoding`` overrides detection."""
    limits.check_size(len(data))
    if not data.strip():
        raise ImportInputError(_("The file is empty."))
    try:
        return decode_text(data, encoding=encoding)
    except BinaryData as error:
        advice = _("Save the article as plain text, Markdown or HTML.")
        raise ImportInputError(f"{error.message} {advice}") from None
    except UnreadableText as error:
        raise ImportInputError(error.message) from None
