"""The review rows for one article, built in a fixed number of SQL queries.

The content under review (headings, texts, status, note) comes from the page's latest revision,
since that is the translation waiting for review; a page without revisions falls back to its live
rows. The AI draft and the sign-off come from the live row when there is one, because it is written
outside the page editor. Sign-offs come from ``signoff_states`` in ``articles.models.workflow``
(decisions on exactly this content). Dismissals, sign-offs, people, glossary terms and the users
named on the rows are each loaded once for the whole article, the rich text is expanded in one pass,
and the article's usual length ratio is computed once, so the query count does not grow with the
number of sections.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.rich_text import expand_db_html

from articles.content.cut_sentences import mark_sentences, stored_coverage
from articles.content.disclosure_facts import draft_effort
from articles.editorial.section_rules import SectionStatus, needs_signoff
from articles.importing.engine.coverage import section_coverage
from articles.models import ArticleSection, CheckDismissal, CheckPolicy, Severity, section_versions
from articles.models.workflow import SignoffState, signoff_states
from articles.person_names import load_person_names
from articles.review.checking import covered_text, organisations
from articles.review.engine import checks
from articles.review.engine.checks import Finding, GlossaryTerm, PersonNames
from articles.review.engine.diffs import diff_text, render_side_by_side
from articles.review.engine.drift import english_source_of_text, is_stale
from articles.review.engine.effort import draft_text
from articles.richtext import html_to_lines
from people.models import Term

CHECK_LABELS = {
    checks.MISSING_NUMBER: _("Numbers missing"),
    checks.MISSING_URL: _("Links missing"),
    checks.MISSING_NAME: _("Names missing"),
    checks.GLOSSARY_MISSING: _("Glossary term not used"),
    checks.GLOSSARY_FORBIDDEN: _("Forbidden glossary rendering"),
    checks.MISSPELT_NAME: _("Misspelt names"),
    checks.SHORT_TRANSLATION: _("Unusually short translation"),
}

# Written straight to the live row by the drafting job (and to the latest revision, but a
# later job may have finished since): taken from the row when there is one.
_ROW_FIELDS = ("ai_draft",)
# Joins all sections' rich text so the link and image handlers run once for the article.
_SPLIT = "\n<!--duizhao-review-section-->\n"


@dataclass
class DismissedFinding:
    finding: Finding
    reason: str
    by: str
    at: datetime | None


@dataclass
class ReviewRow:
    position: int
    section: ArticleSection
    body_en: SafeString
    body_zh: SafeString
    findings: list[Finding]
    dismissed: list[DismissedFinding]
    stale: bool
    drift_old: SafeString = mark_safe("")
    drift_new: SafeString = mark_safe("")
    ai_old: SafeString = mark_safe("")
    ai_new: SafeString = mark_safe("")
    effort: float | None = None
    confirmed_by: str = ""
    signoff: SignoffState | None = None
    current_english: str = ""
    # The check kinds editors set to "block" submission or to "warn" (Settings).
    blocking_codes: frozenset[str] = frozenset()
    warning_codes: frozenset[str] = frozenset()
    # English sentences with no Chinese counterpart (marked in ``body_en``).
    missing: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"section-{self.position}"

    @property
    def status_label(self) -> str:
        try:
            return SectionStatus(self.section.status).label
        except ValueError:
            return self.section.status

    @property
    def needs_signoff(self) -> bool:
        return needs_signoff(self.section.status)

    @property
    def signoff_decision(self) -> str | None:
        """ "approved", "rejected" or None (unsigned) for cut sections."""
        return self.signoff.decision if self.signoff else None

    @property
    def signed_off_by(self) -> str:
        user = self.signoff.signoff.user if self.signoff and self.signoff.signoff else None
        return (user.get_full_name() or user.get_username()) if user else ""

    @property
    def awaiting_signoff(self) -> bool:
        return self.needs_signoff and not (self.signoff and self.signoff.approved)

    @property
    def effort_percent(self) -> int | None:
        return None if self.effort is None else round(100 * self.effort)

    @property
    def has_ai_diff(self) -> bool:
        return bool(self.ai_old or self.ai_new)

    @property
    def has_problems(self) -> bool:
        return bool(self.findings) or self.stale or self.awaiting_signoff


@dataclass
class FindingTotal:
    code: str
    label: str
    count: int
    first_anchor: str


@dataclass
class Review:
    rows: list[ReviewRow]
    problems_only: bool = False
    effort: float | None = None
    usual_ratio: float | None = None
    revision_id: int | None = None
    revision_created_at: datetime | None = None
    totals: list[FindingTotal] = field(default_factory=list)

    @property
    def visible_rows(self) -> list[ReviewRow]:
        return [r for r in self.rows if r.has_problems] if self.problems_only else self.rows

    @property
    def effort_percent(self) -> int | None:
        return None if self.effort is None else round(100 * self.effort)

    @property
    def finding_count(self) -> int:
        return sum(total.count for total in self.totals)

    @property
    def dismissed_count(self) -> int:
        return sum(len(row.dismissed) for row in self.rows)

    @property
    def stale_count(self) -> int:
        return sum(row.stale for row in self.rows)

    @property
    def awaiting_signoff_count(self) -> int:
        return sum(row.awaiting_signoff for row in self.rows)

    @property
    def problem_count(self) -> int:
        return sum(row.has_problems for row in self.rows)


def load_sections(page) -> tuple[list[ArticleSection], int | None, datetime | None]:
    """The sections under review, in order, with the revision they come from (if any)."""
    sections = section_versions.latest(page)
    rows = {
        row.key: row for row in ArticleSection.objects.filter(page=page).only("key", *_ROW_FIELDS)
    }
    for section in sections:
        row = rows.get(section.key)
        if row is not None:
            for name in _ROW_FIELDS:
                setattr(section, name, getattr(row, name))
    revision = page.latest_revision
    return sections, revision and revision.pk, revision and revision.created_at


def build_review(page, *, problems_only: bool = False) -> Review:
    sections, revision_id, revision_created_at = load_sections(page)
    texts = [_Texts.of(section) for section in sections]
    usual = checks.article_ratio(
        (t.en, t.zh) for t, s in zip(texts, sections, strict=True) if s.status == SectionStatus.FULL
    )
    people, glossary = _people(), _glossary()
    # Misspellings are looked for of everyone, not only of the people a section names.
    everyone = checks.PeopleIndex.of([p.names for p in people])
    known_organisations = organisations()
    policy = CheckPolicy.load()
    blocking = frozenset(c for c in checks.CHECK_CODES if policy.severity(c) == Severity.BLOCK)
    warning = frozenset(c for c in checks.CHECK_CODES if policy.severity(c) == Severity.WARN)
    dismissals = _dismissals(page)
    signoffs = {state.section.key: state for state in signoff_states(page, sections)}
    users = _user_names(
        {s.source_confirmed_by_id for s in sections}
        | {d.dismissed_by_id for found in dismissals.values() for d in found.values()}
    )
    bodies_en = _expand([s.body_en for s in sections])
    bodies_zh = _expand([s.body_zh_hans for s in sections])
    anchors = _anchors(people, glossary)

    rows = []
    for index, (section, text) in enumerate(zip(sections, texts, strict=True)):
        findings = checks.run_checks(
            text.checked_en,
            text.zh,
            people=[p.names for p in people if p.concerns(text)],
            glossary=glossary,
            organisations=known_organisations,
            names=everyone,
            article_ratio=usual if section.status == SectionStatus.FULL else None,
        )
        seen = dismissals.get(section.key, {})
        missing = missing_sentences(section, anchors)
        row = ReviewRow(
            position=index + 1,
            section=section,
            body_en=mark_sentences(bodies_en[index], missing),
            body_zh=bodies_zh[index],
            findings=[f for f in findings if f.key not in seen],
            dismissed=[
                DismissedFinding(
                    f,
                    seen[f.key].reason,
                    users.get(seen[f.key].dismissed_by_id, ""),
                    seen[f.key].dismissed_at,
                )
                for f in findings
                if f.key in seen
            ],
            stale=is_stale(section.source_at_translation, text.source),
            confirmed_by=users.get(section.source_confirmed_by_id, ""),
            signoff=signoffs.get(section.key),
            current_english=text.source,
            blocking_codes=blocking,
            warning_codes=warning,
            missing=missing,
        )
        if row.stale:
            ops = diff_text(section.source_at_translation, text.source)
            row.drift_old, row.drift_new = _safe_pair(render_side_by_side(ops))
        # Stored when the section was saved (measured now only when it is missing or stale).
        row.effort = draft_effort(section)
        if row.effort is not None:
            row.ai_old, row.ai_new = _safe_pair(
                render_side_by_side(diff_text(text.draft, text.body_zh))
            )
        rows.append(row)

    return Review(
        rows=rows,
        problems_only=problems_only,
        effort=_article_effort(rows, texts),
        usual_ratio=usual,
        revision_id=revision_id,
        revision_created_at=revision_created_at,
        totals=_totals(rows),
    )


_COVERED = frozenset({SectionStatus.FULL, SectionStatus.ABRIDGED})


def missing_sentences(section: ArticleSection, anchors: list[tuple[str, str]]) -> list[str]:
    """The English sentences of a full or abridged section with no Chinese counterpart: as
    stored while current, else aligned now (a few milliseconds, no query)."""
    if section.status not in _COVERED or not section.body_en or not section.body_zh_hans:
        return []
    coverage = stored_coverage(section.coverage, section.body_en, section.body_zh_hans)
    if coverage is None:
        coverage = section_coverage(section.body_en, section.body_zh_hans, glossary=anchors)
    return coverage.missing


def _anchors(people: list[_Person], glossary: list[GlossaryTerm]) -> list[tuple[str, str]]:
    """People's names and glossary terms as the aligner's anchors, from what is loaded."""
    pairs = [(g.english, g.chinese) for g in glossary]
    for person in people:
        pairs += [(e, z) for e in person.names.names_en for z in person.names.names_zh]
    return pairs


@dataclass(frozen=True)
class _Texts:
    """One section's plain texts, worked out once for checks, drift, effort and diffs."""

    en: str  # heading and text, one line per paragraph
    zh: str
    checked_en: str  # the English the translation claims to cover, for the checks
    body_zh: str  # the Chinese text alone, compared with the AI draft
    draft: str
    source: str  # what source_at_translation records

    @classmethod
    def of(cls, section: ArticleSection) -> _Texts:
        body_en, body_zh = html_to_lines(section.body_en), html_to_lines(section.body_zh_hans)
        return cls(
            en=_joined(section.heading_en, body_en),
            zh=_joined(section.heading_zh_hans, body_zh),
            checked_en=covered_text(
                section.heading_en,
                section.body_en,
                section.body_zh_hans,
                section.status,
                section.note,
            ),
            body_zh=body_zh,
            draft=draft_text(section.ai_draft),
            source=english_source_of_text(section.heading_en, body_en),
        )


@dataclass(frozen=True)
class _Person:
    """A person's names for the checks, with what decides whether a section concerns them."""

    names: PersonNames
    words: tuple[str, ...]
    misspellings: tuple[str, ...]

    def concerns(self, text: _Texts) -> bool:
        """Whether the name checks could say anything about this person for this section.

        The name check looks a person up only by a run of words of their English name found
        in the source, and the misspelling check only when a misspelling appears in either
        text; a substring test is a superset of both, so leaving everyone else out changes no
        finding and keeps the checks' cost per section small.
        """
        source = text.en.casefold()
        return any(w in source for w in self.words) or any(
            m in text.en or m in text.zh for m in self.misspellings
        )


def _article_effort(rows: list[ReviewRow], texts: list[_Texts]) -> float | None:
    """``effort.article_effort`` over the rows, reusing their section figures: the same
    weighting by draft length, without diffing every section a second time."""
    total = weight = 0.0
    for row, text in zip(rows, texts, strict=True):
        if row.effort is not None:
            total += row.effort * len(text.draft)
            weight += len(text.draft)
    return total / weight if weight else None


def _safe_pair(pair: tuple[str, str]) -> tuple[SafeString, SafeString]:
    # render_side_by_side escapes the text; its only markup is <ins> and <del>.
    return mark_safe(pair[0]), mark_safe(pair[1])  # noqa: S308


def _joined(heading: str, body: str) -> str:
    return "\n".join(part for part in (heading, body) if part)


def _people() -> list[_Person]:
    people = []
    for names in load_person_names():
        words = {w for name in names.names_en for w in name.casefold().split()}
        misspellings = {m for m in names.misspellings if m}
        people.append(_Person(names, tuple(words), tuple(misspellings)))
    return people


def _glossary() -> list[GlossaryTerm]:
    return [
        GlossaryTerm(t.term_en, t.term_zh_hans, t.case_sensitive, t.forbidden_list)
        for t in Term.objects.only("term_en", "term_zh_hans", "case_sensitive", "forbidden")
        if t.term_en and t.term_zh_hans
    ]


def _dismissals(page) -> dict[uuid.UUID, dict[tuple[str, str], CheckDismissal]]:
    by_section: dict[uuid.UUID, dict[tuple[str, str], CheckDismissal]] = {}
    for dismissal in CheckDismissal.objects.filter(page=page):
        by_section.setdefault(dismissal.section_key, {})[dismissal.code, dismissal.evidence] = (
            dismissal
        )
    return by_section


def _user_names(ids: set) -> dict[int, str]:
    ids.discard(None)
    if not ids:
        return {}
    return {
        user.pk: user.get_full_name() or user.get_username()
        for user in get_user_model().objects.filter(pk__in=ids)
    }


def _expand(bodies: list[str]) -> list[SafeString]:
    """Expand page links and embedded images for all bodies in one pass over the article."""
    joined = _SPLIT.join(bodies)
    parts = expand_db_html(joined).split(_SPLIT) if bodies else []
    if len(parts) != len(bodies):  # a body held the separator itself: expand one by one
        parts = [expand_db_html(body) for body in bodies]
    # Rich text is sanitised by Wagtail's editor converter when saved, as on the public page.
    return [mark_safe(part) for part in parts]  # noqa: S308


def _totals(rows: list[ReviewRow]) -> list[FindingTotal]:
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for row in rows:
        for finding in row.findings:
            counts[finding.code] += 1
            first.setdefault(finding.code, row.anchor)
    return [
        FindingTotal(code, str(CHECK_LABELS.get(code, code)), count, first[code])
        for code, count in counts.most_common()
    ]
