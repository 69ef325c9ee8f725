"""The request's Wagtail Site and its home page's path from the cache, in one round trip,
instead of a query on every request.

Wagtail asks the database which Site serves a request on every request
(``Site.find_for_request``), although Sites change about once in a site's life. The Sites
are kept in the cache (``cms.shared_values``) and read together with Wagtail's own cached
site root paths and whether any page has view restrictions (``cms.view_restrictions``); the
choice among the Sites follows ``wagtail.models.sites.get_site_for_hostname`` exactly. The
answers are left on the request where Wagtail looks for them, so nothing else in the request
asks again. Saving or deleting a Site moves the cached list on (``cms.apps``); Wagtail
forgets its root paths itself when a home page's address changes.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.http.request import split_domain_port

from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SiteRootPath

from cms import shared_values
from cms.view_restrictions import RESTRICTIONS, restrictions_exist

SITES = "sites"


@dataclass(frozen=True)
class SiteMatch:
    site: Site
    root_path: str  # the home page's ``url_path``, e.g. "/home/"
    root_paths: list[SiteRootPath]  # every Site's, as Page.get_url_parts wants them
    any_view_restrictions: bool


def best_site(sites: list[Site], hostname: str, port: int) -> Site | None:
    """``get_site_for_hostname`` without the query: exact hostname and port, then the
    hostname on the default Site, then the default Site unless exactly one other Site has
    the hostname."""

    def rank(site: Site) -> int:
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=rank
    )
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0]
    if rank(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def match_site(request: HttpRequest) -> SiteMatch | None:
    """The Site serving ``request``, its home page's path and what else routing needs."""
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except ValueError:
        return None
    found = shared_values.fetch(
        [*shared_values.keys_for([SITES, RESTRICTIONS]), SITE_ROOT_PATHS_CACHE_KEY]
    )
    sites = shared_values.value(SITES, lambda: list(Site.objects.all()), found)
    root_paths = found.get(SITE_ROOT_PATHS_CACHE_KEY)
    if root_paths is None:
        root_paths = Site.get_site_root_paths()
    # Where Page.get_url_parts keeps the root paths for the rest of the request.
    request._wagtail_cached_site_root_paths = root_paths
    site = best_site(sites, hostname, port)
    if site is None:
        return None
    request._wagtail_site = site  # where Site.find_for_request keeps its answer
    for root in root_paths:
        if root.site_id == site.pk:
            return SiteMatch(
                site=site,
                root_path=root.root_path,
                root_paths=root_paths,
                any_view_restrictions=restrictions_exist(found),
            )
    return None


def sites_changed(**kwargs) -> None:
    shared_values.changed(SITES)
