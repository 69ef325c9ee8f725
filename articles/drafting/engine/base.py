"""Plain values and errors shared by every translation backend.

Nothing here imports Django: the background task, the admin and the management
command build a ``TranslationRequest``, call a backend and store the
``TranslationResult`` themselves.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

if TYPE_CHECKING:
    from .config import BackendConfig

# DeepL refuses request bodies over 128 KiB and chat models have context limits;
# a section this long should be split by the editor, not sent.
MAX_SECTION_CHARS = 30_000

ENVIRONMENT_VARIABLES = (
    "TRANSLATION_BACKEND",
    "TRANSLATION_API_URL",
    "TRANSLATION_API_KEY",
    "TRANSLATION_MODEL",
)


class TranslationError(Exception):
    """Base for every failure to get a usable machine translation.

    ``template`` is an English message marked with ``gettext_noop`` whose ``%(name)s``
    placeholders ``params`` fill: the failure can be stored and shown later in each reader's
    language, with only the values (a host, an HTTP status, the service's own error code)
    as they are. ``str(exc)`` is the English, for logs. ``hint`` is a sentence shown after
    it (also a msgid), or "".
    """

    retryable: ClassVar[bool] = False
    hint: ClassVar[str] = ""

    def __init__(self, template: str, params: Mapping[str, object] | None = None) -> None:
        self.template = template
        self.params = dict(params or {})
        super().__init__(fill(template, self.params))


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template % params``; the template as it is when they do not match (a message must
    never fail to show)."""
    if not params:
        return template
    try:
        return template % params
    except (KeyError, ValueError, TypeError):
        return template


class BackendNotConfigured(TranslationError):
    """The settings do not name a usable backend."""

    def __init__(self, problem: str) -> None:
        names = ", ".join(ENVIRONMENT_VARIABLES)
        super().__init__(
            _(
                "Machine translation is not set up: %(problem)s. Set the environment "
                "variables %(names)s (see the README)."
            )
            % {"problem": problem, "names": names}
        )


class RetryableError(TranslationError):
    """A passing fault: timeout, dropped connection, rate limit or server error."""

    retryable = True
    hint = gettext_noop("The service may be busy; retry in a while.")

    def __init__(
        self,
        template: str,
        params: Mapping[str, object] | None = None,
        *,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(template, params)
        # Seconds the service asked us to wait (HTTP 429/503 Retry-After).
        self.retry_after = retry_after


class PermanentError(TranslationError):
    """Asking again will not help: bad key, bad URL, unreadable reply."""


class InvalidTranslation(TranslationError):
    """The service answered, but the reply is not a translation we can use."""


def _pairs(values: Sequence[Sequence[str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(b)) for a, b in values)


@dataclass(frozen=True)
class TranslationRequest:
    """One section to translate, with the context that helps the translator.

    ``glossary`` holds approved (english, chinese) renderings that occur in the
    text; ``people`` holds (name_en, name_zh) for people mentioned in it.
    """

    section_text_en: str
    article_title: str = ""
    previous_section_en: str = ""
    next_section_en: str = ""
    glossary: Sequence[tuple[str, str]] = field(default_factory=tuple)
    people: Sequence[tuple[str, str]] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not self.section_text_en.strip():
            raise PermanentError(gettext_noop("The section has no English text to translate."))
        if len(self.section_text_en) > MAX_SECTION_CHARS:
            raise PermanentError(
                gettext_noop(
                    "The section is %(length)s characters long; sections over %(limit)s "
                    "characters must be split before machine translation."
                ),
                {"length": f"{len(self.section_text_en):,}", "limit": f"{MAX_SECTION_CHARS:,}"},
            )
        # Stored as tuples so a request can be shared between threads safely.
        object.__setattr__(self, "glossary", _pairs(self.glossary))
        object.__setattr__(self, "people", _pairs(self.people))


@dataclass(frozen=True)
class TranslationResult:
    """A validated Chinese draft and what it cost."""

    text_zh: str
    backend: str
    model: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str | None = None


class TranslationBackend(ABC):
    """A machine-translation service. Subclasses set ``name`` and ``translate``.

    ``translate`` returns only replies that passed ``validate_translation``;
    anything else raises a ``TranslationError`` subclass.
    """

    name: ClassVar[str]

    def __init__(self, config: BackendConfig) -> None:
        self.config = config

    @abstractmethod
    def translate(self, request: TranslationRequest) -> TranslationResult:
        """Translate one section into Simplified Chinese."""

    def __repr__(self) -> str:
        # Never show the key: reprs end up in logs and tracebacks.
        return f"<{type(self).__name__} {self.config.api_url} model={self.config.model!r}>"
