"""A drafting failure as stored on a section's job and as each reader sees it.

``LatestSection.ai_draft_error`` holds the message as English msgids (marked with
``gettext_noop``), one sentence per line: the failure itself, then any hint ("retry in a
while"). ``ai_draft_error_params`` holds the values of their ``%(name)s`` placeholders: the
host, an HTTP status, the service's own error code, seconds. ``error_text`` translates each
sentence into the active language when the error is shown and fills in the values as they
are, so a Chinese translator and an English one read the same failure in their own language.

What is stored never holds the API key (replaced by ``[key]``) nor article text (no message
quotes it), and each value is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from articles.drafting.context import MAX_ERROR_CHARS
from articles.drafting.engine import RetryableError, TranslationError

# The fields of a job with no error.
NO_ERROR: dict[str, Any] = {"ai_draft_error": "", "ai_draft_error_params": {}}
# The hint rows stored before hints had a line of their own end with.
_LEGACY_RETRY_HINT = " " + RetryableError.hint
_FULL_WIDTH_END = re.compile(r"[\u3000-\u303f\uff00-\uffef]$")
# Room for the sentence around a value within MAX_ERROR_CHARS.
MAX_VALUE_CHARS = MAX_ERROR_CHARS // 2


@dataclass(frozen=True)
class DraftError:
    """One stored failure: ``message`` (msgids, one per line) and its ``params``."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        """The ``LatestSection`` fields that record it."""
        return {"ai_draft_error": self.message, "ai_draft_error_params": self.params}

    def __str__(self) -> str:
        """The English, for logs and the task's result."""
        return english_text(self.message, self.params)


def draft_error(exc: TranslationError, api_key: str = "") -> DraftError:
    """How ``exc`` is stored: its template and hint, and its values with ``api_key`` hidden
    and each bounded."""
    template = " ".join(exc.template.split()) or type(exc).__name__
    if api_key:
        # A message built without placeholders (another backend's): the key hidden there too.
        template = template.replace(api_key, "[key]")
    template = _bounded(template, MAX_ERROR_CHARS)
    params = {str(name): _safe_value(value, api_key) for name, value in exc.params.items()}
    message = "\n".join(filter(None, [template, exc.hint]))
    return DraftError(message, params)


def error_text(message: str, params: Mapping[str, Any] | None = None) -> str:
    """A stored failure in the active language; never fails, whatever was stored."""
    return _joined(_sentence(line, params, gettext) for line in _sentences(message))


def english_text(message: str, params: Mapping[str, Any] | None = None) -> str:
    """A stored failure in English, for logs and the shell."""
    return _joined(_sentence(line, params, str) for line in _sentences(message))


def _joined(sentences: Iterable[str]) -> str:
    # Chinese sentences follow one another without a space; English ones take one.
    text = ""
    for sentence in sentences:
        if text and not _FULL_WIDTH_END.search(text):
            text += " "
        text += sentence
    return text


def _sentences(message: str) -> list[str]:
    lines = [line for line in (message or "").splitlines() if line.strip()]
    # Stored as one line, English, with the retry hint appended: shown with the hint apart,
    # so the hint is translated even where the rest is not a known message.
    if len(lines) == 1 and lines[0].endswith(_LEGACY_RETRY_HINT):
        lines = [lines[0].removesuffix(_LEGACY_RETRY_HINT), RetryableError.hint]
    return lines


def _sentence(line: str, params: Mapping[str, Any] | None, translate) -> str:
    values = params if isinstance(params, Mapping) else {}
    # A translation whose placeholders do not match the values falls back to the English
    # message, and that to the message as stored.
    for template in (translate(line), line):
        text = _filled(template, values)
        if text is not None:
            return text
    return line


def _filled(template: str, values: Mapping[str, Any]) -> str | None:
    if not values:
        return template
    try:
        return template % values
    except (KeyError, ValueError, TypeError):
        return None


def _safe_value(value: Any, api_key: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        value = str(value)
    if isinstance(value, str):
        if api_key:
            value = value.replace(api_key, "[key]")
        value = _bounded(" ".join(value.split()), MAX_VALUE_CHARS)
    return value


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
