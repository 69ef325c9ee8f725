"""Background tasks (django-tasks). The admin and ``translate_article`` enqueue them; a
worker runs them in production, the immediate backend runs them in place in tests and in
``make run``. Arguments are plain ids and section keys as strings, so any task backend can
store them."""

from datetime import datetime

from django_tasks import task

from articles.drafting.runs import run_drafting


@task()
def draft_sections(page_id: int, section_keys: list[str], user_id: int | None = None) -> dict:
    """Draft the given (already queued) sections of one article, by key, as they stand in
    its latest revision; see ``articles.drafting``.

    When the service asks to wait longer than a worker should, and the task backend can
    run a task later, the sections are queued again for then instead of failing.
    """
    can_defer = draft_sections.get_backend().supports_defer
    report = run_drafting(
        page_id, section_keys, user_id=user_id, reschedule=draft_later if can_defer else None
    )
    return {
        "drafted": report.drafted,
        "failed": report.failed,
        "skipped": report.skipped,
        "rescheduled": report.rescheduled,
    }


def draft_later(page_id: int, section_keys: list[str], user_id: int | None, when: datetime):
    """Enqueue ``draft_sections`` for these (queued) sections to run after ``when``."""
    return draft_sections.using(run_after=when).enqueue(page_id, section_keys, user_id)
