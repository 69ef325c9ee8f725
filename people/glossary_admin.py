"""Glossary CSV in the admin: the export columns of the Term listing, and the import screen.

Export is Wagtail's own listing export ("Download CSV" on the Term listing): the
``TermViewSet`` in ``people/wagtail_hooks.py`` uses ``GlossaryIndexView``, which writes the
columns ``people.glossary_import`` reads. Import (``/admin/glossary/import/``) is three steps:
upload a CSV; a preview of which terms would be created, updated or left unchanged (nothing
is saved yet, and the decoded file travels in the form); confirm, which parses the text again,
matches existing terms by English ignoring case, and applies every row in one transaction.
Users who may both add and change terms (Editors and Translators) may import.
``people/wagtail_hooks.py`` registers ``urlpatterns``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import IndexView

from cms.spreadsheets import SafeCsvExportMixin
from cms.text_files import normalise_text
from people.glossary_import import (
    CASE_SENSITIVE,
    CHINESE,
    COLUMNS,
    ENGLISH,
    FIELDS,
    FORBIDDEN,
    FORBIDDEN_SEPARATOR,
    MAX_BYTES,
    NOTES,
    GlossaryImportError,
    GlossaryRow,
    check_size,
    decode_glossary,
    parse_glossary_text,
)
from people.models import Term

URL_NAME = "people_glossary_import"
LISTING_URL_NAME = "wagtailsnippets_people_term:list"
#: For ``TermViewSet``: the exported fields and their headings are the import's columns.
EXPORT_FIELDS = [FIELDS[column] for column in COLUMNS]
EXPORT_HEADINGS = {FIELDS[column]: column for column in COLUMNS}
REQUIRED_PERMISSIONS = ("people.add_term", "people.change_term")


def can_import_glossary(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perms(REQUIRED_PERMISSIONS)


def _forbidden_cell(value: str) -> str:
    return FORBIDDEN_SEPARATOR.join(line.strip() for line in value.splitlines() if line.strip())


def _boolean_cell(value: bool) -> str:
    return "true" if value else "false"


class GlossaryIndexView(SafeCsvExportMixin, IndexView):
    """The Term listing: export in the import's format, and an "Import CSV" button."""

    custom_field_preprocess = {
        "forbidden": {"csv": _forbidden_cell, "xlsx": _forbidden_cell},
        "case_sensitive": {"csv": _boolean_cell, "xlsx": _boolean_cell},
    }

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_import_glossary(self.request.user):
            buttons.append(
                HeaderButton(gettext_lazy("Import CSV"), url=reverse(URL_NAME), icon_name="upload")
            )
        return buttons


# -- Planning and applying -------------------------------------------------------------------

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
_LABELS = {
    ENGLISH: gettext_lazy("English"),
    CHINESE: gettext_lazy("Chinese"),
    NOTES: gettext_lazy("Notes"),
    CASE_SENSITIVE: gettext_lazy("Case sensitive"),
    FORBIDDEN: gettext_lazy("Forbidden renderings"),
}


@dataclass
class Change:
    column: str
    old: object
    new: object

    @property
    def label(self) -> str:
        return str(_LABELS[self.column])

    @property
    def old_display(self) -> str:
        return display(self.old)

    @property
    def new_display(self) -> str:
        return display(self.new)


def display(value) -> str:
    """A value as the preview shows it: plain text, which the template escapes."""
    if value is None:
        return _("(kept as it is)")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, tuple):
        value = f" {FORBIDDEN_SEPARATOR} ".join(value)
    return value or "—"


@dataclass
class PlannedTerm:
    row: GlossaryRow
    term: Term | None
    changes: list[Change] = field(default_factory=list)

    @property
    def display(self) -> dict[str, str]:
        row, new = self.row, self.term is None
        # A new term gets the field's default where the file has no column for it.
        return {
            NOTES: display("" if new and row.notes is None else row.notes),
            CASE_SENSITIVE: display(
                False if new and row.case_sensitive is None else row.case_sensitive
            ),
            FORBIDDEN: display(() if new and row.forbidden is None else row.forbidden),
        }

    @property
    def action(self) -> str:
        if self.term is None:
            return CREATE
        return UPDATE if self.changes else UNCHANGED


@dataclass
class GlossaryPlan:
    items: list[PlannedTerm]

    def of(self, action: str) -> list[PlannedTerm]:
        return [item for item in self.items if item.action == action]

    @property
    def counts(self) -> dict[str, int]:
        return {action: len(self.of(action)) for action in (CREATE, UPDATE, UNCHANGED)}


def _clean(text: str | None) -> str:
    return normalise_text(text or "").strip()


def _current(term: Term) -> dict[str, object]:
    """A term's values in the file's terms, so that an unchanged export compares equal."""
    return {
        ENGLISH: _clean(term.term_en),
        CHINESE: _clean(term.term_zh_hans),
        NOTES: _clean(term.notes),
        CASE_SENSITIVE: term.case_sensitive,
        FORBIDDEN: tuple(dict.fromkeys(_clean(line) for line in term.forbidden_list)),
    }


def _wanted(row: GlossaryRow) -> dict[str, object]:
    values = {
        ENGLISH: row.english,
        CHINESE: row.chinese,
        NOTES: row.notes,
        CASE_SENSITIVE: row.case_sensitive,
        FORBIDDEN: row.forbidden,
    }
    # An absent column leaves the field alone.
    return {column: value for column, value in values.items() if value is not None}


def plan_glossary(rows: list[GlossaryRow]) -> GlossaryPlan:
    """Match rows to existing terms by English, ignoring case; one query."""
    existing: dict[str, list[Term]] = {}
    for term in Term.objects.all():
        existing.setdefault((term.term_en or "").casefold(), []).append(term)
    items, errors = [], []
    for row in rows:
        matches = existing.get(row.key, [])
        if len(matches) > 1:
            spellings = " and ".join(f"“{term.term_en}”" for term in matches)
            errors.append(
                f"Row {row.row}: the glossary already has {spellings}, which differ only in "
                "case; merge them in the admin first."
            )
            continue
        term = matches[0] if matches else None
        changes = []
        if term is not None:
            current = _current(term)
            changes = [
                Change(column, current[column], value)
                for column, value in _wanted(row).items()
                if current[column] != value
            ]
        items.append(PlannedTerm(row, term, changes))
    if errors:
        raise GlossaryImportError(errors)
    return GlossaryPlan(items)


def _assign(term: Term, column: str, value) -> None:
    if column == FORBIDDEN:
        value = "\n".join(value)
    setattr(term, FIELDS[column], value)


def apply_glossary(rows: list[GlossaryRow], user) -> dict[str, int]:
    """Plan against the glossary as it is now and apply it, all or nothing."""
    with transaction.atomic():
        plan = plan_glossary(rows)
        for item in plan.items:
            if item.action == CREATE:
                term = Term(case_sensitive=False, notes="", forbidden="")
                for column, value in _wanted(item.row).items():
                    _assign(term, column, value)
                term.save()
                log(term, "wagtail.create", user=user)
            elif item.action == UPDATE:
                for change in item.changes:
                    _assign(item.term, change.column, change.new)
                item.term.save()
                log(item.term, "wagtail.edit", user=user)
    return plan.counts


# -- The screen ------------------------------------------------------------------------------


class GlossaryUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )


@require_http_methods(["GET", "POST"])
def glossary_import_view(request):
    """GET: the upload form. POST: ``action=preview`` shows the plan, ``action=confirm`` applies."""
    # Refused as every admin screen refuses (articles.editorial.permissions, IMPORT_GLOSSARY:
    # this app may not import articles, so the rule's permissions are named here too).
    if not can_import_glossary(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return _form_page(request, GlossaryUploadForm())
    if request.POST.get("action") == "confirm":
        return _confirm(request)
    return _preview(request)


def _form_page(request, form, errors=(), status: int = 200):
    context = {
        "form": form,
        "errors": list(errors),
        "columns": COLUMNS,
        "limit_mb": MAX_BYTES // (1024 * 1024),
        "action_url": reverse(URL_NAME),
        "listing_url": reverse(LISTING_URL_NAME),
    }
    return TemplateResponse(request, "people/admin/glossary_import.html", context, status=status)


def _preview(request):
    form = GlossaryUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form, [_("Choose a CSV file to import.")], status=400)
    upload = form.cleaned_data["file"]
    try:
        check_size(upload.size)  # before reading: the size is known from the upload
        text = decode_glossary(upload.read())
        plan = plan_glossary(parse_glossary_text(text))
    except GlossaryImportError as error:
        return _form_page(request, GlossaryUploadForm(), error.errors, status=400)
    context = {
        "plan": plan,
        "created": plan.of(CREATE),
        "updated": plan.of(UPDATE),
        "unchanged": plan.of(UNCHANGED),
        "counts": plan.counts,
        "text": text,
        "filename": upload.name[:200],
        "action_url": reverse(URL_NAME),
        "listing_url": reverse(LISTING_URL_NAME),
    }
    return TemplateResponse(request, "people/admin/glossary_import_preview.html", context)


def _confirm(request):
    text = request.POST.get("glossary_text", "")
    try:
        counts = apply_glossary(parse_glossary_text(text), request.user)
    except GlossaryImportError as error:
        return _form_page(request, GlossaryUploadForm(), error.errors, status=400)
    except IntegrityError:
        message = _("The glossary changed while importing; nothing was saved. Try again.")
        return _form_page(request, GlossaryUploadForm(), [message], status=400)
    messages.success(
        request,
        _("Glossary imported: %(create)d new, %(update)d updated, %(unchanged)d unchanged.")
        % counts,
    )
    return redirect(LISTING_URL_NAME)


urlpatterns = [path("glossary/import/", glossary_import_view, name=URL_NAME)]
