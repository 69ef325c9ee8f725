"""Importing from an address on the admin import form, driven from the rendered HTML: a page
fetched from a real server on 127.0.0.1 (guard opened for loopback) becomes a draft; every
refusal is the address field's error on the form, and nothing is created."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory
from tests.fake_web_server import FakeWebServer
from tests.rendered_forms import form_data

from .test_import_fetch import ORIGINAL, TRANSLATION, TRANSLATION_PAGE, URL

pytestmark = pytest.mark.usefixtures("english_admin")


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory()


@pytest.fixture
def server():
    with FakeWebServer() as web:
        yield web


@pytest.fixture
def web(server, settings):
    settings.IMPORT_FETCH_ALLOW_LOOPBACK = True
    settings.IMPORT_FETCH_TIMEOUT = 2
    return server


def the_form(client, index) -> dict:
    page = client.get(reverse("articles_import") + f"?parent={index.pk}")
    assert page.status_code == 200
    return form_data(page.content.decode(), "translation_fetch_url")


def field_error(html: str, name: str) -> str:
    """The error text shown with the field ``name`` (Wagtail's field wrapper)."""
    soup = BeautifulSoup(html, "html.parser")
    field = soup.select_one(f'[name="{name}"]')
    wrapper = field.find_parent(class_="w-field__wrapper")
    errors = wrapper.select_one(".w-field__errors")
    return errors.get_text(" ", strip=True) if errors else ""


def test_the_form_offers_an_address_for_each_side(client, index, editor_user):
    client.force_login(editor_user)
    form = the_form(client, index)
    assert {"original_fetch_url", "translation_fetch_url"} <= set(form)


def test_fetched_pages_previewed_then_created(client, index, editor_user, web):
    client.force_login(editor_user)
    form = the_form(client, index)
    form["original_fetch_url"] = web.page("/en", ORIGINAL, content_type="text/markdown")
    form["translation_fetch_url"] = web.page(
        "/zh", TRANSLATION_PAGE.encode("gb18030"), content_type="text/html; charset=gb18030"
    )
    shown = client.post(reverse("articles_import"), form)
    assert shown.status_code == 200
    assert ArticlePage.objects.count() == 0  # the preview saves nothing
    preview_form = form_data(shown.content.decode(), "original_url")
    assert preview_form["original_url"] == URL
    assert "超级对齐一年后" in preview_form["translation_text"]

    created = client.post(reverse("articles_import"), preview_form)

    assert created.status_code == 302
    page = ArticlePage.objects.get()
    assert created["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.title == "超级对齐一年后" and page.original_url == URL
    sections = list(page.sections.order_by("sort_order"))
    english = " ".join(f"{s.heading_en} {s.body_en}" for s in sections)
    chinese = " ".join(f"{s.heading_zh_hans} {s.body_zh_hans}" for s in sections)
    assert all(p in english for p in ORIGINAL.split("\n\n")[1:4])
    assert "余波" in chinese and TRANSLATION.split("\n\n")[1] in chinese
    assert web.requested == ["/en", "/zh"]  # fetched once, for the preview


def test_a_fetched_original_proposes_its_address(client, index, editor_user, web):
    client.force_login(editor_user)
    form = the_form(client, index)
    form["original_fetch_url"] = web.page("/en", ORIGINAL, content_type="text/markdown")
    form["translation_text"] = TRANSLATION
    shown = client.post(reverse("articles_import"), form)
    preview_form = form_data(shown.content.decode(), "original_url")
    assert preview_form["original_url"] == web.url("/en")
    assert client.post(reverse("articles_import"), preview_form).status_code == 302
    assert ArticlePage.objects.get().original_url == web.url("/en")


def refused(client, index, side: str, address: str) -> str:
    """The field error the form shows for ``address``; nothing may have been created."""
    form = the_form(client, index)
    form[f"{side}_fetch_url"] = address
    response = client.post(reverse("articles_import"), form)
    assert response.status_code == 400
    assert not ArticlePage.objects.exists()
    html = response.content.decode()
    assert "Check the form." in html
    message = field_error(html, f"{side}_fetch_url")
    assert message
    return message


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:{port}/zh",
        "http://localhost:{port}/zh",
        "http://[::1]:{port}/zh",
        "http://2130706433:{port}/zh",
        "http://[::ffff:127.0.0.1]:{port}/zh",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://[fe80::1]/",
    ],
)
def test_local_and_private_addresses_refused_with_the_guard_closed(
    client, index, editor_user, server, address
):
    client.force_login(editor_user)
    server.page("/zh", TRANSLATION, content_type="text/markdown")
    message = refused(client, index, "translation", address.format(port=server.port))
    assert "Only public web pages can be fetched" in message
    assert server.requested == []


@pytest.mark.parametrize(
    "address", ["file:///etc/passwd", "ftp://example.com/a.txt", "gopher://x/", "data:,hi"]
)
def test_other_schemes_refused(client, index, editor_user, address):
    client.force_login(editor_user)
    assert "Only web pages" in refused(client, index, "original", address)


def test_a_redirect_into_a_private_address(client, index, editor_user, web):
    client.force_login(editor_user)
    start = web.redirect("/zh", "http://169.254.169.254/latest/meta-data/")
    message = refused(client, index, "translation", start)
    assert "169.254.169.254" in message and "link-local" in message


def test_a_redirect_loop(client, index, editor_user, web):
    client.force_login(editor_user)
    web.redirect("/b", "/a")
    assert "in a loop" in refused(client, index, "translation", web.redirect("/a", "/b"))


@pytest.mark.parametrize("status", [404, 500])
def test_an_error_from_the_server(client, index, editor_user, web, status):
    client.force_login(editor_user)
    message = refused(client, index, "translation", web.page("/zh", "<p>x</p>", status=status))
    assert str(status) in message and "instead of the page" in message


def test_not_text(client, index, editor_user, web):
    client.force_login(editor_user)
    address = web.page("/zh", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    assert "image/png" in refused(client, index, "translation", address)


def test_too_big(client, index, editor_user, web):
    client.force_login(editor_user)
    address = web.page("/zh", b"x" * (2 * 1024 * 1024 + 1), content_type="text/plain")
    assert "larger than 2 MB" in refused(client, index, "translation", address)


def test_too_slow(client, index, editor_user, web, settings):
    client.force_login(editor_user)
    settings.IMPORT_FETCH_TIMEOUT = 0.5
    address = web.page("/zh", TRANSLATION, trickle_seconds=0.05)
    assert "did not arrive within 0.5 seconds" in refused(client, index, "translation", address)


def test_a_bad_character_set(client, index, editor_user, web):
    client.force_login(editor_user)
    address = web.page("/zh", TRANSLATION, content_type="text/html; charset=x-unknown")
    assert "x-unknown" in refused(client, index, "translation", address)


def test_an_address_and_pasted_text_for_one_side(client, index, editor_user, web):
    client.force_login(editor_user)
    form = the_form(client, index)
    form["translation_text"] = TRANSLATION
    form["translation_fetch_url"] = web.page("/zh", TRANSLATION, content_type="text/plain")
    response = client.post(reverse("articles_import"), form)
    assert response.status_code == 400
    assert "not more than one" in field_error(response.content.decode(), "translation_fetch_url")
    assert web.requested == [] and not ArticlePage.objects.exists()


def test_the_message_is_escaped(client, index, editor_user):
    client.force_login(editor_user)
    form = the_form(client, index)
    form["original_fetch_url"] = "javascript:<script>alert(1)</script>"
    html = client.post(reverse("articles_import"), form).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
