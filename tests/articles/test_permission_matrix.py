"""Role × action: each editorial role can do exactly its part, and a denial never shows the
article's text. The expected table is the product's permission policy (docs/workflow.md)."""

from django.urls import reverse

import pytest

from articles.editorial.permissions import TABLE, Action
from articles.editorial.roles import EDITORS, REVIEWERS, TRANSLATORS
from articles.models import ArticlePage
from tests.articles.workflow_helpers import article_data, existing_sections, loaded_from

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "translator", "reviewer"]
ROLE_KEYS = {EDITORS: "editor", TRANSLATORS: "translator", REVIEWERS: "reviewer"}


def table(action: Action) -> set[str]:
    """The roles the permission table allows ``action`` (every page here is theirs)."""
    return {ROLE_KEYS[role] for role in TABLE[action].roles}


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
        table(Action.EDIT_PAGE),
    ),
    "page history": (
        "get",
        lambda page: reverse("wagtailadmin_pages:history", args=(page.pk,)),
        table(Action.EDIT_PAGE),
    ),
    "unpublish": (
        "get",
        lambda page: reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
        table(Action.PUBLISH_PAGE),
    ),
    "delete page": (
        "get",
        lambda page: reverse("wagtailadmin_pages:delete", args=(page.pk,)),
        table(Action.DELETE_PAGE),
    ),
    "review screen": (
        "get",
        lambda page: reverse("articles_review:review", args=(page.pk,)),
        table(Action.VIEW_REVIEW),
    ),
    "abridgment screen": (
        "get",
        lambda page: reverse("articles_abridgment_review", args=(page.pk,)),
        table(Action.VIEW_REVIEW),
    ),
    "abridgments report": (
        "get",
        lambda page: reverse("articles_abridgment_report"),
        table(Action.SEE_ABRIDGMENTS_REPORT),
    ),
    "AI drafts": (
        "get",
        lambda page: reverse("articles_drafts", args=(page.pk,)),
        table(Action.DRAFT_WITH_AI),
    ),
    "import": (
        "get",
        lambda page: reverse("articles_import") + f"?parent={page.get_parent().pk}",
        table(Action.IMPORT),
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
    "effort report": (
        "get",
        lambda page: reverse("articles_effort_report"),
        table(Action.SEE_EFFORT_REPORT),
    ),
    "glossary import": (
        "get",
        lambda page: reverse("people_glossary_import"),
        table(Action.IMPORT_GLOSSARY),
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
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        {**data, **loaded_from(page), "action-publish": "1"},
    )
    assert not ArticlePage.objects.get(pk=page.pk).live
