"""The page-menu buttons of article screens: shown on an article's editor header and in the
page listing's "More" menu to users the permission table lets do the screen's action."""

from collections.abc import Callable, Iterator

from django.urls import reverse

from wagtail.admin.ui.menus.pages import PageMenuItem

from articles.editorial.permissions import Action, allows
from articles.models import ArticlePage


def article_menu_button(
    label: str, url_name: str, action: Action, icon: str, priority: int
) -> Callable[..., Iterator[PageMenuItem]]:
    """A ``register_page_header_buttons`` / ``register_page_listing_more_buttons`` hook for
    the screen at ``url_name`` (which takes the page id)."""

    def button(page, user, view_name=None, next_url=None) -> Iterator[PageMenuItem]:
        if isinstance(page.specific_deferred, ArticlePage) and allows(user, action, page):
            yield PageMenuItem(
                label,
                url=reverse(url_name, args=(page.pk,)),
                icon_name=icon,
                priority=priority,
                page=page,
            )

    return button
