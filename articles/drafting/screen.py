"""Admin screens for AI translation drafts.

"Draft with AI" (``/admin/articles/<page_id>/drafts/``) shows an article's drafting
progress, each section's error in plain words, and POST actions to start, retry, accept a
draft as the Chinese text, or release sections a killed worker left claimed. A button in the
page header and in the page listing's "more" menu leads there. ``articles/wagtail_hooks.py``
registers ``urlpatterns`` and the two button functions. The work is done by
``articles.drafting``.
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from wagtail.admin.widgets import Button

from articles import drafting
from articles.drafting.engine import BackendNotConfigured
from articles.drafting.errors import error_text
from articles.drafting.replacing import UndoRefused, replace_with_draft, undo_replacement, undoable
from articles.editorial.permissions import Action, allows, require
from articles.editorial.stale_writes import StaleWrite, ensure_latest
from articles.models import ArticlePage, ArticleSection, DraftState, section_versions

PREVIEW_CHARS = 240


def _article_for(request, page_id: int, action: Action = Action.DRAFT_WITH_AI) -> ArticlePage:
    page = get_object_or_404(ArticlePage, pk=page_id)
    require(request.user, action, page)
    return page


def _back(page: ArticlePage):
    return redirect("articles_drafts", page_id=page.pk)


@require_GET
def drafts_view(request, page_id: int):
    page = _article_for(request, page_id)
    # The sections as in the latest revision, those added in an unpublished draft too.
    sections = section_versions.latest(page)
    drafting.job_states(page, sections)  # a page never indexed is indexed first
    # Runs past their deadline show as failed, ready to retry, without a "release".
    drafting.expire_overdue(page)
    jobs = drafting.job_states(page)
    queued = [key for key, job in jobs.items() if job.ai_draft_state == DraftState.QUEUED]
    usage = drafting.latest_usage(page, queued)
    replaced = undoable(page, sections)
    now = timezone.now()
    rows = []
    for section in sections:
        job = jobs.get(section.key)
        state = job.ai_draft_state if job is not None else ""
        retry_at = usage[section.key].retry_at if section.key in usage else None
        rows.append(
            {
                "section": section,
                "state": state,
                "state_label": DraftState(state).label if state else "",
                # Stored as English messages and values; shown in the reader's language.
                "error": error_text(job.ai_draft_error, job.ai_draft_error_params)
                if job is not None
                else "",
                "draftable": drafting.is_draftable(section),
                # Put off because the service asked us to wait: when it is tried again.
                "retry_at": retry_at if retry_at and retry_at > now else None,
                "preview": _preview(section.ai_draft),
                "has_chinese": drafting.has_text(section.body_zh_hans),
                "accepted": bool(section.ai_draft.strip())
                and (section.body_zh_hans or "") == drafting.text_to_html(section.ai_draft),
                # The draft replaced this Chinese and nobody changed it since: undo is offered.
                "replaced": replaced.get(section.key),
            }
        )
    progress = drafting.drafting_progress(page, sections=sections, jobs=jobs)
    context = {
        "page": page,
        "rows": rows,
        "progress": progress,
        "busy": drafting.in_progress(page),
        "problem": drafting.configuration_problem(),
        "remaining": progress.total - progress.done,
        "states": DraftState,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }
    return TemplateResponse(request, "articles/admin/drafts.html", context)


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _start(request, page: ArticlePage, section_keys=None) -> None:
    try:
        started = drafting.start_drafting(page, section_keys=section_keys, user=request.user)
    except BackendNotConfigured as exc:
        messages.error(request, str(exc))
        return
    except drafting.QuotaExceeded as exc:
        messages.error(request, exc.message)
        return
    if started.queued:
        messages.success(
            request,
            ngettext(
                "%(count)d section sent for drafting.",
                "%(count)d sections sent for drafting.",
                len(started.queued),
            )
            % {"count": len(started.queued)},
        )
    if started.busy:
        messages.warning(
            request,
            ngettext(
                "%(count)d section is already being drafted and was left alone.",
                "%(count)d sections are already being drafted and were left alone.",
                len(started.busy),
            )
            % {"count": len(started.busy)},
        )
    if not started.queued and not started.busy:
        messages.info(request, _("Every section already has a draft; nothing to do."))


@require_POST
def start_view(request, page_id: int):
    page = _article_for(request, page_id)
    _start(request, page)
    return _back(page)


@require_POST
def retry_view(request, page_id: int):
    """Draft again one section (its key as ``section`` in the form) or every failed section."""
    page = _article_for(request, page_id)
    wanted = request.POST.get("section", "")
    if wanted:
        keys = [_section_of(page, wanted).key]
    else:
        keys = [
            section.key for _position, section, _error in drafting.drafting_progress(page).failed
        ]
    if keys:
        _start(request, page, section_keys=keys)
    else:
        messages.info(request, _("No section needs a retry."))
    return _back(page)


@require_POST
def accept_view(request, page_id: int, section_key):
    """Use a section's AI draft as its Chinese. Where that replaces Chinese text, the first
    click shows what would be replaced and asks again (``confirmed``); the replacement is
    logged and can be undone from the drafts screen."""
    page = _article_for(request, page_id, Action.ACCEPT_AI_DRAFT)
    section = _section_of(page, section_key)
    # The screen names the revision it showed: accepting over a newer save is refused.
    loaded = request.POST.get("loaded_revision_id")
    if not section.ai_draft.strip():
        messages.error(request, _("That section has no AI draft to accept."))
        return _back(page)
    try:
        if drafting.has_text(section.body_zh_hans) and not request.POST.get("confirmed"):
            if loaded is not None:
                with transaction.atomic():
                    ensure_latest(page, loaded)
            return _confirm_replacement(request, page, section, loaded)
        accepted = replace_with_draft(page, section, request.user, loaded_revision_id=loaded)
    except StaleWrite as stale:
        messages.error(request, str(stale))
        return _back(page)
    if accepted:
        messages.success(
            request,
            _("Section %(number)s now uses the AI draft as its Chinese text (in the draft).")
            % {"number": section.position},
        )
    else:
        messages.error(request, _("That section has no AI draft to accept."))
    return redirect(reverse("articles_drafts", args=[page.pk]) + f"#section-{section.position}")


def _confirm_replacement(request, page: ArticlePage, section: ArticleSection, loaded):
    context = {
        "page": page,
        "section": section,
        "draft_html": drafting.text_to_html(section.ai_draft),
        # Passed on as the first click sent it (absent stays absent).
        "loaded_revision_id": loaded,
        "back_url": reverse("articles_drafts", args=[page.pk]) + f"#section-{section.position}",
    }
    return TemplateResponse(request, "articles/admin/drafts_confirm_replace.html", context)


@require_POST
def undo_view(request, page_id: int):
    """Put back the Chinese an AI draft replaced (the log entry as ``replacement``)."""
    page = _article_for(request, page_id, Action.ACCEPT_AI_DRAFT)
    try:
        section = undo_replacement(
            page,
            request.POST.get("replacement"),
            request.user,
            loaded_revision_id=request.POST.get("loaded_revision_id"),
        )
    except (StaleWrite, UndoRefused) as refused:
        messages.error(request, str(refused))
        return _back(page)
    messages.success(
        request,
        _("Section %(number)s has its earlier Chinese text back (in the draft).")
        % {"number": section.position},
    )
    return redirect(reverse("articles_drafts", args=[page.pk]) + f"#section-{section.position}")


@require_POST
def reset_view(request, page_id: int):
    page = _article_for(request, page_id)
    count = drafting.reset_stuck(page)
    messages.info(
        request,
        ngettext(
            "%(count)d section released; retry it when ready.",
            "%(count)d sections released; retry them when ready.",
            count,
        )
        % {"count": count},
    )
    return _back(page)


def _section_of(page: ArticlePage, key) -> ArticleSection:
    """The section with this key as in the latest revision (numbered), or 404."""
    section = section_versions.find(section_versions.latest(page), key)
    if section is None:
        raise Http404(_("This article has no such section."))
    return section


_PREFIX = "articles/<int:page_id>/drafts/"
urlpatterns = [
    path(_PREFIX, drafts_view, name="articles_drafts"),
    path(_PREFIX + "start/", start_view, name="articles_drafts_start"),
    path(_PREFIX + "retry/", retry_view, name="articles_drafts_retry"),
    path(_PREFIX + "reset/", reset_view, name="articles_drafts_reset"),
    path(
        _PREFIX + "sections/<uuid:section_key>/accept/",
        accept_view,
        name="articles_drafts_accept",
    ),
    path(_PREFIX + "undo/", undo_view, name="articles_drafts_undo"),
]


def _drafts_button(page, user, priority: int):
    if page.specific_class is not ArticlePage or not allows(user, Action.DRAFT_WITH_AI, page):
        return
    yield Button(
        _("Draft with AI"),
        reverse("articles_drafts", args=[page.pk]),
        icon_name="draft",
        attrs={"title": _("AI drafts of this article's sections")},
        priority=priority,
    )


def page_header_drafts_button(page, user, view_name=None, next_url=None):
    yield from _drafts_button(page, user, priority=40)


def page_listing_drafts_button(page, user, next_url=None):
    yield from _drafts_button(page, user, priority=45)
