"""Whether any page has a view restriction (a password, a login, groups), from the cache.

Before serving a page Wagtail looks up the restrictions on it and its ancestors, two queries
on every request, though most sites restrict no page at all. When no restriction exists
anywhere, none can apply, and ``articles.models.view_restrictions`` answers without asking;
otherwise Wagtail's own lookup runs. Saving or deleting a restriction moves the cached
answer on (``cms.apps``).
"""

from typing import Any

from wagtail.models import PageViewRestriction

from cms import shared_values

RESTRICTIONS = "page-view-restrictions"


def restrictions_exist(found: dict[str, Any] | None = None) -> bool:
    """``found``: the caller's ``shared_values.fetch`` of ``RESTRICTIONS`` among others."""
    return shared_values.value(RESTRICTIONS, PageViewRestriction.objects.exists, found)


def restrictions_changed(**kwargs) -> None:
    shared_values.changed(RESTRICTIONS)
