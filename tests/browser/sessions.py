"""Signing a browser in without its sign-in form."""

from django.conf import settings

from tests.admin_users import logged_in


def signed_in(page, live_server, user) -> None:
    """``page``'s browser is signed in as ``user`` with a session made on the server, as
    Django's test client signs in: for tests about what a signed-in user does next. The form
    and the dashboard it lands on cost Chromium about a second a sign-in; the form is driven
    in test_abridgment_review_browser.py."""
    cookie = logged_in(user).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url, "httpOnly": True}]
    )
