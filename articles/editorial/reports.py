"""Admin report "Abridgments": every abridged or omitted section in the latest revision of
every article, with its sign-off standing; filterable and exportable as CSV or XLSX."""

import datetime
from collections import Counter

from django.contrib.auth import get_user_model
from django.db.models import Q, Subquery
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView
from wagtail.models import Revision

import django_filters
from django_filters.fields import ModelChoiceField

from articles.content.cut_sentences import stored_coverage
from articles.editorial.coverage_check import load_coverage_anchors
from articles.editorial.permissions import Action, ReportAccess, allows, visible_q
from articles.editorial.roles import TRANSLATORS
from articles.editorial.section_rules import CUT_STATUSES, SectionStatus
from articles.importing.engine.coverage import section_coverage
from articles.models import (
    ArticlePage,
    ArticleSection,
    LatestSection,
    SectionSignoff,
    section_versions,
)
from cms.spreadsheets import SafeCsvExportMixin

SIGNOFF_CHOICES = [
    ("approved", _("Signed off")),
    ("rejected", _("Changes requested")),
    ("unsigned", _("Awaiting sign-off")),
]


def with_signoff(queryset):
    """Annotate each row with the latest decision made on exactly its current content."""
    latest = SectionSignoff.objects.latest_on_row()
    return queryset.annotate(
        signoff=Subquery(latest.values("decision")[:1]),
        signoff_username=Subquery(latest.values("user__username")[:1]),
        signoff_first_name=Subquery(latest.values("user__first_name")[:1]),
        signoff_last_name=Subquery(latest.values("user__last_name")[:1]),
    )


def person_name(user) -> str:
    """How reports name a person: the full name, the username when there is none."""
    return user.get_full_name() or user.get_username()


def signer_name(row) -> str:
    """The reviewer of ``with_signoff``'s row, named as ``person_name`` names users."""
    if not row.signoff_username:
        return ""
    user = get_user_model()(
        username=row.signoff_username,
        first_name=row.signoff_first_name or "",
        last_name=row.signoff_last_name or "",
    )
    return person_name(user)


def awaiting_signoff(queryset):
    return with_signoff(queryset).filter(Q(signoff__isnull=True) | Q(signoff="rejected"))


def add_missing_sentences(rows) -> None:
    """Give each abridged row ``missing``: the English sentences its Chinese leaves out, from
    the revision the row indexes (one query for all rows, two more for the anchors when a
    stored coverage is stale and the sentences are aligned again)."""
    rows = list(rows)
    wanted = {row.revision_id for row in rows if row.status == SectionStatus.ABRIDGED}
    wanted.discard(None)
    sections: dict[tuple[int, object], ArticleSection] = {}
    stored = list(Revision.objects.filter(pk__in=wanted).values_list("pk", "content"))
    read = section_versions.in_revision_contents(content for _pk, content in stored)
    for (revision_id, _content), revision_sections in zip(stored, read, strict=True):
        for section in revision_sections:
            sections[revision_id, section.key] = section
    anchors = None
    for row in rows:
        row.missing = []
        section = sections.get((row.revision_id, row.section_key))
        if row.status != SectionStatus.ABRIDGED or section is None:
            continue
        body_en, body_zh = section.body_en or "", section.body_zh_hans or ""
        if not (body_en and body_zh):
            continue
        coverage = stored_coverage(section.coverage, body_en, body_zh)
        if coverage is None:
            if anchors is None:
                anchors = load_coverage_anchors()
            coverage = section_coverage(body_en, body_zh, glossary=anchors)
        row.missing = coverage.missing


class ArticleChoiceField(ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_admin_display_title()


class ArticleFilter(django_filters.ModelChoiceFilter):
    """Articles offered by the headline the admin names them by."""

    field_class = ArticleChoiceField


class CutsPaginator(WagtailPaginator):
    """The report's footer counts the cuts by sign-off standing, over every page of the
    filtered list: "4 cut sections: signed off 4", not a count of "sections in review"."""

    @cached_property
    def items_count_label(self) -> str:
        standing = Counter(
            row or "unsigned"
            for row in self.object_list.order_by().values_list("signoff", flat=True)
        )
        parts = [
            gettext("%(label)s: %(count)s") % {"label": label, "count": standing[value]}
            for value, label in SIGNOFF_CHOICES
            if standing[value]
        ]
        total = ngettext("%(count)s cut section", "%(count)s cut sections", self.count) % {
            "count": self.count
        }
        return "; ".join([total, *parts])


class AbridgmentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(s.value, s.label) for s in SectionStatus if s in CUT_STATUSES],
        empty_label=_("Abridged or omitted"),
    )
    signoff_state = django_filters.ChoiceFilter(
        label=_("Sign-off"), choices=SIGNOFF_CHOICES, method="filter_signoff", empty_label=_("Any")
    )
    page = ArticleFilter(
        label=_("Article"),
        queryset=lambda request: ArticlePage.objects.filter(
            visible_q(request.user), latest_sections__status__in=CUT_STATUSES
        ).distinct(),
        empty_label=_("All articles"),
    )
    translator = django_filters.ModelChoiceFilter(
        label=_("Translator"),
        field_name="page__translators",
        queryset=lambda request: get_user_model().objects.filter(groups__name=TRANSLATORS),
        empty_label=_("Anyone"),
    )
    status_since = django_filters.DateFromToRangeFilter(
        label=_("Marked between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = LatestSection
        fields = ["status", "signoff_state", "page", "translator", "status_since"]

    def filter_signoff(self, queryset, name, value):
        if value == "unsigned":
            return queryset.filter(signoff__isnull=True)
        return queryset.filter(signoff=value)


class AbridgmentReportView(ReportAccess, SafeCsvExportMixin, ReportView):
    see_action = Action.SEE_ABRIDGMENTS_REPORT
    page_title = _("Abridgments")
    header_icon = "openquote"
    template_name = "articles/admin/abridgment_report.html"
    results_template_name = "articles/admin/abridgment_report_results.html"
    filterset_class = AbridgmentFilterSet
    index_url_name = "articles_abridgment_report"
    index_results_url_name = "articles_abridgment_report_results"
    paginate_by = 50
    paginator_class = CutsPaginator
    list_export = [
        "article_title",
        "position",
        "heading",
        "status_label",
        "note",
        "missing_sentences",
        "translator_names",
        "signoff_label",
        "signoff_user",
        "status_since",
    ]
    export_headings = {
        "article_title": _("Article"),
        "position": _("Section"),
        "heading": _("Heading"),
        "status_label": _("Status"),
        "note": _("Note"),
        "missing_sentences": _("Missing sentences"),
        "translator_names": _("Translators"),
        "signoff_label": _("Sign-off"),
        "signoff_user": _("Signed by"),
        "status_since": _("Marked at"),
    }

    def get_queryset(self):
        rows = (
            LatestSection.objects.filter(
                visible_q(self.request.user, "page__"), status__in=CUT_STATUSES
            )
            .select_related("page")
            .prefetch_related("page__translators")
            .order_by("-status_since", "page_id", "position")
        )
        return with_signoff(rows)

    def decorate_paginated_queryset(self, object_list):
        labels = dict(SIGNOFF_CHOICES)
        now = datetime.datetime.now(datetime.UTC)
        # Exports add them for all rows at once before rows are written one by one.
        pending = [row for row in object_list if not hasattr(row, "missing")]
        if pending:
            add_missing_sentences(pending)
        for row in object_list:
            row.signoff_label = labels[row.signoff or "unsigned"]
            row.status_label = SectionStatus(row.status).label
            row.article_title = row.page.get_admin_display_title()
            # The article's name leads to the editor only for those the table lets edit it.
            row.can_edit = allows(self.request.user, Action.EDIT_PAGE, row.page)
            row.translator_names = ", ".join(
                person_name(user) for user in row.page.translators.all()
            )
            row.signoff_user = signer_name(row)
            row.age_days = (now - row.status_since).days
            row.missing_sentences = "\n".join(row.missing)
        return object_list

    def get_filename(self) -> str:
        return f"abridgments-{datetime.date.today():%Y-%m-%d}"

    def stream_csv(self, queryset):
        rows = list(queryset)
        add_missing_sentences(rows)
        return super().stream_csv(rows)

    def write_xlsx(self, queryset, output):
        rows = list(queryset)
        add_missing_sentences(rows)
        return super().write_xlsx(rows, output)

    def to_row_dict(self, item):
        self.decorate_paginated_queryset([item])
        return super().to_row_dict(item)
