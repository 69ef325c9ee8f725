"""Reports → Translation errors: a reader's report reaches the editors of the article's desk
(the listing and an e-mail) and nobody else; editors filter the listing and mark a report
resolved from its rendered form, which records who and when."""

from __future__ import annotations

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from articles.models import ErrorReport
from tests.admin_refusal import refused
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

LISTING = "/admin/reports/translation-errors/"


@pytest.fixture
def live_desks(desks):
    """Both desks' articles published, every desk user with an e-mail address."""
    for desk in desks.values():
        for user in desk.users.values():
            user.email = f"{user.username}@example.com"
            user.save(update_fields=["email"])
        desk.article.save_revision().publish()
        desk.article.refresh_from_db()
    return desks


def report_from_the_page(desk, text: str) -> None:
    """An anonymous reader sends ``text`` from the form under the desk article's first
    section, as their browser would."""
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(f"/{desk.index.slug}/{desk.article.slug}/")
    assert page.status_code == 200
    form = RenderedForm(page.content, "#section-1 form.error-report-form")
    form.set("text", text)
    response = reader.post(form.action, form.data(), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302


def test_a_report_reaches_the_editors_of_its_desk_only(client, live_desks):
    desk_a, desk_b = live_desks["A"], live_desks["B"]
    report_from_the_page(desk_a, f"{desk_a.marker}：第一节的年份错了。")

    assert [message.to for message in mail.outbox] == [["editor_a@example.com"]]

    client.force_login(desk_a.users["editor"])
    listing = client.get(LISTING)
    assert listing.status_code == 200
    soup = BeautifulSoup(listing.content, "html.parser")
    (row,) = soup.select("tbody tr")
    assert f"{desk_a.marker}：第一节的年份错了。" in row.get_text()
    public = row.select_one('a[data-link="public"]')
    assert public["href"] == f"{desk_a.article.full_url}#section-1"
    assert f"{desk_a.marker}第一节" in public.get_text()
    edit = row.select_one('a[data-link="edit"]')
    assert edit["href"] == reverse("wagtailadmin_pages:edit", args=(desk_a.article.pk,))

    client.force_login(desk_b.users["editor"])
    other = client.get(LISTING)
    assert other.status_code == 200
    assert desk_a.marker not in other.content.decode()
    assert not BeautifulSoup(other.content, "html.parser").select("tbody tr")

    for role in ("translator", "reviewer"):
        client.force_login(desk_a.users[role])
        assert refused(client.get(LISTING)), role


def test_the_menu_shows_the_listing_to_editors_only(client, live_desks):
    client.force_login(live_desks["A"].users["editor"])
    assert LISTING in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(live_desks["A"].users["translator"])
    assert LISTING not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_marks_a_report_resolved_and_reopens_it(client, live_desks):
    desk = live_desks["A"]
    report_from_the_page(desk, "标点用错了。")
    editor = desk.users["editor"]
    editor.first_name, editor.last_name = "Ming", "Li"
    editor.save()
    client.force_login(editor)

    form = RenderedForm(client.get(LISTING).content, 'form[action$="/resolve/"]')
    response = client.post(form.action, form.data(resolved="1"))
    assert response.status_code == 302 and not refused(response)
    report = ErrorReport.objects.get()
    assert report.resolved and report.resolved_by == editor and report.resolved_at

    listing = client.get(response.url)
    cell = BeautifulSoup(listing.content, "html.parser").select_one("tbody tr").get_text(" ")
    assert "Ming Li" in cell
    assert timezone.localtime(report.resolved_at).strftime("%Y-%m-%d %H:%M") in cell

    form = RenderedForm(listing.content, 'form[action$="/resolve/"]')
    assert form.buttons == {"resolved": "0"}
    client.post(form.action, form.data(resolved="0"))
    report.refresh_from_db()
    assert not report.resolved and report.resolved_by is None and report.resolved_at is None


def test_another_desks_editor_cannot_resolve(client, live_desks):
    report_from_the_page(live_desks["A"], "错别字。")
    report = ErrorReport.objects.get()
    client.force_login(live_desks["B"].users["editor"])
    response = client.post(
        reverse("articles_error_reports:resolve", args=(report.pk,)), {"resolved": "1"}
    )
    assert refused(response)
    report.refresh_from_db()
    assert not report.resolved


def test_filters_by_article_and_status(client, live_desks, admin_client):
    desk_a, desk_b = live_desks["A"], live_desks["B"]
    report_from_the_page(desk_a, "甲台的问题。")
    report_from_the_page(desk_b, "乙台的问题。")
    ErrorReport.objects.filter(page=desk_b.article).update(resolved=True)

    def rows(**query) -> list[str]:
        response = admin_client.get(LISTING, query)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        return sorted(row.select("td")[2].get_text(strip=True) for row in soup.select("tbody tr"))

    assert rows() == ["乙台的问题。", "甲台的问题。"]
    assert rows(page=desk_a.article.pk) == ["甲台的问题。"]
    assert rows(status="resolved") == ["乙台的问题。"]
    assert rows(status="open") == ["甲台的问题。"]
    assert rows(status="open", page=desk_b.article.pk) == []


def test_the_article_filter_offers_only_the_own_desks_articles(client, live_desks):
    report_from_the_page(live_desks["A"], "甲台的问题。")
    report_from_the_page(live_desks["B"], "乙台的问题。")
    client.force_login(live_desks["A"].users["editor"])
    body = client.get(LISTING).content.decode()
    assert live_desks["B"].marker not in body
    assert "乙台的问题。" not in body


def test_the_listing_in_english(client, live_desks):
    editor = live_desks["A"].users["editor"]
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    report_from_the_page(live_desks["A"], "A typo.")
    client.force_login(editor)
    soup = BeautifulSoup(client.get(LISTING).content, "html.parser")
    assert "Translation error reports" in soup.title.get_text()
    headings = [th.get_text(" ", strip=True) for th in soup.select("thead th")]
    assert headings[:3] == ["Article", "Section", "What is wrong"]
    assert "Mark resolved" in soup.select_one("tbody tr").get_text()
