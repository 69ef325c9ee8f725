"""The admin's sidebar, made once per user and language instead of on every admin screen.

Wagtail builds the sidebar (main menu, submenus, search area, account menu) for each screen:
every menu item asks for the user's permissions, and the whole is packed as JSON for the
sidebar's script. That was about a quarter of a report screen's time. What it shows depends
only on who the user is (name, avatar, dismissed "what's new" badges), what they may do
(groups and their names, model, page and collection permissions, and the page tree for the
explorer's start page), the language and the running code. So each worker keeps the sidebar
it made for a user and language while the ``admin-sidebar`` generation (``cms.shared_values``)
stands; a change to any of those inputs moves the generation for every worker, once the change
is committed. A change made without Django's signals (SQL by hand, a bulk write) shows within
``KEPT_SECONDS``; a new deployment starts new workers, with nothing kept.

The sidebar only lists: every view still checks the user's permissions itself.
"""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.signals import setting_changed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template import Context
from django.urls import get_script_prefix
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.signals import post_page_move
from wagtail.users.models import UserProfile

from articles.kept import Kept
from cms import shared_values

SIDEBARS = "admin-sidebar"
KEPT_SECONDS = 600
_clock = time.time
# A user and language each: a few kilobytes apiece.
_kept: Kept[tuple[str, int, object, str, str], SafeString] = Kept(most=500)
_wagtails_sidebar_props = wagtailadmin_tags.sidebar_props


def sidebar_props(context: Context) -> SafeString:
    """Wagtail's ``{% sidebar_props %}``, kept per user, language and generation."""
    user = context["request"].user
    generation = shared_values.generation(SIDEBARS)
    if generation is None:  # a cache that keeps nothing could not tell the workers of a change
        return _wagtails_sidebar_props(context)
    period = int(_clock() // KEPT_SECONDS)
    key = (generation, period, user.pk, get_language(), get_script_prefix())
    return _kept.get(key, lambda: _wagtails_sidebar_props(context))


def sidebars_changed(**kwargs) -> None:
    shared_values.changed(SIDEBARS)


def _settings_changed(**kwargs) -> None:
    shared_values.move(SIDEBARS)


def _user_saved(*, update_fields=None, **kwargs) -> None:
    # Signing in saves the time of it, on which nothing in the sidebar depends.
    if update_fields is None or set(update_fields) - {"last_login"}:
        sidebars_changed()


def install() -> None:
    """Take over Wagtail's tag, and move the generation whenever an input changes. A new
    account moves it too (saved users do): its number may be a deleted account's."""
    wagtailadmin_tags.register.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")
    user_model = get_user_model()
    changing = (Group, Permission, GroupPagePermission, GroupCollectionPermission, UserProfile)
    for model in changing:
        uid = f"duizhao-sidebar-{model.__name__}"
        post_save.connect(sidebars_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(sidebars_changed, sender=model, dispatch_uid=f"{uid}-deleted")
    post_save.connect(_user_saved, sender=user_model, dispatch_uid="duizhao-sidebar-user-saved")
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            sidebars_changed, sender=through, dispatch_uid=f"duizhao-sidebar-{through.__name__}"
        )
    # A moved page can move the explorer's start page (the pages a user may work on meet there).
    post_page_move.connect(sidebars_changed, dispatch_uid="duizhao-sidebar-page-moved")
    setting_changed.connect(_settings_changed, dispatch_uid="duizhao-sidebar-settings")
