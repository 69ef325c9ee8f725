"""Template tags of the admin's workflow panels."""

from django import template
from django.urls import reverse

from articles.editorial.permissions import Action, allows
from articles.models import AbridgmentReviewTask, ArticlePage
from articles.models.workflow import abridgment_review_url

register = template.Library()


@register.simple_tag(takes_context=True)
def step_screen_url(context, obj, task_state) -> str:
    """Where an article waiting on the user's step opens from the dashboard: the abridgment
    review screen at that step, the review screen when the user may not edit the article;
    empty where Wagtail's own editor link applies."""
    if not isinstance(obj, ArticlePage):
        return ""
    user = context["request"].user
    if isinstance(task_state.task.specific, AbridgmentReviewTask):
        return abridgment_review_url(obj)
    if obj.permissions_for_user(user).can_edit():
        return ""
    if allows(user, Action.VIEW_REVIEW, obj):
        return reverse("articles_review:review", args=(obj.pk,))
    return ""
