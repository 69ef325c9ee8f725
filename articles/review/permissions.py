"""Who may use the review screens: the three editorial roles, on pages they can see.

Being in a role is not enough: the user also needs a page permission on the article (view,
change, publish, or add as its owner), so a role limited to one section of the site does not
see the rest. Superusers may review everything.
"""

from __future__ import annotations

from wagtail.permission_policies.pages import PagePermissionPolicy

from articles.roles import ROLE_NAMES

_PAGE_ACTIONS = {"view", "change", "publish"}


def can_review(user, page) -> bool:
    """Whether ``user`` may open the review screens and revision diffs of ``page``."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not _in_a_role(user):
        return False
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, _PAGE_ACTIONS, page)


def _in_a_role(user) -> bool:
    # Cached on the user object: the page listing asks once per row.
    cached = getattr(user, "_duizhao_review_role", None)
    if cached is None:
        cached = user.groups.filter(name__in=ROLE_NAMES).exists()
        user._duizhao_review_role = cached
    return cached
