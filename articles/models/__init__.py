"""Article models. Import from ``articles.models``."""

from articles.models.pages import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    Licence,
    Platform,
    TranslationMethod,
)
from articles.models.sections import ArticleSection, CheckDismissal, DraftState
from articles.models.topics import Topic

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleSection",
    "CheckDismissal",
    "DraftState",
    "HomePage",
    "Licence",
    "Platform",
    "Topic",
    "TranslationMethod",
]
