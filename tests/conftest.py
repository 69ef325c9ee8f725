"""Explicit fixtures shared by the whole suite. Browser fixtures live in tests/browser/."""

from django.core.cache import cache

import pytest

from articles.models import HomePage
from tests.site_data import ensure_site_data


@pytest.fixture(autouse=True)
def _empty_cache():
    """The in-memory cache outlives each test's rolled-back database: start every test with
    none of another test's pages, fragments or counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db) -> HomePage:
    """The HomePage the initial migration creates as the site root."""
    ensure_site_data()
    return HomePage.objects.get()


@pytest.fixture
def demo(db):
    """The demo content and demo users, loaded as ``make run`` loads them."""
    from articles.demo.loader import load_demo

    ensure_site_data()
    return load_demo()


@pytest.fixture
def demo_article(demo):
    return demo.article


def user_in_group(django_user_model, username: str, group_name: str):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username=username, password="pw-" + username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor_user(db, django_user_model):
    return user_in_group(django_user_model, "ed", "Editors")


@pytest.fixture
def translator_user(db, django_user_model):
    return user_in_group(django_user_model, "tr", "Translators")


@pytest.fixture
def reviewer_user(db, django_user_model):
    return user_in_group(django_user_model, "rv", "Reviewers")
