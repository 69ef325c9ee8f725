"""Admin registration for site-wide screens that belong to no content app."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.lockouts import LockoutsView, may_unlock


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("sign-in-lockouts/", LockoutsView.as_view(), name="login_throttle_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        gettext_lazy("Sign-in lock-outs"),
        reverse("login_throttle_lockouts"),
        icon_name="lock",
        order=700,
    )


@hooks.register("register_permissions")
def register_unlock_permission():
    """Lets an administrator grant unlocking to a group in Settings → Groups."""
    return Permission.objects.filter(
        content_type__app_label="axes", codename="delete_accessattempt"
    )
