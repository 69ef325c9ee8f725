"""Reports → Translation errors: readers' reports for editors, with filters by article and
status, each section linked to the article's editor and to its place on the public page,
and a button that marks a report resolved (recording who and when) or reopens it.

Everything asks the permission table: the listing needs ``SEE_ERROR_REPORTS`` and shows only
reports on pages the editor sees (``visible_q``, so a desk's editors see their desk's
reports), resolving needs ``RESOLVE_ERROR_REPORT`` on the report's page. Reports come from
readers only: there is no add, edit or delete screen.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

import django_filters

from articles.editorial.permissions import Action, allows, require, role_allows, visible_q
from articles.models import ArticlePage, ArticleSection, ErrorReport

STATUS_CHOICES = [("open", _("Open")), ("resolved", _("Resolved"))]


class ErrorReportPermissionPolicy(BasePermissionPolicy):
    """Wagtail's view of the table: editors view and change (resolve) reports, nobody adds
    or deletes them in the admin."""

    def __init__(self):
        super().__init__(ErrorReport)

    def user_has_permission(self, user, action: str) -> bool:
        if action == "view":
            return role_allows(user, Action.SEE_ERROR_REPORTS)
        if action == "change":
            return role_allows(user, Action.RESOLVE_ERROR_REPORT)
        return False

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if action == "change":
            return allows(user, Action.RESOLVE_ERROR_REPORT, instance.page)
        return (
            self.user_has_permission(user, action)
            and ErrorReport.objects.filter(visible_q(user, "page__"), pk=instance.pk).exists()
        )

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        if not self.user_has_permission(user, action):
            return ErrorReport.objects.none()
        return ErrorReport.objects.filter(visible_q(user, "page__"))

    def users_with_permission(self, action: str):
        raise NotImplementedError


class ErrorReportFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("Article"),
        queryset=lambda request: ArticlePage.objects.filter(
            visible_q(request.user), error_reports__isnull=False
        ).distinct(),
        empty_label=_("All articles"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=_("Any")
    )

    class Meta:
        model = ErrorReport
        fields = ["page", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(resolved=value == "resolved")


class SectionColumn(Column):
    """The section as the reader named it, linked to its place on the public page (while the
    article is live and still has it) and to the article's editor."""

    cell_template_name = "articles/admin/error_report_section_cell.html"


class StatusColumn(Column):
    """Open, or who resolved the report and when, with the button that toggles it."""

    cell_template_name = "articles/admin/error_report_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_resolve"] = request is not None and allows(
            request.user, Action.RESOLVE_ERROR_REPORT, instance.page
        )
        resolver = instance.resolved_by
        context["resolver"] = (
            (resolver.get_full_name() or resolver.get_username()) if resolver else ""
        )
        context["resolve_url"] = reverse("articles_error_reports:resolve", args=(instance.pk,))
        # Back to the full listing with its filters, also when the cell was rendered by the
        # filters' results view.
        query = request.GET.urlencode() if request is not None else ""
        context["next_url"] = reverse("articles_error_reports:index") + (
            f"?{query}" if query else ""
        )
        # The cell template is rendered with a plain dict: hand on the listing's token.
        context["csrf_token"] = parent_context.get("csrf_token", "")
        return context


class ErrorReportIndexView(IndexView):
    filterset_class = ErrorReportFilterSet
    paginate_by = 50

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        require(request.user, Action.SEE_ERROR_REPORTS)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self) -> QuerySet:
        return (
            ErrorReport.objects.filter(visible_q(self.request.user, "page__"))
            .select_related("page", "resolved_by")
            .order_by("resolved", "-created_at", "-pk")
        )

    @property
    def columns(self):
        return [
            Column("article", label=_("Article"), accessor="page_title"),
            SectionColumn("section", label=_("Section")),
            Column("text", label=_("What is wrong")),
            Column("contact", label=_("Reader's contact")),
            DateColumn("created_at", label=_("Reported")),
            StatusColumn("resolved", label=_("Status")),
        ]

    def paginate_queryset(self, queryset, page_size):
        paginator, page, reports, is_paginated = super().paginate_queryset(queryset, page_size)
        _add_links(list(reports))
        return paginator, page, reports, is_paginated


def _add_links(reports: list[ErrorReport]) -> None:
    """Give each report its article's title, the editor's address and, while the article is
    live with the section, the section's public address (its number may have changed since
    the report: sections are followed by key). One query for all the sections."""
    pages = {report.page_id for report in reports}
    positions: dict[tuple[int, object], int] = {}
    numbers: dict[int, int] = {}
    rows = (
        ArticleSection.objects.filter(page_id__in=pages)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "key")
    )
    for page_id, key in rows:
        numbers[page_id] = numbers.get(page_id, 0) + 1
        positions[page_id, key] = numbers[page_id]
    for report in reports:
        page = report.page
        report.page_title = page.headline or page.title
        report.edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        position = positions.get((page.pk, report.section_key))
        report.current_position = position
        report.public_url = f"{page.full_url}#section-{position}" if position and page.live else ""


@require_POST
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the report resolved (``resolved=1``) or open again (``resolved=0``)."""
    require(request.user, Action.SEE_ERROR_REPORTS)
    report = get_object_or_404(ErrorReport.objects.select_related("page"), pk=pk)
    require(request.user, Action.RESOLVE_ERROR_REPORT, report.page)
    resolved = request.POST.get("resolved") == "1"
    report.mark(resolved, request.user)
    if resolved:
        messages.success(request, _("The report is marked resolved."))
    else:
        messages.success(request, _("The report is open again."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("articles_error_reports:index")
    return redirect(target)


class ErrorReportViewSet(ModelViewSet):
    model = ErrorReport
    name = "articles_error_reports"
    url_prefix = "reports/translation-errors"
    icon = "warning"
    menu_label = _("Translation errors")
    menu_hook = "register_reports_menu_item"
    menu_order = 60
    index_view_class = ErrorReportIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        # Only the listing exists: no add, edit, delete, history or usage screens.
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/resolve/", resolve, name="resolve"),
        ]

    def register_admin_url_finder(self):
        """No edit screen for Wagtail's admin links to point at."""

    def register_permissions(self):
        """Who may do what is the permission table's, not a group permission to tick."""
