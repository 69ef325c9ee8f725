"""Admin registration of the articles app, in one place: the topics snippet, every admin URL,
menu item and button of the screens (each screen module keeps its views and a plain
``urlpatterns``), the article editor's viewset, the dashboard panel, audit-log actions, the
translation workflow on new article indexes, and the articles listed on people's and quotes'
public pages (``people.page_sections``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.contrib.settings.registry import register_setting
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.content import people_pages
from articles.drafting import screen as drafting_screen
from articles.drafting.replacing import REPLACED_ACTION, RESTORED_ACTION
from articles.editorial import conflict_screen, coverage_screen
from articles.editorial.abridgment_screen import AbridgmentReviewView
from articles.editorial.article_buttons import article_menu_button
from articles.editorial.coverage_check import APPLIED_ACTION as COVERAGE_APPLIED_ACTION
from articles.editorial.coverage_undo import UNDONE_ACTION as COVERAGE_UNDONE_ACTION
from articles.editorial.error_report_screen import ErrorReportPermissionPolicy, ErrorReportViewSet
from articles.editorial.licence_warning import warn_unknown_licence
from articles.editorial.permissions import Action, role_allows, visible_q
from articles.editorial.reports import AbridgmentReportView, awaiting_signoff
from articles.editorial.section_rules import (
    CUT_STATUSES,
    SIGNOFF_ACTION,
    SIGNOFF_CLEARED_ACTION,
    SIGNOFF_REJECT_ACTION,
    STATUS_ACTION,
    status_label,
)
from articles.editorial.workflow import assign_translation_workflow
from articles.editorial.workflow_messages import after_workflow_action, remember_open_step
from articles.editorial.workflow_names import show_names_in_workflow_log
from articles.forms import SUBMISSION_CHECKS_HOOK
from articles.importing import attach_screen
from articles.importing import screen as importing_screen
from articles.importing.adapter.machine_notes import note_from_log
from articles.models import ArticleIndexPage, CheckPolicy, ErrorReport, LatestSection, Topic
from articles.review import admin_urls as review_admin_urls
from articles.review import effort_report
from articles.review.checking import refuse_blocking_findings
from articles.review.rows import CHECK_LABELS
from articles.review.views import FINDING_DISMISSED_ACTION, FINDING_RESTORED_ACTION
from people.page_sections import PERSON_PAGE_SECTIONS, QUOTE_PAGE_SECTIONS


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name_zh_hans", "name_en", "slug"]
    search_fields = ["name_en", "name_zh_hans", "slug"]
    # Substring matching in the database: Chinese has no spaces for a full-text tokenizer.
    search_backend_name = None
    add_to_admin_menu = True
    menu_order = 300


register_snippet(TopicViewSet)
register_setting(CheckPolicy, icon="warning")
hooks.register(SUBMISSION_CHECKS_HOOK, refuse_blocking_findings)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        *drafting_screen.urlpatterns,
        *importing_screen.urlpatterns,
        *attach_screen.urlpatterns,
        *coverage_screen.urlpatterns,
        path("articles/", include(review_admin_urls)),
        *effort_report.urlpatterns,
        path(
            "articles/<int:page_id>/abridgments/",
            AbridgmentReviewView.as_view(),
            name="articles_abridgment_review",
        ),
        path(
            "reports/abridgments/",
            AbridgmentReportView.as_view(),
            name="articles_abridgment_report",
        ),
        path(
            "reports/abridgments/results/",
            AbridgmentReportView.as_view(results_only=True),
            name="articles_abridgment_report_results",
        ),
    ]


class AbridgmentsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return role_allows(request.user, Action.SEE_ABRIDGMENTS_REPORT)


@hooks.register("register_reports_menu_item")
def abridgments_menu_item():
    return AbridgmentsMenuItem(
        _("Abridgments"), reverse("articles_abridgment_report"), icon_name="openquote", order=50
    )


hooks.register("register_reports_menu_item", effort_report.menu_item)
# Reports → Translation errors: readers' reports, for the editors of each desk.
register_permission_policy(ErrorReport, ErrorReportPermissionPolicy())
hooks.register("register_admin_viewset", ErrorReportViewSet)
hooks.register("register_admin_viewset", conflict_screen.article_page_viewset)

hooks.register("register_page_header_buttons", review_admin_urls.page_header_review_button)
hooks.register("register_page_listing_more_buttons", review_admin_urls.page_listing_review_button)
hooks.register("register_page_header_buttons", drafting_screen.page_header_drafts_button)
hooks.register("register_page_listing_more_buttons", drafting_screen.page_listing_drafts_button)
hooks.register("register_page_header_buttons", importing_screen.import_button)
hooks.register("register_page_listing_more_buttons", importing_screen.import_button)
hooks.register("register_page_header_buttons", attach_screen.attach_button)
hooks.register("register_page_listing_more_buttons", attach_screen.attach_button)
hooks.register("register_page_header_buttons", coverage_screen.coverage_button)
hooks.register("register_page_listing_more_buttons", coverage_screen.coverage_button)

hooks.register("after_publish_page", warn_unknown_licence)
hooks.register("before_edit_page", remember_open_step)
hooks.register("after_edit_page", after_workflow_action)
hooks.register(PERSON_PAGE_SECTIONS, people_pages.person_articles)
hooks.register(QUOTE_PAGE_SECTIONS, people_pages.quote_articles)


class AwaitingSignoffPanel(Component):
    name = "awaiting_signoff"
    template_name = "articles/admin/awaiting_signoff_panel.html"
    order = 50

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "report_url": reverse("articles_abridgment_report")}


@hooks.register("construct_homepage_panels")
def awaiting_signoff_panel(request, panels):
    user = request.user
    if not role_allows(user, Action.SIGN_OFF):
        return
    cuts = LatestSection.objects.filter(visible_q(user, "page__"), status__in=CUT_STATUSES)
    count = awaiting_signoff(cuts).count()
    if count:
        panels.append(AwaitingSignoffPanel(count))


abridgment_review_button = article_menu_button(
    _("Abridgment review"), "articles_abridgment_review", Action.VIEW_REVIEW, "openquote", 60
)
hooks.register("register_page_header_buttons", abridgment_review_button)
hooks.register("register_page_listing_more_buttons", abridgment_review_button)


@hooks.register("after_create_page")
def put_new_article_indexes_under_the_workflow(request, page):
    if isinstance(page.specific_deferred, ArticleIndexPage):
        assign_translation_workflow(page)


class SectionLogFormatter(LogFormatter):
    def format_comment(self, log_entry) -> str:
        return log_entry.data.get("comment", "") or log_entry.data.get("note", "")


# After Wagtail's own log actions (a higher order): its workflow entries name the steps.
hooks.register("register_log_actions", show_names_in_workflow_log, order=1)


class FindingLogFormatter(LogFormatter):
    def facts(self, log_entry) -> dict:
        data = log_entry.data
        return {
            "section": data.get("section", ""),
            "check": CHECK_LABELS.get(data.get("code", ""), data.get("code", "")),
        }

    def format_comment(self, log_entry) -> str:
        return log_entry.data.get("reason", "")


class CoverageBatchFormatter(LogFormatter):
    def status_changes(self, log_entry, before: str) -> str:
        """Each section whose status the batch changed, "§2 heading: status full → abridged"
        (``before`` is the key of the earlier status in the entry's data)."""
        changes = []
        for item in log_entry.data.get("sections") or []:
            old = item.get(before)
            old = old.get("status") if isinstance(old, dict) else old
            if old and old != item.get("status"):
                changes.append(
                    _("%(section)s: status %(old)s → %(new)s")
                    % {
                        "section": item.get("section", ""),
                        "old": status_label(old),
                        "new": status_label(item.get("status") or ""),
                    }
                )
        return "; ".join(changes)


@hooks.register("register_log_actions")
def register_section_log_actions(actions):
    @actions.register_action(STATUS_ACTION)
    class StatusFormatter(SectionLogFormatter):
        label = _("Section status change")

        def format_comment(self, log_entry) -> str:
            # The aligner's note, in the viewer's admin language; older entries hold text.
            return note_from_log(log_entry.data) or super().format_comment(log_entry)

        def format_message(self, log_entry):
            data = log_entry.data
            return _("%(section)s: status %(old)s → %(new)s") % {
                "section": data.get("section", ""),
                "old": status_label(data["old"]) if data.get("old") else _("new"),
                "new": status_label(data.get("new") or ""),
            }

    @actions.register_action(SIGNOFF_ACTION)
    class SignoffFormatter(SectionLogFormatter):
        label = _("Abridgment signed off")

        def format_message(self, log_entry):
            return _("%(section)s: cut signed off") % {"section": log_entry.data.get("section")}

    @actions.register_action(SIGNOFF_REJECT_ACTION)
    class RejectFormatter(SectionLogFormatter):
        label = _("Abridgment sent back")

        def format_message(self, log_entry):
            return _("%(section)s: reviewer asked for changes") % {
                "section": log_entry.data.get("section")
            }

    @actions.register_action(REPLACED_ACTION)
    class ReplacedFormatter(LogFormatter):
        label = _("Chinese replaced by the AI draft")

        def format_message(self, log_entry):
            return _("%(section)s: the Chinese was replaced by the AI draft") % {
                "section": log_entry.data.get("section", "")
            }

    @actions.register_action(RESTORED_ACTION)
    class RestoredFormatter(LogFormatter):
        label = _("AI draft replacement undone")

        def format_message(self, log_entry):
            return _("%(section)s: the Chinese from before the AI draft was put back") % {
                "section": log_entry.data.get("section", "")
            }

    @actions.register_action(COVERAGE_APPLIED_ACTION)
    class CoverageAppliedFormatter(CoverageBatchFormatter):
        label = _("Coverage re-check applied")

        def format_message(self, log_entry):
            changes = self.status_changes(log_entry, "previous")
            if not changes:
                return _("Coverage re-check: coverage stored, no status changed")
            return _("Coverage re-check: %(changes)s") % {"changes": changes}

    @actions.register_action(COVERAGE_UNDONE_ACTION)
    class CoverageUndoneFormatter(CoverageBatchFormatter):
        label = _("Coverage re-check undone")

        def format_message(self, log_entry):
            return _("Coverage re-check undone: %(changes)s") % {
                "changes": self.status_changes(log_entry, "from") or "—"
            }

    @actions.register_action(FINDING_DISMISSED_ACTION)
    class DismissedFormatter(FindingLogFormatter):
        label = _("Check finding dismissed")

        def format_message(self, log_entry):
            return _("%(section)s: finding dismissed (%(check)s)") % self.facts(log_entry)

    @actions.register_action(FINDING_RESTORED_ACTION)
    class RestoredFindingFormatter(FindingLogFormatter):
        label = _("Check finding dismissal undone")

        def format_message(self, log_entry):
            return _("%(section)s: dismissed finding shown again (%(check)s)") % self.facts(
                log_entry
            )

    @actions.register_action(SIGNOFF_CLEARED_ACTION)
    class ClearedFormatter(SectionLogFormatter):
        label = _("Sign-off cleared")

        def format_message(self, log_entry):
            return _("%(section)s: edited after sign-off; the sign-off no longer applies") % {
                "section": log_entry.data.get("section")
            }
