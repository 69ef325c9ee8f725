"""Which copy of an article's sections counts: the one place that reads and writes them.

A section exists in three copies. The *live* rows are what readers see. The *latest
revision* is what editors, translators and reviewers work on: it may hold sections that were
added in a draft and have no row (and no primary key) yet. *Revision N* is history, for
diffs and conflicts. Every screen, task and report reads sections through this module, and
every writer that is not the page editor writes through it, so that a section is followed by
its stable ``key`` wherever it lives and a new section field needs no converter anywhere.

Sections come back as ``ArticleSection`` objects numbered from 1 (``position``); those read
from a revision are not saved rows: change them only through ``update_latest``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from modelcluster.models import model_from_serializable_data
from wagtail.models import Revision

from articles.editorial.section_rules import numbered

# A module reference, not the class: the section model's editor panels import the workflow
# models, which read sections through this module, so ``sections`` may still be loading here.
from articles.models import sections as section_rows
from articles.models.pages import ArticlePage

if TYPE_CHECKING:
    from articles.models.sections import ArticleSection

logger = logging.getLogger(__name__)


def live(page: ArticlePage) -> list[ArticleSection]:
    """The live rows, in order: what readers see."""
    rows = section_rows.ArticleSection.objects.filter(page=page)
    return _of_page(page, rows.order_by("sort_order", "pk"))


def latest(page: ArticlePage) -> list[ArticleSection]:
    """The sections as in the latest revision, in order, including those added in a draft
    (their ``pk`` is None). A page never saved as a revision has only its rows."""
    revision = page.latest_revision
    return live(page) if revision is None else in_revision(page, revision)


def in_revision(page: ArticlePage, revision: Revision) -> list[ArticleSection]:
    """The sections as saved in ``revision`` of ``page``, in order."""
    return _of_page(page, _from_content(revision.content))


def in_revision_contents(contents: Iterable[dict]) -> list[list[ArticleSection]]:
    """The sections of each of several revisions' contents, for reports that read many
    articles' revisions in one query and need no page object; the references they hold are
    checked once for all of them."""
    return [numbered(sections) for sections in _from_contents(list(contents))]


def by_key(sections: Iterable[ArticleSection]) -> dict[uuid.UUID, ArticleSection]:
    return {section.key: section for section in sections}


def find(sections: Iterable[ArticleSection], key: uuid.UUID | str) -> ArticleSection | None:
    """The section with this stable key, or None (a malformed key finds nothing)."""
    wanted = as_key(key)
    return next((section for section in sections if section.key == wanted), None)


def as_key(value: uuid.UUID | str | None) -> uuid.UUID | None:
    """A section key from a form, URL or task argument; None when it is not one."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def update_latest(
    page_id: int,
    key: uuid.UUID,
    change: Callable[[ArticleSection], None],
    *,
    user,
    overwrite_own: int | None = None,
) -> Revision | None:
    """Apply ``change`` to one section as in the latest revision and save the result as a
    new revision, attributed to ``user``.

    The page row is locked for the read and the save, so a concurrent save cannot slip in
    between. ``overwrite_own`` is a revision this same writer saved earlier (a drafting run
    writing one section after another): while it is still the latest and ``user``'s, it is
    overwritten instead of piling up revisions. Returns the revision saved, or None when the
    latest revision has no section with this key (it was removed meanwhile).
    """
    with transaction.atomic():
        page = ArticlePage.objects.select_for_update().get(pk=page_id)
        draft = page.get_latest_revision_as_object()
        # The in-memory list is what save_revision serialises; on a page without unpublished
        # changes ``draft`` is the page itself and ``.all()`` would re-read the rows.
        target = find(draft.sections.get_object_list(), key)
        if target is None:
            return None
        change(target)
        latest_revision = page.get_latest_revision()
        user_id = user.pk if user is not None else None
        overwrite = (
            latest_revision
            if latest_revision is not None
            and latest_revision.pk == overwrite_own
            and latest_revision.user_id == user_id
            else None
        )
        return _save_revision(draft, user, overwrite)


def patch_saved(page: ArticlePage, key: uuid.UUID, values: Mapping[str, object]) -> int:
    """Write ``values`` into one section of the page's live row and its latest and live
    revisions, without a new revision: for records *about* the section (a re-check of its
    source) that must survive the next publish, which rewrites rows from the revision.
    Returns how many revisions held the section."""
    with transaction.atomic():
        section_rows.ArticleSection.objects.filter(page=page, key=key).update(**values)
        revision_ids = {page.latest_revision_id, page.live_revision_id} - {None}
        patched = 0
        for revision in Revision.objects.filter(pk__in=revision_ids).select_for_update():
            entry = _entry(revision.content, key)
            if entry is None:
                continue
            # Related objects are stored by primary key; the content field's encoder writes
            # dates as ISO 8601, as Wagtail's own serialiser does.
            entry.update({name: getattr(v, "pk", v) for name, v in values.items()})
            revision.save(update_fields=["content"])
            patched += 1
        return patched


def _from_content(content: dict) -> list[ArticleSection]:
    return _from_contents([content])[0]


def _from_contents(contents: list[dict]) -> list[list[ArticleSection]]:
    """The sections stored in revisions' contents, each list in order.

    Read without the page around them, and without modelcluster's check of every foreign
    key of every section (a query each, so a long article would cost hundreds): references
    to what was deleted since are cleared here with one query per kind of reference.
    """
    model = section_rows.ArticleSection
    lists = [
        [
            model_from_serializable_data(model, entry, check_fks=False)
            for entry in (content or {}).get("sections") or []
        ]
        for content in contents
    ]
    every = [section for sections in lists for section in sections]
    for field in model._meta.concrete_fields:
        if not field.is_relation or field.name == "page":
            continue
        ids = {getattr(section, field.attname) for section in every} - {None}
        if not ids:
            continue
        found = set(
            field.related_model._default_manager.filter(pk__in=ids).values_list("pk", flat=True)
        )
        for section in every:
            if getattr(section, field.attname) not in found:
                setattr(section, field.attname, None)
    # As the editor saved them; a section without a place (never in a form) comes first.
    return [
        sorted(sections, key=lambda s: -1 if s.sort_order is None else s.sort_order)
        for sections in lists
    ]


def _of_page(page: ArticlePage, sections: Iterable[ArticleSection]) -> list[ArticleSection]:
    """Numbered, each holding ``page`` itself: reading ``section.page`` costs no query."""
    sections = numbered(sections)
    for section in sections:
        section.page = page
    return sections


def _entry(content: dict, key: uuid.UUID) -> dict | None:
    for entry in content.get("sections") or []:
        if as_key(entry.get("key")) == key:
            return entry
    return None


def _save_revision(draft: ArticlePage, user, overwrite: Revision | None) -> Revision:
    """Save with the page's own validation; if the editor's unfinished draft fails it for
    reasons of its own, save anyway rather than lose this write (Wagtail's editor saves
    drafts without every check too) and leave the problem for the editor to see."""
    try:
        return draft.save_revision(user=user, log_action=True, overwrite_revision=overwrite)
    except ValidationError as exc:
        logger.warning("Saving a revision of page %s without validation: %s", draft.pk, exc)
        return draft.save_revision(
            user=user, log_action=True, overwrite_revision=overwrite, clean=False
        )
