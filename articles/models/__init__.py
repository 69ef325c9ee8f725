"""Article models. Import from ``articles.models``."""

from articles.models.check_policy import CheckPolicy, Severity
from articles.models.drafting_usage import DraftingUsage
from articles.models.error_reports import ErrorReport
from articles.models.pages import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    Licence,
    Platform,
    TranslationMethod,
)
from articles.models.sections import ArticleSection, CheckDismissal
from articles.models.topics import Topic
from articles.models.workflow import (
    AbridgmentReviewTask,
    DeskApprovalTask,
    DraftState,
    LatestSection,
    SectionSignoff,
    SignoffDecision,
)

__all__ = [
    "AbridgmentReviewTask",
    "DeskApprovalTask",
    "LatestSection",
    "SectionSignoff",
    "SignoffDecision",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleSection",
    "CheckDismissal",
    "CheckPolicy",
    "DraftState",
    "DraftingUsage",
    "ErrorReport",
    "HomePage",
    "Licence",
    "Platform",
    "Severity",
    "Topic",
    "TranslationMethod",
]
