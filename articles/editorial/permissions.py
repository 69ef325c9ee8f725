"""The permission table: which role may do what, and on which pages.

Every admin screen, export, menu item and button of the project asks this module, and nothing else,
whether the user may act. A rule names the roles (``articles.editorial.roles``) that may take the
action and, where a page is involved, what the user needs on *that* page under Wagtail's page
permissions (``GroupPagePermission`` granted on the page or an ancestor). So a group narrowed to one
article index (a desk) sees and does nothing on another desk, whatever its role.

Page needs, checked with Wagtail's ``PagePermissionTester``:

- ``see``: any page permission on the page's branch (view, add, change, publish...);
- ``edit``, ``publish``, ``delete``, ``add``: the tester's ``can_edit``, ``can_publish``,
  ``can_delete`` and ``can_add_subpage`` (``add`` is asked of the parent index).

One way of refusing: ``require`` raises ``PermissionDenied``; Wagtail's admin answers it with a
redirect to the dashboard and "Sorry, you do not have permission to access this area.", so the
refusal never carries the object's text. Lists and counts keep only the pages ``visible_q``
allows.

``docs/workflow.md`` (Roles) is this table in words; a test compares the two, and another that
every admin URL the project registers is named in ``ADMIN_URLS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from articles.editorial.roles import EDITORS, REVIEWERS, TRANSLATORS, has_role


class Action(StrEnum):
    ADD_PAGE = "add_page"
    EDIT_PAGE = "edit_page"
    PUBLISH_PAGE = "publish_page"
    SCHEDULE_PUBLISHING = "schedule_publishing"
    DELETE_PAGE = "delete_page"
    IMPORT = "import"
    ATTACH_ORIGINAL = "attach_original"
    RECORD_NO_ORIGINAL = "record_no_original"
    RECHECK_COVERAGE = "recheck_coverage"
    DRAFT_WITH_AI = "draft_with_ai"
    ACCEPT_AI_DRAFT = "accept_ai_draft"
    VIEW_REVIEW = "view_review"
    RECHECK_SOURCE = "recheck_source"
    DISMISS_FINDING = "dismiss_finding"
    SIGN_OFF = "sign_off"
    APPROVE_CUT_STEP = "approve_cut_step"
    APPROVE_STEP = "approve_step"
    SEE_ABRIDGMENTS_REPORT = "see_abridgments_report"
    SEE_EFFORT_REPORT = "see_effort_report"
    EXPORT_REPORTS = "export_reports"
    VIEW_GLOSSARY = "view_glossary"
    IMPORT_GLOSSARY = "import_glossary"
    SEE_ERROR_REPORTS = "see_error_reports"
    RESOLVE_ERROR_REPORT = "resolve_error_report"


SEE, EDIT, PUBLISH, DELETE, ADD = "see", "edit", "publish", "delete", "add"


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str]
    #: What the user needs on the page acted on; "" when no page is involved.
    page: str = ""
    #: Model permissions ("app_label.codename"), all required.
    model: tuple[str, ...] = ()


ALL_ROLES = frozenset({EDITORS, TRANSLATORS, REVIEWERS})
WRITERS = frozenset({EDITORS, TRANSLATORS})
SIGNERS = frozenset({EDITORS, REVIEWERS})

TABLE: dict[Action, Rule] = {
    Action.ADD_PAGE: Rule(WRITERS, ADD),
    Action.EDIT_PAGE: Rule(WRITERS, EDIT),
    Action.PUBLISH_PAGE: Rule(frozenset({EDITORS}), PUBLISH),
    Action.SCHEDULE_PUBLISHING: Rule(frozenset({EDITORS}), PUBLISH),
    Action.DELETE_PAGE: Rule(frozenset({EDITORS}), DELETE),
    Action.IMPORT: Rule(frozenset({EDITORS}), ADD),
    Action.ATTACH_ORIGINAL: Rule(frozenset({EDITORS}), EDIT),
    # The article editor's "why there is no original" field: only editors see and set it.
    Action.RECORD_NO_ORIGINAL: Rule(frozenset({EDITORS}), EDIT),
    # Re-aligning every section and changing their status (full -> abridged) in a revision.
    Action.RECHECK_COVERAGE: Rule(frozenset({EDITORS}), EDIT),
    Action.DRAFT_WITH_AI: Rule(WRITERS, EDIT),
    Action.ACCEPT_AI_DRAFT: Rule(WRITERS, EDIT),
    Action.VIEW_REVIEW: Rule(ALL_ROLES, SEE),
    Action.RECHECK_SOURCE: Rule(ALL_ROLES, SEE),
    Action.DISMISS_FINDING: Rule(ALL_ROLES, SEE),
    Action.SIGN_OFF: Rule(SIGNERS, SEE),
    Action.APPROVE_CUT_STEP: Rule(SIGNERS, SEE),
    # A workflow step of the translation workflow; membership of the step's groups is
    # also needed (the task checks it).
    Action.APPROVE_STEP: Rule(SIGNERS, SEE),
    # Reports list only the pages the user may see (``visible_q``).
    Action.SEE_ABRIDGMENTS_REPORT: Rule(ALL_ROLES),
    Action.SEE_EFFORT_REPORT: Rule(SIGNERS),
    Action.EXPORT_REPORTS: Rule(ALL_ROLES),
    Action.VIEW_GLOSSARY: Rule(ALL_ROLES, model=("people.view_term",)),
    Action.IMPORT_GLOSSARY: Rule(WRITERS, model=("people.add_term", "people.change_term")),
    # Readers' reports of translation errors: editors list those on pages they see
    # (``visible_q``), are e-mailed about them and mark them resolved.
    Action.SEE_ERROR_REPORTS: Rule(frozenset({EDITORS})),
    Action.RESOLVE_ERROR_REPORT: Rule(frozenset({EDITORS}), SEE),
}

#: Every admin URL the project registers, by name, and the action it asks for (a test keeps
#: this complete). Wagtail's own page and snippet views enforce Wagtail's permissions, which
#: ``articles.editorial.roles`` grants to match the table.
ADMIN_URLS: dict[str, Action] = {
    "articles_abridgment_review": Action.VIEW_REVIEW,
    "articles_abridgment_report": Action.SEE_ABRIDGMENTS_REPORT,
    "articles_abridgment_report_results": Action.SEE_ABRIDGMENTS_REPORT,
    "articles_effort_report": Action.SEE_EFFORT_REPORT,
    "articles_effort_report_results": Action.SEE_EFFORT_REPORT,
    "articles_drafts": Action.DRAFT_WITH_AI,
    "articles_drafts_start": Action.DRAFT_WITH_AI,
    "articles_drafts_retry": Action.DRAFT_WITH_AI,
    "articles_drafts_reset": Action.DRAFT_WITH_AI,
    "articles_drafts_accept": Action.ACCEPT_AI_DRAFT,
    "articles_drafts_undo": Action.ACCEPT_AI_DRAFT,
    "articles_import": Action.IMPORT,
    "articles_attach_original": Action.ATTACH_ORIGINAL,
    "articles_coverage": Action.RECHECK_COVERAGE,
    "articles_coverage_undo": Action.RECHECK_COVERAGE,
    "articles_review:review": Action.VIEW_REVIEW,
    "articles_review:revisions": Action.VIEW_REVIEW,
    "articles_review:recheck": Action.RECHECK_SOURCE,
    "articles_review:dismiss": Action.DISMISS_FINDING,
    "articles_review:undismiss": Action.DISMISS_FINDING,
    "people_glossary_import": Action.IMPORT_GLOSSARY,
    "wagtailsnippets_people_term:list": Action.VIEW_GLOSSARY,
    "wagtailsnippets_people_term:list_results": Action.VIEW_GLOSSARY,
    "articles_error_reports:index": Action.SEE_ERROR_REPORTS,
    "articles_error_reports:index_results": Action.SEE_ERROR_REPORTS,
    "articles_error_reports:resolve": Action.RESOLVE_ERROR_REPORT,
}

_POLICY = PagePermissionPolicy()
_ANY_PAGE_PERMISSION = frozenset(
    {"add", "change", "publish", "view", "delete", "lock", "unlock", "bulk_delete"}
)


def role_allows(user, action: Action) -> bool:
    """Whether the user's role may ever take ``action``: for menus, buttons and refusing
    before a page is known. Where a page is involved, ``allows`` must still be asked."""
    rule = TABLE[action]
    if not has_role(user, *rule.roles):
        return False
    return user.is_superuser or user.has_perms(rule.model)


def allows(user, action: Action, page=None) -> bool:
    """Whether ``user`` may take ``action`` on ``page`` (the parent index for ``IMPORT``
    and ``ADD_PAGE``)."""
    rule = TABLE[action]
    if not role_allows(user, action):
        return False
    if not rule.page:
        return True
    if page is None:
        raise ValueError(f"{action} is decided per page; pass the page.")
    tester = page.permissions_for_user(user)
    if rule.page == SEE:
        return user.is_superuser or bool(tester.permissions)
    check = {
        EDIT: tester.can_edit,
        PUBLISH: tester.can_publish,
        DELETE: tester.can_delete,
        ADD: tester.can_add_subpage,
    }[rule.page]
    return check()


def require(user, action: Action, page=None) -> None:
    """Refuse, the one way the project refuses, unless ``allows``."""
    if not allows(user, action, page):
        raise PermissionDenied


def require_role(user, action: Action) -> None:
    """Refuse early, before the page is known, a user whose role may never take ``action``."""
    if not role_allows(user, action):
        raise PermissionDenied


def visible_q(user, prefix: str = "") -> Q:
    """A filter keeping the pages ``user`` may see (``prefix`` is the path to the page from
    the model filtered, e.g. ``"page__"``): reports list and count only those."""
    if not (user.is_authenticated and user.is_active):
        return Q(**{f"{prefix}pk__in": []})
    if user.is_superuser:
        return Q()
    condition = Q(**{f"{prefix}pk__in": []})
    for grant in _POLICY.get_cached_permissions_for_user(user):
        action = grant.permission.codename.rsplit("_", 1)[0]
        if action in _ANY_PAGE_PERMISSION:
            condition |= Q(**{f"{prefix}path__startswith": grant.page.path})
    return condition


class EditorialPagePermissionTester(PagePermissionTester):
    """Wagtail's tester with the table's page rules that Wagtail does not have.

    Wagtail lets anyone who may change a page delete (and so move) it while unpublished;
    here deleting also needs the ``delete`` page permission, which only editors are
    granted. A workflow step opens the editor to its group only on pages the user has some
    permission on, so a reviewer of one desk cannot edit another desk's article.
    """

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        return self.user.is_superuser or (
            has_role(self.user, *TABLE[Action.DELETE_PAGE].roles) and "delete" in self.permissions
        )

    def can_edit(self) -> bool:
        if not super().can_edit():
            return False
        return self.user.is_superuser or bool(self.permissions)


class EditorialPagePermissions:
    """Mixin for the project's page models: their permission tester is the one above."""

    def permissions_for_user(self, user) -> EditorialPagePermissionTester:
        return EditorialPagePermissionTester(user, self)


class ReportAccess:
    """Mixin for report views: seeing the report needs ``see_action``; exporting it (and
    seeing its export buttons) needs ``Action.EXPORT_REPORTS`` as well."""

    see_action: Action

    def dispatch(self, request, *args, **kwargs):
        require(request.user, self.see_action)
        if request.GET.get("export"):
            require(request.user, Action.EXPORT_REPORTS)
        return super().dispatch(request, *args, **kwargs)

    @property
    def show_export_buttons(self) -> bool:
        return bool(self.list_export) and allows(self.request.user, Action.EXPORT_REPORTS)
