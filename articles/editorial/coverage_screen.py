"""Admin screen "Re-check coverage" (``/admin/articles/<page id>/coverage/``).

GET: every section whose status the alignment would change, above all ``full`` ->
``abridged`` with the English sentences the Chinese dropped, each with a checkbox (checked),
and the revision the proposal was made from. POST: ``coverage_check.accept`` saves one new
revision with the checked sections' new status and every section's coverage, refused when
the article changed since, and comes back to this screen, which then lists the status changes
made and offers to undo them (``coverage_undo``) until the article is saved again. Editors
only (``Action.RECHECK_COVERAGE``, for the undo too); the button sits in the article's header
and "More" menu and on the review screen. ``articles/wagtail_hooks.py`` registers
``urlpatterns`` and ``coverage_button``.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.rich_text import expand_db_html

from articles.content.cut_sentences import mark_sentences
from articles.editorial.article_buttons import article_menu_button
from articles.editorial.coverage_check import accept, propose
from articles.editorial.coverage_undo import AppliedBatch, UndoRefused, undo_batch, undoable
from articles.editorial.permissions import Action, require, require_role
from articles.editorial.section_rules import SectionStatus, status_label
from articles.editorial.stale_writes import StaleWrite
from articles.models import ArticlePage, section_versions


def _article(request, page_id: int) -> ArticlePage:
    require_role(request.user, Action.RECHECK_COVERAGE)
    page = ArticlePage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404(_("There is no such article."))
    require(request.user, Action.RECHECK_COVERAGE, page)
    return page


@require_http_methods(["GET", "POST"])
def coverage_view(request, page_id: int):
    page = _article(request, page_id)
    if request.method == "POST":
        return _accept(request, page)
    return _proposals(request, page)


def _proposals(request, page: ArticlePage, *, error: str = "", status: int = 200):
    check = propose(page)
    changes = check.changes
    for proposal in changes:
        proposal.current_label = status_label(proposal.current)
        proposal.proposed_label = status_label(proposal.proposed)
        proposal.marked_en = mark_sentences(expand_db_html(proposal.body_en), proposal.missing)
    context = {
        "page": page,
        "check": check,
        "changes": changes,
        "error": error,
        "loaded_revision_id": check.revision_id or "",
        "loaded_created_at": check.revision_created_at.isoformat()
        if check.revision_created_at
        else "",
        "action_url": reverse("articles_coverage", args=(page.pk,)),
        "applied": _applied(undoable(page)),
    }
    return TemplateResponse(request, "articles/admin/coverage.html", context, status=status)


def _applied(batch: AppliedBatch | None) -> dict | None:
    """The batch that can be undone, with its status changes named for the screen."""
    if batch is None or not batch.status_changes:
        return None
    changes = [
        {
            "section": change.section,
            "previous": status_label(change.previous_status),
            "status": status_label(change.status),
        }
        for change in batch.status_changes
    ]
    return {"entry_id": batch.entry_id, "changes": changes}


def _accept(request, page: ArticlePage):
    sections = section_versions.by_key(section_versions.latest(page))
    keys = {
        key
        for key in (section_versions.as_key(v) for v in request.POST.getlist("section"))
        if key in sections
    }
    try:
        accept(
            page,
            keys,
            user=request.user,
            loaded_revision_id=request.POST.get("loaded_revision_id", ""),
            loaded_created_at=request.POST.get("loaded_revision_created_at") or None,
        )
    except StaleWrite as stale:
        return _proposals(request, page, error=str(stale), status=409)
    if any(sections[key].status == SectionStatus.FULL for key in keys):
        messages.warning(
            request,
            _(
                "Sections now marked abridged need a note for readers saying what was cut and "
                "why before the article can be submitted."
            ),
        )
    messages.success(
        request,
        _("Coverage re-checked: %(count)s section(s) changed in a new draft revision.")
        % {"count": len(keys)},
    )
    # Back to this screen, which offers to undo the changes just made.
    return redirect("articles_coverage", page.pk)


@require_POST
def undo_view(request, page_id: int):
    """Put back the statuses, notes and coverage an accepted batch (``batch``) replaced."""
    page = _article(request, page_id)
    try:
        undo_batch(
            page,
            request.POST.get("batch"),
            request.user,
            loaded_revision_id=request.POST.get("loaded_revision_id", ""),
            loaded_created_at=request.POST.get("loaded_revision_created_at") or None,
        )
    except (StaleWrite, UndoRefused) as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Undone: the sections have their earlier statuses back in a new draft revision."),
        )
    return redirect("articles_coverage", page.pk)


urlpatterns = [
    path("articles/<int:page_id>/coverage/", coverage_view, name="articles_coverage"),
    path("articles/<int:page_id>/coverage/undo/", undo_view, name="articles_coverage_undo"),
]


coverage_button = article_menu_button(
    gettext_lazy("Re-check coverage"), "articles_coverage", Action.RECHECK_COVERAGE, "search", 57
)
