"""Template tags shared by the public site's templates."""

from django import template
from django.urls import translate_url

from cms.site_url import absolute

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context, language_code: str) -> str:
    """This page's address in another UI language (Chinese at the root, English under /en/)."""
    request = context["request"]
    return translate_url(request.get_full_path(), language_code)


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """``path`` on the Wagtail Site's root URL (``SITE_BASE_URL``), not the request's Host."""
    return absolute(path, context.get("request"))
