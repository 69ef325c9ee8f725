"""Template tags shared by the public site's templates."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context, language_code: str) -> str:
    """This page's address in another UI language (Chinese at the root, English under /en/)."""
    request = context["request"]
    return translate_url(request.get_full_path(), language_code)


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)
