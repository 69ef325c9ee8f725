"""The site's public address, in one place: the default Wagtail Site's root URL, which the
``SITE_BASE_URL`` setting sets (``sync_default_site``, run by ``manage.py sync_site`` and by
the demo loader). Canonical links, hreflang, feeds, the sitemap, robots.txt and the API's
``html_url``/``detail_url`` all build absolute addresses from the Site, never from the
request's Host header."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

from wagtail.models import Site

# The hreflang (BCP 47) spelling of each interface language.
HREFLANG = {"zh-hans": "zh-Hans", "en": "en"}


def hreflang(language_code: str) -> str:
    return HREFLANG.get(language_code, language_code)


def site_for(request: HttpRequest | None = None) -> Site | None:
    """The request's Wagtail Site (cached on the request by Wagtail), else the default one."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def root_url(request: HttpRequest | None = None) -> str:
    """``scheme://host[:port]`` of the site, without a trailing slash."""
    site = site_for(request)
    return site.root_url if site is not None else settings.SITE_BASE_URL


def absolute(path: str, request: HttpRequest | None = None) -> str:
    """``path`` (as from ``reverse``) made absolute on the site's root URL."""
    if path.startswith(("http://", "https://")):
        return path
    return root_url(request) + path


def site_address(base_url: str) -> tuple[str, int]:
    """The Site hostname and port that make ``Site.root_url`` equal ``base_url``."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"SITE_BASE_URL must be an http(s) address, not {base_url!r}")
    default_port = 443 if parts.scheme == "https" else 80
    port = parts.port if parts.port is not None else default_port
    if parts.scheme == "https" and port != 443:
        # Wagtail's Site.root_url says https only for port 443.
        raise ValueError(f"an https SITE_BASE_URL must use port 443, not {base_url!r}")
    return parts.hostname, port


def sync_default_site(base_url: str | None = None) -> bool:
    """Point the default Site at ``base_url`` (``SITE_BASE_URL`` by default); True when it
    changed."""
    hostname, port = site_address(base_url or settings.SITE_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
