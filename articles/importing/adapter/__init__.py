"""The import service: an original and/or its translation in, an ``ImportPlan`` out; a plan
(with the editor's decisions) in, a draft ``ArticlePage`` out.

``plan_import`` parses both inputs (``articles.importing.engine``), sections and aligns them and
proposes a status per section (``articles.importing.engine.proposal``), using glossary terms and
people's names as alignment anchors. It writes nothing. ``create_article`` turns a plan into a draft
article in one transaction: a failure leaves nothing behind. The admin import screen
(``articles/importing/screen.py``) and ``manage.py import_article`` both call these two.

Paragraph indexes in a plan count from 0 over each input's paragraphs in document order
(every block the parser kept, a leading title heading included).
"""

from articles.importing.adapter.create import create_article, existing_article, paragraphs_html
from articles.importing.adapter.plan import (
    describe_evidence,
    load_anchors,
    load_people,
    plan_import,
)
from articles.importing.adapter.values import (
    STATUSES,
    ImportPlan,
    PlanGroup,
    PlanParagraph,
    PlanSection,
    QuoteOffer,
    Source,
)

__all__ = [
    "STATUSES",
    "ImportPlan",
    "PlanGroup",
    "PlanParagraph",
    "PlanSection",
    "QuoteOffer",
    "Source",
    "create_article",
    "describe_evidence",
    "existing_article",
    "load_anchors",
    "load_people",
    "paragraphs_html",
    "plan_import",
]
