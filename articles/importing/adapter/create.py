"""Creating the proposed article as a draft, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from articles.content.cut_sentences import coverage_record
from articles.content.slugs import ascii_slug
from articles.editorial.section_rules import CUT_STATUSES, SectionText, section_errors
from articles.importing.adapter.machine_notes import (
    MachineNote,
    is_machine_note,
    keep_for_editors,
    log_position,
)
from articles.importing.adapter.plan import is_web_address, load_anchors, load_people
from articles.importing.adapter.values import (
    MAX_SLUG_CHARS,
    OVERRIDE_KEYS,
    STATUSES,
    ImportPlan,
    PlanParagraph,
)
from articles.importing.engine import (
    HEADING,
    IMAGE,
    LIST_ITEM,
    QUOTE,
    ImportInputError,
)
from articles.importing.engine.addresses import address_key, normalise_address, search_hint
from articles.importing.engine.coverage import section_coverage
from articles.models import ArticleIndexPage, ArticlePage, ArticleSection
from people.models import Person, Quote

# --- Creating the article ---------------------------------------------------------------------


def existing_article(parent: Page, original_url: str):
    """An article under ``parent`` already importing this original address, if any."""
    if not original_url.strip():
        return None
    # Compared in normal form, so articles stored before addresses were normalised match too;
    # the database narrows the candidates to those containing the address's last segment.
    wanted = address_key(original_url)
    candidates = (
        ArticlePage.objects.child_of(parent)
        .filter(original_url__icontains=search_hint(original_url))
        .order_by("pk")
        .only("pk", "original_url")
    )
    for candidate in candidates:
        if address_key(candidate.original_url) == wanted:
            return ArticlePage.objects.get(pk=candidate.pk)
    return None


def create_article(
    plan: ImportPlan,
    parent: Page,
    user,
    accepted_statuses: Mapping[int, str] | Sequence[str] | None = None,
    overrides: Mapping[str, Any] | None = None,
):
    """Create the plan as a draft article under ``parent``, in one transaction.

    ``accepted_statuses`` replaces proposed statuses, by section index (a mapping, or a list
    as long as ``plan.sections``). ``overrides`` may hold ``title``, ``original_url``,
    ``original_title``, ``notes`` (section index → readers' note; an abridged or omitted
    section without one keeps it empty, to be written before submission, and the proposal's
    evidence goes to the page history for editors) and ``quotes`` (indexes into
    ``plan.quotes`` to create as Quote snippets). Raises ImportInputError, with nothing
    saved, when the result would be invalid or the original is already imported under
    ``parent``.
    """
    overrides = dict(overrides or {})
    unknown = set(overrides) - OVERRIDE_KEYS
    if unknown:
        raise ValueError(f"Unknown overrides: {', '.join(sorted(unknown))}")
    if not isinstance(parent.specific_deferred, ArticleIndexPage):
        raise ImportInputError(_("Articles can only be imported into an article index page."))
    statuses = _statuses(plan, accepted_statuses)
    notes: Mapping[int, str] = overrides.get("notes") or {}

    original_url = normalise_address(
        overrides.get("original_url") or plan.metadata.original_url or ""
    )
    if not original_url:
        raise ImportInputError(
            _(
                "The address of the original is unknown. Give it (it is how duplicates are "
                "found and readers reach the source)."
            )
        )
    if not is_web_address(original_url):
        raise ImportInputError(
            _("“%(url)s” is not a web address (http or https).") % {"url": original_url}
        )
    title = (overrides.get("title") or plan.title_zh or plan.title_en or "").strip()
    # Only the original names its own title: a translation's title is never passed off as it.
    original_title = (overrides.get("original_title") or plan.title_en or "").strip()
    if not title:
        raise ImportInputError(_("The article has no title; give one."))

    sections = []
    problems = []
    machine_notes: dict[int, MachineNote] = {}
    anchors = load_anchors(load_people())
    for number, (section, status) in enumerate(zip(plan.sections, statuses, strict=True), 1):
        note = (notes.get(number - 1) or "").strip()
        if is_machine_note(note):
            # The aligner's words (in any language) are for editors: readers' note is left
            # for a person.
            note = ""
        if status in CUT_STATUSES and section.evidence:
            machine_notes[number - 1] = section.evidence
        if status not in CUT_STATUSES and number - 1 not in notes:
            note = ""
        body_en = paragraphs_html(section.paragraphs_en, "en")
        body_zh = paragraphs_html(section.paragraphs_zh, "zh")
        errors = section_errors(SectionText(status, note, body_en, body_zh))
        # A cut may arrive without its note: submission waits until a person writes it.
        errors.pop("note", None)
        for message in errors.values():
            problems.append(
                _("Section %(number)s (%(heading)s): %(problem)s")
                % {
                    "number": number,
                    "heading": section.heading or _("no heading"),
                    "problem": message,
                }
            )
        sections.append(
            ArticleSection(
                heading_en=section.heading_en[:300],
                heading_zh_hans=section.heading_zh[:300],
                body_en=body_en,
                body_zh_hans=body_zh,
                status=status,
                note=note,
                sort_order=number - 1,
                coverage=_coverage(body_en, body_zh, anchors),
            )
        )
    if problems:
        raise ImportInputError(" ".join(problems))
    quote_indexes = list(overrides.get("quotes") or ())
    for index in quote_indexes:
        if not (isinstance(index, int) and 0 <= index < len(plan.quotes)):
            raise ImportInputError(_("A chosen quotation is not part of this import."))
        if plan.quotes[index].speaker_id is None:
            raise ImportInputError(
                _("A quotation without a known speaker cannot be saved; create the person first.")
            )

    with transaction.atomic():
        # Serialises imports under one index (on databases with row locks), so two editors
        # importing the same original cannot both pass the duplicate check.
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        duplicate = existing_article(parent, original_url)
        if duplicate is not None:
            raise ImportInputError(
                _(
                    "This original is already imported as “%(title)s” (page id %(id)s, "
                    "%(path)s); edit that article instead."
                )
                % {"title": duplicate.title, "id": duplicate.pk, "path": duplicate.url_path}
            )
        people = list(Person.objects.filter(pk__in=plan.people))
        by_id = {p.pk: p for p in people}
        page = ArticlePage(
            title=title[:255],
            slug=find_available_slug(parent, _slug(title, original_title)),
            headline_en=plan.title_en[:300],
            headline_zh_hans=plan.title_zh[:300],
            original_url=original_url[:500],
            original_title=original_title[:300],
            original_author_name=plan.metadata.original_author[:200],
            original_author=_author(plan.metadata.original_author, people),
            publisher_credit=plan.metadata.publisher_credit[:200],
            # A translation imported on its own: its original is not attached yet.
            original_attached=plan.original_attached,
            live=False,
            owner=user,
        )
        page.people_mentioned = people
        page.sections = sections
        since = log_position()
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        keep_for_editors(
            page, {str(sections[index].key): note for index, note in machine_notes.items()}, since
        )
        for index in quote_indexes:
            offer = plan.quotes[index]
            if offer.speaker_id in by_id or Person.objects.filter(pk=offer.speaker_id).exists():
                Quote.objects.create(
                    speaker_id=offer.speaker_id,
                    text_en=offer.text_en,
                    text_zh_hans=offer.text_zh,
                    source_url=original_url[:200],
                )
    return page


def _coverage(body_en: str, body_zh: str, anchors: Sequence[tuple[str, str]]) -> dict | None:
    """The stored coverage of a section with English and Chinese (None otherwise)."""
    if not (body_en and body_zh):
        return None
    return coverage_record(section_coverage(body_en, body_zh, glossary=anchors), body_en, body_zh)


def _statuses(plan: ImportPlan, accepted: Mapping[int, str] | Sequence[str] | None) -> list[str]:
    statuses = [s.status for s in plan.sections]
    if accepted is None:
        return statuses
    items: Iterable[tuple[int, str]] = (
        accepted.items() if isinstance(accepted, Mapping) else enumerate(accepted)
    )
    for index, status in items:
        if not (isinstance(index, int) and 0 <= index < len(statuses)):
            raise ImportInputError(
                _("There is no section %(number)s in this import.") % {"number": index}
            )
        if status not in STATUSES:
            raise ImportInputError(_("“%(status)s” is not a section status.") % {"status": status})
        statuses[index] = status
    return statuses


def _slug(title: str, original_title: str) -> str:
    """ASCII: from the original's English title when known, else the Chinese title's pinyin."""
    return ascii_slug(original_title, title, limit=MAX_SLUG_CHARS) or "article"


def _author(name: str, people):
    wanted = name.strip().casefold()
    if not wanted:
        return None
    for person in people:
        names = [person.name_en, person.name_zh_hans, *person.alias_list]
        if any(n and n.strip().casefold() == wanted for n in names):
            return person
    for person in Person.objects.filter(name_en__iexact=name.strip())[:1]:
        return person
    return None


def paragraphs_html(paragraphs: Sequence[PlanParagraph], language: str) -> str:
    """Safe rich-text HTML from plain paragraphs: every text escaped, only
    p/ul/ol/h3/blockquote. Consecutive list items make one list, numbered ones an <ol>."""
    parts: list[str] = []
    items: list[str] = []
    list_tag = "ul"
    for paragraph in paragraphs:
        tag = "ol" if paragraph.kind == LIST_ITEM and paragraph.ordered else "ul"
        if items and (paragraph.kind != LIST_ITEM or tag != list_tag):
            parts.append(f"<{list_tag}>" + "".join(items) + f"</{list_tag}>")
            items = []
        text = "<br/>".join(escape(line) for line in paragraph.text.split("\n"))
        if paragraph.kind == LIST_ITEM:
            list_tag = tag
            items.append(f"<li>{text}</li>")
        elif paragraph.kind == HEADING:
            parts.append(f"<h3>{text}</h3>")
        elif paragraph.kind == QUOTE:
            parts.append(f"<blockquote>{text}</blockquote>")
        elif paragraph.kind == IMAGE:
            label = "图片" if language == "zh" else "Image"
            parts.append(f"<p>[{label}: {text}]</p>" if text else f"<p>[{label}]</p>")
        elif text:
            parts.append(f"<p>{text}</p>")
    if items:
        parts.append(f"<{list_tag}>" + "".join(items) + f"</{list_tag}>")
    return "".join(parts)
