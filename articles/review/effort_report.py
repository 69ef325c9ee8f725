"""Admin report "Post-editing effort": per article, how much of the AI drafts the translators
changed, to judge the drafts (and the models that wrote them). Filterable by model and by
drafting date, sortable, exportable as CSV or XLSX. Editors, reviewers and superusers only.

The figures are the review view's (``articles.review.rows``): the AI draft from the live
section row, the Chinese from the page's latest revision (what the translator last saved),
both reduced to plain text the same way, weighted by draft length
(``articles.review.engine.effort``).
With a model or date filter an article's figure covers only the sections that match it, so
two models can be compared on the articles they both drafted.

Sorting by effort needs every article's figure, and an edit distance costs milliseconds per
section, so each article's figure is cached under a key that changes whenever its content
can have: the latest revision (id and time, which an overwrite updates), the sections
counted and their latest drafting time. A request costs four queries whatever the number
of articles; only articles whose content changed are diffed again.

``articles/wagtail_hooks.py`` registers this module's ``urlpatterns`` and ``menu_item``.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import F, Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView
from wagtail.models import Revision

import django_filters

from articles.editorial.permissions import (
    Action,
    ReportAccess,
    allows,
    role_allows,
    visible_q,
)
from articles.models import ArticlePage, ArticleSection, section_versions
from articles.review.engine.effort import article_effort, draft_text
from articles.richtext import html_to_lines
from cms.spreadsheets import SafeCsvExportMixin

CACHE_PREFIX = "duizhao:effort:v1"
CACHE_SECONDS = 7 * 24 * 3600
DEFAULT_ORDERING = "-effort"


def drafted_sections(section_filter: Q | None = None):
    """Live section rows holding an AI draft, narrowed by the report's filters."""
    rows = ArticleSection.objects.exclude(ai_draft="")
    return rows.filter(section_filter) if section_filter is not None else rows


# -- Figures ----------------------------------------------------------------------------------


@dataclass
class EffortRow:
    page_id: int
    title: str
    sections: int = 0
    effort: float | None = None
    models: list[str] = field(default_factory=list)
    last_drafted: datetime.datetime | None = None
    #: Whether the user may open the article in the editor (else its name leads to review).
    can_edit: bool = False

    @property
    def effort_percent(self) -> int | None:
        """Whole percent, as the review view shows it."""
        return None if self.effort is None else round(100 * self.effort)

    @property
    def effort_export(self) -> float | None:
        return None if self.effort is None else round(100 * self.effort, 1)

    @property
    def models_label(self) -> str:
        return ", ".join(self.models)


@dataclass
class _Facts:
    """What is known about one article before reading any text: enough for the cache key."""

    section_ids: list[int] = field(default_factory=list)
    models: set[str] = field(default_factory=set)
    last_drafted: datetime.datetime | None = None


def effort_rows(pages, section_filter: Q | None = None) -> list[EffortRow]:
    """One row per article in ``pages`` (a queryset) with an AI-drafted section matching
    ``section_filter``; four queries and one cache round trip whatever the count."""
    facts: dict[int, _Facts] = {}
    drafted = drafted_sections(section_filter).filter(page__in=pages)
    for pk, page_id, model, drafted_at in drafted.values_list(
        "pk", "page_id", "ai_draft_model", "ai_drafted_at"
    ):
        fact = facts.setdefault(page_id, _Facts())
        fact.section_ids.append(pk)
        if model:
            fact.models.add(model)
        if drafted_at and (fact.last_drafted is None or drafted_at > fact.last_drafted):
            fact.last_drafted = drafted_at

    listed = (
        ArticlePage.objects.filter(pk__in=list(facts))
        .annotate(revision_at=F("latest_revision__created_at"))
        .only("pk", "title", "draft_title", "headline_en", "headline_zh_hans", "latest_revision")
    )
    rows, keys = {}, {}
    revision_of = {}
    for page in listed:
        pk, revision_id, revision_at = page.pk, page.latest_revision_id, page.revision_at
        fact = facts[pk]
        rows[pk] = EffortRow(
            page_id=pk,
            # The headline readers see, as the admin names the article everywhere.
            title=page.get_admin_display_title(),
            models=sorted(fact.models),
            last_drafted=fact.last_drafted,
        )
        revision_of[pk] = revision_id
        if revision_id is not None:
            keys[_cache_key(pk, revision_id, revision_at, fact)] = pk
    cached = cache.get_many(list(keys))
    for key, (sections, effort) in cached.items():
        rows[keys[key]].sections, rows[keys[key]].effort = sections, effort

    done = {keys[key] for key in cached}
    missing = [pk for pk in rows if pk not in done]
    if missing:
        computed = _compute(missing, facts, revision_of)
        for pk, (sections, effort) in computed.items():
            rows[pk].sections, rows[pk].effort = sections, effort
        cache.set_many(
            {key: computed[pk] for key, pk in keys.items() if pk in computed},
            CACHE_SECONDS,
        )
    return list(rows.values())


def _cache_key(page_id: int, revision_id: int, revision_at, fact: _Facts) -> str:
    sections = ",".join(str(pk) for pk in sorted(fact.section_ids))
    drafted = fact.last_drafted.isoformat() if fact.last_drafted else ""
    at = revision_at.isoformat() if revision_at else ""
    digest = hashlib.sha256(f"{revision_id}|{at}|{drafted}|{sections}".encode()).hexdigest()
    return f"{CACHE_PREFIX}:{page_id}:{digest[:32]}"


def _compute(
    page_ids: list[int], facts: dict[int, _Facts], revision_of: dict[int, int | None]
) -> dict[int, tuple[int, float | None]]:
    """(sections, effort) for each article, from two queries: the drafted rows and the
    latest revisions."""
    wanted = [pk for page_id in page_ids for pk in facts[page_id].section_ids]
    rows_by_page: dict[int, list[ArticleSection]] = {}
    for row in ArticleSection.objects.filter(pk__in=wanted).only(
        "pk", "key", "page_id", "ai_draft", "body_zh_hans"
    ):
        rows_by_page.setdefault(row.page_id, []).append(row)
    revision_ids = [revision_of[pk] for pk in page_ids if revision_of[pk] is not None]
    stored = list(Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"))
    read = section_versions.in_revision_contents(content for _pk, content in stored)
    revision_sections = {pk: sections for (pk, _c), sections in zip(stored, read, strict=True)}

    result = {}
    for page_id in page_ids:
        rows = rows_by_page.get(page_id, [])
        sections = revision_sections.get(revision_of[page_id])
        if sections is not None:
            # The Chinese as the translator last saved it; a section removed in that
            # revision is no longer part of the article.
            saved = {section.key: section.body_zh_hans or "" for section in sections}
            pairs = [(row.ai_draft, saved[row.key]) for row in rows if row.key in saved]
        else:
            pairs = [(row.ai_draft, row.body_zh_hans) for row in rows]
        pairs = [(draft_text(draft), html_to_lines(final)) for draft, final in pairs]
        result[page_id] = (len(pairs), article_effort(pairs))
    return result


def _sort_value(row: EffortRow, key: str):
    return {
        "effort": row.effort,
        "title": row.title.casefold(),
        "drafted": row.last_drafted,
        "sections": row.sections,
    }[key]


def sort_rows(rows: list[EffortRow], ordering: str) -> list[EffortRow]:
    """Sorted by ``ordering`` ("effort", "-effort", ...); rows without a figure go last."""
    key = ordering.lstrip("-")
    known = [row for row in rows if _sort_value(row, key) is not None]
    unknown = [row for row in rows if _sort_value(row, key) is None]
    known.sort(key=lambda row: row.title.casefold())
    known.sort(key=lambda row: _sort_value(row, key), reverse=ordering.startswith("-"))
    unknown.sort(key=lambda row: row.title.casefold())
    return known + unknown


# -- The report -------------------------------------------------------------------------------


def _model_choices():
    models = (
        drafted_sections()
        .exclude(ai_draft_model="")
        .order_by("ai_draft_model")
        .values_list("ai_draft_model", flat=True)
        .distinct()
    )
    return [(model, model) for model in models]


class EffortFilterSet(WagtailFilterSet):
    model = django_filters.ChoiceFilter(
        label=gettext_lazy("AI model"),
        choices=_model_choices,
        method="filter_sections",
        empty_label=gettext_lazy("Any model"),
    )
    drafted = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Drafted between"),
        widget=DateRangePickerWidget,
        method="filter_sections",
    )

    class Meta:
        model = ArticlePage
        fields = ["model", "drafted"]

    def section_filter(self) -> Q:
        """The sections the figures cover; also what an article must have to be listed."""
        data = self.form.cleaned_data if self.is_valid() else {}
        condition = Q()
        if data.get("model"):
            condition &= Q(ai_draft_model=data["model"])
        drafted = data.get("drafted")
        if drafted and drafted.start:
            condition &= Q(ai_drafted_at__gte=drafted.start)
        if drafted and drafted.stop:
            condition &= Q(ai_drafted_at__lte=drafted.stop)
        return condition

    def filter_sections(self, queryset, name, value):
        return queryset.filter(pk__in=drafted_sections(self.section_filter()).values("page_id"))


class ArticlesPaginator(WagtailPaginator):
    """The footer counts articles ("1 article"): the rows are plain values, for which
    Wagtail would say "1 item" in English."""

    @cached_property
    def items_count_label(self) -> str:
        return ngettext("%(count)s article", "%(count)s articles", self.count) % {
            "count": self.count
        }


class EffortReportView(ReportAccess, SafeCsvExportMixin, ReportView):
    see_action = Action.SEE_EFFORT_REPORT
    page_title = gettext_lazy("Post-editing effort")
    header_icon = "edit"
    template_name = "articles/admin/effort_report.html"
    results_template_name = "articles/admin/effort_report_results.html"
    filterset_class = EffortFilterSet
    index_url_name = "articles_effort_report"
    index_results_url_name = "articles_effort_report_results"
    paginate_by = 50
    paginator_class = ArticlesPaginator
    default_ordering = DEFAULT_ORDERING
    orderings = ("effort", "sections", "drafted", "title")
    list_export = [
        "page_id",
        "title",
        "sections",
        "effort_export",
        "models_label",
        "last_drafted",
    ]
    export_headings = {
        "page_id": gettext_lazy("Page ID"),
        "title": gettext_lazy("Article"),
        "sections": gettext_lazy("Drafted sections"),
        "effort_export": gettext_lazy("Effort (%)"),
        "models_label": gettext_lazy("AI models"),
        "last_drafted": gettext_lazy("Last drafted"),
    }

    def get_valid_orderings(self):
        return [prefix + key for key in self.orderings for prefix in ("", "-")]

    def get_queryset(self):
        return ArticlePage.objects.filter(visible_q(self.request.user))

    def get_filtered_queryset(self):
        pages = self.filter_queryset(self.get_queryset())
        section_filter = self.filters.section_filter() if self.filters else None
        return sort_rows(effort_rows(pages, section_filter), self.ordering)

    def decorate_paginated_queryset(self, object_list):
        user = self.request.user
        if role_allows(user, Action.EDIT_PAGE):  # reviewers never edit: no query for them
            pages = ArticlePage.objects.in_bulk([row.page_id for row in object_list])
            for row in object_list:
                page = pages.get(row.page_id)
                row.can_edit = page is not None and allows(user, Action.EDIT_PAGE, page)
        return object_list

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sort"] = self._sort_links()
        return context

    def _sort_links(self) -> dict[str, dict[str, str]]:
        """Per column: the listing sorted by it (descending first, then flipping) and the
        column's ``aria-sort`` state."""
        links = {}
        for key in self.orderings:
            params = self.request.GET.copy()
            params.pop(self.page_kwarg, None)
            params.pop("_w_filter_fragment", None)
            params["ordering"] = key if self.ordering == f"-{key}" else f"-{key}"
            state = {key: "ascending", f"-{key}": "descending"}.get(self.ordering, "none")
            links[key] = {"url": f"{self.index_url}?{params.urlencode()}", "aria_sort": state}
        return links

    def get_filename(self) -> str:
        return f"post-editing-effort-{datetime.date.today():%Y-%m-%d}"


# -- URLs and menu item -------------------------------------------------------------------


urlpatterns = [
    path("reports/post-editing/", EffortReportView.as_view(), name="articles_effort_report"),
    path(
        "reports/post-editing/results/",
        EffortReportView.as_view(results_only=True),
        name="articles_effort_report_results",
    ),
]


class EffortReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return role_allows(request.user, Action.SEE_EFFORT_REPORT)


def menu_item() -> EffortReportMenuItem:
    return EffortReportMenuItem(
        gettext_lazy("Post-editing effort"),
        reverse("articles_effort_report"),
        icon_name="edit",
        order=60,
    )
