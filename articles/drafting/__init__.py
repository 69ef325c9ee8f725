"""AI drafts for article sections: what is sent, who may run it, and where the answer goes.

The engine in ``articles.drafting.engine`` knows nothing of models; this module feeds it sections
and stores what comes back. The admin (``articles.drafting.screen``), the background task
(``articles.drafting.tasks``) and the ``translate_article`` command all call it.

One request, start to finish:

Sections are those of the article's latest revision, followed by their stable ``key`` (a
section added in an unpublished draft has no row yet); each section's job state lives in
the index of the latest revision (``LatestSection.ai_draft_state`` and ``ai_draft_error``).

1. ``start_drafting`` checks the configuration, then *claims* each section with one
   conditional UPDATE of its index row (``ai_draft_state`` not queued/running -> queued).
   The row count says who won, so two requests for the same article, from two browsers
   or two workers, never claim the same section twice. A single conditional UPDATE is
   atomic on SQLite and on PostgreSQL alike, with no lock held while the service is called.
2. The task calls ``run_drafting``, which claims each section again (queued -> running),
   translates it with retries and records the outcome.
3. A failure writes only ``ai_draft_state``, ``ai_draft_error`` and its values
   ``ai_draft_error_params`` (plain words, never the key or the text, shown in each reader's
   language by ``errors.error_text``): an earlier ``ai_draft`` and the translator's Chinese
   stay as they were.

Limits (``quotas``, ``deadlines``): the claim in step 1 also counts the sections against the
daily quotas per user and per site, in the same transaction, so a request over a limit
claims nothing. Each section sent gets a deadline; one still queued or running past it
shows as failed and can be retried. A 429 asking to wait longer than a worker should puts
the rest of the job off to a deferred task instead of failing it.

Where a draft goes. Sections are modelcluster children revisioned with the page: the rows
are the published content (or, for a page never published, what the editor last saved,
since Wagtail commits the rows of a page that is not live on every save), and the editor
shows the latest revision. A draft is therefore written to both, in one transaction that
locks the page row (``select_for_update`` on PostgreSQL; SQLite's immediate transactions
serialise writers), the revision through ``articles.models.section_versions.update_latest``:

- the row, when the section has one, gets the AI fields (``ai_draft`` and its bookkeeping;
  readers never see them);
- the latest revision gets the same fields and is saved as a new revision (one per run:
  later sections of the same run overwrite the run's own revision while it is still the
  latest, so the page history gains one "edited" entry, not forty);
- the Chinese text (``body_zh_hans``) is filled only where it is empty, in the revision, and
  in the row only when the page is not live. A live page's readers never see an AI draft
  before someone publishes it.

``accept_draft`` is the translator's explicit "use this draft": it replaces the Chinese in
the same two places; the text it replaces stays in the page's revision history.
"""

from articles.drafting.context import (
    SKIPPED_STATUSES,
    backend_config,
    build_requests,
    configuration_problem,
    configured_backend,
    glossary_patterns,
    has_text,
    is_draftable,
    occurring,
    people_patterns,
    text_to_html,
)
from articles.drafting.deadlines import expire_overdue, latest_usage
from articles.drafting.quotas import QuotaExceeded
from articles.drafting.runs import (
    Progress,
    RunReport,
    Started,
    drafting_progress,
    in_progress,
    job_states,
    plain_error,
    reset_stuck,
    run_drafting,
)
from articles.drafting.runs import start_drafting as claim_and_run
from articles.drafting.storing import DraftRun, accept_draft
from articles.drafting.tasks import draft_sections
from articles.richtext import html_to_text


def start_drafting(page, *, section_keys=None, user=None, run=None) -> Started:
    """Claim sections (by key; None: every one without a draft) and enqueue the background
    task for them (or call ``run`` in its place: the ``translate_article --sync`` command
    and tests run it in the process)."""
    return claim_and_run(
        page, section_keys=section_keys, user=user, run=run or draft_sections.enqueue
    )


__all__ = [
    "DraftRun",
    "Progress",
    "QuotaExceeded",
    "RunReport",
    "SKIPPED_STATUSES",
    "Started",
    "accept_draft",
    "backend_config",
    "build_requests",
    "configuration_problem",
    "configured_backend",
    "drafting_progress",
    "expire_overdue",
    "glossary_patterns",
    "has_text",
    "html_to_text",
    "in_progress",
    "is_draftable",
    "job_states",
    "latest_usage",
    "occurring",
    "people_patterns",
    "plain_error",
    "reset_stuck",
    "run_drafting",
    "start_drafting",
    "text_to_html",
]
