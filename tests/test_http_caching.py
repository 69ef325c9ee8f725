"""HTTP caching of public pages: validators (ETag, Last-Modified), 304 answers to conditional
requests, answered from the page cache without a query, and Cache-Control that lets a shared
cache keep anonymous pages but never a signed-in reader's."""

from django.test import override_settings
from django.utils.http import http_date, parse_http_date

import pytest

from articles.models import ArticlePage
from tests.page_cache_site import (
    PATH,
    editor_client,
    publish_headline_from_the_admin,
    published_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page, django_user_model) -> ArticlePage:
    return published_article(django_user_model)


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@override_settings(PAGE_HTTP_MAX_AGE=60, PAGE_HTTP_SHARED_MAX_AGE=3600)
@pytest.mark.parametrize("url", [PATH, "/en" + PATH, "/articles/", "/people/keeper/"])
def test_a_public_page_carries_validators_and_a_shared_cache_lifetime(client, article, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    published = ArticlePage.objects.get(pk=article.pk).last_published_at
    assert parse_http_date(response["Last-Modified"]) >= int(published.timestamp())
    assert directives(response) == {"public", "max-age=60", "s-maxage=3600"}


def test_the_same_page_keeps_its_etag_and_a_changed_page_gets_a_new_one(
    client, article, editor_user
):
    first = client.get(PATH)
    assert client.get(PATH)["ETag"] == first["ETag"]
    assert client.get("/en" + PATH)["ETag"] != first["ETag"]
    publish_headline_from_the_admin(editor_client(editor_user), article, "灯与远海")
    changed = client.get(PATH)
    assert changed["ETag"] != first["ETag"]
    assert parse_http_date(changed["Last-Modified"]) >= parse_http_date(first["Last-Modified"])


def test_a_matching_if_none_match_is_answered_304_without_a_query(
    client, article, django_assert_num_queries
):
    etag = client.get(PATH)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(PATH, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "public" in directives(response)


def test_an_if_modified_since_at_or_after_last_modified_is_answered_304(client, article):
    last_modified = client.get(PATH)["Last-Modified"]
    assert client.get(PATH, headers={"If-Modified-Since": last_modified}).status_code == 304
    earlier = http_date(parse_http_date(last_modified) - 3600)
    response = client.get(PATH, headers={"If-Modified-Since": earlier})
    assert response.status_code == 200
    assert "灯与海" in response.content.decode()


def test_after_a_publish_the_old_etag_gets_the_new_page(client, article, editor_user):
    etag = client.get(PATH)["ETag"]
    publish_headline_from_the_admin(editor_client(editor_user), article, "灯与远海")
    response = client.get(PATH, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "灯与远海" in response.content.decode()


def test_a_head_request_is_answered_like_a_get(client, article):
    get = client.get(PATH)
    head = client.head(PATH)
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert client.head(PATH, headers={"If-None-Match": get["ETag"]}).status_code == 304


@override_settings(PAGE_CACHE_ENABLED=False)
def test_conditional_requests_work_with_the_page_cache_off(client, article):
    etag = client.get(PATH)["ETag"]
    assert client.get(PATH, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(PATH, headers={"If-None-Match": '"other"'}).status_code == 200


# (request headers, expected status): ETAG stands for the page's own ETag.
ETAG = "{etag}"
CONDITIONS = [
    ({"If-None-Match": ETAG}, 304),
    ({"If-None-Match": "W/" + ETAG}, 304),  # weak comparison, as RFC 9110 asks of a GET
    ({"If-None-Match": '"other", ' + ETAG}, 304),
    ({"If-None-Match": "*"}, 304),
    ({"If-None-Match": '"other"'}, 200),
    ({"If-Match": '"other"'}, 412),
    ({"If-None-Match": ETAG, "If-Match": '"other"'}, 412),  # If-Match is judged first
    ({"If-None-Match": ETAG, "If-Unmodified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}, 412),
]
VALIDATORS = ("ETag", "Last-Modified", "Cache-Control")


@pytest.mark.parametrize("cached", [True, False], ids=["from the page cache", "rendered"])
@pytest.mark.parametrize(("conditions", "status"), CONDITIONS)
def test_a_conditional_request_gets_the_same_answer_from_the_cache_as_from_the_view(
    client, article, settings, django_assert_num_queries, cached, conditions, status
):
    """The page cache answers conditional requests on its copy's validators alone; it must
    answer each exactly as Django does for the rendered page."""
    settings.PAGE_CACHE_ENABLED = cached
    page = client.get(PATH)
    headers = {name: value.format(etag=page["ETag"]) for name, value in conditions.items()}
    if cached:
        with django_assert_num_queries(0):
            response = client.get(PATH, headers=headers)
    else:
        response = client.get(PATH, headers=headers)
    assert response.status_code == status
    if status == 304:
        assert response.content == b""
        assert {name: response.get(name) for name in VALIDATORS} == {
            name: page[name] for name in VALIDATORS
        }
    elif status == 200:
        assert response.content == page.content


def test_a_signed_in_reader_gets_a_private_uncacheable_page(client, article, editor_user):
    etag = client.get(PATH)["ETag"]
    editor = editor_client(editor_user)
    response = editor.get(PATH, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert {"private", "no-cache"} <= directives(response)
    assert "public" not in directives(response)
    assert "s-maxage" not in response["Cache-Control"]


def test_search_results_are_not_marked_shareable(client, article):
    response = client.get("/search/?q=灯塔")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert "ETag" not in response
