"""The article editor refuses a save made from a stale form, and shows what changed.

Wagtail's edit form carries the revision it was loaded from (``loaded_revision_id`` and
``loaded_revision_created_at``, or ``overwrite_revision_id`` once autosave has saved); Wagtail
itself only warns in the browser. ``ArticleEditView`` — Wagtail's edit view, registered for
``ArticlePage`` through a page viewset — locks the page row for the whole request and, when
the form's revision is no longer the latest, answers every action (save, publish, submit,
workflow actions) with the conflict screen (409) instead: what changed since the form was
loaded, field by field and section by section, beside the editor's own changes. From there
the editor keeps theirs, takes the other version, or merges section by
section (``articles.editorial.conflicts``); the result is a new revision on top, so both
stay in the history.

The editor's submitted data survives the screen as hidden fields posted back to the edit
view, rather than in the session or a stored record: nothing expires or is lost between
workers, nothing needs cleaning up, and the data goes through the same form validation and
permission checks as any save (whatever someone edits in the hidden fields they could have
posted from the editor itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from articles.editorial.conflicts import (
    ChoicesMissing,
    Side,
    UnitChange,
    Value,
    Version,
    compare,
    decide,
    keep_mine,
    merged_section_order,
    section_key_of,
)
from articles.editorial.editor_workflow_states import WorkflowStatesReadOnce
from articles.editorial.stale_writes import Latest, lock_latest
from articles.models import ArticlePage, ArticleSection
from articles.review.engine.diffs import render_inline
from articles.richtext import html_to_text

#: What the editor edits in each section; the rest (AI-draft bookkeeping, source drift) is
#: kept from the latest revision whichever side wins.
SECTION_FIELDS = (
    "heading_en",
    "heading_zh_hans",
    "body_en",
    "body_zh_hans",
    "status",
    "note",
    "quote",
)
RESOLUTION = "conflict-resolution"
BASE = "conflict-base"
BASE_CREATED_AT = "conflict-base-created-at"
CHOICE = "conflict-choice-"
# Never re-posted: a resolution states the revision it was shown, and always saves a new
# revision rather than overwriting the editor's autosave.
NOT_REPOSTED = {
    "csrfmiddlewaretoken",
    "loaded_revision_id",
    "loaded_revision_created_at",
    "overwrite_revision_id",
}
# The editor's round trip adds block keys to rich text without a word changing.
_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')
_EMBED = re.compile(r"<(?:img|embed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    """Which revision the posted form says it was loaded from, and its merge base."""

    revision_id: str
    created_at: str | None
    base_id: str
    base_created_at: str | None
    resolution: str

    @classmethod
    def from_post(cls, post) -> Claim | None:
        """None when the form does not say which revision it was loaded from."""
        resolution = post.get(RESOLUTION, "")
        if overwrite := post.get("overwrite_revision_id"):
            # The editor's own autosave revision: only their session writes it.
            return cls(overwrite, None, post.get(BASE) or overwrite, None, resolution)
        if loaded := post.get("loaded_revision_id"):
            created_at = post.get("loaded_revision_created_at", "")
            return cls(
                loaded,
                created_at,
                post.get(BASE) or loaded,
                post.get(BASE_CREATED_AT, created_at) if post.get(BASE) else created_at,
                resolution,
            )
        return None


class PreparedSaveForm:
    """Mixed into the article form for conflict handling: a section without a primary key
    (added in an unpublished draft) keeps what the form does not carry — its key, its AI
    draft, its re-check record — from the version it was rendered from, as Wagtail keeps
    those fields for a section with a row; and the view can hand Wagtail's save a merged
    page."""

    prepared_page: ArticlePage | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("sections")
        if self.is_bound and formset is not None:
            rendered = list(formset.get_queryset())
            for index, form in enumerate(formset.initial_forms):
                if (
                    form.instance.pk is None
                    and index < len(rendered)
                    and rendered[index].pk is None
                ):
                    _keep_unshown_fields(form, rendered[index])

    def save_in_memory(self) -> ArticlePage:
        return super().save(commit=False)

    def save(self, commit=True):
        if self.prepared_page is None:
            return super().save(commit=commit)
        if commit:
            self.prepared_page.save()
        return self.prepared_page


def _keep_unshown_fields(form, rendered: ArticleSection) -> None:
    for field in ArticleSection._meta.concrete_fields:
        if field.primary_key or field.name in form.fields or field.name == "page":
            continue
        setattr(form.instance, field.attname, getattr(rendered, field.attname))


class ArticleEditView(WorkflowStatesReadOnce, EditView):
    conflict_template = "articles/admin/edit_conflict.html"
    claim: Claim | None = None
    latest: Latest | None = None
    stale = False
    base_page: ArticlePage | None = None
    base_created_at = ""
    base_version: Version | None = None

    def post(self, request, *args, **kwargs):
        if self.page.alias_of_id:
            return super().post(request, *args, **kwargs)
        self.form_class = type("ConflictAwareForm", (PreparedSaveForm, self.form_class), {})
        # One transaction with the page row locked: the check and the save are one step.
        with transaction.atomic():
            self.latest = lock_latest(self.page.pk)
            self.claim = Claim.from_post(request.POST)
            if self.claim is None:
                if self.latest.revision is None:
                    return super().post(request, *args, **kwargs)
                # A save that does not say which version it was made from may be made from
                # any: it meets the conflict screen, with every difference to choose.
                self.claim = Claim("", None, "", None, request.POST.get(RESOLUTION, ""))
            self.stale = not self.latest.is_loaded(self.claim.revision_id, self.claim.created_at)
            if self.stale and self.expects_json_response:
                return self.json_error_response(
                    "invalid_revision", _("Saving will overwrite a newer version.")
                )
            if self.stale or self.claim.resolution:
                self.base_page = self.base_object()
                if self.base_page is not None:
                    # Read before the form is applied to it; then bind the submitted form to
                    # the revision it was rendered from, so its rows mean what the editor saw.
                    self.base_version = version_of(self.base_page)
                    self.page = self.base_page
            return super().post(request, *args, **kwargs)

    def base_object(self) -> ArticlePage | None:
        """The revision the form was loaded from, unless it was overwritten since."""
        claim = self.claim
        try:
            base_id = int(claim.base_id)
        except (TypeError, ValueError):
            return None
        base = self.real_page_record.revisions.filter(pk=base_id).first()
        if base is None:
            return None
        if claim.base_created_at is not None and claim.base_created_at != (
            base.created_at.isoformat()
        ):
            return None
        self.base_created_at = base.created_at.isoformat()
        return base.as_object()

    def form_valid(self, form):
        if not (self.stale or (self.claim and self.claim.resolution)):
            return super().form_valid(form)
        theirs = self.latest.revision.as_object()
        mine = form.save_in_memory()
        versions = (
            self.base_version,
            version_of(mine),
            version_of(theirs),
        )
        changes = compare(*versions)
        if self.stale:
            return self.conflict_response(changes, versions)
        resolution = self.claim.resolution
        if resolution == Side.MINE:
            winners = keep_mine(changes)
        else:
            choices = {
                unit: self.request.POST.get(CHOICE + unit, "")
                for unit in (change.unit for change in changes)
            }
            try:
                winners = decide(changes, choices)
            except ChoicesMissing as missing:
                return self.conflict_response(changes, versions, missing=missing.units)
        apply_winners(mine, theirs, versions, winners)
        form.prepared_page = mine
        return super().form_valid(form)

    def form_invalid(self, form):
        if self.stale and self.claim is not None:
            # Re-rendered with the revision the editor really started from, so saving the
            # corrected form still meets the conflict screen.
            self.page.latest_revision_id = self.claim.revision_id
            self.latest_revision_created_at = self.claim.created_at or ""
            messages.warning(
                self.request,
                _(
                    "Someone else saved this article after you opened it. Correct the errors "
                    "and save: you will then see what changed and choose what to keep."
                ),
            )
        return super().form_invalid(form)

    def conflict_response(self, changes, versions, missing=()):
        base_version, mine_version, theirs_version = versions
        latest = self.latest.revision
        context = {
            "page": self.real_page_record.specific,
            "latest": latest,
            "has_base": base_version is not None,
            "rows": conflict_rows(changes, mine_version, theirs_version, base_version is not None),
            "missing": set(missing),
            "repost": [
                (name, value)
                for name, values in self.request.POST.lists()
                if name not in NOT_REPOSTED and not name.startswith("conflict-")
                for value in values
            ],
            "base_id": self.claim.base_id,
            "base_created_at": self.base_created_at,
            "latest_id": latest.pk,
            "latest_created_at": latest.created_at.isoformat(),
            "action_label": self.action_label(),
            "edit_url": self.get_edit_url(),
            "any_conflict": any(change.conflicting for change in changes),
        }
        return TemplateResponse(self.request, self.conflict_template, context, status=409)

    def action_label(self) -> str:
        return {
            "publish": _("Publish"),
            "submit": _("Submit for review"),
            "restart_workflow": _("Submit for review"),
            "perform_workflow_action": _("Workflow action"),
            "cancel_workflow": _("Cancel workflow"),
        }.get(self.action_name, _("Save draft"))


def version_of(page: ArticlePage) -> Version:
    """An article as plain values for ``articles.editorial.conflicts``."""
    fields = {name: _value(page, ArticlePage._meta.get_field(name)) for name in page_fields()}
    sections = [
        (
            str(section.key),
            {
                name: _value(section, ArticleSection._meta.get_field(name))
                for name in SECTION_FIELDS
            },
        )
        for section in page.sections.all()
    ]
    return Version(fields, sections)


def page_fields() -> list[str]:
    """The page-level fields of the article editor, as the form has them."""
    form_class = ArticlePage.get_edit_handler().get_form_class()
    names = []
    for name in form_class.base_fields:
        try:
            field = ArticlePage._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field (comment notifications): not content
            continue
        if field.concrete or field.many_to_many:
            names.append(name)
    return names


def _value(obj, field) -> Value:
    if field.many_to_many:
        related = sorted(getattr(obj, field.name).all(), key=lambda o: o.pk or 0)
        return Value(",".join(str(o.pk) for o in related), ", ".join(str(o) for o in related))
    raw = getattr(obj, field.attname)
    if field.is_relation:
        return Value(str(raw or ""), str(getattr(obj, field.name)) if raw else "")
    if raw is None:
        return Value("", "")
    if isinstance(raw, bool):
        return Value(str(raw), _("yes") if raw else _("no"))
    if field.choices:
        return Value(str(raw), str(dict(field.flatchoices).get(raw, raw)))
    if field.get_internal_type() == "TextField" and "<" in str(raw):
        text = html_to_text(str(raw))
        # An emptied editor posts an empty paragraph: the same as no text at all.
        empty = not text and not _EMBED.search(str(raw))
        return Value("" if empty else _BLOCK_KEY.sub("", str(raw)).strip(), text)
    return Value(str(raw), str(raw))


def apply_winners(mine: ArticlePage, theirs: ArticlePage, versions, winners) -> None:
    """Turn ``mine`` (the submitted form applied to its base) into the merged article: page
    fields and sections from the side that won each, the rest as in the latest revision."""
    for unit, side in winners.items():
        if side is Side.THEIRS and unit.startswith("field:"):
            _copy_field(theirs, mine, ArticlePage._meta.get_field(unit.removeprefix("field:")))
    mine_sections = {str(s.key): s for s in mine.sections.all()}
    theirs_sections = {str(s.key): s for s in theirs.sections.all()}
    merged = []
    for position, (key, side) in enumerate(merged_section_order(*versions, winners)):
        section = theirs_sections.get(key)
        if side is Side.MINE:
            if section is None:
                section = mine_sections[key]
            else:
                for name in SECTION_FIELDS:
                    _copy_field(mine_sections[key], section, ArticleSection._meta.get_field(name))
        section.sort_order = position
        merged.append(section)
    mine.sections.set(merged)


def _copy_field(source, target, field) -> None:
    if field.many_to_many:
        getattr(target, field.name).set(list(getattr(source, field.name).all()))
    else:
        setattr(target, field.attname, getattr(source, field.attname))


def conflict_rows(
    changes: list[UnitChange], mine: Version, theirs: Version, has_base: bool
) -> list[dict]:
    """What the conflict screen lists: one row per changed field or section."""
    labels = _section_labels(mine, theirs)
    rows = []
    for change in changes:
        key = section_key_of(change.unit)
        if key is None:
            name = change.unit.removeprefix("field:")
            label = str(ArticlePage._meta.get_field(name).verbose_name)
        else:
            label = labels[key]
        rows.append(
            {
                "unit": change.unit,
                "label": label,
                "is_section": key is not None,
                "change": change,
                "mine_state": _state(change, change.mine, change.mine_changed, has_base),
                "theirs_state": _state(change, change.theirs, change.theirs_changed, has_base),
                "fields": [
                    {
                        "label": _field_label(key, field.name),
                        "theirs": render_inline(field.theirs),
                        "mine": render_inline(field.mine),
                    }
                    for field in change.fields
                ],
            }
        )
    return rows


def _state(change: UnitChange, values, changed: bool, has_base: bool) -> str:
    if not changed:
        return _("unchanged")
    if values is None:
        return _("deleted")
    if has_base and change.base is None:
        return _("added")
    return _("changed")


def _field_label(section_key: str | None, name: str) -> str:
    model = ArticleSection if section_key is not None else ArticlePage
    return str(model._meta.get_field(name).verbose_name)


def _section_labels(mine: Version, theirs: Version) -> dict[str, str]:
    labels = {}
    for version in (mine, theirs):
        for position, (key, values) in enumerate(version.sections, start=1):
            heading = values["heading_zh_hans"].shown or values["heading_en"].shown
            labels[key] = _("Section %(number)s “%(heading)s”") % {
                "number": position,
                "heading": heading or _("untitled"),
            }
    return labels


class ArticlePageViewSet(PageViewSet):
    """Only the edit view differs from Wagtail's; the explorer listing stays Wagtail's."""

    model = ArticlePage
    edit_view_class = ArticleEditView

    @property
    def parent_models(self):
        return []


def article_page_viewset() -> ArticlePageViewSet:
    """The viewset ``articles/wagtail_hooks.py`` registers."""
    return ArticlePageViewSet("article_pages")
