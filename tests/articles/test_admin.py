from django.urls import reverse
from django.utils import translation

import pytest

from articles.editorial.section_rules import SectionText, section_errors
from articles.models import ArticlePage
from tests.articles.workflow_helpers import article_data
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ArticleIndexPageFactory(slug="articles")


def section_form(heading_en, heading_zh, body_en, body_zh, status, note=""):
    return {
        "heading_en": heading_en,
        "heading_zh_hans": heading_zh,
        "body_en": body_en,
        "body_zh_hans": body_zh,
        "status": status,
        "note": note,
    }


def article_form(sections):
    return article_data(sections, title="深度学习简史", slug="history")


def test_article_with_sections_is_created_through_the_admin_form(client, editor_user, index):
    client.force_login(editor_user)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    data = article_form(
        [
            section_form("", "编者按", "", "编者按：一段导语。", "added"),
            section_form("Origins", "起源", "In 1958 it began.", "1958 年，一切开始了。", "full"),
            section_form("Aside", "题外话", "A long aside.", "", "omitted", "与主题无关。"),
        ]
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = ArticlePage.objects.get(slug="history")
    sections = list(page.get_latest_revision_as_object().sections.all())
    assert [s.status for s in sections] == ["added", "full", "omitted"]
    assert "1958 年，一切开始了。" in sections[1].body_zh_hans
    assert "In 1958 it began." in sections[1].body_en


def test_admin_form_shows_a_plain_error_next_to_the_section(client, editor_user, index):
    client.force_login(editor_user)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    data = article_form([section_form("Aside", "题外话", "A long aside.", "短。", "abridged")])
    response = client.post(url, data)
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="history").exists()
    with translation.override("zh-hans"):  # the admin's default language
        expected = section_errors(SectionText("abridged", "", "A long aside.", "短。"))["note"]
    assert expected in response.content.decode()


def test_article_editor_shows_english_beside_chinese(client, editor_user, index):
    page = ArticlePageFactory(parent=index)
    client.force_login(editor_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    for name in (
        "headline_en",
        "headline_zh_hans",
        "sections-__prefix__-body_en",
        "sections-__prefix__-body_zh_hans",
    ):
        assert f'name="{name}"' in html or f'id="id_{name}"' in html


@pytest.mark.parametrize("fixture", ["editor_user", "translator_user"])
def test_writers_reach_the_admin_and_the_article_list(client, request, fixture, index):
    page = ArticlePageFactory(parent=index, headline_zh_hans="可见的文章")
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    listing = client.get(reverse("wagtailadmin_explore", args=(index.pk,)))
    assert listing.status_code == 200
    assert "可见的文章" in listing.content.decode()
    assert page.pk


@pytest.mark.parametrize(
    ("fixture", "can_edit"),
    [("editor_user", True), ("translator_user", True), ("reviewer_user", False)],
)
def test_only_writers_open_the_page_editor(client, request, fixture, can_edit, index):
    page = ArticlePageFactory(parent=index)
    client.force_login(request.getfixturevalue(fixture))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert (response.status_code == 200) is can_edit


@pytest.mark.parametrize(
    ("fixture", "can_publish"),
    [("editor_user", True), ("translator_user", False), ("reviewer_user", False)],
)
def test_only_editors_may_publish(request, fixture, can_publish, index):
    page = ArticlePageFactory(parent=index)
    user = request.getfixturevalue(fixture)
    assert page.permissions_for_user(user).can_publish() is can_publish


@pytest.mark.parametrize(
    ("fixture", "status"),
    [("editor_user", 200), ("translator_user", 200), ("reviewer_user", 200)],
)
def test_snippet_listings_open_for_every_role(client, request, fixture, status):
    client.force_login(request.getfixturevalue(fixture))
    for model in ("person", "quote", "term"):
        response = client.get(reverse(f"wagtailsnippets_people_{model}:list"))
        assert response.status_code == status


def test_reviewers_reach_the_dashboard_but_not_the_page_explorer(client, reviewer_user, index):
    client.force_login(reviewer_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("wagtailadmin_explore", args=(index.pk,))).status_code == 302


def test_reviewers_cannot_add_people(client, reviewer_user):
    client.force_login(reviewer_user)
    response = client.get(reverse("wagtailsnippets_people_person:add"))
    assert response.status_code in (302, 403)


def test_person_listing_searches_both_names(client, editor_user):
    from tests.factories import PersonFactory

    PersonFactory(name_en="Geoffrey Hinton", name_zh_hans="杰弗里·辛顿", slug="geoffrey-hinton")
    PersonFactory(name_en="Yann LeCun", name_zh_hans="杨立昆", slug="yann-lecun")
    client.force_login(editor_user)
    url = reverse("wagtailsnippets_people_person:list")
    html = client.get(url, {"q": "辛顿"}).content.decode()
    assert "Geoffrey Hinton" in html and "Yann LeCun" not in html
