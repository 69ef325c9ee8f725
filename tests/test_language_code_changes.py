"""A test that changes LANGUAGE_CODE leaves no trace on the addresses later tests get: the
English interface's links keep their /en/ and the Chinese ones stay without a prefix."""

from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db


def links_on(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_addresses_after_language_code_was_changed_and_restored(client, demo_article):
    slug = demo_article.slug
    with override_settings(LANGUAGE_CODE="en"):
        # While the setting holds, English is the language without a prefix.
        assert f'href="/articles/{slug}/"' in links_on(client, "/articles/")
        assert f'href="/zh-hans/articles/{slug}/"' in links_on(client, "/zh-hans/articles/")
    assert f'href="/en/articles/{slug}/"' in links_on(client, "/en/articles/")
    assert f'href="/articles/{slug}/"' in links_on(client, "/articles/")
