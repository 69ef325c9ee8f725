"""DeepL API backend, with the termbase and people's names sent as a glossary.

TRANSLATION_API_URL is ``https://api.deepl.com`` (Pro) or
``https://api-free.deepl.com`` (Free). DeepL is not an LLM, so there is no
prompt: neighbouring sections go in DeepL's ``context`` field, which is read
but neither translated nor billed.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext_noop

from .base import (
    PermanentError,
    RetryableError,
    TranslationBackend,
    TranslationRequest,
    TranslationResult,
)
from .config import BackendConfig
from .transport import post_json, request_json
from .validation import validate_translation

logger = logging.getLogger(__name__)

SOURCE_LANG = "EN"
TARGET_LANG = "ZH-HANS"
GLOSSARY_LANGS = ("en", "zh")
CONTEXT_CHARS = 1500
# DeepL's limit for one glossary entry side.
MAX_ENTRY_BYTES = 1024
# TRANSLATION_MODEL is passed as DeepL's model_type only when it is one of these.
MODEL_TYPES = frozenset({"quality_optimized", "latency_optimized", "prefer_quality_optimized"})
_GLOSSARY_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
GLOSSARY_READY_POLLS = 5
GLOSSARY_POLL_DELAY = 0.5

# Messages for DeepL's own statuses; ``%(detail)s`` is the status and DeepL's error code.
STATUS_MESSAGES = {
    456: gettext_noop("The DeepL character quota for this billing period is used up (%(detail)s)."),
}


class DeepLBackend(TranslationBackend):
    name = "deepl"

    def __init__(self, config: BackendConfig, *, sleep: Callable[[float], None] = time.sleep):
        super().__init__(config)
        # Accept the base with or without the version, as people copy it from the docs.
        self._base = config.api_url.rstrip("/").removesuffix("/v2")
        self._sleep = sleep
        self._glossaries: dict[str, str] = {}
        self._glossary_lock = threading.Lock()

    def _headers(self) -> dict[str, str]:
        if not self.config.api_key:
            return {}
        return {"Authorization": f"DeepL-Auth-Key {self.config.api_key}"}

    def _post(self, path: str, payload: Any) -> Any:
        reply = post_json(
            self._base,
            path,
            payload,
            headers=self._headers(),
            timeout=self.config.timeout,
            status_messages=STATUS_MESSAGES,
        )
        return reply.data

    def translate(self, request: TranslationRequest) -> TranslationResult:
        payload: dict[str, Any] = {
            "text": [request.section_text_en],
            "source_lang": SOURCE_LANG,
            "target_lang": TARGET_LANG,
        }
        context = _context(request)
        if context:
            payload["context"] = context
        glossary_id = self.ensure_glossary([*request.glossary, *request.people])
        if glossary_id:
            payload["glossary_id"] = glossary_id
        if self.config.model in MODEL_TYPES:
            payload["model_type"] = self.config.model
        data = self._post("/v2/translate", payload)
        text = validate_translation(request.section_text_en, _translated_text(data))
        logger.info(
            "Translated a section of %d characters with DeepL.", len(request.section_text_en)
        )
        return TranslationResult(
            text_zh=text, backend=self.name, model=self.config.model or "deepl"
        )

    def ensure_glossary(self, entries: Iterable[tuple[str, str]]) -> str | None:
        """Create (once per distinct content) a DeepL glossary and return its id.

        Returns None when there are no usable entries. Glossaries are cached by
        a hash of their content for the life of this backend instance.
        """
        tsv = glossary_tsv(entries)
        if not tsv:
            return None
        digest = hashlib.sha256(tsv.encode("utf-8")).hexdigest()
        # Held across the request so concurrent jobs sharing a glossary create it once;
        # DeepL allows only 1,000 glossaries per account.
        with self._glossary_lock:
            if digest in self._glossaries:
                return self._glossaries[digest]
            data = self._post(
                "/v2/glossaries",
                {
                    "name": f"duizhao-{digest[:16]}",
                    "source_lang": GLOSSARY_LANGS[0],
                    "target_lang": GLOSSARY_LANGS[1],
                    "entries": tsv,
                    "entries_format": "tsv",
                },
            )
            glossary_id = data.get("glossary_id") if isinstance(data, dict) else None
            # The id goes into a URL path later, so accept only the documented shape.
            if not isinstance(glossary_id, str) or not _GLOSSARY_ID.fullmatch(glossary_id):
                raise PermanentError(
                    gettext_noop("DeepL created a glossary but sent no usable glossary id.")
                )
            self._glossaries[digest] = glossary_id
            logger.info(
                "Created DeepL glossary %s with %d entries.", glossary_id, tsv.count("\n") + 1
            )
            if data.get("ready") is False:
                self._wait_until_ready(glossary_id)
            return glossary_id

    def _wait_until_ready(self, glossary_id: str) -> None:
        for _ in range(GLOSSARY_READY_POLLS):
            self._sleep(GLOSSARY_POLL_DELAY)
            reply = request_json(
                "GET",
                self._base,
                f"/v2/glossaries/{glossary_id}",
                headers=self._headers(),
                timeout=self.config.timeout,
            )
            if isinstance(reply.data, dict) and reply.data.get("ready"):
                return
        raise RetryableError(gettext_noop("The DeepL glossary is not ready yet."))


def glossary_tsv(entries: Iterable[tuple[str, str]]) -> str:
    """Entries as DeepL's TSV: one ``source<TAB>target`` line each, sources unique."""
    lines: dict[str, str] = {}
    for source, target in entries:
        source, target = " ".join(source.split()), " ".join(target.split())
        too_long = max(len(source.encode()), len(target.encode())) > MAX_ENTRY_BYTES
        if not source or not target or too_long or source in lines:
            continue
        lines[source] = target
    return "\n".join(f"{source}\t{target}" for source, target in lines.items())


def _context(request: TranslationRequest) -> str:
    parts = [
        request.article_title.strip(),
        request.previous_section_en.strip()[-CONTEXT_CHARS:],
        request.next_section_en.strip()[:CONTEXT_CHARS],
    ]
    return "\n\n".join(part for part in parts if part)


def _translated_text(data: Any) -> str:
    translations = data.get("translations") if isinstance(data, dict) else None
    if not isinstance(translations, list) or not translations:
        raise PermanentError(gettext_noop("DeepL sent a reply with no translations."))
    first = translations[0]
    text = first.get("text") if isinstance(first, dict) else None
    if not isinstance(text, str):
        raise PermanentError(gettext_noop("DeepL sent a translation that is not text."))
    return text
