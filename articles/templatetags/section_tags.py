"""Template filters for sections on admin screens."""

from django import template

from articles.editorial.section_rules import status_label as _status_label

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    """A section status code as its label in the user's language."""
    return _status_label(status)
