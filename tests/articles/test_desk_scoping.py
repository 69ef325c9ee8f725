"""Desk scoping (SECURITY-TESTS A1): every admin URL and export the project registers, for
each role of desk A, on desk A and on desk B. Allowed where the permission table says;
otherwise refused the one way the admin refuses, with nothing of the article in the response.
Lists and exports open to a role show only its own desk."""

from __future__ import annotations

import io
import re

from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest
from openpyxl import load_workbook

from articles.editorial.permissions import ADMIN_URLS, TABLE
from articles.models import CheckDismissal, ErrorReport, SectionSignoff
from articles.review.rows import CHECK_LABELS
from tests.articles.desks import ROLE_KEYS

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("articles", "people")


def project_admin_url_names() -> set[str]:
    """Names of the admin URLs whose views live in the project's apps, from the resolver."""
    names: set[str] = set()

    def walk(patterns, namespace: str, route: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                walk(pattern.url_patterns, inner, route + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                view = getattr(pattern.callback, "view_class", pattern.callback)
                app = (view.__module__ or "").split(".")[0]
                if route.startswith("admin/") and app in PROJECT_APPS:
                    names.add(namespace + (pattern.name or f"<unnamed {pattern.pattern}>"))

    walk(get_resolver().url_patterns, "", "")
    return names


# name: (method, builder(desk) -> (url, data)). Page-scoped URLs act on the given desk.
def _page(name):
    return lambda desk: (reverse(name, args=(desk.article.pk,)), {})


def _section_key(name, data=None):
    return lambda desk: (reverse(name, args=(desk.article.pk, desk.full_section.key)), data or {})


def _error_report(name):
    """A reader's report on the desk's article, and the URL acting on it."""

    def build(desk):
        report = ErrorReport.objects.create(
            page=desk.article,
            section_key=desk.full_section.key,
            section_position=1,
            text=f"{desk.marker}错误。",
            language="zh-hans",
        )
        return reverse(name, args=(report.pk,)), {"resolved": "1"}

    return build


REQUESTS = {
    "articles_abridgment_review": ("get", _page("articles_abridgment_review")),
    "articles_abridgment_report": ("get", lambda desk: (reverse("articles_abridgment_report"), {})),
    "articles_abridgment_report_results": (
        "get",
        lambda desk: (reverse("articles_abridgment_report_results"), {}),
    ),
    "articles_effort_report": ("get", lambda desk: (reverse("articles_effort_report"), {})),
    "articles_effort_report_results": (
        "get",
        lambda desk: (reverse("articles_effort_report_results"), {}),
    ),
    "articles_drafts": ("get", _page("articles_drafts")),
    "articles_drafts_start": ("post", _page("articles_drafts_start")),
    "articles_drafts_retry": ("post", _page("articles_drafts_retry")),
    "articles_drafts_reset": ("post", _page("articles_drafts_reset")),
    "articles_drafts_accept": ("post", _section_key("articles_drafts_accept")),
    "articles_drafts_undo": ("post", _page("articles_drafts_undo")),
    "articles_import": (
        "get",
        lambda desk: (reverse("articles_import"), {"parent": desk.index.pk}),
    ),
    "articles_attach_original": ("get", _page("articles_attach_original")),
    "articles_coverage": ("get", _page("articles_coverage")),
    "articles_coverage_undo": ("post", _page("articles_coverage_undo")),
    "articles_review:review": ("get", _page("articles_review:review")),
    "articles_review:revisions": ("get", _page("articles_review:revisions")),
    "articles_review:recheck": ("post", _section_key("articles_review:recheck")),
    "articles_review:dismiss": (
        "post",
        _section_key(
            "articles_review:dismiss",
            {"code": sorted(CHECK_LABELS)[0], "evidence": "x", "reason": "fine as it is"},
        ),
    ),
    "articles_review:undismiss": (
        "post",
        _section_key(
            "articles_review:undismiss", {"code": sorted(CHECK_LABELS)[0], "evidence": "x"}
        ),
    ),
    "people_glossary_import": ("get", lambda desk: (reverse("people_glossary_import"), {})),
    "wagtailsnippets_people_term:list": (
        "get",
        lambda desk: (reverse("wagtailsnippets_people_term:list"), {}),
    ),
    "wagtailsnippets_people_term:list_results": (
        "get",
        lambda desk: (reverse("wagtailsnippets_people_term:list_results"), {}),
    ),
    "articles_error_reports:index": (
        "get",
        lambda desk: (reverse("articles_error_reports:index"), {}),
    ),
    "articles_error_reports:index_results": (
        "get",
        lambda desk: (reverse("articles_error_reports:index_results"), {}),
    ),
    "articles_error_reports:resolve": ("post", _error_report("articles_error_reports:resolve")),
}
EXPORTS = ["articles_abridgment_report", "articles_effort_report"]


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def expected_allowed(role_key: str, url_name: str, own_desk: bool) -> bool:
    rule = TABLE[ADMIN_URLS[url_name]]
    return ROLE_KEYS[role_key] in rule.roles and (own_desk or not rule.page)


def test_every_project_admin_url_is_in_the_table():
    registered = project_admin_url_names()
    assert registered, "found no admin URL of the project: the resolver walk is broken"
    assert registered == set(ADMIN_URLS), (
        "admin URLs without a permission table entry: "
        f"{sorted(registered - set(ADMIN_URLS))}; entries without a URL: "
        f"{sorted(set(ADMIN_URLS) - registered)}"
    )
    assert set(REQUESTS) == set(ADMIN_URLS)


@pytest.mark.parametrize("url_name", sorted(ADMIN_URLS))
@pytest.mark.parametrize("role_key", sorted(ROLE_KEYS))
def test_desk_a_roles_on_both_desks(client, desks, role_key, url_name):
    client.force_login(desks["A"].users[role_key])
    method, build = REQUESTS[url_name]
    for desk_name in ("A", "B"):
        desk = desks[desk_name]
        url, data = build(desk)
        dismissals = CheckDismissal.objects.count()
        response = getattr(client, method)(url, data)
        body = response.content.decode()
        context = (role_key, url_name, desk_name, response.status_code)
        if expected_allowed(role_key, url_name, own_desk=desk_name == "A"):
            assert not refused(response), context
            assert response.status_code in (200, 302), context
        else:
            assert refused(response), context
            assert CheckDismissal.objects.count() == dismissals, context
        # Whatever the answer, nothing of desk B reaches a desk A user.
        assert desks["B"].marker not in body, context


@pytest.mark.parametrize("url_name", EXPORTS)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize("role_key", sorted(ROLE_KEYS))
def test_exports_hold_only_the_own_desk(client, desks, role_key, url_name, export):
    client.force_login(desks["A"].users[role_key])
    response = client.get(reverse(url_name), {"export": export})
    if not expected_allowed(role_key, url_name, own_desk=True):
        assert refused(response)
        return
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        text = content.decode("utf-8-sig")
        assert desks["A"].article.headline_zh_hans in text
        assert desks["B"].article.headline_zh_hans not in text
    else:
        # An XLSX is a zip: compare the workbook's strings, not the compressed bytes.
        cells = {
            str(cell)
            for row in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
            for cell in row
        }
        assert desks["A"].article.headline_zh_hans in cells
        assert desks["B"].article.headline_zh_hans not in cells


@pytest.mark.parametrize("role_key", ["editor", "reviewer"])
def test_reports_and_dashboard_count_only_the_own_desk(client, desks, role_key):
    client.force_login(desks["A"].users[role_key])
    report = client.get(reverse("articles_abridgment_report")).content.decode()
    assert report.count("<tr data-signoff=") == 1
    assert desks["A"].marker in report
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert desks["B"].marker not in dashboard
    # One cut awaits sign-off on each desk; the panel counts the user's own only.
    panel = dashboard.split('id="awaiting-signoff-heading"', 1)[1]
    assert re.search(r"<p[^>]*>\D*(\d+)", panel).group(1) == "1"


def test_desk_a_reviewer_cannot_sign_off_on_desk_b(client, desks):
    client.force_login(desks["A"].users["reviewer"])
    desk = desks["B"]
    url = reverse("articles_abridgment_review", args=(desk.article.pk,))
    response = client.post(
        url,
        {"section_key": desk.cut_section.key, "decision": "approved", "comment": ""},
    )
    assert refused(response)
    assert desk.marker not in response.content.decode()
    assert not SectionSignoff.objects.exists()

    # The same reviewer signs off on their own desk.
    own = desks["A"]
    response = client.post(
        reverse("articles_abridgment_review", args=(own.article.pk,)),
        {"section_key": own.cut_section.key, "decision": "approved", "comment": ""},
    )
    assert response.status_code == 302 and not refused(response)
    assert SectionSignoff.objects.filter(section_key=own.cut_section.key).count() == 1
    assert SectionSignoff.objects.count() == 1
