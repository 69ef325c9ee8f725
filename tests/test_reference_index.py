"""Wagtail's reference index in the tests is updated once per test, not once per save
(tests/reference_index.py): the index it ends with is the one the saves would have built, so
an admin's "usage" screen names every article that refers to a person or a quote."""

from django.urls import reverse

import pytest

from tests import reference_index
from tests.admin_users import in_english, logged_in
from tests.factories import ArticlePageFactory, ArticleSectionFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss")
    in_english(user)
    return logged_in(user)


def usage(admin, obj, viewset: str) -> str:
    response = admin.get(reverse(f"wagtailsnippets_people_{viewset}:usage", args=[obj.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_usage_screens_name_the_articles_that_refer_to_a_person_and_their_quotes(admin, home_page):
    person = PersonFactory(slug="hinton")
    quotes = [QuoteFactory(speaker=person) for _ in range(3)]
    page = ArticlePageFactory(title="Winter of networks", original_author=person)
    for number, quote in enumerate(quotes):
        ArticleSectionFactory(page=page, sort_order=number, quote=quote)
    page.save_revision().publish()
    unrelated = PersonFactory(slug="nobody")

    reference_index.run_pending()

    assert "Winter of networks" in usage(admin, person, "person")
    for quote in quotes:  # each section's quote, though the sections were saved one by one
        assert "Winter of networks" in usage(admin, quote, "quote")
    assert "Winter of networks" not in usage(admin, unrelated, "person")


def test_a_deleted_article_leaves_no_usage_behind(admin, home_page):
    person = PersonFactory(slug="hinton")
    page = ArticlePageFactory(title="Winter of networks", original_author=person)
    ArticleSectionFactory(page=page, quote=QuoteFactory(speaker=person))
    page.delete()  # before its held-back updates run: they must not bring it back

    reference_index.run_pending()

    assert "Winter of networks" not in usage(admin, person, "person")
