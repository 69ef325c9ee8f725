"""Signing admin users in for tests, and setting the admin language they read."""

from django.test import Client

from wagtail.users.models import UserProfile


def in_english(*users) -> None:
    """The admin speaks English to ``users``, whatever the site's language."""
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
