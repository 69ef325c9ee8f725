"""Admin screen for attaching the English original to an existing article
(``/admin/articles/<page id>/attach-original/``).

Step 1, a form: paste or upload the English. Step 2, a preview of
``articles.importing.adapter.attach.plan_attach``: every section with its Chinese (unchanged),
the English proposed for it, a proposed status and the English paragraphs left without a
counterpart; English sections with no Chinese appear as new omitted sections. The preview
carries the English text and the revision it was made from. Step 3, "Accept": the text is
parsed again, and ``accept_attach`` saves one new revision unless the article changed since
the preview. Editors only (``Action.ATTACH_ORIGINAL``); the button sits in the article's
header and "More" menu. ``articles/wagtail_hooks.py`` registers ``urlpatterns`` and
``attach_button``.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from articles.editorial.article_buttons import article_menu_button
from articles.editorial.permissions import Action, require, require_role
from articles.editorial.section_rules import SectionStatus
from articles.editorial.stale_writes import StaleWrite
from articles.importing.adapter import STATUSES, Source
from articles.importing.adapter.attach import accept_attach, plan_attach
from articles.importing.adapter.machine_notes import is_machine_note
from articles.importing.engine import DEFAULT_LIMITS, FORMATS, ImportInputError, decode
from articles.importing.screen import FORMAT_CHOICES, LIMIT_MB
from articles.models import ArticlePage


class AttachForm(forms.Form):
    original_text = forms.CharField(
        label=gettext_lazy("English original: paste"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "lang": "en"}),
    )
    original_file = forms.FileField(label=gettext_lazy("…or upload a file"), required=False)
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=FORMAT_CHOICES, required=False)


def _article(request, page_id: int) -> ArticlePage:
    require_role(request.user, Action.ATTACH_ORIGINAL)
    page = ArticlePage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404(_("There is no such article."))
    require(request.user, Action.ATTACH_ORIGINAL, page)
    return page


@require_http_methods(["GET", "POST"])
def attach_view(request, page_id: int):
    """GET: the form. POST ``action=preview``: the proposal. POST ``action=accept``: save."""
    page = _article(request, page_id)
    if request.method == "GET":
        return _form_page(request, page, AttachForm())
    if request.POST.get("action") == "accept":
        return _accept(request, page)
    return _preview(request, page)


def _form_page(request, page, form, error: str = "", status: int = 200):
    context = {
        "page": page,
        "form": form,
        "error": error,
        "limit_mb": LIMIT_MB,
        "action_url": reverse("articles_attach_original", args=(page.pk,)),
    }
    return TemplateResponse(request, "articles/admin/attach_original.html", context, status=status)


def _preview(request, page):
    form = AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, page, form, _("Check the form."), status=400)
    data = form.cleaned_data
    fmt = data["format"] or None
    try:
        text, filename = _english(data)
        # The revision the proposal is made from: accepting is refused once it is not the
        # latest. Read before planning, so a save during planning is caught too.
        page.refresh_from_db()
        revision = page.latest_revision
        plan = plan_attach(page, Source(text, filename=filename, format=fmt))
    except ImportInputError as error:
        return _form_page(request, page, form, error.message, status=400)
    loaded = {
        "id": revision.pk if revision else "",
        "created_at": revision.created_at.isoformat() if revision else "",
    }
    return _preview_page(request, page, plan, text, filename, fmt, loaded)


def _english(data) -> tuple[str, str]:
    upload = data.get("original_file")
    if upload:
        try:
            DEFAULT_LIMITS.check_size(upload.size)
            return decode(upload.read(), limits=DEFAULT_LIMITS), upload.name
        except ImportInputError as error:
            raise ImportInputError(_("English original: %s") % error.message) from error
    text = data.get("original_text") or ""
    if not text.strip():
        raise ImportInputError(_("Paste the English original or upload it."))
    return text, ""


def _preview_page(request, page, plan, text, filename, fmt, loaded, error="", choices=None):
    choices = choices or {}
    rows = [
        {
            "index": index,
            "number": index + 1,
            "section": section,
            "status": choices.get("statuses", {}).get(index, section.status),
            "note": choices.get("notes", {}).get(index, _readers_note(section.note)),
            # The aligner's own words, shown to the editor beside the readers' note.
            "machine_note": section.machine_note,
        }
        for index, section in enumerate(plan.sections)
    ]
    context = {
        "page": page,
        "plan": plan,
        "rows": rows,
        "statuses": SectionStatus.choices,
        "text": text,
        "filename": filename,
        "format": fmt or "",
        "loaded": loaded,
        "error": error,
        "action_url": reverse("articles_attach_original", args=(page.pk,)),
    }
    status = 400 if error else 200
    return TemplateResponse(
        request, "articles/admin/attach_original_preview.html", context, status=status
    )


def _accept(request, page):
    post = request.POST
    fmt = post.get("format") or None
    if fmt is not None and fmt not in FORMATS:
        return _form_page(request, page, AttachForm(), _("Unknown format."), status=400)
    text = post.get("original_text", "")
    filename = post.get("original_filename", "")[:200]
    loaded = {
        "id": post.get("loaded_revision_id", ""),
        "created_at": post.get("loaded_revision_created_at", ""),
    }
    try:
        if not text.strip():
            raise ImportInputError(_("Paste the English original or upload it."))
        plan = plan_attach(page, Source(text, filename=filename, format=fmt))
    except ImportInputError as error:
        return _form_page(request, page, AttachForm(), error.message, status=400)
    statuses, notes = {}, {}
    for index in range(len(plan.sections)):
        status = post.get(f"status-{index}")
        if status is not None:
            if status not in STATUSES:
                return _preview_page(
                    request, page, plan, text, filename, fmt, loaded, _("Unknown section status.")
                )
            statuses[index] = status
        note = post.get(f"note-{index}")
        if note is not None:
            notes[index] = note
    try:
        accept_attach(
            page,
            plan,
            user=request.user,
            loaded_revision_id=loaded["id"],
            loaded_created_at=loaded["created_at"] or None,
            statuses=statuses,
            notes=notes,
        )
    except StaleWrite as stale:
        return _form_page(request, page, AttachForm(), str(stale), status=409)
    except ImportInputError as error:
        choices = {"statuses": statuses, "notes": notes}
        return _preview_page(
            request, page, plan, text, filename, fmt, loaded, error.message, choices
        )
    messages.success(
        request,
        _("The English original is attached to “%(title)s” as a new draft revision.")
        % {"title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


urlpatterns = [
    path(
        "articles/<int:page_id>/attach-original/",
        attach_view,
        name="articles_attach_original",
    )
]


attach_button = article_menu_button(
    gettext_lazy("Attach original"),
    "articles_attach_original",
    Action.ATTACH_ORIGINAL,
    "doc-full",
    56,
)


def _readers_note(note: str) -> str:
    return "" if is_machine_note(note) else note
