"""Who may use the review screens: the three editorial roles, on pages they can see.

Being in a role is not enough: the user also needs a page permission on the article (view,
change, publish, or add as its owner), so a role limited to one section of the site does not
see the rest. Superusers may review everything.
"""

from __future__ import annotations

from wagtail.permission_policies.pages import PagePermissionPolicy

from articles.roles import ROLE_NAMES, has_role

_PAGE_ACTIONS = {"view", "change", "publish"}


def can_review(user, page) -> bool:
    """Whether ``user`` may open the review screens and revision diffs of ``page``."""
    if not has_role(user, *ROLE_NAMES):
        return False
    if user.is_superuser:
        return True
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, _PAGE_ACTIONS, page)
