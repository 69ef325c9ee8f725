"""Admin screens for translator review: URLs and the links to them.

``articles/wagtail_hooks.py`` includes this URLconf under ``/admin/articles/`` and registers
the two button functions.

The review screen is linked from an article's editor header and from the "More" menu of the
page listing, for users the permission table lets review it (``articles.editorial.permissions``).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import Button

from articles.editorial.permissions import Action, allows
from articles.models import ArticlePage
from articles.review import views

app_name = "articles_review"
urlpatterns = [
    path("<int:page_id>/review/", views.review, name="review"),
    path("<int:page_id>/review/revisions/", views.revisions, name="revisions"),
    path(
        "<int:page_id>/review/sections/<uuid:section_key>/recheck/",
        views.recheck,
        name="recheck",
    ),
    path(
        "<int:page_id>/review/sections/<uuid:section_key>/dismiss/",
        views.dismiss,
        name="dismiss",
    ),
    path(
        "<int:page_id>/review/sections/<uuid:section_key>/undismiss/",
        views.undismiss,
        name="undismiss",
    ),
]


def _review_button(page, user, priority: int):
    is_article = issubclass(page.specific_class or type(page), ArticlePage)
    if is_article and allows(user, Action.VIEW_REVIEW, page):
        yield Button(
            _("Review"),
            reverse("articles_review:review", args=(page.pk,)),
            icon_name="doc-full",
            priority=priority,
        )


def page_header_review_button(page, user, view_name, next_url=None):
    yield from _review_button(page, user, priority=12)


def page_listing_review_button(page, user, next_url=None):
    yield from _review_button(page, user, priority=3)
