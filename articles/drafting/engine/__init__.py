"""Machine translation of article sections into Simplified Chinese.

Import from ``articles.drafting.engine``. Plain Python values only, no models::

    config = BackendConfig.from_mapping(os.environ)
    backend = get_backend(config)
    result = translate_with_retry(backend, TranslationRequest(section_text_en="..."))
"""

from .base import (
    BackendNotConfigured,
    InvalidTranslation,
    PermanentError,
    RetryableError,
    TranslationBackend,
    TranslationError,
    TranslationRequest,
    TranslationResult,
)
from .config import BackendConfig, get_backend
from .retry import OutboundLimit, outbound_limit, set_outbound_limit, translate_with_retry
from .validation import validate_translation

__all__ = [
    "BackendConfig",
    "BackendNotConfigured",
    "InvalidTranslation",
    "OutboundLimit",
    "PermanentError",
    "RetryableError",
    "TranslationBackend",
    "TranslationError",
    "TranslationRequest",
    "TranslationResult",
    "get_backend",
    "outbound_limit",
    "set_outbound_limit",
    "translate_with_retry",
    "validate_translation",
]
