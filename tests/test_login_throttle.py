"""Failed sign-ins are throttled per account and per address (SECURITY-TESTS C2), through the
real Wagtail sign-in form; an administrator can see and clear lock-outs; the production
settings' cookies carry Secure, HttpOnly and SameSite."""

import importlib
import secrets

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
WRONG_TRIES = 25


def form_fields(html: bytes, selector: str) -> dict[str, str]:
    """The named fields of the first form matching ``selector``, as the browser would send
    them before the user types anything."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, selector
    fields = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("type") in ("checkbox", "radio", "submit"):
            continue
        fields[name] = element.get("value", "")
    return fields


def sign_in(client: Client, username: str, password: str, address: str):
    """Fill in and send the sign-in form exactly as rendered, from ``address``."""
    page = client.get(LOGIN, REMOTE_ADDR=address)
    assert page.status_code == 200
    data = form_fields(page.content, "form.login-form")
    assert {"csrfmiddlewaretoken", "username", "password"} <= data.keys()
    data.update(username=username, password=password)
    return client.post(LOGIN, data, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def signed_in(client: Client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def fresh_client() -> Client:
    return Client(enforce_csrf_checks=True)


def test_a_few_typos_do_not_lock_anyone_out(editor_user):
    client = fresh_client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "ed", "wrong", "198.51.100.7")
        assert response.status_code == 200  # the form again, with its error
    response = sign_in(client, "ed", "pw-ed", "198.51.100.7")
    assert response.status_code == 302
    assert signed_in(client)


def test_wrong_passwords_for_one_account_lock_that_account_from_everywhere(editor_user):
    attacker = fresh_client()
    for attempt in range(WRONG_TRIES):
        # A different address each time, so only the per-account count can stop it.
        sign_in(attacker, "ed", f"guess-{attempt}", f"203.0.113.{attempt + 1}")

    owner = fresh_client()
    response = sign_in(owner, "ed", "pw-ed", "192.0.2.200")
    assert response.status_code == 429
    assert in_chinese("Sign-in paused") in response.content.decode()
    assert "登录失败次数过多" in response.content.decode()
    assert not signed_in(owner)


def test_wrong_passwords_from_one_address_lock_that_address_for_every_account(
    editor_user, translator_user
):
    attacker = fresh_client()
    for attempt in range(WRONG_TRIES):
        # A different account each time, so only the per-address count can stop it.
        sign_in(attacker, f"user{attempt}", "guess", "203.0.113.50")

    same_address = fresh_client()
    response = sign_in(same_address, translator_user.username, "pw-tr", "203.0.113.50")
    assert response.status_code == 429
    assert in_chinese("Sign-in paused") in response.content.decode()
    assert not signed_in(same_address)

    elsewhere = fresh_client()
    assert sign_in(elsewhere, editor_user.username, "pw-ed", "192.0.2.10").status_code == 302
    assert signed_in(elsewhere)


def in_chinese(message: str) -> str:
    """The admin's sign-in pages are served in the site's language (Chinese) to anyone not
    signed in, whatever the browser asks for."""
    with translation.override("zh-hans"):
        return gettext(message)


def test_the_lockout_page_is_in_the_sites_language(editor_user):
    client = fresh_client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "ed", f"guess-{attempt}", "203.0.113.9")
    page = client.get(LOGIN, REMOTE_ADDR="203.0.113.9")
    data = form_fields(page.content, "form.login-form")
    data.update(username="ed", password="pw-ed")
    response = client.post(LOGIN, data, REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT_LANGUAGE="en")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == in_chinese("Sign-in paused")
    assert "15 分钟" in soup.select_one("[role=alert]").get_text(" ", strip=True)
    assert soup.find("a", href=LOGIN) is not None


def english_administrator(django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password="pw-boss")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    return admin


def lock_out(username: str, address_prefix: str) -> None:
    client = fresh_client()
    for attempt in range(WRONG_TRIES):
        sign_in(client, username, "guess", f"{address_prefix}.{attempt + 1}")


def test_an_administrator_unlocks_an_account_from_the_admin(editor_user, django_user_model):
    lock_out("ed", "203.0.113")
    owner = fresh_client()
    assert sign_in(owner, "ed", "pw-ed", "192.0.2.1").status_code == 429

    admin = english_administrator(django_user_model)
    admin_client = fresh_client()
    admin_client.force_login(admin)
    listing = admin_client.get(reverse("login_throttle_lockouts"), HTTP_ACCEPT_LANGUAGE="en")
    assert listing.status_code == 200
    soup = BeautifulSoup(listing.content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if tr.td.get_text(strip=True) == "ed")
    assert "Locked" in row.get_text()
    data = form_fields(str(row).encode(), "form")
    assert data["username"] == "ed"
    unlocked = admin_client.post(reverse("login_throttle_lockouts"), data, follow=True)
    assert "“ed” can sign in again." in unlocked.content.decode()

    assert sign_in(owner, "ed", "pw-ed", "192.0.2.1").status_code == 302
    assert signed_in(owner)


def test_an_administrator_unlocks_an_address(translator_user, django_user_model):
    attacker = fresh_client()
    for attempt in range(WRONG_TRIES):
        sign_in(attacker, f"user{attempt}", "guess", "203.0.113.77")

    admin = english_administrator(django_user_model)
    admin_client = fresh_client()
    admin_client.force_login(admin)
    listing = admin_client.get(reverse("login_throttle_lockouts"))
    soup = BeautifulSoup(listing.content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if tr.td.get_text(strip=True) == "203.0.113.77")
    admin_client.post(reverse("login_throttle_lockouts"), form_fields(str(row).encode(), "form"))

    client = fresh_client()
    assert sign_in(client, translator_user.username, "pw-tr", "203.0.113.77").status_code == 302


def test_unlock_refuses_nonsense_without_an_error_page(django_user_model):
    admin = english_administrator(django_user_model)
    client = Client()
    client.force_login(admin)
    for data in ({"ip_address": "not-an-address"}, {"username": " "}, {}):
        response = client.post(
            reverse("login_throttle_lockouts"), data, follow=True, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 200
        assert "Choose an account or an address to unlock." in response.content.decode()


def test_only_administrators_see_lockouts(editor_user):
    client = Client()
    client.force_login(editor_user)
    response = client.get(reverse("login_throttle_lockouts"))
    assert response.status_code in (302, 403)
    assert client.post(reverse("login_throttle_lockouts"), {"username": "x"}).status_code in (
        302,
        403,
    )
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("login_throttle_lockouts") not in menu


@pytest.fixture
def production_settings(monkeypatch):
    """The production settings module as a deployment would load it."""
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(50))
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.delenv("REDIS_URL", raising=False)
    return importlib.reload(importlib.import_module("cms.settings.production"))


COOKIE_SETTINGS = [
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
]


def test_production_cookies_are_secure_httponly_and_samesite(production_settings, editor_user):
    values = {name: getattr(production_settings, name) for name in COOKIE_SETTINGS}
    with override_settings(**values):
        client = Client(enforce_csrf_checks=True, secure=True)
        response = sign_in(client, "ed", "pw-ed", "192.0.2.3")
        assert response.status_code == 302
        session = response.cookies[settings.SESSION_COOKIE_NAME]
        assert session["secure"] and session["httponly"]
        assert session["samesite"] == "Lax"
        csrf = client.cookies[settings.CSRF_COOKIE_NAME]
        assert csrf["secure"] and csrf["samesite"] == "Lax"

        assert csrf["httponly"]

        chosen = Client(secure=True).post("/i18n/setlang/", {"language": "en", "next": "/"})
        language = chosen.cookies[settings.LANGUAGE_COOKIE_NAME]
        assert language["secure"] and language["httponly"] and language["samesite"] == "Lax"
