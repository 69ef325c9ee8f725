"""Backend settings, read from a mapping, and the backend registry.

The Django side passes ``os.environ`` or its settings module's values; this
module never reads the environment itself, so tests can pass a plain dict.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.utils.translation import gettext

from .base import BackendNotConfigured, TranslationBackend

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_TOKENS = 4096

# Short names for the built-in backends. Any other backend is named by the
# dotted path of its class, so adding one needs no change here.
BUILTIN_BACKENDS = {
    "openai": "articles.drafting.engine.openai.OpenAIBackend",
    "deepl": "articles.drafting.engine.deepl.DeepLBackend",
}


@dataclass(frozen=True)
class BackendConfig:
    backend: str
    api_url: str
    api_key: str = field(default="", repr=False)
    model: str = ""
    timeout: float = DEFAULT_TIMEOUT
    max_tokens: int = DEFAULT_MAX_TOKENS

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> BackendConfig:
        """Build a config from TRANSLATION_* keys; raise BackendNotConfigured if unusable."""
        backend = str(values.get("TRANSLATION_BACKEND") or "").strip()
        api_url = str(values.get("TRANSLATION_API_URL") or "").strip()
        api_key = str(values.get("TRANSLATION_API_KEY") or "").strip()
        if not backend:
            raise BackendNotConfigured(_empty("TRANSLATION_BACKEND"))
        if not api_url:
            raise BackendNotConfigured(_empty("TRANSLATION_API_URL"))
        _check_url(api_url)
        if any(c in api_key for c in "\r\n"):
            raise BackendNotConfigured(
                gettext("%(name)s contains a line break") % {"name": "TRANSLATION_API_KEY"}
            )
        return cls(
            backend=backend,
            api_url=api_url.rstrip("/"),
            api_key=api_key,
            model=str(values.get("TRANSLATION_MODEL") or "").strip(),
            timeout=_number(values, "TRANSLATION_TIMEOUT", float, DEFAULT_TIMEOUT),
            max_tokens=_number(values, "TRANSLATION_MAX_TOKENS", int, DEFAULT_MAX_TOKENS),
        )


def _empty(name: str) -> str:
    return gettext("%(name)s is empty") % {"name": name}


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BackendNotConfigured(
            gettext("%(name)s must be an http:// or https:// address with a host")
            % {"name": "TRANSLATION_API_URL"}
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise BackendNotConfigured(
            gettext(
                "%(name)s must not carry a query, fragment or credentials (put the key in %(key)s)"
            )
            % {"name": "TRANSLATION_API_URL", "key": "TRANSLATION_API_KEY"}
        )


def _number(values: Mapping[str, Any], key: str, kind: type, default: float) -> Any:
    raw = values.get(key)
    if raw is None or str(raw).strip() == "":
        return default
    try:
        number = kind(str(raw).strip())
    except ValueError:
        raise BackendNotConfigured(
            gettext("%(name)s must be a number, not %(value)r")
            % {"name": key, "value": str(raw)[:20]}
        ) from None
    if number <= 0:
        raise BackendNotConfigured(gettext("%(name)s must be greater than zero") % {"name": key})
    return number


def backend_class(name: str) -> type[TranslationBackend]:
    """Resolve ``openai``, ``deepl`` or a dotted class path to a backend class."""
    path = BUILTIN_BACKENDS.get(name.lower(), name)
    module_name, _, class_name = path.rpartition(".")
    if not module_name:
        known = ", ".join(sorted(BUILTIN_BACKENDS))
        raise BackendNotConfigured(
            gettext(
                "TRANSLATION_BACKEND %(value)r is unknown; use %(known)s or a dotted class path"
            )
            % {"value": name, "known": known}
        )
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        raise BackendNotConfigured(
            gettext("TRANSLATION_BACKEND %(value)r cannot be imported") % {"value": name}
        ) from None
    if not (isinstance(cls, type) and issubclass(cls, TranslationBackend)):
        raise BackendNotConfigured(
            gettext("TRANSLATION_BACKEND %(value)r is not a TranslationBackend") % {"value": name}
        )
    return cls


def get_backend(config: BackendConfig) -> TranslationBackend:
    """Instantiate the backend the config names."""
    return backend_class(config.backend)(config)
