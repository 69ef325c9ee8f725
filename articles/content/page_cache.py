"""Version number for cached article fragments.

Article pages cache their rendered body keyed on the page's own publish state (Wagtail's
``cache_key``) and on this number, which moves whenever a snippet an article shows (a
person, quote or topic) changes, so a corrected quote reaches every page at once.
``articles.signals`` connects ``bump_content_version`` to those models."""

from django.core.cache import cache

VERSION_KEY = "duizhao:article-fragments:version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**kwargs) -> None:
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return  # a login changes nothing an article shows
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates old fragments
        cache.set(VERSION_KEY, 2, timeout=None)
