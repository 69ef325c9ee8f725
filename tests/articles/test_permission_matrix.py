"""Role × action: each editorial role can do exactly its part, and a denial never shows the
article's text. The expected table is the product's permission policy (docs/workflow.md)."""

from django.urls import reverse

import pytest

from articles.models import ArticlePage
from tests.articles.workflow_helpers import article_data, existing_sections

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "translator", "reviewer"]

# action: (method, url builder, roles allowed)
ACTIONS = {
    "dashboard": (
        "get",
        lambda page: reverse("wagtailadmin_home"),
        {"editor", "translator", "reviewer"},
    ),
    "edit page": (
        "get",
        lambda page: reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        {"editor", "translator"},
    ),
    "page history": (
        "get",
        lambda page: reverse("wagtailadmin_pages:history", args=(page.pk,)),
        {"editor", "translator"},
    ),
    "unpublish": (
        "get",
        lambda page: reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
        {"editor"},
    ),
    "delete page": (
        "get",
        lambda page: reverse("wagtailadmin_pages:delete", args=(page.pk,)),
        {"editor"},
    ),
    "review screen": (
        "get",
        lambda page: reverse("articles_review:review", args=(page.pk,)),
        {"editor", "translator", "reviewer"},
    ),
    "abridgment screen": (
        "get",
        lambda page: reverse("articles_abridgment_review", args=(page.pk,)),
        {"editor", "translator", "reviewer"},
    ),
    "abridgments report": (
        "get",
        lambda page: reverse("articles_abridgment_report"),
        {"editor", "translator", "reviewer"},
    ),
    "AI drafts": (
        "get",
        lambda page: reverse("articles_drafts", args=(page.pk,)),
        {"editor", "translator"},
    ),
    "import": (
        "get",
        lambda page: reverse("articles_import") + f"?parent={page.get_parent().pk}",
        {"editor"},
    ),
    "add person": (
        "get",
        lambda page: reverse("wagtailsnippets_people_person:add"),
        {"editor", "translator"},
    ),
    "delete quote": (
        "get",
        lambda page: reverse(
            "wagtailsnippets_people_quote:delete",
            args=(page.sections.exclude(quote=None).first().quote_id,),
        ),
        {"editor"},
    ),
    "add term": (
        "get",
        lambda page: reverse("wagtailsnippets_people_term:add"),
        {"editor", "translator"},
    ),
    "users": ("get", lambda page: reverse("wagtailusers_users:index"), set()),
}


@pytest.fixture
def users(demo, editor_user, translator_user, reviewer_user):
    return {"editor": editor_user, "translator": translator_user, "reviewer": reviewer_user}


def allowed(response) -> bool:
    return response.status_code == 200


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_role_can_do_exactly_its_part(client, users, demo_article, role, action):
    method, url_for, roles = ACTIONS[action]
    if role != "anonymous":
        client.force_login(users[role])
    response = getattr(client, method)(url_for(ArticlePage.objects.get(pk=demo_article.pk)))
    assert allowed(response) is (role in roles), (role, action, response.status_code)
    if role not in roles:
        assert response.status_code in (302, 403)
        assert demo_article.sections.filter(status="full").first().text_zh[:20] not in (
            response.content.decode()
        )


@pytest.mark.parametrize("role", ["translator", "reviewer"])
def test_only_editors_publish(client, users, demo_article, role):
    page = ArticlePage.objects.get(pk=demo_article.pk)
    assert page.permissions_for_user(users["editor"]).can_publish()
    assert not page.permissions_for_user(users[role]).can_publish()


def test_crafted_publish_post_by_a_translator_changes_nothing(client, users, demo_article):
    page = ArticlePage.objects.get(pk=demo_article.pk)
    page.unpublish()
    client.force_login(users["translator"])
    data = article_data(existing_sections(page), slug=page.slug)
    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**data, "action-publish": "1"}
    )
    assert not ArticlePage.objects.get(pk=page.pk).live
