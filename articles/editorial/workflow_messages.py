"""What a workflow action taken in the page editor says and where it leads.

Wagtail reports an approval or a rejection from the editor as "Page … has been updated" and
then sends the user to the explorer of the article's index. A reviewer may not open the
explorer, so the success came back with Wagtail's "no permission" refusal beside it. Here the
message names the step and what happened to it, and the user lands on a screen they may open:
the explorer for those who have it, otherwise the dashboard with their next tasks."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.admin import messages as admin_messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.listing import IndexView
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

#: Set by Wagtail's editor when one of the workflow's actions was chosen.
_EDITOR_WORKFLOW_ACTION = "action-workflow-action"


def step_label(task) -> str:
    """A workflow step's name in the user's language where the catalogue has it."""
    return _(task.name)


def may_explore(user) -> bool:
    """Whether Wagtail's page explorer opens for ``user`` at all."""
    return PagePermissionPolicy().user_has_any_permission(user, IndexView.any_permission_required)


def remember_open_step(request: HttpRequest, page: Page) -> None:
    """``before_edit_page`` hook: note the step the editor's action will decide."""
    task_state = page.current_workflow_task_state
    request.open_workflow_step = task_state.pk if task_state else None


def decided_step(request: HttpRequest, user) -> TaskState | None:
    """The step noted before the action, if this user has just approved or rejected it."""
    pk = getattr(request, "open_workflow_step", None)
    if pk is None:
        return None
    return (
        TaskState.objects.filter(
            pk=pk,
            finished_by=user,
            status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED),
        )
        .select_related("task")
        .first()
    )


def outcome_message(page: Page, decided: TaskState) -> str:
    """One sentence on what the decision did: approved and on to the next step, approved
    and published, or sent back."""
    title = page.get_admin_display_title()
    step = step_label(decided.task)
    if decided.status == TaskState.STATUS_REJECTED:
        return _("“%(title)s”: sent back for changes at “%(step)s”.") % {
            "title": title,
            "step": step,
        }
    page.refresh_from_db()
    next_task = page.current_workflow_task
    if next_task is not None:
        return _("“%(title)s”: “%(step)s” approved; next step: “%(next)s”.") % {
            "title": title,
            "step": step,
            "next": step_label(next_task),
        }
    if page.live and not page.has_unpublished_changes:
        return _("“%(title)s”: “%(step)s” approved; the article is published.") % {
            "title": title,
            "step": step,
        }
    return _("“%(title)s”: “%(step)s” approved.") % {"title": title, "step": step}


def _replace_update_message(request: HttpRequest, page: Page, message: str) -> None:
    # Reading the messages marks them used; all but Wagtail's "has been updated" are added
    # back, so only that one is replaced.
    updated = admin_messages.render(
        _("Page '%(page_title)s' has been updated.")
        % {"page_title": page.get_admin_display_title()},
        None,
    )
    kept = [m for m in messages.get_messages(request) if m.message != updated]
    for kept_message in kept:
        messages.add_message(
            request, kept_message.level, kept_message.message, kept_message.extra_tags
        )
    messages.success(request, message)


def after_workflow_action(request: HttpRequest, page: Page) -> HttpResponse | None:
    """``after_edit_page`` hook: after an approval or rejection from the editor, say what
    happened to which step and go where the user may look."""
    if request.method != "POST" or not request.POST.get(_EDITOR_WORKFLOW_ACTION):
        return None
    decided = decided_step(request, request.user)
    if decided is None:
        return None
    _replace_update_message(request, page, outcome_message(page, decided))
    next_url = get_valid_next_url_from_request(request)
    if next_url:
        return redirect(next_url)
    if may_explore(request.user):
        return None
    return redirect("wagtailadmin_home")
