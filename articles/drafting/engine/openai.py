"""OpenAI-compatible chat-completions backend.

Works with OpenAI itself and with local servers that speak the same protocol
(vLLM, llama.cpp, Ollama): TRANSLATION_API_URL is the base such as
``http://127.0.0.1:8001/v1``; the key may be empty for a local server.
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils.translation import gettext, gettext_noop

from .base import (
    BackendNotConfigured,
    InvalidTranslation,
    PermanentError,
    TranslationBackend,
    TranslationRequest,
    TranslationResult,
)
from .config import BackendConfig
from .prompts import build_messages
from .transport import post_json
from .validation import validate_translation

logger = logging.getLogger(__name__)

# Low but not zero: deterministic enough for review, without the repetition
# loops some models fall into at exactly zero.
TEMPERATURE = 0.2
# Rough English characters per token, to refuse sections whose translation
# cannot fit in max_tokens before paying for a cut-off reply.
CHARS_PER_TOKEN = 4


class OpenAIBackend(TranslationBackend):
    name = "openai"

    def __init__(self, config: BackendConfig) -> None:
        if not config.model:
            raise BackendNotConfigured(
                gettext("%(name)s is empty; name the chat model to use")
                % {"name": "TRANSLATION_MODEL"}
            )
        super().__init__(config)

    def translate(self, request: TranslationRequest) -> TranslationResult:
        estimate = len(request.section_text_en) // CHARS_PER_TOKEN
        if estimate > self.config.max_tokens:
            raise PermanentError(
                gettext_noop(
                    "The section needs about %(tokens)s tokens, more than "
                    "TRANSLATION_MAX_TOKENS (%(limit)s); split the section."
                ),
                {"tokens": f"{estimate:,}", "limit": f"{self.config.max_tokens:,}"},
            )
        headers = {}
        if self.config.api_key:
            headers["Authorization"] = f"Bearer {self.config.api_key}"
        payload = {
            "model": self.config.model,
            "messages": build_messages(request),
            "max_tokens": self.config.max_tokens,
            "temperature": TEMPERATURE,
            "stream": False,
        }
        reply = post_json(
            self.config.api_url,
            "/chat/completions",
            payload,
            headers=headers,
            timeout=self.config.timeout,
        )
        content, finish_reason, data = _parse_reply(reply.data)
        text = validate_translation(request.section_text_en, content)
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        model = data.get("model") if isinstance(data.get("model"), str) else ""
        result = TranslationResult(
            text_zh=text,
            backend=self.name,
            model=model or self.config.model,
            prompt_tokens=_count(usage.get("prompt_tokens")),
            completion_tokens=_count(usage.get("completion_tokens")),
            finish_reason=finish_reason,
        )
        logger.info(
            "Translated a section of %d characters with %s (%s tokens in, %s out).",
            len(request.section_text_en),
            result.model,
            result.prompt_tokens,
            result.completion_tokens,
        )
        return result


def _parse_reply(data: Any) -> tuple[str, str | None, dict]:
    """Pull the message text and finish reason out of a chat-completions reply."""
    if not isinstance(data, dict):
        raise PermanentError(
            gettext_noop("The translation service sent JSON that is not a chat completion.")
        )
    if "error" in data and not data.get("choices"):
        raise PermanentError(
            gettext_noop("The translation service reported an error instead of a reply.")
        )
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise PermanentError(gettext_noop("The translation service sent a reply with no choices."))
    choice = choices[0]
    finish_reason = choice.get("finish_reason")
    finish_reason = finish_reason if isinstance(finish_reason, str) else None
    if finish_reason == "length":
        raise InvalidTranslation(
            gettext_noop(
                "The reply was cut off (finish_reason=length); raise TRANSLATION_MAX_TOKENS or "
                "split the section."
            )
        )
    if finish_reason == "content_filter":
        raise InvalidTranslation(gettext_noop("The service's content filter withheld the reply."))
    message = choice.get("message")
    content = message.get("content") if isinstance(message, dict) else None
    if isinstance(message, dict) and message.get("refusal"):
        raise InvalidTranslation(gettext_noop("The model refused to translate the section."))
    if content is None:
        raise InvalidTranslation(gettext_noop("The reply was empty."))
    if not isinstance(content, str):
        raise PermanentError(
            gettext_noop("The translation service sent a message that is not text.")
        )
    return content, finish_reason, data


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
