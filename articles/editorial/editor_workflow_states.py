"""The article editor reads the article's workflow state once per page view.

Wagtail's edit view fetches the page record with its active workflow states prefetched, but
edits a copy of the page rebuilt from its latest revision, which has none: every look at the
copy's workflow state (the lock, the action menu, the status panel) asked the database again,
about 18 queries per render of the editor. On a GET nothing changes the workflow, so the copy
takes the record's prefetched states; a POST may start or decide a step, so it reads afresh."""

from wagtail.models import Page


class WorkflowStatesReadOnce:
    """For a subclass of Wagtail's ``EditView``."""

    real_page_record: Page

    def get_object(self):
        page = super().get_object()
        prefetched = getattr(self.real_page_record, "_current_workflow_states", None)
        if self.request.method == "GET" and prefetched is not None:
            page._current_workflow_states = prefetched
        return page
