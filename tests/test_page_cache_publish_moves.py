"""With fresh copies on publish (as in production), a publish moves the content version once,
at its commit, with the article's new pages already cached: readers are answered from the cache
throughout, with the old page until the commit and the new one from then on."""

from django.db import transaction
from django.test import override_settings

import pytest

from articles.models import ArticlePage
from tests.page_cache_site import PATH, html, published_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("warm_on_publish")]


@pytest.fixture
def warm_on_publish():
    with override_settings(PAGE_CACHE_WARM_ON_PUBLISH=True):
        yield


@pytest.fixture
def article(home_page, django_user_model) -> ArticlePage:
    return published_article(django_user_model)


def edited(article: ArticlePage, headline: str) -> ArticlePage:
    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    page.headline_zh_hans = headline
    return page


def test_readers_are_answered_from_the_cache_before_and_after_the_commit(
    client, article, django_capture_on_commit_callbacks, django_assert_num_queries
):
    html(client, PATH)
    with django_capture_on_commit_callbacks(execute=True):
        edited(article, "灯与远海").save_revision().publish()
        # The page's own save and the publish have happened; the commit has not.
        with django_assert_num_queries(0):
            assert "灯与海" in html(client, PATH)
    with django_assert_num_queries(0):
        assert "灯与远海" in html(client, PATH)


def test_a_snippet_changed_with_the_publish_is_in_the_fresh_copy(
    client, article, django_capture_on_commit_callbacks
):
    html(client, PATH)
    with django_capture_on_commit_callbacks(execute=True):
        person = article.original_author
        person.name_zh_hans = "看灯的人"
        person.save()
        edited(article, "灯与远海").save_revision().publish()
    page = html(client, PATH)
    assert "灯与远海" in page and "看灯的人" in page


def test_a_rolled_back_publish_leaves_later_changes_moving_the_version(
    client, article, django_capture_on_commit_callbacks
):
    html(client, PATH)
    with pytest.raises(RuntimeError), transaction.atomic():
        edited(article, "不该出现").save_revision().publish()
        raise RuntimeError("the publish fails before its commit")
    assert "不该出现" not in html(client, PATH)
    with django_capture_on_commit_callbacks(execute=True):
        person = article.original_author
        person.name_zh_hans = "看灯的人"
        person.save()
    assert "看灯的人" in html(client, PATH)
