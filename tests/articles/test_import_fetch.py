"""Importing from an address with ``import_article --url`` / ``--original-from`` (SECURITY-TESTS
E7): pages fetched from a real server on 127.0.0.1, and every refusal a clear message with
nothing created. The loopback guard is opened (``IMPORT_FETCH_ALLOW_LOOPBACK``) only in the
tests that fetch from that server; with it closed, 127.0.0.1 is refused like any local address.
"""

import json
import shutil
import ssl
import subprocess
import time
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory
from tests.fake_web_server import FakeWebServer

from .test_alignment import EN, ZH

URL = "https://example.com/superalignment"
ORIGINAL = "# Superalignment, a year on\n\n" + "\n\n".join(EN[1:4] + ["## Aftermath"] + EN[4:])
TRANSLATION = "# 超级对齐一年后\n\n" + "\n\n".join(ZH[1:4] + ["## 余波"] + ZH[5:])
TRANSLATION_PAGE = (
    '<!doctype html><html><head><meta charset="gb18030"><title>超级对齐一年后</title></head>'
    "<body><article><h1>超级对齐一年后</h1>"
    + "".join(f"<p>{p}</p>" for p in ZH[1:4])
    + "<h2>余波</h2>"
    + "".join(f"<p>{p}</p>" for p in ZH[5:])
    + f'<p>原文链接：<a href="{URL}">{URL}</a></p></article></body></html>'
)


@pytest.fixture(autouse=True)
def english_messages(settings):
    """The messages are read in English (the default interface is Chinese)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory(slug="articles")


@pytest.fixture
def server():
    with FakeWebServer() as web:
        yield web


@pytest.fixture
def web(server, settings):
    """The server, with the guard opened for loopback (and only loopback)."""
    settings.IMPORT_FETCH_ALLOW_LOOPBACK = True
    settings.IMPORT_FETCH_TIMEOUT = 2
    return server


def run(*args) -> dict:
    out = StringIO()
    call_command("import_article", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def refused(*args) -> str:
    """The command's message for a refused import; nothing may have been created."""
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert not ArticlePage.objects.exists()
    message = str(caught.value)
    assert message and "Traceback" not in message
    return message


# --- Fetched and imported ---------------------------------------------------------------------


def test_both_sides_fetched_and_imported(index, web):
    original = web.page("/en", ORIGINAL, content_type="text/markdown; charset=utf-8")
    translation = web.page(
        "/zh", TRANSLATION_PAGE.encode("gb18030"), content_type="text/html; charset=GB18030"
    )
    result = run("--original-from", original, "--url", translation)
    page = ArticlePage.objects.get(pk=result["page_id"])
    assert page.title == "超级对齐一年后" and not page.live
    # The translation page names the original's address; that one is kept.
    assert page.original_url == URL
    sections = list(page.sections.order_by("sort_order"))
    assert EN[1] in sections[0].body_en and ZH[1] in sections[0].body_zh_hans
    assert "余波" in sections[-1].heading_zh_hans + sections[-1].body_zh_hans
    assert web.requested == ["/en", "/zh"]


def test_a_fetched_original_gives_its_own_address_after_redirects(index, web, tmp_path):
    web.page("/article", ORIGINAL, content_type="text/markdown")
    start = web.redirect("/short", "/moved")
    web.redirect("/moved", web.url("/article"), status=301)
    translation = tmp_path / "zh.md"
    translation.write_text(TRANSLATION)
    result = run("--original-from", start, "--translation", str(translation))
    page = ArticlePage.objects.get(pk=result["page_id"])
    assert page.original_url.rstrip("/") == web.url("/article")
    assert web.requested == ["/short", "/moved", "/article"]


def test_the_translation_spelt_translation_from(index, web):
    translation = web.page("/zh", TRANSLATION + f"\n\n原文链接：{URL}", content_type="text/plain")
    result = run("--translation-from", translation)
    assert ArticlePage.objects.get(pk=result["page_id"]).original_url == URL


def test_a_file_and_an_address_for_one_side(index, web, tmp_path):
    translation = tmp_path / "zh.md"
    translation.write_text(TRANSLATION)
    message = refused("--translation", str(translation), "--url", web.url("/zh"))
    assert "not both" in message
    assert web.requested == []


# --- Refused before connecting (the guard closed) ---------------------------------------------

LOCAL_ADDRESSES = [
    "http://127.0.0.1:{port}/zh",
    "http://localhost:{port}/zh",  # a name that resolves to loopback
    "http://[::1]:{port}/zh",
    "http://2130706433:{port}/zh",  # 127.0.0.1 written as one number
    "http://0x7f.1:{port}/zh",
    "http://[::ffff:127.0.0.1]:{port}/zh",  # IPv4-mapped IPv6
    "http://0.0.0.0:{port}/zh",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://192.168.1.1/admin",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://224.0.0.1/",
    "http://[::ffff:10.0.0.1]/",
]


@pytest.mark.parametrize("address", LOCAL_ADDRESSES)
def test_local_and_private_addresses_refused(index, server, address):
    message = refused("--url", address.format(port=server.port))
    assert "cannot be imported" in message and "Only public web pages" in message
    assert server.requested == []


@pytest.mark.parametrize(
    "address",
    [
        "file:///etc/passwd",
        "ftp://example.com/article.txt",
        "gopher://127.0.0.1:70/_GET",
        "data:text/html,<p>你好</p>",
        "javascript:alert(1)",
        "example.com/article",
    ],
)
def test_addresses_that_are_not_web_pages_refused(index, address):
    assert "Only web pages" in refused("--original-from", address)


def test_an_address_with_a_password_refused(index):
    assert "user name or password" in refused("--url", "http://user:secret@example.com/")


# --- Refused by what the server does (the guard open for loopback) ----------------------------


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://[::ffff:10.0.0.1]/",
        "http://[fe80::1]/",
        "file:///etc/passwd",
        "gopher://example.com/",
    ],
)
def test_a_redirect_into_a_refused_address(index, web, location):
    message = refused("--url", web.redirect("/zh", location))
    assert "cannot be imported" in message or "Only web pages" in message
    assert web.requested == ["/zh"]


def test_a_redirect_loop(index, web):
    web.redirect("/b", "/a")
    message = refused("--url", web.redirect("/a", "/b"))
    assert "redirects in a loop" in message
    assert web.requested == ["/a", "/b"]


def test_five_redirects_followed_and_not_six(index, web):
    web.page("/page", TRANSLATION + f"\n\n原文链接：{URL}", content_type="text/markdown")
    for hop in range(6):
        web.redirect(f"/r{hop}", f"/r{hop + 1}" if hop < 5 else "/page")
    assert "redirects more than 5 times" in refused("--url", web.url("/r0"))
    assert len(web.requested) == 6 and "/page" not in web.requested
    run("--url", web.url("/r1"))
    assert ArticlePage.objects.count() == 1


@pytest.mark.parametrize(("status", "words"), [(404, "404 Not Found"), (500, "500 Internal")])
def test_an_error_from_the_server(index, web, status, words):
    message = refused("--url", web.page("/zh", "<p>Oops</p>", status=status))
    assert words in message and "instead of the page" in message


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/json"])
def test_not_text(index, web, content_type):
    message = refused("--url", web.page("/zh", b"\x89PNG\r\n\x1a\n", content_type=content_type))
    assert content_type in message and "not a web page or text" in message


@pytest.mark.parametrize("send_length", [True, False])
def test_too_big(index, web, send_length):
    body = ("<p>" + "很长的译文。" * 100 + "</p>\n") * 1200  # about 2.2 MB in UTF-8
    started = time.monotonic()
    message = refused("--url", web.page("/zh", body, send_length=send_length))
    assert "larger than 2 MB" in message
    assert time.monotonic() - started < 2


def test_too_slow_a_server_that_trickles(index, web, settings):
    """One byte every 50 ms never trips a read timeout; the whole fetch has one deadline."""
    settings.IMPORT_FETCH_TIMEOUT = 0.5
    started = time.monotonic()
    message = refused("--url", web.page("/zh", TRANSLATION, trickle_seconds=0.05))
    elapsed = time.monotonic() - started
    assert "did not arrive within 0.5 seconds" in message
    assert elapsed < 2


@pytest.mark.parametrize(
    ("content_type", "body", "words"),
    [
        ("text/html; charset=no-such-charset", TRANSLATION, "cannot read"),
        ("text/plain; charset=base64", TRANSLATION, "cannot read"),
        ("text/plain; charset=utf-8", TRANSLATION.encode("gb18030"), "but it is not"),
        (
            "text/plain",
            "日本語のテキストです。".encode("shift_jis") * 20,
            "cannot be read reliably",
        ),
        ("text/html", b'<meta charset="base64">' + "译文".encode("gbk") * 9, "reliably"),
    ],
)
def test_a_bad_character_set(index, web, content_type, body, words):
    assert words in refused("--url", web.page("/zh", body, content_type=content_type))


def test_an_empty_page(index, web):
    assert "is empty" in refused("--url", web.page("/zh", "  \n"))


def test_nobody_listening(index, web):
    with FakeWebServer() as gone:
        address = gone.url("/zh")
    assert "could not be fetched" in refused("--url", address)


# --- https: the certificate is checked for the name, the connection goes to the checked IP ----


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for localhost and 127.0.0.1, made with openssl."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def secure_web(certificate, settings):
    settings.IMPORT_FETCH_ALLOW_LOOPBACK = True
    settings.IMPORT_FETCH_TIMEOUT = 5
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    with FakeWebServer(tls=context) as web:
        yield web


@pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command")
def test_https_with_an_untrusted_certificate(index, secure_web):
    address = secure_web.page("/zh", TRANSLATION, content_type="text/markdown")
    message = refused("--url", address)
    assert "secure connection" in message and "CERTIFICATE_VERIFY_FAILED" in message


@pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command")
def test_https_with_a_trusted_certificate(index, secure_web, certificate, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    secure_web.page("/zh", TRANSLATION + f"\n\n原文链接：{URL}", content_type="text/markdown")
    result = run("--url", secure_web.url("/zh", host="localhost"))
    assert ArticlePage.objects.get(pk=result["page_id"]).original_url == URL
    assert secure_web.requested == ["/zh"]
