"""The "Draft with AI" admin page: progress, actions, permissions, unconfigured backend."""

from django.test import Client, override_settings
from django.urls import reverse

import pytest

from articles import drafting
from articles.models import ArticleSection, DraftState
from tests.articles.drafting_jobs import set_state, state
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.fake_ai_servers import FAKE_AI_KEY
from tests.rendered_forms import RenderedForm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]

KEY = FAKE_AI_KEY


@pytest.fixture
def article():
    page = ArticlePageFactory()
    for index in range(2):
        ArticleSectionFactory(
            page=page,
            sort_order=index,
            body_en=f"<p>Geoffrey Hinton spoke in {2010 + index} about neural networks.</p>",
            body_zh_hans="",
            status="pending",
        )
    return page


def url(name, page, *args):
    return reverse(name, args=[page.pk, *args])


def sections(page):
    return list(ArticleSection.objects.filter(page=page).order_by("sort_order"))


# Permissions


@pytest.mark.parametrize("who", ["translator_user", "editor_user"])
def test_translators_and_editors_see_the_page(client, server, article, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.get(url("articles_drafts", article))

    assert response.status_code == 200
    assert "0 of 2 sections drafted" in response.content.decode()


def refused(response) -> bool:
    """Wagtail turns PermissionDenied in admin views into a redirect to the dashboard with
    an error message; a plain 403 is fine too. Never the page itself."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def test_reviewers_are_refused(client, server, article, reviewer_user):
    client.force_login(reviewer_user)

    assert refused(client.get(url("articles_drafts", article)))
    assert refused(client.post(url("articles_drafts_start", article)))
    first = sections(article)[0]
    assert refused(client.post(url("articles_drafts_accept", article, first.key)))
    assert refused(client.post(url("articles_drafts_reset", article)))
    assert server.requests == []


def test_anonymous_users_are_sent_to_log_in(client, server, article):
    response = client.post(url("articles_drafts_start", article))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert server.requests == []


def test_a_user_moved_out_of_the_drafting_roles_is_refused(
    client, server, article, translator_user
):
    from django.contrib.auth.models import Group

    translator_user.groups.remove(Group.objects.get(name="Translators"))
    translator_user.groups.add(Group.objects.get(name="Reviewers"))
    client.force_login(translator_user)

    assert refused(client.get(url("articles_drafts", article)))


def test_state_changes_need_post(client, server, article, translator_user):
    client.force_login(translator_user)

    assert client.get(url("articles_drafts_start", article)).status_code == 405
    first = sections(article)[0]
    assert client.get(url("articles_drafts_accept", article, first.key)).status_code == 405
    assert server.requests == []


def test_post_without_csrf_token_is_refused(server, article, translator_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(translator_user)

    assert client.post(url("articles_drafts_start", article)).status_code == 403
    assert server.requests == []


def test_unknown_article_is_404(client, translator_user):
    client.force_login(translator_user)
    assert client.get(reverse("articles_drafts", args=[999999])).status_code == 404


# Drafting from the admin


def test_start_drafts_every_section_and_shows_progress(client, server, article, translator_user):
    client.force_login(translator_user)

    response = client.post(url("articles_drafts_start", article), follow=True)

    page = response.content.decode()
    assert "2 sections sent for drafting" in page
    assert "2 of 2 sections drafted" in page
    assert "【译】" in page
    assert all(state(s) == DraftState.DONE for s in sections(article))


def test_errors_are_shown_in_plain_words_and_retry_works(client, server, article, translator_user):
    client.force_login(translator_user)
    server.behaviour = "error_500"

    page = client.post(url("articles_drafts_start", article), follow=True).content.decode()

    assert "0 of 2 sections drafted" in page
    assert page.count('class="error-message"') == 2
    assert "temporary failure (HTTP 500" in page
    assert KEY not in page

    server.behaviour = "normal"
    page = client.post(url("articles_drafts_retry", article), follow=True).content.decode()
    assert "2 of 2 sections drafted" in page


def test_retry_of_one_section(client, server, article, translator_user):
    client.force_login(translator_user)
    second = sections(article)[1]

    client.post(url("articles_drafts_retry", article), {"section": str(second.key)})

    states = [state(s) for s in sections(article)]
    assert states == ["", DraftState.DONE]


def test_a_section_of_another_article_cannot_be_touched(client, server, article, translator_user):
    other = ArticleSectionFactory(ai_draft="别的草稿。", body_zh_hans="")
    client.force_login(translator_user)

    assert (
        client.post(url("articles_drafts_retry", article), {"section": str(other.key)}).status_code
        == 404
    )
    assert client.post(url("articles_drafts_accept", article, other.key)).status_code == 404
    other.refresh_from_db()
    assert other.body_zh_hans == ""


def test_accept_draft_fills_the_chinese_in_the_editor(client, server, article, translator_user):
    first = sections(article)[0]
    first.body_zh_hans = "<p>译者的译文。</p>"
    first.save()
    client.force_login(translator_user)
    client.post(url("articles_drafts_start", article))
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().sections.first().body_zh_hans == (
        "<p>译者的译文。</p>"
    )

    # Replacing Chinese text is asked again before it is done.
    confirm = client.post(url("articles_drafts_accept", article, first.key))
    assert "译者的译文。" in confirm.content.decode()
    assert article.get_latest_revision_as_object().sections.first().body_zh_hans == (
        "<p>译者的译文。</p>"
    )
    accept_url = url("articles_drafts_accept", article, first.key)
    confirmed = RenderedForm(confirm.content, f'form[action="{accept_url}"]')
    response = client.post(accept_url, confirmed.data(), follow=True)

    assert "now uses the AI draft" in response.content.decode()
    article.refresh_from_db()
    in_editor = article.get_latest_revision_as_object().sections.first()
    assert in_editor.body_zh_hans.startswith("<p>【译】")
    assert "In use as the Chinese text" in response.content.decode()


def test_release_stuck_sections(client, server, article, translator_user):
    set_state(sections(article), DraftState.RUNNING)
    client.force_login(translator_user)
    assert "Release stuck sections" in client.get(url("articles_drafts", article)).content.decode()

    client.post(url("articles_drafts_reset", article))

    assert all(state(s) == DraftState.FAILED for s in sections(article))


# Without configuration


@override_settings(TRANSLATION_BACKEND="", TRANSLATION_API_URL="", TRANSLATION_API_KEY="")
def test_unconfigured_backend_names_the_environment_variables(client, article, translator_user):
    client.force_login(translator_user)

    page = client.get(url("articles_drafts", article)).content.decode()

    assert "AI drafting is not available" in page
    for name in ("TRANSLATION_BACKEND", "TRANSLATION_API_URL", "TRANSLATION_API_KEY"):
        assert name in page
    assert url("articles_drafts_start", article) not in page

    response = client.post(url("articles_drafts_start", article), follow=True)
    assert response.status_code == 200
    assert "TRANSLATION_API_URL" in response.content.decode()
    assert all(state(s) == "" for s in sections(article))


# Buttons leading there


def test_the_editor_header_links_to_the_drafts_page(client, server, article, translator_user):
    client.force_login(translator_user)

    page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert url("articles_drafts", article) in page


def test_the_page_listing_links_to_the_drafts_page(client, server, article, translator_user):
    client.force_login(translator_user)

    listing = reverse("wagtailadmin_explore", args=[article.get_parent().pk])
    page = client.get(listing).content.decode()

    assert url("articles_drafts", article) in page


def test_reviewers_get_no_button(client, server, article, reviewer_user):
    client.force_login(reviewer_user)

    listing = reverse("wagtailadmin_explore", args=[article.get_parent().pk])

    assert url("articles_drafts", article) not in client.get(listing).content.decode()


def test_progress_counts_match_the_service(server, article):
    drafting.start_drafting(article, run=drafting.run_drafting)
    assert drafting.drafting_progress(article)[:2] == (2, 2)


def test_a_translator_drafts_the_demo_article_from_the_admin(client, server, demo, translator_user):
    article = demo.article
    # The demo ships with drafts made elsewhere; ask for fresh ones.
    ArticleSection.objects.filter(page=article).update(ai_draft="", ai_drafted_at=None)
    client.force_login(translator_user)

    page = client.post(url("articles_drafts_start", article), follow=True).content.decode()

    done, total, failed = drafting.drafting_progress(article)
    assert total > 0
    assert (done, failed) == (total, [])
    assert f"{total} of {total} sections drafted" in page
