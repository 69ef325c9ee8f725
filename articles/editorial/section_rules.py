"""The rules of a section's life: what each translation status means, which statuses need
a note and a reviewer's sign-off, and what a section must hold before it can be submitted.

What a reviewer's sign-off approves (``section_hash``: an edit to any of it clears the
sign-off) and the audit-log actions a section's life writes are defined here too.

Views, forms, commands and background tasks all ask this module; nothing else decides."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from articles.richtext import html_to_text, words_of

STATUS_ACTION = "duizhao.section_status"
SIGNOFF_ACTION = "duizhao.signoff"
SIGNOFF_REJECT_ACTION = "duizhao.signoff_reject"
SIGNOFF_CLEARED_ACTION = "duizhao.signoff_cleared"


class SectionStatus(models.TextChoices):
    PENDING = "pending", _("Pending translation")
    FULL = "full", _("Translated in full")
    ABRIDGED = "abridged", _("Abridged")
    OMITTED = "omitted", _("Omitted")
    ADDED = "added", _("Added (no English source)")


def status_label(status: str) -> str:
    """A status as people read it, in their language ("full" → "Translated in full"); a code
    that is not a status is shown as it is."""
    try:
        return str(SectionStatus(status).label)
    except ValueError:
        return status


#: Statuses that say the translation left something out: they need a note saying what was
#: cut and why, and a reviewer's sign-off before publication.
CUT_STATUSES = frozenset({SectionStatus.ABRIDGED, SectionStatus.OMITTED})

#: Statuses a section may have when the article is submitted for review.
FINAL_STATUSES = frozenset(
    {SectionStatus.FULL, SectionStatus.ABRIDGED, SectionStatus.OMITTED, SectionStatus.ADDED}
)


@dataclass(frozen=True)
class SectionText:
    """What the rules look at: plain values, so forms and commands can ask before saving."""

    status: str
    note: str
    body_en: str
    body_zh: str


#: How the import's aligner begins its own notes ("Aligner: the whole section has no
#: counterpart in the translation."), translated when shown: words for editors, never the
#: note readers see.
MACHINE_NOTE_PREFIX = gettext_noop("Aligner: ")
#: The Chinese the aligner wrote before its notes were translated when shown; notes stored
#: then still begin so.
EARLIER_MACHINE_NOTE_PREFIX = "自动对齐："


@cache
def machine_note_prefixes() -> tuple[str, ...]:
    """The prefix in every language of the site, casefolded, and the earlier Chinese one."""
    prefixes = {MACHINE_NOTE_PREFIX, EARLIER_MACHINE_NOTE_PREFIX}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.add(translation.gettext(MACHINE_NOTE_PREFIX))
    return tuple(sorted({p.strip().casefold() for p in prefixes if p.strip()}))


def is_machine_note(note: str) -> bool:
    """A note the aligner wrote, not a person, in whichever language it was shown."""
    return (note or "").strip().casefold().startswith(machine_note_prefixes())


def machine_note_error(section: SectionText) -> str:
    """Why a cut cannot be submitted with the aligner's note as its readers' note ("" if
    it can)."""
    if needs_note(section.status) and is_machine_note(section.note):
        return str(
            _(
                "This note was written by the automatic alignment, for editors. Write the "
                "note readers will see: what was cut and why."
            )
        )
    return ""


def needs_note(status: str) -> bool:
    return status in CUT_STATUSES


def needs_signoff(status: str) -> bool:
    return status in CUT_STATUSES


def section_errors(section: SectionText) -> dict[str, str]:
    """Problems that make a section unsaveable, keyed by the field to show them on."""
    errors: dict[str, str] = {}
    status = section.status
    has_zh = bool(_visible_text(section.body_zh))
    has_en = bool(_visible_text(section.body_en))
    if needs_note(status) and not section.note.strip():
        errors["note"] = str(
            _("An abridged or omitted section needs a note saying what was cut and why.")
        )
    if status == SectionStatus.FULL and not has_zh:
        errors["body_zh_hans"] = str(
            _("A section marked 'translated in full' needs its Chinese text.")
        )
    if status == SectionStatus.ABRIDGED and not has_zh:
        errors["body_zh_hans"] = str(
            _("An abridged section needs its shortened Chinese; use omitted if none is kept.")
        )
    if status == SectionStatus.ADDED and not has_zh:
        errors["body_zh_hans"] = str(_("An added section needs its Chinese text."))
    if status in {SectionStatus.FULL, SectionStatus.ABRIDGED, SectionStatus.OMITTED} and not has_en:
        errors["body_en"] = str(
            _(
                "This status describes a translation of English text, but the English is empty; "
                "use 'added' for Chinese with no English source."
            )
        )
    return errors


def submission_errors(sections: list[SectionText]) -> list[tuple[int, str]]:
    """Why an article cannot yet be submitted: (section position from 1, message) pairs."""
    problems: list[tuple[int, str]] = []
    for position, section in enumerate(sections, start=1):
        if section.status not in FINAL_STATUSES:
            problems.append(
                (position, str(_("is still pending: mark it full, abridged, omitted or added.")))
            )
        for message in section_errors(section).values():
            problems.append((position, message))
        if machine_note_error(section):
            problems.append((position, machine_note_error(section)))
    return problems


def section_hash(section) -> str:
    """What a sign-off approves: the section's words in both languages, status and note.
    Markup is ignored: the editor rewrites attributes on every save without a word changing."""
    parts = [
        section.status or "",
        " ".join((section.note or "").split()),
        words_of(section.heading_en),
        words_of(section.heading_zh_hans),
        words_of(section.body_en),
        words_of(section.body_zh_hans),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def numbered(sections: Iterable) -> list:
    """The sections as a list, each given its ``position`` counted from 1."""
    sections = list(sections)
    for position, section in enumerate(sections, start=1):
        section.position = position
    return sections


def _visible_text(html: str) -> str:
    return html_to_text(html).strip()
