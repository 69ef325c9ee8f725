"""Admin views for translator review, registered in ``articles/review/admin_urls.py``.

Every view refuses (``articles.editorial.permissions.require``) a user the permission table does not
allow on this article; Wagtail's admin URL wrapper already sends anonymous users to the
login page. POST endpoints redirect back to the section they acted on.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from wagtail.log_actions import log

from articles.editorial.permissions import Action, allows, require
from articles.models import ArticlePage, CheckDismissal, section_versions
from articles.models.workflow import abridgment_review_url
from articles.review.drift import confirm_source
from articles.review.revisions import compare_revisions
from articles.review.rows import CHECK_LABELS, build_review

KNOWN_CODES = frozenset(CHECK_LABELS)
#: Page log actions: a finding dismissed with a reason, and a dismissal undone.
FINDING_DISMISSED_ACTION = "articles.finding_dismissed"
FINDING_RESTORED_ACTION = "articles.finding_restored"
# Words repeated on every row, translated once per request rather than once per row.
ROW_LABELS = {
    "stale": gettext_lazy("Source changed"),
    "findings": gettext_lazy("Findings"),
    "effort": gettext_lazy("Effort"),
    "effort_help": gettext_lazy("Share of the AI draft the translator changed"),
    "awaiting_signoff": gettext_lazy("Awaiting sign-off"),
    "note": gettext_lazy("Note"),
    "signoff_comment": gettext_lazy("Sign-off comment"),
    "drift_toggle": gettext_lazy("English changed since translation: show the source diff"),
    "when_translated": gettext_lazy("When translated"),
    "now": gettext_lazy("Now"),
    "recheck": gettext_lazy("Re-checked: the translation still fits"),
    "ai_toggle": gettext_lazy("AI draft → translation: what the translator changed"),
    "ai_draft": gettext_lazy("AI draft"),
    "translation": gettext_lazy("Translation"),
    "dismiss": gettext_lazy("Dismiss"),
    "reason": gettext_lazy("Why is this not a problem?"),
    "dismiss_finding": gettext_lazy("Dismiss finding"),
}
MAX_REASON = 2000
MAX_EVIDENCE = CheckDismissal._meta.get_field("evidence").max_length


def _article(request, page_id: int, action: Action = Action.VIEW_REVIEW) -> ArticlePage:
    page = get_object_or_404(ArticlePage, pk=page_id)
    require(request.user, action, page)
    return page


def _back(page: ArticlePage, position: int | None = None) -> HttpResponseRedirect:
    url = reverse("articles_review:review", args=(page.pk,))
    return HttpResponseRedirect(f"{url}#section-{position}" if position else url)


@require_GET
def review(request, page_id: int):
    page = _article(request, page_id)
    result = build_review(page, problems_only=request.GET.get("problems") == "1")
    return TemplateResponse(
        request,
        "articles/admin/review.html",
        {
            "page": page,
            "review": result,
            "labels": {key: str(label) for key, label in ROW_LABELS.items()},
            "abridgment_url": abridgment_review_url(page),
            "coverage_url": _coverage_url(request.user, page),
            "reason_max": MAX_REASON,
        },
    )


def _coverage_url(user, page: ArticlePage) -> str:
    """The re-check coverage screen, for the roles the permission table lets use it."""
    if allows(user, Action.RECHECK_COVERAGE, page):
        return reverse("articles_coverage", args=(page.pk,))
    return ""


@require_GET
def revisions(request, page_id: int):
    page = _article(request, page_id)
    available = list(page.revisions.order_by("-created_at", "-pk").select_related("user")[:100])
    to_id = _int(request.GET.get("to")) or page.latest_revision_id
    from_id = _int(request.GET.get("from"))
    if from_id is None and to_id is not None:
        # By default: what changed since the live version, or else since the revision before.
        earlier = [r.pk for r in available if r.pk < to_id]
        live = page.live_revision_id
        from_id = live if live and live != to_id else (earlier[0] if earlier else None)
    chosen = {r.pk: r for r in page.revisions.filter(pk__in={from_id, to_id} - {None})}
    requested = {_int(request.GET.get(name)) for name in ("from", "to")} - {None}
    if requested - set(chosen):
        raise Http404(_("No such revision of this article."))
    old, new = chosen.get(from_id), chosen.get(to_id)
    changes = compare_revisions(page, old, new) if old and new else []
    return TemplateResponse(
        request,
        "articles/admin/review_revisions.html",
        {
            "page": page,
            "available": available,
            "old": old,
            "new": new,
            "changes": changes,
            "changed": [c for c in changes if c.kind != "unchanged"],
            "unchanged_count": sum(c.kind == "unchanged" for c in changes),
        },
    )


@require_POST
def recheck(request, page_id: int, section_key: uuid.UUID):
    page = _article(request, page_id, Action.RECHECK_SOURCE)
    section = _section_under_review(page, section_key)
    confirm_source(page, section, request.user)
    messages.success(request, _("Section %(n)s marked as re-checked.") % {"n": section.position})
    return _back(page, section.position)


@require_POST
def dismiss(request, page_id: int, section_key: uuid.UUID):
    page = _article(request, page_id, Action.DISMISS_FINDING)
    section = _section_under_review(page, section_key)
    code = request.POST.get("code", "")
    evidence = request.POST.get("evidence", "")
    reason = request.POST.get("reason", "").strip()
    if code not in KNOWN_CODES or len(evidence) > MAX_EVIDENCE:
        messages.error(request, _("Unknown check; nothing was dismissed."))
    elif not reason or len(reason) > MAX_REASON:
        messages.error(request, _("Give a reason (up to 2000 characters) to dismiss a finding."))
    else:
        CheckDismissal.objects.update_or_create(
            page=page,
            section_key=section.key,
            code=code,
            evidence=evidence,
            defaults={"reason": reason, "dismissed_by": request.user},
        )
        _log_finding(request, page, section, FINDING_DISMISSED_ACTION, code, evidence, reason)
        label = CHECK_LABELS.get(code, code)
        messages.success(
            request,
            _("Dismissed: %(check)s. Undo it under the section's dismissed findings.")
            % {"check": label},
        )
    return _back(page, section.position)


@require_POST
def undismiss(request, page_id: int, section_key: uuid.UUID):
    """Undo a dismissal: the finding shows (and counts at submission) again."""
    page = _article(request, page_id, Action.DISMISS_FINDING)
    section = _section_under_review(page, section_key)
    code = request.POST.get("code", "")
    evidence = request.POST.get("evidence", "")
    dismissals = CheckDismissal.objects.filter(
        page=page, section_key=section.key, code=code, evidence=evidence
    )
    reason = dismissals.values_list("reason", flat=True).first()
    if reason is None:
        messages.error(request, _("That finding is not dismissed; nothing was changed."))
        return _back(page, section.position)
    dismissals.delete()
    _log_finding(request, page, section, FINDING_RESTORED_ACTION, code, evidence, reason)
    messages.success(
        request, _("Shown again: %(check)s.") % {"check": CHECK_LABELS.get(code, code)}
    )
    return _back(page, section.position)


def _log_finding(request, page, section, action: str, code: str, evidence: str, reason: str):
    heading = section.heading_zh_hans or section.heading_en or ""
    log(
        instance=page,
        action=action,
        user=request.user,
        data={
            "section_key": str(section.key),
            "section": f"§{section.position} {heading}".strip(),
            "code": code,
            "evidence": evidence,
            "reason": reason,
        },
    )


def _section_under_review(page: ArticlePage, key: uuid.UUID):
    section = section_versions.find(section_versions.latest(page), key)
    if section is None:
        raise Http404(_("That section is not in the version under review."))
    return section


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
