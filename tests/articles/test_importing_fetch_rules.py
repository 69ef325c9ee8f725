"""Which addresses the importer may fetch and connect to (no network here)."""

import pytest

from articles.importing.engine import ImportInputError
from articles.importing.engine.fetch_rules import parse_target, refusal


@pytest.fixture(autouse=True)
def english_messages(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "0.0.0.0",  # noqa: S104
        "::",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "100.64.0.1",  # shared (carrier-grade NAT)
        "169.254.169.254",  # cloud metadata
        "fe80::1",
        "fe80::1%eth0",
        "fc00::1",
        "fd12:3456::1",
        "224.0.0.1",
        "239.255.255.250",
        "ff02::1",
        "ff0e::1",  # global-scope multicast is still multicast
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",  # documentation
        "2001:db8::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::127.0.0.1",  # IPv4-compatible (deprecated)
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "not-an-ip",
    ],
)
def test_refused(address):
    assert refusal(address)
    assert refusal(address, allow_loopback=True) or address.startswith(
        ("127.", "::1", "::ffff:127", "2002:7f00")
    )


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_allowed(address):
    assert refusal(address) == ""


def test_the_test_guard_opens_loopback_only():
    assert refusal("127.0.0.1", allow_loopback=True) == ""
    assert refusal("::1", allow_loopback=True) == ""
    assert refusal("::ffff:127.0.0.1", allow_loopback=True) == ""
    for address in ("10.0.0.1", "169.254.169.254", "0.0.0.0", "fe80::1"):  # noqa: S104
        assert refusal(address, allow_loopback=True)


def test_a_target_is_split_for_the_request():
    target = parse_target("  https://Example.COM:8443/文章/a b?q=中&x=1#part ")
    assert (target.scheme, target.host, target.port) == ("https", "example.com", 8443)
    assert target.request_path == "/%E6%96%87%E7%AB%A0/a%20b?q=%E4%B8%AD&x=1"
    assert "#" not in target.url
    assert parse_target("http://例子.测试/").host == "xn--fsqu00a.xn--0zwm56d"
    assert parse_target("HTTP://example.com").request_path == "/"


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("", "Give the address"),
        ("file:///etc/passwd", "Only web pages"),
        ("FILE:///etc/passwd", "Only web pages"),
        ("gopher://example.com/", "Only web pages"),
        ("ftp://example.com/", "Only web pages"),
        ("data:text/html,hi", "Only web pages"),
        ("//example.com/a", "Only web pages"),
        ("http://user:pw@example.com/", "user name or password"),
        ("http://example.com\r\nHost: evil/", "not a web address"),
        ("http:///nohost", "not a web address"),
        ("http://example.com:99999/", "not a web address"),
        ("http://" + "a" * 64 + ".com/", "not a web address"),
    ],
)
def test_addresses_refused_before_any_lookup(address, words):
    with pytest.raises(ImportInputError) as caught:
        parse_target(address)
    assert words in caught.value.message
