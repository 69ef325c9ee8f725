"""Response headers (SECURITY-TESTS B6): a strict Content-Security-Policy on every public page,
Report-Only in the admin, the other hardening headers, and `check --deploy` without warnings."""

import base64
import hashlib
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from people.models import Person, Quote

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
ENFORCED = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def public_urls(demo_article) -> list[str]:
    person = Person.objects.filter(slug__gt="").first()
    quote = Quote.objects.first()
    return [
        "/",
        "/en/",
        demo_article.get_parent().url,
        demo_article.url,
        demo_article.url + "?view=bilingual",
        "/en" + demo_article.url,
        reverse("people:person_list"),
        person.get_absolute_url(),
        reverse("people:quote_list"),
        quote.get_absolute_url(),
        "/no-such-page/",
    ]


def test_public_pages_enforce_a_strict_policy(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert REPORT_ONLY not in response, url
        policy = directives(response[ENFORCED])
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'self'"], url
        assert policy["form-action"] == ["'self'"], url
        for name, sources in policy.items():
            # Nothing from elsewhere and no blanket exceptions; hashes are exact.
            assert all(
                source in ("'self'", "'none'") or source.startswith("'sha256-")
                for source in sources
            ), (url, name, sources)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Frame-Options"] in ("SAMEORIGIN", "DENY"), url


def test_public_html_has_no_inline_script_or_style_and_only_own_assets(client, public_urls):
    for url in public_urls:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                # A JSON-LD data block is never executed; it must be JSON and nothing else.
                json.loads(script.string)
                continue
            assert script.get("src"), f"inline <script> on {url}: {script}"
            assert not script.string or not script.string.strip(), url
        assert not soup.find_all("style"), url
        for element in soup.find_all(True):
            for attribute in element.attrs:
                assert not attribute.lower().startswith("on"), f"{attribute} on {url}"
                assert attribute.lower() != "style", f"style attribute on {url}: {element}"
            for attribute in ("href", "src"):
                value = element.get(attribute) or ""
                assert not value.strip().lower().startswith("javascript:"), url
        for element in soup.select("script[src], link[rel~=stylesheet], img[src], link[rel~=icon]"):
            address = element.get("src") or element.get("href")
            parts = urlsplit(address)
            assert not parts.netloc or parts.netloc == "testserver", f"{address} on {url}"


def test_the_error_page_style_is_allowed_by_its_hash(client):
    """templates/500.html stands alone (no static files when things are broken): its one
    inline style must match the hash the public policy allows."""
    template = (BASE_DIR / "templates" / "500.html").read_text(encoding="utf-8")
    styles = re.findall(r"<style>(.*?)</style>", template, re.S)
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    policy = directives(client.get("/")[ENFORCED])
    assert f"'sha256-{digest}'" in policy["style-src"]


def test_admin_pages_report_without_enforcing(client, editor_user):
    login = client.get(reverse("wagtailadmin_login"))
    assert ENFORCED not in login
    policy = directives(login[REPORT_ONLY])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]

    client.force_login(editor_user)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert ENFORCED not in home
    assert directives(home[REPORT_ONLY])["default-src"] == ["'self'"]
    assert home["X-Content-Type-Options"] == "nosniff"


def test_the_public_api_sends_the_strict_policy(client, demo_article):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert directives(response[ENFORCED])["script-src"] == ["'self'"]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "duizhao.example.com",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
