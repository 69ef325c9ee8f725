import csv
import io

from django.core.cache import cache
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from articles.models import LatestSection, SectionSignoff

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/abridgments/"


@pytest.fixture
def cut_rows(demo):
    return LatestSection.objects.filter(page=demo.article, status__in=["abridged", "omitted"])


def test_report_lists_every_cut_section(client, demo, cut_rows, editor_user):
    client.force_login(editor_user)
    html = client.get(REPORT).content.decode()
    assert html.count("<tr data-signoff=") == cut_rows.count()
    for row in cut_rows:
        assert row.note[:40] in html


def test_report_filters_by_status_and_signoff(client, demo, cut_rows, editor_user):
    client.force_login(editor_user)
    omitted = client.get(REPORT, {"status": "omitted"}).content.decode()
    assert omitted.count("<tr data-signoff=") == cut_rows.filter(status="omitted").count()

    approved = client.get(REPORT, {"signoff_state": "approved"}).content.decode()
    assert approved.count('<tr data-signoff="approved"') == cut_rows.count()
    assert (
        client.get(REPORT, {"signoff_state": "unsigned"})
        .content.decode()
        .count("<tr data-signoff=")
        == 0
    )

    SectionSignoff.objects.all().delete()
    unsigned = client.get(REPORT, {"signoff_state": "unsigned"}).content.decode()
    assert unsigned.count('<tr data-signoff="unsigned"') == cut_rows.count()


def test_report_filters_by_article_and_translator(
    client, demo, cut_rows, editor_user, translator_user
):
    client.force_login(editor_user)
    translator = demo.article.translators.get()
    by_article = client.get(REPORT, {"page": demo.article.pk}).content.decode()
    assert by_article.count("<tr data-signoff=") == cut_rows.count()
    by_translator = client.get(REPORT, {"translator": translator.pk}).content.decode()
    assert by_translator.count("<tr data-signoff=") == cut_rows.count()
    nobody = client.get(REPORT, {"translator": translator_user.pk})
    assert nobody.status_code == 200
    assert nobody.content.decode().count("<tr data-signoff=") == 0


def test_report_exports_csv_and_xlsx(client, demo, cut_rows, editor_user):
    client.force_login(editor_user)
    response = client.get(REPORT, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == cut_rows.count() + 1
    assert len({row[3] for row in rows[1:]}) == 2  # abridged and omitted, in words

    response = client.get(REPORT, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == cut_rows.count() + 1


def test_report_is_for_editorial_roles_only(client, demo, django_user_model):
    outsider = django_user_model.objects.create_user("outsider", password="x", is_staff=True)
    client.force_login(outsider)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "删去" not in response.content.decode()


def test_dashboard_tells_reviewers_what_awaits_them(client, demo, cut_rows, reviewer_user):
    SectionSignoff.objects.all().delete()
    client.force_login(reviewer_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"{REPORT}?signoff_state=unsigned" in html
    assert str(cut_rows.count()) in html


def test_public_disclosure_count_matches_the_sections(client, demo_article):
    cache.clear()
    html = client.get(demo_article.url).content.decode()
    cut = demo_article.sections.filter(status__in=["abridged", "omitted"])
    assert f"删减 {cut.count()} 处" in html
    assert html.count('<li>\n                            <a href="#section-') == cut.count()
    for section in cut:
        assert section.note in html
