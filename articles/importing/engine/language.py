"""Is the English original English, and the translation Chinese?"""

from __future__ import annotations

from django.utils.translation import gettext as _

from articles.importing.engine.anchors import chinese_share
from articles.importing.engine.document import Document
from articles.importing.engine.errors import ImportInputError

# A Chinese technical text keeps code and names in Latin script, but not most of its letters.
MIN_CHINESE_SHARE = 0.2
MAX_CHINESE_SHARE_IN_ENGLISH = 0.5


def require_language(document: Document, language: str) -> None:
    """Raise ImportInputError when ``document`` is plainly not in ``language`` ("en"/"zh")."""
    share = chinese_share(document.texts())
    if language == "zh" and share < MIN_CHINESE_SHARE:
        raise ImportInputError(
            _(
                "The translation has almost no Chinese characters. Check that the Chinese "
                "text, not the English original again, was given as the translation."
            )
        )
    if language == "en" and share > MAX_CHINESE_SHARE_IN_ENGLISH:
        raise ImportInputError(
            _(
                "The original is mostly Chinese. Check that the English original and the "
                "Chinese translation were not swapped."
            )
        )
