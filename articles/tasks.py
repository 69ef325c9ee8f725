"""Background tasks (django-tasks). The admin and ``translate_article`` enqueue them; a
worker runs them in production, the immediate backend runs them in place in tests and in
``make run``. Arguments are plain ids so any task backend can store them."""

from django_tasks import task

from articles import drafting


@task()
def draft_sections(page_id: int, section_ids: list[int], user_id: int | None = None) -> dict:
    """Draft the given (already queued) sections of one article; see ``articles.drafting``."""
    report = drafting.run_drafting(page_id, section_ids, user_id=user_id)
    return {
        "drafted": report.drafted,
        "failed": {str(pk): message for pk, message in report.failed.items()},
        "skipped": report.skipped,
    }
