"""The importer's entry point: bytes or pasted text in, a Document out, or a clear error."""

from __future__ import annotations

from django.utils.translation import gettext as _

from articles.importing.engine.decoding import decode
from articles.importing.engine.document import IMAGE, Document
from articles.importing.engine.errors import ImportInputError
from articles.importing.engine.formats import FORMATS, HTML, MARKDOWN, detect_format
from articles.importing.engine.html_source import parse_html
from articles.importing.engine.limits import DEFAULT_LIMITS, Limits
from articles.importing.engine.markdown_source import parse_markdown
from articles.importing.engine.text_source import parse_text
from cms.text_files import normalise_text


def parse_document(
    source: bytes | str,
    *,
    format: str | None = None,
    filename: str = "",
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Parse an uploaded file (bytes) or pasted text (str) into blocks and metadata.

    ``format`` is "html", "markdown" or "text"; by default the file name or the text decides.
    Raises ImportInputError for anything it cannot import, before creating anything.
    """
    if format is not None and format not in FORMATS:
        raise ImportInputError(
            _("Unknown format “%(format)s”; use one of %(formats)s.")
            % {"format": format, "formats": ", ".join(FORMATS)}
        )
    if isinstance(source, bytes):
        text = decode(source, encoding=encoding, limits=limits)
    else:
        # Characters never take fewer bytes than one, so this check costs nothing.
        limits.check_size(len(source))
        limits.check_size(len(source.encode("utf-8", "surrogatepass")))
        text = normalise_text(source)
    if not text.strip():
        raise ImportInputError(_("The text is empty."))
    fmt = format or detect_format(text, filename)
    parser = {HTML: parse_html, MARKDOWN: parse_markdown}.get(fmt, parse_text)
    document = parser(text, limits)
    if not any(b.text.strip() for b in document.blocks if b.kind != IMAGE):
        raise ImportInputError(
            _(
                "No article text was found: after removing navigation, ads and other page "
                "furniture nothing was left. Check that the right file was chosen."
            )
        )
    return document
