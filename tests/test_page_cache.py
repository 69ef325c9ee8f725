"""The whole-page cache: an anonymous reader's second visit is answered without touching the
database; signed-in readers, previews and the admin never get a cached page; and every change
a reader could notice (publish, unpublish, move, delete, each snippet a page shows) is on the
next anonymous visit, proven by what the page says."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from articles.models import ArticlePage
from people.models import Organisation
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, TermFactory
from tests.page_cache_site import (
    PATH,
    editor_client,
    html,
    publish_headline_from_the_admin,
    published_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page, django_user_model) -> ArticlePage:
    return published_article(django_user_model)


# Hits and misses.


@pytest.mark.parametrize(
    "url",
    [
        PATH,
        PATH + "?view=bilingual",
        "/en" + PATH,
        "/",
        "/articles/",
        "/articles/?topic=light",
        "/people/",
        "/people/keeper/",
        "/quotes/",
        "/feeds/articles/",
        "/sitemap.xml",
    ],
)
def test_a_second_anonymous_visit_costs_no_query(client, article, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_the_side_by_side_view_and_the_english_page_are_kept_apart(client, article):
    chinese = html(client, PATH)
    side_by_side = html(client, PATH + "?view=bilingual")
    english = html(client, "/en" + PATH)
    assert 'class="article bilingual"' not in chinese
    assert 'class="article bilingual"' in side_by_side
    assert '<html lang="en">' in english and '<html lang="zh-Hans">' in chinese
    # Asked again (now from the cache), each is still its own page.
    assert html(client, PATH) == chinese
    assert html(client, PATH + "?view=bilingual") == side_by_side
    assert html(client, "/en" + PATH) == english


def test_an_unknown_query_parameter_is_not_answered_from_the_cache(
    client, article, django_assert_max_num_queries
):
    html(client, PATH)
    response = client.get(PATH + "?utm_source=wechat")
    assert response.status_code == 200
    # The page's language links repeat the address it was asked for, parameter included.
    assert "utm_source=wechat" in response.content.decode()
    assert "utm_source" not in html(client, PATH)


def test_a_cached_page_sets_no_cookie_and_holds_no_csrf_token(client, article):
    html(client, PATH)
    cached = client.get(PATH)
    assert not cached.cookies
    assert "Set-Cookie" not in cached
    assert "csrfmiddlewaretoken" not in cached.content.decode()


def test_a_cached_page_keeps_the_security_headers_and_content_policy(client, article):
    first = client.get(PATH)
    cached = client.get(PATH)
    for header in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
    ):
        assert cached[header] == first[header], header
    assert "script-src 'self'" in cached["Content-Security-Policy"]
    assert "nonce" not in cached["Content-Security-Policy"]


def test_a_signed_in_reader_is_never_answered_from_the_cache(
    client, article, editor_user, django_assert_max_num_queries
):
    html(client, PATH)  # an anonymous reader fills the cache
    editor = editor_client(editor_user)
    with django_assert_max_num_queries(100) as captured:
        response = editor.get(PATH)
    assert response.status_code == 200
    assert len(captured.captured_queries) > 0
    assert "private" in response["Cache-Control"]
    # Nor does what a signed-in reader was given reach anonymous readers.
    editor.get("/people/")
    assert "private" not in client.get("/people/")["Cache-Control"]


def test_previews_and_the_admin_are_never_cached(client, article, editor_user):
    editor = editor_client(editor_user)
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.headline_zh_hans = "草稿里的新标题"
    draft.save_revision(user=editor_user)
    view_draft = reverse("wagtailadmin_pages:view_draft", args=(article.pk,))
    for _ in range(2):
        assert "草稿里的新标题" in html(editor, view_draft)
    # The draft never reaches readers, cached or not.
    assert "草稿里的新标题" not in html(client, PATH)
    assert "草稿里的新标题" not in html(client, PATH)
    # An anonymous request to the admin is sent to sign in, every time.
    for _ in range(2):
        assert client.get(reverse("wagtailadmin_home")).status_code == 302


@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_cache_can_be_turned_off(client, article, django_assert_max_num_queries):
    html(client, PATH)
    with django_assert_max_num_queries(100) as captured:
        html(client, PATH)
    assert len(captured.captured_queries) > 0


# Invalidation, by what readers see: with the shared cache alone, and with each worker also
# answering from its own memory while its lease on the version holds (as in production).


@pytest.fixture(params=[0.0, 0.05], ids=["shared cache", "worker memory"])
def lease(request, settings, article):
    # Once the article is built: with the lease on, each change that built it would wait.
    settings.PAGE_CACHE_LOCAL_SECONDS = request.param
    return request.param


@pytest.mark.usefixtures("lease")
def test_publishing_reaches_every_cached_page_that_shows_the_article(client, article, editor_user):
    pages = [PATH, PATH + "?view=bilingual", "/", "/articles/", "/feeds/articles/"]
    for url in pages:
        assert "灯与海" in html(client, url)
    publish_headline_from_the_admin(editor_client(editor_user), article, "灯与远海")
    for url in pages:
        page = html(client, url)
        assert "灯与远海" in page, url


@pytest.mark.usefixtures("lease")
def test_unpublishing_removes_the_page_at_once(client, article, editor_user):
    assert "灯与海" in html(client, "/articles/")
    html(client, PATH)
    response = editor_client(editor_user).post(
        reverse("wagtailadmin_pages:unpublish", args=(article.pk,))
    )
    assert response.status_code == 302
    assert client.get(PATH).status_code == 404
    assert "灯与海" not in html(client, "/articles/")


@pytest.mark.usefixtures("lease")
def test_moving_moves_the_page_at_once(client, article, editor_user):
    other = ArticleIndexPageFactory(slug="essays", title="随笔")
    html(client, PATH)
    html(client, "/essays/")
    response = editor_client(editor_user).post(
        reverse("wagtailadmin_pages:move_confirm", args=(article.pk, other.pk))
    )
    assert response.status_code == 302
    # The old address now sends readers on (Wagtail's automatic redirect), never the old page.
    moved = client.get(PATH)
    assert (moved.status_code, moved["Location"]) == (301, "/essays/lamps/")
    assert "灯与海" in html(client, "/essays/lamps/")
    assert "灯与海" in html(client, "/essays/")


@pytest.mark.usefixtures("lease")
def test_deleting_removes_the_page_at_once(client, article, editor_user):
    html(client, PATH)
    assert "灯与海" in html(client, "/")
    response = editor_client(editor_user).post(
        reverse("wagtailadmin_pages:delete", args=(article.pk,))
    )
    assert response.status_code == 302
    assert client.get(PATH).status_code == 404
    assert "灯与海" not in html(client, "/")


@pytest.mark.usefixtures("lease")
def test_a_changed_person_reaches_cached_pages(client, article):
    for url in (PATH, "/people/", "/people/keeper/"):
        assert "守灯人" in html(client, url)
    person = article.original_author
    person.name_zh_hans = "看灯的人"
    person.save()
    for url in (PATH, "/people/", "/people/keeper/"):
        assert "看灯的人" in html(client, url), url


@pytest.mark.usefixtures("lease")
def test_a_changed_quote_reaches_cached_pages(client, article):
    quote = article.sections.get().quote
    quote_url = f"/quotes/{quote.pk}/"
    for url in (PATH, quote_url):
        assert "光终会到来。" in html(client, url)
    quote.text_zh_hans = "光总会到来。"
    quote.save()
    for url in (PATH, quote_url, "/quotes/"):
        assert "光总会到来。" in html(client, url), url


@pytest.mark.usefixtures("lease")
def test_a_changed_topic_reaches_cached_pages(client, article):
    topic = article.topics.get()
    for url in (PATH, "/articles/"):
        assert "光学" in html(client, url)
    topic.name_zh_hans = "照明"
    topic.save()
    for url in (PATH, "/articles/"):
        assert "照明" in html(client, url), url


@pytest.mark.usefixtures("lease")
def test_a_changed_translator_name_reaches_cached_pages(client, article):
    assert "译者甲" in html(client, PATH)
    translator = get_user_model().objects.get(username="yi")
    translator.first_name = "译者乙"
    translator.save()
    assert "译者乙" in html(client, PATH)


@pytest.mark.usefixtures("lease")
@pytest.mark.parametrize("change", ["term", "organisation"])
def test_a_changed_glossary_term_or_organisation_empties_the_cache(
    client, article, change, django_assert_max_num_queries
):
    # Neither shows on a public page today; a page that starts showing one must not be stale.
    html(client, PATH)
    if change == "term":
        TermFactory(term_en="beacon", term_zh_hans="信标")
    else:
        Organisation.objects.create(name_en="Lighthouse Board", name_zh_hans="灯塔局")
    with django_assert_max_num_queries(100) as captured:
        html(client, PATH)
    assert len(captured.captured_queries) > 0


@pytest.mark.usefixtures("lease")
def test_making_a_page_private_stops_serving_its_cached_copy(client, article):
    html(client, PATH)
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    response = client.get(PATH)
    assert response.status_code == 302
    assert "灯与海" not in response.content.decode()


@pytest.mark.usefixtures("lease")
def test_a_direct_database_fix_reaches_readers_after_expire_cached_pages(client, article):
    html(client, PATH)
    ArticlePage.objects.filter(pk=article.pk).update(headline_zh_hans="灯与远海")
    # No signal tells the cache of a write made straight to the database...
    assert "灯与远海" not in html(client, PATH)
    out = io.StringIO()
    call_command("expire_cached_pages", stdout=out)
    assert "expired" in out.getvalue()
    # ...and after the command every reader gets the page as the database has it.
    assert "灯与远海" in html(client, PATH)


@pytest.mark.usefixtures("lease")
def test_a_live_page_saved_by_code_reaches_cached_lists(client, article):
    # The demo loader and scripts create live pages without Wagtail's publish action.
    assert "灯与雾" not in html(client, "/articles/")
    ArticlePageFactory(parent=article.get_parent(), slug="fog", headline_zh_hans="灯与雾")
    assert "灯与雾" in html(client, "/articles/")


@pytest.mark.usefixtures("lease")
def test_saving_a_draft_keeps_the_cached_pages(client, article, django_assert_num_queries):
    html(client, PATH)
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.headline_zh_hans = "草稿标题"
    draft.save_revision()
    with django_assert_num_queries(0):
        assert "草稿标题" not in html(client, PATH)
