"""Admin screen for paste-and-align import (``/admin/articles/import/?parent=<index id>``).

Step 1, a form: paste, upload or give the address of the English original and/or the Chinese
translation (an address is fetched once, by ``articles.importing.adapter.fetch``). Step 2,
a preview of ``articles.importing.adapter.plan_import``: every proposed section side by side
with its status, evidence and confidence, editable status and note, people, name candidates and
quotations. Step 3, "Create draft": the texts carried by the preview are parsed again (the
form's hidden fields are trusted for text only), the editor's choices are checked against the
new plan, and ``create_article`` makes the draft in one transaction. Only editors (and
superusers) may import. An "Import article" button sits in the header and "more" menu of
article index pages. ``articles/wagtail_hooks.py`` registers ``urlpatterns`` and
``import_button``.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin.ui.menus.pages import PageMenuItem

from articles.editorial.permissions import Action, allows, require, require_role
from articles.editorial.section_rules import SectionStatus
from articles.importing.adapter import (
    STATUSES,
    ImportPlan,
    Source,
    create_article,
    existing_article,
    plan_import,
)
from articles.importing.adapter.fetch import FetchedPage, fetch_page
from articles.importing.engine import DEFAULT_LIMITS, FORMATS, ImportInputError, decode
from articles.models import ArticleIndexPage
from people.models import Person

LIMIT_MB = DEFAULT_LIMITS.max_bytes // (1024 * 1024)
FORMAT_CHOICES = [
    ("", gettext_lazy("Detect automatically")),
    ("html", gettext_lazy("HTML (a saved web page)")),
    ("markdown", gettext_lazy("Markdown")),
    ("text", gettext_lazy("Plain text (paragraphs separated by a blank line)")),
]
SIDES = ("original", "translation")


class ImportForm(forms.Form):
    original_text = forms.CharField(
        label=gettext_lazy("English original: paste"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "lang": "en"}),
    )
    original_file = forms.FileField(label=gettext_lazy("…or upload a file"), required=False)
    original_fetch_url = forms.CharField(
        label=gettext_lazy("…or fetch it from its address"),
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "https://", "inputmode": "url"}),
    )
    translation_text = forms.CharField(
        label=gettext_lazy("Chinese translation: paste"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "lang": "zh-Hans"}),
    )
    translation_file = forms.FileField(label=gettext_lazy("…or upload a file"), required=False)
    translation_fetch_url = forms.CharField(
        label=gettext_lazy("…or fetch it from its address"),
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "https://", "inputmode": "url"}),
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=FORMAT_CHOICES, required=False)

    def clean(self):
        data = super().clean()
        for side in SIDES:
            given = data.get(f"{side}_text", "").strip() or data.get(f"{side}_file")
            if data.get(f"{side}_fetch_url") and given:
                self.add_error(
                    f"{side}_fetch_url",
                    _("Paste the text, upload a file or give an address, not more than one."),
                )
        return data

    def fetch(self) -> dict[str, FetchedPage]:
        """The pages the form gives addresses for; a refusal becomes the field's error."""
        pages = {}
        for side in SIDES:
            url = self.cleaned_data.get(f"{side}_fetch_url")
            if url:
                try:
                    pages[side] = fetch_page(url)
                except ImportInputError as error:
                    self.add_error(f"{side}_fetch_url", error.message)
        return pages


def _parent(request) -> ArticleIndexPage:
    raw = request.POST.get("parent") if request.method == "POST" else request.GET.get("parent")
    if raw:
        try:
            parent = ArticleIndexPage.objects.filter(pk=int(raw)).first()
        except (TypeError, ValueError):
            parent = None
    else:
        # The first index the user may import into: with desks, the first index of the
        # tree may be another desk's.
        indexes = list(ArticleIndexPage.objects.order_by("path"))
        parent = next(
            (index for index in indexes if allows(request.user, Action.IMPORT, index)), None
        )
        if parent is None and indexes:
            raise PermissionDenied
    if parent is None:
        raise Http404(_("There is no such article index."))
    return parent


@require_http_methods(["GET", "POST"])
def import_view(request):
    """GET: the form. POST ``action=preview``: the proposal. POST ``action=create``: the draft."""
    require_role(request.user, Action.IMPORT)
    parent = _parent(request)
    require(request.user, Action.IMPORT, parent)
    if request.method == "GET":
        return _form_page(request, parent, ImportForm())
    if request.POST.get("action") == "create":
        return _create(request, parent)
    return _preview(request, parent)


def _form_page(request, parent, form, error: str = "", status: int = 200):
    context = {
        "form": form,
        "parent": parent,
        "error": error,
        "limit_mb": LIMIT_MB,
        "action_url": reverse("articles_import"),
    }
    return TemplateResponse(request, "articles/admin/import.html", context, status=status)


def _preview(request, parent):
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, parent, form, _("Check the form."), status=400)
    data = form.cleaned_data
    fmt = data["format"] or None
    fetched = form.fetch()
    if form.errors:
        return _form_page(request, parent, form, _("Check the form."), status=400)
    try:
        texts = {
            side: (fetched[side].text, fetched[side].filename)
            if side in fetched
            else _side_text(data, side)
            for side in SIDES
        }
        plan = _plan(texts, fmt)
    except ImportInputError as error:
        return _form_page(request, parent, form, error.message, status=400)
    # A fetched original's address is the original's address, unless the page names one.
    choices = {}
    if "original" in fetched and not plan.metadata.original_url:
        choices["original_url"] = fetched["original"].url
    return _preview_page(request, parent, plan, texts, fmt, choices=choices)


def _side_text(data, side: str) -> tuple[str, str] | None:
    """(text, filename) for one side: the upload decoded, else the pasted text, else None."""
    upload = data.get(f"{side}_file")
    if upload:
        try:
            # Refuse before reading: the size is known from the upload.
            DEFAULT_LIMITS.check_size(upload.size)
            return decode(upload.read(), limits=DEFAULT_LIMITS), upload.name
        except ImportInputError as error:
            label = _("English original") if side == "original" else _("Chinese translation")
            raise ImportInputError(
                _("%(side)s: %(problem)s") % {"side": label, "problem": error.message}
            ) from error
    text = data.get(f"{side}_text") or ""
    return (text, "") if text.strip() else None


def _plan(texts, fmt) -> ImportPlan:
    sources = {
        side: Source(value[0], filename=value[1], format=fmt) if value else None
        for side, value in texts.items()
    }
    return plan_import(sources["original"], sources["translation"])


def _preview_page(request, parent, plan, texts, fmt, error: str = "", choices=None):
    choices = choices or {}
    people = {p.pk: p for p in Person.objects.filter(pk__in=plan.people)}
    speakers = {q.speaker_id for q in plan.quotes if q.speaker_id}
    speakers = {p.pk: p for p in Person.objects.filter(pk__in=speakers)}
    rows = []
    for index, section in enumerate(plan.sections):
        status = choices.get("statuses", {}).get(index, section.status)
        # The aligner's evidence is shown beside the field, never offered as readers' note.
        default_note = ""
        rows.append(
            {
                "index": index,
                "number": index + 1,
                "section": section,
                "status": status,
                "note": choices.get("notes", {}).get(index, default_note),
                "paragraphs_en": [
                    {
                        "paragraph": paragraph,
                        "segments": cut_segments(
                            paragraph.text, section.cut_sentences.get(paragraph.index, [])
                        ),
                    }
                    for paragraph in section.paragraphs_en
                ],
            }
        )
    original_url = plan.metadata.original_url
    context = {
        "parent": parent,
        "plan": plan,
        "rows": rows,
        "statuses": SectionStatus.choices,
        "people": [people[pk] for pk in plan.people if pk in people],
        "quotes": [
            {"index": n, "offer": q, "speaker": speakers.get(q.speaker_id)}
            for n, q in enumerate(plan.quotes)
        ],
        "chosen_quotes": choices.get("quotes", set()),
        "texts": {side: value or ("", "") for side, value in texts.items()},
        "format": fmt or "",
        "error": error,
        "title": choices.get("title", plan.title_zh or plan.title_en),
        "original_url": choices.get("original_url", original_url),
        "original_title": choices.get("original_title", plan.title_en),
        "duplicate": existing_article(parent, original_url),
        "action_url": reverse("articles_import"),
    }
    status = 400 if error else 200
    return TemplateResponse(request, "articles/admin/import_preview.html", context, status=status)


def cut_segments(text: str, cut: list[str]) -> list[tuple[str, bool]]:
    """``text`` in pieces, each with whether it is a sentence that has no Chinese counterpart
    (the template marks those)."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for sentence in cut:
        start = text.find(sentence, position)
        if start < 0:
            continue
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((sentence, True))
        position = start + len(sentence)
    if position < len(text) or not pieces:
        pieces.append((text[position:], False))
    return pieces


def _create(request, parent):
    post = request.POST
    fmt = post.get("format") or None
    if fmt is not None and fmt not in FORMATS:
        return _form_page(request, parent, ImportForm(), _("Unknown format."), status=400)
    texts = {}
    for side in SIDES:
        text = post.get(f"{side}_text", "")
        texts[side] = (text, post.get(f"{side}_filename", "")[:200]) if text.strip() else None
    try:
        plan = _plan(texts, fmt)
    except ImportInputError as error:
        return _form_page(request, parent, ImportForm(), error.message, status=400)

    statuses, notes = {}, {}
    for index in range(len(plan.sections)):
        status = post.get(f"status-{index}")
        if status is not None:
            if status not in STATUSES:
                return _preview_page(
                    request, parent, plan, texts, fmt, _("Unknown section status.")
                )
            statuses[index] = status
        note = post.get(f"note-{index}")
        if note is not None:
            notes[index] = note.strip()
    quotes = set()
    for raw in post.getlist("quote"):
        if not raw.isdigit() or int(raw) >= len(plan.quotes):
            return _preview_page(request, parent, plan, texts, fmt, _("Unknown quotation."))
        quotes.add(int(raw))
    overrides = {
        "notes": notes,
        "quotes": sorted(quotes),
        "title": post.get("title", "").strip(),
        "original_url": post.get("original_url", "").strip(),
        "original_title": post.get("original_title", "").strip(),
    }
    try:
        page = create_article(plan, parent, request.user, statuses, overrides)
    except ImportInputError as error:
        choices = {**overrides, "statuses": statuses, "quotes": quotes}
        return _preview_page(request, parent, plan, texts, fmt, error.message, choices)
    messages.success(
        request,
        _("Draft “%(title)s” created from the import. Check it, then submit it for review.")
        % {"title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


urlpatterns = [path("articles/import/", import_view, name="articles_import")]


def import_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, ArticleIndexPage) and allows(user, Action.IMPORT, page):
        yield PageMenuItem(
            _("Import article"),
            url=reverse("articles_import") + f"?parent={page.pk}",
            icon_name="download",
            priority=55,
            page=page,
        )
