"""One title: the admin names an article by the headline readers see, in the user's
language, and names people by their full names in reports and exports."""

import csv
import io

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from articles.models import LatestSection

pytestmark = pytest.mark.django_db

ABRIDGMENTS = "/admin/reports/abridgments/"
EFFORT = "/admin/reports/post-editing/"
HEADLINE_ZH = "春天到来之前：让神经网络熬过寒冬的那些人"
HEADLINE_EN = "Before the Spring: The People Who Kept Neural Networks Alive"
TITLE = "从感知机到 AlexNet：让神经网络熬过寒冬的那些人"


@pytest.fixture
def users(demo) -> dict:
    return {user.username: user for user in get_user_model().objects.all()}


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_the_explorer_lists_the_article_by_its_headline(client, demo, users):
    client.force_login(users["editor"])
    listing = text(
        client.get(reverse("wagtailadmin_explore", args=(demo.article.get_parent().pk,)))
    )
    assert HEADLINE_ZH in listing
    assert TITLE not in listing

    client.force_login(in_english(users["admin"]))
    listing = text(
        client.get(reverse("wagtailadmin_explore", args=(demo.article.get_parent().pk,)))
    )
    assert HEADLINE_EN in listing


def test_the_page_chooser_offers_the_headline(client, demo, users):
    client.force_login(users["editor"])
    chooser = client.get(
        reverse("wagtailadmin_choose_page_child", args=(demo.article.get_parent().pk,))
    )
    html = chooser.json()["html"]
    assert HEADLINE_ZH in html


def test_the_review_screens_name_the_article_by_its_headline(client, demo, users):
    client.force_login(users["reviewer"])
    for url in (
        reverse("articles_review:review", args=(demo.article.pk,)),
        reverse("articles_abridgment_review", args=(demo.article.pk,)),
    ):
        header = BeautifulSoup(client.get(url).content, "html.parser").select_one("header")
        assert HEADLINE_ZH in header.get_text(), url
        assert TITLE not in header.get_text(), url


def test_the_editor_labels_the_wagtail_title_as_internal(client, demo, users):
    client.force_login(in_english(users["editor"]))
    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=(demo.article.pk,))).content,
        "html.parser",
    )
    title_field = soup.select('section.w-panel:has(input[name="title"])')[-1]
    field_text = title_field.get_text(" ")
    assert "Internal title" in field_text
    assert "Readers see the headline" in field_text
    assert "seen by the public" not in soup.get_text()
    headline_field = soup.select('section.w-panel:has(input[name="headline_zh_hans"])')[-1]
    assert "The title readers see in this language" in headline_field.get_text(" ")


def test_the_abridgments_report_names_article_and_people_as_readers_and_colleagues_know_them(
    client, demo, users
):
    client.force_login(in_english(users["editor"]))
    reviewer = users["reviewer"].get_full_name()
    translator = users["translator"].get_full_name()
    page_text = text(client.get(ABRIDGMENTS))
    assert HEADLINE_EN in page_text and TITLE not in page_text
    assert f"({reviewer})" in page_text
    assert "(reviewer)" not in page_text

    # Exports are written in the site's language (Chinese) whatever the user's.
    client.force_login(users["reviewer"])
    rows = csv_rows(client.get(ABRIDGMENTS, {"export": "csv"}))
    heading, body = rows[0], rows[1:]
    article, translators, signer = (heading.index(name) for name in ("文章", "译者", "审核人"))
    assert {row[article] for row in body} == {HEADLINE_ZH}
    assert {row[translators] for row in body} == {translator}
    assert {row[signer] for row in body} == {reviewer}

    sheet = load_workbook(
        io.BytesIO(b"".join(client.get(ABRIDGMENTS, {"export": "xlsx"}).streaming_content))
    ).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert {row[article] for row in values} == {HEADLINE_ZH}
    assert {row[signer] for row in values} == {reviewer}


def test_the_abridgments_footer_counts_cuts_by_sign_off(client, demo, users):
    cuts = LatestSection.objects.filter(page=demo.article, status__in=["abridged", "omitted"])
    client.force_login(in_english(users["editor"]))
    footer = BeautifulSoup(client.get(ABRIDGMENTS).content, "html.parser").select_one(
        ".pagination__end"
    )
    assert (
        footer.get_text(" ", strip=True)
        == f"{cuts.count()} cut sections; Signed off: {cuts.count()}"
    )


def test_the_effort_report_names_the_article_by_its_headline(client, demo, users):
    client.force_login(users["editor"])
    page_text = text(client.get(EFFORT))
    assert HEADLINE_ZH in page_text
    assert TITLE not in page_text
