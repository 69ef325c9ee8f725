from django.db import transaction


class PublishInOneTransaction:
    """Pages whose publish commits as one transaction.

    Wagtail's publish saves the page in a transaction of its own and sends ``page_published``
    after that has committed, unless the caller opened one (the admin's publish button,
    workflow approval, scheduled publishing and scripts do not). The content version then
    moved at the save's commit, before the fresh copies of the page existed: every reader of
    the article missed, one rendered it and the others waited. In one transaction, the save and
    the signal commit together, so the version moves once, at the commit, with the page's new
    copies already cached (``cms.page_cache.commit_moves``), and a publish that fails half-way
    leaves nothing half-published."""

    def publish(self, revision, *args, **kwargs):
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)
