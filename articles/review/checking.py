"""The consistency checks as the product runs them: over the English each section's translation
claims to cover, with everyone's names, the glossary and the organisations list, and graded by
the editors' severities (``CheckPolicy``). Used by the review screen (``rows.py``) and by the
editor form, which refuses a submission while a "block" finding is neither fixed nor
dismissed with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext

from articles.editorial.section_rules import SectionStatus

# Not the models package: the editor form, which the page models import, imports this module.
from articles.models import CheckDismissal
from articles.models.check_policy import CheckPolicy
from articles.names import by_script
from articles.person_names import load_person_names
from articles.review.engine import checks
from articles.review.engine.checks import Finding, GlossaryTerm, Organisation, PersonNames
from articles.richtext import html_to_lines
from people.models import Term
from people.organisations import organisation_names


def glossary_terms() -> list[GlossaryTerm]:
    return [
        GlossaryTerm(t.term_en, t.term_zh_hans, t.case_sensitive, t.forbidden_list)
        for t in Term.objects.only("term_en", "term_zh_hans", "case_sensitive", "forbidden")
        if t.term_en and t.term_zh_hans
    ]


def organisations() -> list[Organisation]:
    """The organisations list, names split by script."""
    found = []
    for record in organisation_names():
        names_en, names_zh = by_script(record.names)
        if names_en:
            found.append(Organisation(tuple(names_en), tuple(names_zh)))
    return found


def covered_text(heading_en: str, body_en: str, body_zh: str, status: str, note: str) -> str:
    """The English a section's checks judge: its heading and the paragraphs its translation
    claims to cover (``checks.covered_english``); nothing for an omitted section."""
    english = [line for line in html_to_lines(body_en).splitlines() if line]
    chinese = [line for line in html_to_lines(body_zh).splitlines() if line]
    covered = checks.covered_english(english, chinese, status, note)
    heading = [heading_en] if heading_en and status != SectionStatus.OMITTED else []
    return "\n".join([*heading, *covered])


@dataclass
class CheckContext:
    """What every section's checks need, loaded once per article."""

    people: list[PersonNames]
    names: checks.PeopleIndex
    glossary: list[GlossaryTerm]
    organisations: list[Organisation]
    policy: CheckPolicy

    @classmethod
    def load(cls) -> CheckContext:
        people = load_person_names()
        return cls(
            people=people,
            names=checks.PeopleIndex.of(people),
            glossary=glossary_terms(),
            organisations=organisations(),
            policy=CheckPolicy.load(),
        )


@dataclass(frozen=True)
class SectionToCheck:
    """One section's values as an editor form or a revision holds them."""

    key: object
    heading_en: str
    heading_zh: str
    body_en: str
    body_zh: str
    status: str
    note: str


def _texts(section: SectionToCheck) -> tuple[str, str]:
    translation = "\n".join(
        part for part in (section.heading_zh, html_to_lines(section.body_zh)) if part
    )
    english = covered_text(
        section.heading_en, section.body_en, section.body_zh, section.status, section.note
    )
    return english, translation


def section_findings(
    context: CheckContext, section: SectionToCheck, article_ratio: float | None = None
) -> list[Finding]:
    """The findings on one section; ``article_ratio`` (for full sections) turns the length
    check on."""
    english, translation = _texts(section)
    return checks.run_checks(
        english,
        translation,
        people=context.people,
        glossary=context.glossary,
        organisations=context.organisations,
        names=context.names,
        article_ratio=article_ratio if section.status == SectionStatus.FULL else None,
    )


def blocking_findings(
    page, sections: Iterable[SectionToCheck]
) -> list[tuple[SectionToCheck, list[Finding]]]:
    """The sections with findings of a "block" kind that nobody dismissed, with those
    findings. ``page`` is None for an article not saved yet (nothing dismissed)."""
    policy = CheckPolicy.load()
    blocking = [code for code in checks.CHECK_CODES if policy.blocking(code)]
    if not blocking:
        return []
    context = CheckContext.load()
    dismissed = _dismissed(page, blocking)
    sections = list(sections)
    usual = checks.article_ratio(
        _texts(section) for section in sections if section.status == SectionStatus.FULL
    )
    found = []
    for section in sections:
        findings = [
            finding
            for finding in section_findings(context, section, usual)
            if finding.code in blocking and (str(section.key), *finding.key) not in dismissed
        ]
        if findings:
            found.append((section, findings))
    return found


def _dismissed(page, codes: Sequence[str]) -> set[tuple]:
    if page is None or page.pk is None:
        return set()
    rows = CheckDismissal.objects.filter(page=page, code__in=codes)
    return {(str(row.section_key), row.code, row.evidence) for row in rows}


def refuse_blocking_findings(form) -> None:
    """On submitting an article: findings of a kind editors set to "block" that are neither
    fixed nor dismissed are errors on their sections' forms (registered for the article
    form's ``article_submission_checks`` hook)."""
    formset = form.formsets.get("sections")
    if formset is None:
        return
    checked: dict[str, tuple] = {}
    for section_form in formset.forms:
        if not section_form.is_valid() or section_form.cleaned_data.get("DELETE"):
            continue
        data, key = section_form.cleaned_data, str(section_form.instance.key)
        section = SectionToCheck(
            key=key,
            heading_en=data.get("heading_en") or "",
            heading_zh=data.get("heading_zh_hans") or "",
            body_en=data.get("body_en") or "",
            body_zh=data.get("body_zh_hans") or "",
            status=data.get("status") or "",
            note=data.get("note") or "",
        )
        checked[key] = (section_form, section)
    page = form.instance if form.instance.pk else None
    found = blocking_findings(page, [section for _form, section in checked.values()])
    for section, findings in found:
        listed = "；".join(str(finding.message) for finding in findings)
        checked[section.key][0].add_error(
            None,
            gettext(
                "Fix these findings or dismiss each with a reason on the review screen "
                "before submitting: %(findings)s"
            )
            % {"findings": listed},
        )
