"""What the public may see of an article's English original: the licence rule, in one place.

An editor turns ``show_original`` on only when the original's licence allows showing it.
Every public surface asks this module rather than reading the English columns itself: the
article page (sections, per-section original, list of cuts), the bilingual view, the
fragment cache key, the API (``articles.content.api_fields``) and the search index. So an original
the licence keeps back is missing from all of them alike, not hidden on one and served by
the next.
"""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.content.cuts import ReaderCuts, reader_cuts
from articles.richtext import html_to_text


class Licence(models.TextChoices):
    """On what terms the original is translated and shown (an article's ``licence``)."""

    PERMISSION = "permission", _("Translated with the author's permission")
    OPEN = "open", _("Open licence (e.g. Creative Commons)")
    PUBLIC_DOMAIN = "public_domain", _("Public domain")
    EXCERPT = "excerpt", _("Excerpts only (fair use)")
    UNKNOWN = "unknown", _("Unknown")


def original_visible(page: Any) -> bool:
    """May readers see this article's English original (on the page, through the API, in
    search results)?"""
    return bool(page.show_original)


@dataclass(frozen=True)
class PublicSection:
    """What readers may see of one section. ``heading_en`` and ``body_en`` are empty when the
    original is hidden, so a template handed these cannot show what the licence keeps back.
    The field names match ``ArticleSection`` so templates read either alike."""

    pk: int | None
    key: UUID
    position: int
    status: str
    status_display: str
    is_cut: bool
    note: str
    quote: Any
    heading_zh_hans: str
    body_zh_hans: str
    heading_en: str
    body_en: str
    # An abridged section's cuts as readers see them (``articles.content.cuts``): markers in
    # the Chinese always, the English left out only when the original is visible.
    cuts: ReaderCuts | None = None

    def get_status_display(self) -> str:
        return self.status_display


def public_section(section: Any, *, visible: bool) -> PublicSection:
    """The reader's view of ``section`` (an ``ArticleSection`` numbered by ``position``)."""
    return PublicSection(
        pk=section.pk,
        key=section.key,
        position=section.position,
        status=section.status,
        status_display=section.get_status_display(),
        is_cut=section.is_cut,
        note=section.note or "",
        quote=section.quote,
        heading_zh_hans=section.heading_zh_hans or "",
        body_zh_hans=section.body_zh_hans or "",
        heading_en=(section.heading_en or "") if visible else "",
        body_en=(section.body_en or "") if visible else "",
        cuts=reader_cuts(section, visible=visible),
    )


def public_sections(page: Any, sections: list) -> list[PublicSection]:
    """The reader's view of each of ``page``'s numbered sections, in order."""
    visible = original_visible(page)
    return [public_section(section, visible=visible) for section in sections]


def public_original_text(section: Any) -> str:
    """The section's English as plain text for the public search index; empty when the
    original is hidden, so searching its words finds nothing."""
    if not original_visible(section.page):
        return ""
    return "\n".join(part for part in (section.heading_en, html_to_text(section.body_en)) if part)
