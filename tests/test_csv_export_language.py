"""A report's CSV is written in the admin user's language, as its XLSX and the screen are:
the CSV is streamed after the view returns, when the request's own language (the site's,
Chinese) is active again."""

import codecs
import csv
import io

from django.utils import translation

from wagtail.users.models import UserProfile

import pytest
from openpyxl import load_workbook

from tests.factories import published_cut_with_draft

pytestmark = pytest.mark.django_db

ABRIDGMENTS = "/admin/reports/abridgments/"
EFFORT = "/admin/reports/post-editing/"


def speaks(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def article(home_page):
    return published_cut_with_draft()


def csv_header(client, url: str, **headers) -> list[str]:
    response = client.get(url, {"export": "csv"}, **headers)
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)
    return next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_header(client, url: str) -> list[str]:
    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [cell.value for cell in sheet[1]]


@pytest.mark.parametrize("report", [ABRIDGMENTS, EFFORT])
def test_an_english_admin_gets_english_csv_headings(client, editor_user, article, report):
    client.force_login(speaks(editor_user, "en"))
    header = csv_header(client, report)
    assert header[0] == {ABRIDGMENTS: "Article", EFFORT: "Page ID"}[report]
    assert "Article" in header
    assert header == xlsx_header(client, report)


def test_the_abridgments_csv_names_status_and_sign_off_in_english(client, editor_user, article):
    client.force_login(speaks(editor_user, "en"))
    response = client.get(ABRIDGMENTS, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert (cells["Status"], cells["Sign-off"]) == ("Abridged", "Awaiting sign-off")


@pytest.mark.parametrize("report", [ABRIDGMENTS, EFFORT])
def test_a_chinese_admin_gets_chinese_csv_headings_whatever_the_browser_asks(
    client, editor_user, article, report
):
    client.force_login(speaks(editor_user, "zh-hans"))
    # The browser prefers English; the admin speaks the user's chosen language.
    header = csv_header(client, report, HTTP_ACCEPT_LANGUAGE="en")
    assert "文章" in header and "Article" not in header
    assert header == xlsx_header(client, report)


def test_the_stream_leaves_the_threads_language_as_it_found_it(client, editor_user, article):
    client.force_login(speaks(editor_user, "en"))
    response = client.get(ABRIDGMENTS, {"export": "csv"})
    before = translation.get_language()
    b"".join(response.streaming_content)
    assert translation.get_language() == before
