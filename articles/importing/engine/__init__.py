"""Paste-and-align import: turn an uploaded or pasted article into plain blocks and sections.

Import from ``articles.importing.engine``. Everything here takes and returns plain Python values and
imports no models, so the admin, the management command and the API share it.
"""

from articles.importing.engine.decoding import decode
from articles.importing.engine.document import (
    BLOCK_KINDS,
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    Block,
    Document,
    Metadata,
)
from articles.importing.engine.errors import ImportInputError
from articles.importing.engine.formats import FORMATS, detect_format
from articles.importing.engine.language import require_language
from articles.importing.engine.limits import DEFAULT_LIMITS, Limits
from articles.importing.engine.parsing import parse_document
from articles.importing.engine.sections import Section, split_sections
from cms.text_files import normalise_text

__all__ = [
    "BLOCK_KINDS",
    "CODE",
    "DEFAULT_LIMITS",
    "FORMATS",
    "HEADING",
    "IMAGE",
    "LIST_ITEM",
    "PARAGRAPH",
    "QUOTE",
    "Block",
    "Document",
    "ImportInputError",
    "Limits",
    "Metadata",
    "Section",
    "decode",
    "detect_format",
    "normalise_text",
    "parse_document",
    "require_language",
    "split_sections",
]
